//! Place names found in running English text.

use super::super::*;
use super::{Fixture, geonames};
use crate::model::PlaceKind;

/// (text, expected mentions as (text, place id)).
const MENTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "Libyan National Army spokesman Ahmed al-Mismari told Reuters that his forces had captured the \
         towns of Waddan, Hun and Sawkna from Benghazi Defence Brigades on Friday.",
        // "Benghazi" here belongs to a faction's name; the caller masks faction names first.
        &[("Waddan", "waddan"), ("Hun", "hun"), ("Sawkna", "suknah"), ("Benghazi", "benghazi")],
    ),
    (
        "The fighting culminated with [us] taking control of the region stretching from Bokmash \
         [100km west of Tripoli] to the Ras Ajdir border crossing with Tunisia.",
        &[("Bokmash", "bokmash"), ("Tripoli", "tripoli"), ("Ras Ajdir border crossing", "ras-ajdir")],
    ),
    (
        "He said the next target would be the key town of Bani Walid, north-west of Jufra.",
        &[("Bani Walid", "bani-walid"), ("Jufra", "jufra")],
    ),
    (
        "Haftar's forces lost the town of al-Asabaa to UN-backed government forces last month.",
        &[("al-Asabaa", "al-asabiah")],
    ),
    (
        "forces loyal to his Libyan National Army in control of the south central desert area of Al-Jufra \
         and also the Sebha region according to Reuters.",
        &[("Al-Jufra", "jufra"), ("Sebha region", "sebha-region")],
    ),
    (
        "Dignity Operation forces entered Jufra airbase without armed clashes. They found the Al Jufra \
         base deserted.",
        &[("Jufra airbase", "al-jufra-airport"), ("Al Jufra base", "al-jufra-airport")],
    ),
    (
        "BENGHAZI, Libya — Strongman Khalifa Haftar's forces neared Derna.",
        &[("BENGHAZI", "benghazi"), ("Derna", "darnah")],
    ),
    (
        "Misrata's forces and Misratan-led militias held Sirte.",
        &[("Misrata", "misratah"), ("Sirte", "sirte")],
    ),
    (
        "Forces entered Sūknah and Hūn, then al-Asabi’ah.",
        &[("Sūknah", "suknah"), ("Hūn", "hun"), ("al-Asabi’ah", "al-asabiah")],
    ),
    (
        "Air raids hit the Jufra region and al-Sidra oil terminal.",
        &[("Jufra region", "jufra"), ("al-Sidra oil terminal", "es-sider")],
    ),
    (
        "The GNA withdrew from the headquarters of the Third Force the Tamenhint Air Base.",
        &[("Tamenhint Air Base", "taminhint-airport")],
    ),
    // Nothing here is a place: ordinary words, lower-case romanizations, other countries.
    ("The army said fun was had by all in Paris and Cairo; the base is a town.", &[]),
    ("It was a tip from Ea and Oea, not TIP or HLON.", &[("Oea", "tripoli")]),
    ("", &[]),
];

#[test]
fn mentions_in_running_text() {
    let f = Fixture::new();
    let mut failures = Vec::new();
    for &(text, want) in MENTIONS {
        let got: Vec<(String, String)> = f
            .gazetteer
            .find_mentions(text)
            .into_iter()
            .map(|m| {
                assert_eq!(&text[m.start..m.end], m.text);
                let id = m.lookup.best().map_or("?", |b| f.id(b.place)).to_string();
                (m.text, id)
            })
            .collect();
        let want: Vec<(String, String)> =
            want.iter().map(|(t, id)| (t.to_string(), id.to_string())).collect();
        if got != want {
            failures.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn two_letter_aliases_never_fire() {
    let places = vec![geonames("x", "Tripoli", PlaceKind::City, "Ea|TR|Al")];
    let g = Gazetteer::new(&places);
    assert!(g.find_mentions("Ea and TR and Al").is_empty());
    assert!(g.lookup("Ea", None).matches.is_empty());
    assert_eq!(g.lookup("Tripoli", None).best().map(|m| m.place), Some(0));
}

#[test]
fn empty_gazetteer_answers_nothing() {
    let g = Gazetteer::new(&[]);
    assert!(g.is_empty());
    let l = g.lookup("Hun", None);
    assert!(l.matches.is_empty() && l.suggestions.is_empty() && !l.ambiguous);
    assert!(g.find_mentions("Hun and Waddan").is_empty());
}
