//! Factions and their map colours.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// The colour reserved for places whose holder is unknown.
    pub const UNKNOWN: Rgb = Rgb([0x9e, 0x9e, 0x9e]);
}

impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let hex = t.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii());
        let parse = |h: &str, i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        match hex.and_then(|h| Some([parse(h, 0)?, parse(h, 2)?, parse(h, 4)?])) {
            Some(rgb) => Ok(Rgb(rgb)),
            None => Err(format!("'{t}' is not a colour: write #RRGGBB")),
        }
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl serde::Serialize for Rgb {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Faction {
    pub id: String,
    pub name: String,
    pub color: Rgb,
    /// Every way the sources name this side.
    pub aliases: Vec<String>,
    /// The camp of allied sides this one belongs to ("Dignity camp"), drawn in one family of
    /// hues and grouped in the legend; empty for a side of its own.
    pub bloc: String,
}

impl Faction {
    /// The name without its parenthesised gloss: "Libyan National Army (Haftar)" → "Libyan National Army".
    pub fn short_name(&self) -> &str {
        self.name.split(" (").next().unwrap_or(&self.name).trim()
    }

    /// A label for tight spaces: the initials of a name of three or more capitalised words
    /// ("Libyan National Army" → "LNA", "Government of National Accord" → "GNA"), else the short name.
    pub fn abbreviation(&self) -> String {
        let short = self.short_name();
        let capitalised: Vec<char> =
            short.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
        if capitalised.len() >= 3 { capitalised.into_iter().collect() } else { short.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_abbreviate_to_their_initials() {
        let cases = [
            ("Libyan National Army (Haftar)", "LNA"),
            ("Government of National Accord (UN-backed)", "GNA"),
            ("Benghazi Defence Brigades", "BDB"),
            ("Libya Dawn (Misratan-led coalition)", "Libya Dawn"),
            ("Derna militias (Mujahideen Shura Council / Derna Protection Force)", "Derna militias"),
            ("Ansar al-Sharia", "Ansar al-Sharia"),
            ("Islamic State", "Islamic State"),
        ];
        for (name, want) in cases {
            let f = Faction {
                id: "x".into(),
                name: name.into(),
                color: Rgb([0, 0, 0]),
                aliases: Vec::new(),
                bloc: String::new(),
            };
            assert_eq!(f.abbreviation(), want, "{name}");
        }
    }

    #[test]
    fn colours_parse_only_as_hex_triplets() {
        let cases = [
            ("#0072b2", Some([0x00, 0x72, 0xb2])),
            ("#D55E00", Some([0xd5, 0x5e, 0x00])),
            (" #ffffff ", Some([255, 255, 255])),
            ("0072b2", None),
            ("#0072b", None),
            ("#0072bz", None),
            ("blue", None),
            ("#ééé", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(text.parse::<Rgb>().ok().map(|c| c.0), expected, "{text:?}");
        }
        assert_eq!(Rgb([0, 0x72, 0xb2]).to_string(), "#0072b2");
    }
}
