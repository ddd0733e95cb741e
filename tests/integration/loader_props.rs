//! No input makes the loader panic: arbitrary bytes and arbitrary CSV-shaped rows in every file.

use proptest::prelude::*;
use sandline::dataset::{DataDir, Loaded, load, load_in_halves_from, load_in_one_go};
use std::fs;

const FILES: [&str; 5] =
    ["sources.csv", "factions.csv", "places.csv", "claims.csv", "gazetteer/geonames.csv"];

fn load_dir(files: &[(&str, Vec<u8>)]) -> usize {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("gazetteer")).unwrap();
    fs::write(tmp.path().join("a.txt"), "Waddan fell on Friday.").unwrap();
    for (name, bytes) in files {
        fs::write(tmp.path().join(name), bytes).unwrap();
    }
    let dir = DataDir::Disk(tmp.path().to_path_buf());
    let loaded = load(&dir).expect("the directory is readable");
    // Read in halves however small the table, it loads what reading it in one go does.
    let shown = |l: &Loaded| l.problems.iter().map(ToString::to_string).collect::<Vec<_>>();
    let whole = load_in_one_go(&dir).unwrap();
    let halves = load_in_halves_from(&dir, 1).unwrap();
    assert_eq!(shown(&halves), shown(&whole));
    assert!(halves.dataset.claims == whole.dataset.claims);
    // Every problem renders as one line naming a file.
    for p in &loaded.problems {
        let line = p.to_string();
        assert!(!line.contains('\n') || p.message.contains('\n'), "{line}");
        assert!(line.starts_with(&*tmp.path().display().to_string()), "{line}");
    }
    loaded.dataset.claims.len()
}

/// A field drawn from the values that trip loaders: numbers, dates, ids, quotes, junk.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("-91".to_string()),
        Just("2017-02-30".to_string()),
        Just("2017-06-02".to_string()),
        Just("2017-06".to_string()),
        Just("#d55e00".to_string()),
        Just("lna".to_string()),
        Just("waddan".to_string()),
        Just("captured".to_string()),
        Just("a".to_string()),
        Just("a.txt".to_string()),
        Just("../../../etc/passwd".to_string()),
        Just("Waddan fell on Friday.".to_string()),
        Just("town".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,8}",
    ]
}

fn csv_text(header: &'static str, rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    w.write_record(header.split(',')).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    w.into_inner().unwrap()
}

fn rows(width: usize) -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(field(), 0..=width + 1), 0..6)
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(128)
}

proptest! {
    // 128 cases in the default run; PROPTEST_CASES asks for more.
    #![proptest_config(ProptestConfig { cases: cases(), .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(contents in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..200), 5)) {
        let files: Vec<(&str, Vec<u8>)> = FILES.iter().copied().zip(contents).collect();
        load_dir(&files);
    }

    #[test]
    fn csv_shaped_junk_never_panics(
        sources in rows(7), factions in rows(4), places in rows(8), claims in rows(9),
    ) {
        load_dir(&[
            ("sources.csv", csv_text("id,file,title,outlet,published,url,date_note", sources)),
            ("factions.csv", csv_text("id,name,color,aliases", factions)),
            ("places.csv", csv_text("id,name,aliases,lat,lon,kind,coord_source,coord_precision_km", places)),
            ("claims.csv", csv_text("id,place,faction,action,date,source,quote,claimed_by,note", claims)),
        ]);
    }
}

#[test]
fn a_well_formed_row_still_loads_among_junk() {
    let n = load_dir(&[
        ("sources.csv", b"id,file,title,outlet,published,url,date_note\na,a.txt,T,O,2017-06-03,,\n".to_vec()),
        ("factions.csv", b"id,name,color,aliases\nlna,LNA,#d55e00,\n".to_vec()),
        ("places.csv", b"id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\nwaddan,Waddan,,29.1,16.1,town,x,2\n".to_vec()),
        (
            "claims.csv",
            b"id,place,faction,action,date,source,quote,claimed_by,note\n\xff\xfe,\x00\nc1,waddan,lna,captured,2017-06-02,a,Waddan fell on Friday.,,\n,,,\n".to_vec(),
        ),
    ]);
    assert_eq!(n, 1);
}
