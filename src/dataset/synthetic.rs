//! Synthetic datasets of any size, for benchmarks: valid data shaped like the real thing.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// A small deterministic generator (64-bit LCG), so a benchmark's data is the same every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const FACTIONS: [(&str, &str); 6] = [
    ("lna", "#d55e00"),
    ("gna", "#0072b2"),
    ("dawn", "#56b4e9"),
    ("bdb", "#009e73"),
    ("derna", "#cc79a7"),
    ("ansar", "#882255"),
];
const ACTIONS: [&str; 5] = ["captured", "holds", "withdrew", "contested", "besieged"];
const SOURCES: usize = 50;
const SENTENCES: usize = 20;

/// Writes sources, factions, places and claims for `places` places and `claims` claims over
/// 2014-2020 into `dir` (which must exist), with articles under `dir/articles/`.
pub fn write(dir: &Path, places: usize, claims: usize) -> io::Result<()> {
    let mut rng = Lcg(0x5a4d_11e5);
    std::fs::create_dir_all(dir.join("articles"))?;
    let mut sources = String::from("id,file,title,outlet,published,url,date_note\n");
    for s in 0..SOURCES {
        let mut text = format!("Synthetic article {s}\n");
        for k in 0..SENTENCES {
            let _ = writeln!(text, "{}", sentence(s, k));
        }
        std::fs::write(dir.join(format!("articles/{s}.txt")), text)?;
        let _ = writeln!(sources, "s{s},articles/{s}.txt,Synthetic {s},Bench,2020-12-31,,");
    }
    std::fs::write(dir.join("sources.csv"), sources)?;

    let mut factions = String::from("id,name,color,aliases\n");
    for (id, color) in FACTIONS {
        let _ = writeln!(factions, "{id},{id},{color},");
    }
    std::fs::write(dir.join("factions.csv"), factions)?;
    // The places are scattered over a box around Libya; their areas stay on Libya's land.
    std::fs::write(
        dir.join(super::meta::META_FILE),
        "title = \"Synthetic places for benchmarks\"\ncountries = [\"Libya\"]\n",
    )?;

    let mut out = String::from("id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\n");
    for p in 0..places {
        let lat = 20.0 + rng.below(14_000) as f64 / 1000.0;
        let lon = 9.0 + rng.below(16_000) as f64 / 1000.0;
        let _ = writeln!(out, "p{p},Place {p},Plaace {p},{lat},{lon},town,synthetic,1");
    }
    std::fs::write(dir.join("places.csv"), out)?;

    let mut out = String::with_capacity(claims * 90);
    out.push_str("id,place,faction,action,date,source,quote,claimed_by,note\n");
    for c in 0..claims {
        let place = rng.below(places as u64);
        let (faction, _) = FACTIONS[rng.below(FACTIONS.len() as u64) as usize];
        let action = ACTIONS[rng.below(ACTIONS.len() as u64) as usize];
        let year = 2014 + rng.below(7);
        let month = 1 + rng.below(12);
        let date = match rng.below(10) {
            0 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{:02}", 1 + rng.below(28)),
        };
        let s = rng.below(SOURCES as u64) as usize;
        let k = rng.below(SENTENCES as u64) as usize;
        let by = if rng.below(2) == 0 { faction } else { "" };
        let _ = writeln!(out, "c{c},p{place},{faction},{action},{date},s{s},{},{by},", sentence(s, k));
    }
    std::fs::write(dir.join("claims.csv"), out)
}

fn sentence(source: usize, k: usize) -> String {
    format!("Forces number {k} said they took positions in sector {source}-{k} after clashes.")
}
