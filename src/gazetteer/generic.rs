//! Generic words ("airport", "border crossing", "region"…) that say what kind of place a name is,
//! rather than which one.

use crate::model::place::PlaceKind;

/// The kind of place a generic word points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Generic {
    Airbase,
    OilTerminal,
    Crossing,
    /// Region or district.
    Area,
    Settlement,
    /// An oasis is a town or the area around it.
    Oasis,
    /// Says nothing about the kind ("international", "oil", "of").
    Neutral,
}

/// `word` is normalized (lower case, no diacritics).
pub(crate) fn generic(word: &str) -> Option<Generic> {
    Some(match word {
        "airport" | "airfield" | "airstrip" | "airbase" | "air" | "base" | "force" | "military" => {
            Generic::Airbase
        }
        "terminal" => Generic::OilTerminal,
        "border" | "crossing" | "post" | "checkpoint" => Generic::Crossing,
        "region" | "district" | "area" | "province" | "governorate" | "municipality" | "desert"
        | "shabiyat" | "baladiyat" | "mantiqat" => Generic::Area,
        "town" | "city" | "village" | "madinat" | "qaryat" => Generic::Settlement,
        "oasis" => Generic::Oasis,
        "international" | "oil" | "of" | "the" => Generic::Neutral,
        _ => return None,
    })
}

/// Filler words may sit inside a name's generic part but never start or end a mention.
pub(crate) fn is_filler(word: &str) -> bool {
    matches!(word, "of" | "the")
}

impl Generic {
    pub fn accepts(self, kind: PlaceKind) -> bool {
        match self {
            Generic::Airbase => kind == PlaceKind::Airbase,
            Generic::OilTerminal => matches!(kind, PlaceKind::OilTerminal | PlaceKind::OilField),
            Generic::Crossing => kind == PlaceKind::BorderCrossing,
            Generic::Area => matches!(kind, PlaceKind::Region | PlaceKind::District),
            Generic::Settlement => kind.is_settlement(),
            Generic::Oasis => kind.is_settlement() || matches!(kind, PlaceKind::Region | PlaceKind::District),
            Generic::Neutral => true,
        }
    }
}

/// A name or query split into its specific words and what its generic words say.
#[derive(Debug, Clone)]
pub(crate) struct Split<'a> {
    /// The words that are not generic, in order.
    pub core: Vec<&'a str>,
    /// The first generic word that names a kind.
    pub hint: Option<Generic>,
    pub had_generic: bool,
}

pub(crate) fn split<'a>(words: &[&'a str]) -> Split<'a> {
    let mut core = Vec::with_capacity(words.len());
    let mut hint = None;
    let mut had_generic = false;
    for &w in words {
        match generic(w) {
            Some(g) => {
                had_generic = true;
                if hint.is_none() && g != Generic::Neutral {
                    hint = Some(g);
                }
            }
            None => core.push(w),
        }
    }
    Split { core, hint, had_generic }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_words_are_split_off_with_their_kind() {
        let s = split(&["hon", "airport"]);
        assert_eq!((s.core, s.hint, s.had_generic), (vec!["hon"], Some(Generic::Airbase), true));
        let s = split(&["military", "base", "of", "jufra"]);
        assert_eq!((s.core, s.hint), (vec!["jufra"], Some(Generic::Airbase)));
        let s = split(&["misrata", "international", "airport"]);
        assert_eq!((s.core, s.hint), (vec!["misrata"], Some(Generic::Airbase)));
        let s = split(&["bani", "walid"]);
        assert!(!s.had_generic && s.hint.is_none());
        assert!(Generic::Settlement.accepts(PlaceKind::City));
        assert!(!Generic::Area.accepts(PlaceKind::Town));
        assert!(Generic::Neutral.accepts(PlaceKind::Airbase));
    }
}
