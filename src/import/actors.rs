//! `actors.csv`: which side each actor of an export is on (`actor,faction,color,events`). The
//! first import writes one faction per actor; the user joins allies and sets colours by editing
//! it, and later imports keep their choices and recount the events.

use std::collections::HashMap;
use std::path::Path;

pub const ACTORS_FILE: &str = "actors.csv";

/// Colours for new factions, told apart by most readers (Okabe and Ito's, then darker shades).
const PALETTE: [&str; 12] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f3c8d", "#8c564b", "#3b7d23",
    "#b8860b", "#1f4e79", "#a11d33",
];

struct Row {
    actor: String,
    faction: String,
    color: String,
    events: usize,
}

#[derive(Default)]
pub struct Actors {
    rows: Vec<Row>,
    index: HashMap<String, usize>,
    /// Rows read from an earlier import.
    kept: usize,
}

impl Actors {
    /// The file of an earlier import, or none; its counts are made again by this import.
    pub fn read(path: &Path) -> Result<Actors, String> {
        let mut actors = Actors::default();
        let Ok(bytes) = std::fs::read(path) else { return Ok(actors) };
        let shown = path.display();
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes.as_slice());
        let headers = reader.headers().map_err(|e| format!("{shown}: {e}"))?.clone();
        let col = |name: &str| headers.iter().position(|h| h.trim() == name);
        let (Some(actor), Some(faction)) = (col("actor"), col("faction")) else {
            return Err(format!("{shown}: needs the columns actor and faction (and color)"));
        };
        let color = col("color");
        for record in reader.records() {
            let record = record.map_err(|e| format!("{shown}: {e}"))?;
            let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim().to_string();
            let (name, side) = (get(Some(actor)), get(Some(faction)));
            if name.is_empty() || actors.index.contains_key(&name) {
                continue;
            }
            let side = if side.is_empty() { slug(&name) } else { side };
            actors.push(name, side, get(color));
        }
        actors.kept = actors.rows.len();
        Ok(actors)
    }

    fn push(&mut self, actor: String, faction: String, color: String) -> usize {
        self.index.insert(actor.clone(), self.rows.len());
        self.rows.push(Row { actor, faction, color, events: 0 });
        self.rows.len() - 1
    }

    fn row(&mut self, actor: &str) -> usize {
        if let Some(&i) = self.index.get(actor) {
            return i;
        }
        let color = PALETTE[self.rows.len() % PALETTE.len()].to_string();
        self.push(actor.to_string(), slug(actor), color)
    }

    /// One more event naming `actor`.
    pub fn count(&mut self, actor: &str) {
        let i = self.row(actor);
        self.rows[i].events += 1;
    }

    /// The faction id `actor` is on.
    pub fn faction_of(&mut self, actor: &str) -> String {
        let i = self.row(actor);
        self.rows[i].faction.clone()
    }

    /// Actors this import met for the first time.
    pub fn new_count(&self) -> usize {
        self.rows.len() - self.kept
    }

    /// The factions, in the order their first actor appears: id, name and colour. A faction of
    /// one actor is named after it; one that joins several is named by its id as the user wrote it.
    pub fn factions(&self) -> Vec<(String, String, String)> {
        let mut out: Vec<(String, String, String)> = Vec::new();
        let mut members: HashMap<&str, usize> = HashMap::new();
        for row in &self.rows {
            *members.entry(row.faction.as_str()).or_default() += 1;
        }
        for row in &self.rows {
            match out.iter_mut().find(|(id, _, _)| *id == row.faction) {
                Some((_, _, color)) if color.is_empty() => color.clone_from(&row.color),
                Some(_) => {}
                None => {
                    let name = if members[row.faction.as_str()] == 1 {
                        row.actor.clone()
                    } else {
                        row.faction.clone()
                    };
                    out.push((row.faction.clone(), name, row.color.clone()));
                }
            }
        }
        for (i, (_, _, color)) in out.iter_mut().enumerate() {
            if color.is_empty() {
                *color = PALETTE[i % PALETTE.len()].to_string();
            }
        }
        out
    }

    pub fn write(&self, path: &Path) -> Result<(), String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let result = (|| {
            w.write_record(["actor", "faction", "color", "events"])?;
            for row in &self.rows {
                w.write_record([&row.actor, &row.faction, &row.color, &row.events.to_string()])?;
            }
            w.flush()
        })();
        result.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let bytes = w.into_inner().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        crate::ingest::merge::write_atomically(path, &bytes).map_err(|e| e.to_string())
    }
}

/// An id made of a name: lower case letters and digits joined by hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "x".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_of_names() {
        for (name, id) in [
            ("Rapid Support Forces", "rapid-support-forces"),
            ("Military Forces of Sudan (2019-)", "military-forces-of-sudan-2019"),
            ("SDN12345", "sdn12345"),
            ("!!", "x"),
        ] {
            assert_eq!(slug(name), id);
        }
    }

    #[test]
    fn a_users_choices_are_kept_and_allies_share_a_faction() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(ACTORS_FILE);
        std::fs::write(&path, "actor,faction,color,events\nA Army,govt,#112233,4\nA Police,govt,,2\n")
            .unwrap();
        let mut actors = Actors::read(&path).unwrap();
        actors.count("A Army");
        actors.count("B Rebels");
        assert_eq!(actors.faction_of("A Police"), "govt");
        assert_eq!(actors.faction_of("B Rebels"), "b-rebels");
        assert_eq!(actors.new_count(), 1);
        let factions = actors.factions();
        assert_eq!(factions[0], ("govt".into(), "govt".into(), "#112233".into()));
        assert_eq!(factions[1].0, "b-rebels");
        assert_eq!(factions[1].1, "B Rebels");
        actors.write(&path).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("A Army,govt,#112233,1\n"), "counted again: {written}");
    }
}
