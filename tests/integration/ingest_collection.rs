//! How well `ingest` reads real articles from many outlets, scored against what a careful reader
//! extracted from each. The articles are other people's writing, so they and their hand-coded
//! claims live outside the repository, in the folder `SANDLINE_COLLECTION` names:
//!
//! - `articles_*.csv`: `id,url,outlet,kind,published,published_in_text,notes`, one row an article;
//! - `articles/ID.txt`: the article's text;
//! - `gold/*.csv`: `file,place,place_name,faction,faction_name,action,date,claimed_by,construction,sentence`,
//!   one row a claim (`action` `none` for a sentence that tempts but claims nothing).
//!
//! Articles whose id starts with `fresh_` are held back and only measured: they were collected
//! after the rules were tuned on the others and nobody working on the code reads them. The rest
//! tune. Not part of `cargo test` (the collection is not in the repository):
//!
//! ```sh
//! SANDLINE_COLLECTION=/path/to/collection cargo test --release --test integration ingest_collection -- --ignored --nocapture
//! ```
//!
//! `SANDLINE_COLLECTION_SHOW=tune` also lists every miss and wrong proposal of the tuning part (a
//! wrong one with its confidence, sentence and note); `tune-notes` lists the right ones too;
//! `tune-unread` lists the tuning claims missed in sentences that proposed nothing, with what was
//! recognised in each. For both parts it prints counts only: why proposals were wrong and claims
//! missed, which dating rule read each date found, recall by action, and the scores once per
//! article. Counts say where the held-out part fails without anyone reading its text.

use sandline::dataset::{DataDir, Dataset, load};
use sandline::gazetteer::Gazetteer;
use sandline::ingest::Ingestor;
use sandline::ingest::calibration;
use sandline::ingest::eval::{locate, sentence_at};
use sandline::model::PartialDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A claim reduced to what is compared: (article, sentence, place, faction, action), and its date.
type Key = (String, usize, String, String, String);

struct Article {
    id: String,
    /// The publication date to give ingest: `None` when it is printed in the text (reading it is
    /// part of what is measured).
    given: Option<PartialDate>,
    text: String,
    tune: bool,
}

/// The prefix of the ids of the articles held back from tuning.
const HELD_OUT: &str = "fresh_";
/// The prefix of the second batch of them, collected after the first had been diagnosed by its
/// counts for several sessions: nobody has looked at any part of it.
const SECOND_BATCH: &str = "fresh_2_";

/// Which batch of the held-out part an article is in, if any.
fn held_out_batch(id: &str) -> Option<&'static str> {
    if id.starts_with(SECOND_BATCH) {
        Some("  batch 2")
    } else if id.starts_with(HELD_OUT) {
        Some("  batch 1")
    } else {
        None
    }
}

/// Confidence bands, from the top: the lowest confidence of each.
const BANDS: [f64; 4] = [0.9, 0.7, 0.5, 0.0];

#[derive(Default)]
struct Tally {
    /// By band: proposals, and of them right (same claim as a gold one).
    by_confidence: [(usize, usize); 4],
    proposed: usize,
    gold: usize,
    matched: usize,
    dated_right: usize,
    /// Gold claims left out of the count: a side or a place the dataset cannot name.
    unnameable: usize,
    /// By (action, band of the raw score): proposals, and of them right; what `calibration` is
    /// derived from (on the tuning part).
    cells: BTreeMap<(String, usize), (usize, usize)>,
    /// The sum of the proposals' confidences: what calibration expects to be right.
    expected: f64,
    /// How the wrong proposals and the misses stand against the other side: counts only, so that
    /// the held-out part can be diagnosed without reading its text.
    why: BTreeMap<&'static str, usize>,
    /// By dating rule, of the proposals matched: (dated right, all).
    by_rule: BTreeMap<&'static str, (usize, usize)>,
    /// The same counts with a claim taken once per article, whichever sentence states it:
    /// (proposed, gold, matched, dated right).
    by_article: (usize, usize, usize, usize),
    /// By gold action: (found, all).
    by_action: BTreeMap<String, (usize, usize)>,
}

/// Whether two claims share their article and sentence and, of place and side, the first `fields`.
fn same_sentence(a: &Key, b: &Key, fields: usize) -> bool {
    a.0 == b.0 && a.1 == b.1 && (fields < 1 || a.2 == b.2) && (fields < 2 || a.3 == b.3)
}

/// How much of `key` the claims of `other` in its sentence share: the first label when one has its
/// place and side, the second its place, the third only its sentence, the last none.
fn sharing<V>(key: &Key, other: &BTreeMap<Key, V>, labels: [&'static str; 4]) -> &'static str {
    let shares = |fields: usize| other.keys().any(|k| same_sentence(k, key, fields));
    match (shares(2), shares(1), shares(0)) {
        (true, _, _) => labels[0],
        (_, true, _) => labels[1],
        (_, _, true) => labels[2],
        _ => labels[3],
    }
}

/// Why a proposal is wrong: what the gold holds for its sentence.
fn why_wrong(key: &Key, gold: &BTreeMap<Key, (String, String)>) -> &'static str {
    sharing(
        key,
        gold,
        [
            "wrong: right place and side, other action",
            "wrong: right place, other side",
            "wrong: a sentence with gold, other place",
            "wrong: a sentence with no gold claim",
        ],
    )
}

/// Why a gold claim is missed: what was proposed for its sentence.
fn why_missed(key: &Key, proposed: &BTreeMap<Key, String>) -> &'static str {
    sharing(
        key,
        proposed,
        [
            "missed: right place and side proposed, other action",
            "missed: right place proposed, other side",
            "missed: other places proposed in the sentence",
            NOTHING_PROPOSED,
        ],
    )
}

const NOTHING_PROPOSED: &str = "missed: nothing proposed in the sentence";

/// For a sentence that proposed nothing: which of the gold claim's place, side and a trigger of its
/// action were recognised in it.
fn what_was_recognised(
    r: Option<&sandline::ingest::Recognised>,
    key: &Key,
    dataset: &Dataset,
) -> &'static str {
    let Some(r) = r else { return "missed: nothing proposed; sentence not found" };
    if r.headline {
        return "missed: nothing proposed; a headline";
    }
    let place = r.places.iter().any(|&p| dataset.place(p).id == key.2);
    let side = r.factions.iter().any(|&f| dataset.faction(f).id == key.3);
    let trigger = !r.triggers.is_empty();
    match (trigger, place, side) {
        (true, true, true) => "missed: nothing proposed; trigger, place and side all seen",
        (true, true, false) => "missed: nothing proposed; trigger and place seen, not the side",
        (true, false, true) => "missed: nothing proposed; trigger and side seen, not the place",
        (true, false, false) => "missed: nothing proposed; a trigger seen, neither place nor side",
        (false, true, true) => "missed: nothing proposed; place and side seen, no trigger",
        (false, true, false) => "missed: nothing proposed; the place seen only",
        (false, false, true) => "missed: nothing proposed; the side seen only",
        (false, false, false) => "missed: nothing proposed; nothing seen",
    }
}

/// Prints one table row per label either part has, the tuning part's cell and then the held-out
/// part's (`none` where a part lacks the label).
fn side_by_side(
    tallies: &BTreeMap<bool, Tally>,
    title: &str,
    width: usize,
    none: &str,
    cells: impl Fn(&Tally) -> BTreeMap<String, String>,
) {
    eprintln!("{title}");
    let parts: Vec<BTreeMap<String, String>> =
        [true, false].iter().map(|tune| tallies.get(tune).map(&cells).unwrap_or_default()).collect();
    let labels: std::collections::BTreeSet<&String> = parts.iter().flat_map(|p| p.keys()).collect();
    for label in labels {
        let cell = |p: &BTreeMap<String, String>| p.get(label).cloned().unwrap_or_else(|| none.to_string());
        eprintln!("  {label:<width$} {} {}", cell(&parts[0]), cell(&parts[1]));
    }
}

/// Which dating rule a proposal's note says was used: the rule's name only, none of the article's words.
fn dating_rule(note: &str) -> &'static str {
    const RULES: [(&str, &str); 9] = [
        ("before it (\"had\")", "rule: undated, \"had\": the month"),
        ("undated: the day the story is about", "rule: undated, the story's day"),
        ("undated: the publication date", "rule: undated, the publication date"),
        ("present tense", "rule: present tense"),
        ("\"now\"", "rule: \"now\""),
        ("from the story's day", "rule: a date counted from the story's day"),
        ("date of the report", "rule: the report's date"),
        ("date earlier in the sentence", "rule: a date earlier in the sentence"),
        ("date \"", "rule: a date in the sentence"),
    ];
    RULES.iter().find(|(needle, _)| note.contains(needle)).map_or("rule: other", |(_, rule)| rule)
}

/// How a read date differs from the gold one.
fn why_date(gold: &str, read: &str) -> &'static str {
    let (g, r) = (PartialDate::parse(gold).ok(), PartialDate::parse(read).ok());
    match (g, r) {
        (_, None) => "date: none read",
        (None, _) => "date: gold has none",
        (Some(g), Some(r)) if g.precision() == r.precision() => {
            if g.precision() == sandline::model::Precision::Day
                && (g.first_day() - r.first_day()).num_days().abs() <= 7
            {
                "date: same precision, a few days off"
            } else {
                "date: same precision, other date"
            }
        }
        (Some(g), Some(r)) if g.first_day() <= r.first_day() && r.last_day() <= g.last_day() => {
            "date: finer than gold, inside it"
        }
        (Some(g), Some(r)) if r.first_day() <= g.first_day() && g.last_day() <= r.last_day() => {
            "date: coarser than gold, around it"
        }
        _ => "date: other precision, apart",
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Tally {
    fn line_by_article(&self, part: &str) -> String {
        let (proposed, gold, matched, dated) = self.by_article;
        format!(
            "{part:<9} once per article: {gold:>4} gold  {proposed:>4} proposed  precision {:.3}  recall {:.3}  date accuracy {:.3}",
            ratio(matched, proposed),
            ratio(matched, gold),
            ratio(dated, matched),
        )
    }

    /// What the main score line counts: gold, unnameable, proposed, matched, dated right.
    fn counts(&self) -> [usize; 5] {
        [self.gold, self.unnameable, self.proposed, self.matched, self.dated_right]
    }

    fn add_difference(&mut self, after: [usize; 5], before: [usize; 5]) {
        let d = |i: usize| after[i] - before[i];
        self.gold += d(0);
        self.unnameable += d(1);
        self.proposed += d(2);
        self.matched += d(3);
        self.dated_right += d(4);
    }

    fn line(&self, part: &str, articles: usize) -> String {
        format!(
            "{part:<9} {articles:>3} articles  {:>4} gold ({} unnameable left out)  {:>4} proposed  precision {:.3}  recall {:.3}  date accuracy {:.3}",
            self.gold,
            self.unnameable,
            self.proposed,
            ratio(self.matched, self.proposed),
            ratio(self.matched, self.gold),
            ratio(self.dated_right, self.matched),
        )
    }
}

fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".csv")
        })
        .collect();
    found.sort();
    found
}

fn articles(dir: &Path) -> Vec<Article> {
    let mut rows: Vec<BTreeMap<String, String>> =
        files(dir, "articles_").iter().flat_map(|f| csv_rows(f)).collect();
    rows.sort_by(|a, b| a["id"].cmp(&b["id"]));
    rows.into_iter()
        .map(|row| {
            let tune = !row["id"].starts_with(HELD_OUT);
            let text =
                std::fs::read_to_string(dir.join("articles").join(format!("{}.txt", row["id"]))).unwrap();
            let given =
                (row["published_in_text"] != "yes").then(|| PartialDate::parse(&row["published"]).unwrap());
            Article { id: row["id"].clone(), given, text, tune }
        })
        .collect()
}

#[test]
#[ignore = "needs the collection of real articles outside the repository; see the module's documentation"]
fn ingest_reads_real_articles_from_many_outlets() {
    let Some(dir) = std::env::var_os("SANDLINE_COLLECTION").map(PathBuf::from) else {
        eprintln!("SANDLINE_COLLECTION is not set: nothing to measure");
        return;
    };
    let show = std::env::var("SANDLINE_COLLECTION_SHOW").unwrap_or_default();
    let dataset: Dataset = load(&DataDir::Embedded).unwrap().dataset;
    let gazetteer = Gazetteer::new(&dataset.places);
    let ingestor = Ingestor::new(&dataset);
    let articles = articles(&dir);
    let gold_rows: Vec<BTreeMap<String, String>> =
        files(&dir.join("gold"), "").iter().flat_map(|f| csv_rows(f)).collect();

    let mut tallies: BTreeMap<bool, Tally> = BTreeMap::new();
    let mut by_construction: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut batches: BTreeMap<&'static str, (usize, Tally)> = BTreeMap::new();
    for article in &articles {
        let tally = tallies.entry(article.tune).or_default();
        let before = tally.counts();
        // What the careful reader extracted, with ids the dataset knows.
        let mut gold: BTreeMap<Key, (String, String)> = BTreeMap::new();
        for row in gold_rows.iter().filter(|r| r["file"] == article.id && r["action"] != "none") {
            let place = match row["place"].as_str() {
                "" => gazetteer
                    .lookup(&row["place_name"], None)
                    .best()
                    .map(|m| dataset.place(m.place).id.clone()),
                id => Some(id.to_string()),
            };
            let (Some(place), false) = (place, row["faction"].is_empty()) else {
                tally.unnameable += 1;
                continue;
            };
            let at = locate(&article.text, &row["sentence"]).unwrap_or_else(|| {
                panic!("{}: gold sentence not in the text: {}", article.id, row["sentence"])
            });
            let sentence = sentence_at(&article.text, at).unwrap();
            let key = (article.id.clone(), sentence, place, row["faction"].clone(), row["action"].clone());
            gold.insert(key, (row["date"].clone(), row["construction"].clone()));
        }
        let extraction = ingestor.extract(&article.text, article.given);
        let mut proposed: BTreeMap<Key, String> = BTreeMap::new();
        let mut confidence: BTreeMap<Key, f64> = BTreeMap::new();
        let mut raw: BTreeMap<Key, f64> = BTreeMap::new();
        let mut quotes: BTreeMap<Key, String> = BTreeMap::new();
        let mut rules: BTreeMap<Key, &'static str> = BTreeMap::new();
        for p in &extraction.proposals {
            let sentence = sentence_at(&article.text, p.start).unwrap();
            let key = (
                article.id.clone(),
                sentence,
                dataset.place(p.place).id.clone(),
                dataset.faction(p.faction).id.clone(),
                p.action.as_str().to_string(),
            );
            quotes.insert(key.clone(), format!("{} [{}]", p.quote(&article.text), p.note));
            rules.insert(key.clone(), dating_rule(&p.note));
            let best = confidence.entry(key.clone()).or_insert(0.0);
            if p.confidence >= *best {
                *best = p.confidence;
                raw.insert(key.clone(), p.raw_confidence);
            }
            proposed.insert(key, p.date.map(|d| d.to_string()).unwrap_or_default());
        }
        for (key, c) in &confidence {
            let band = BANDS.iter().position(|&low| *c >= low).unwrap_or(BANDS.len() - 1);
            tally.by_confidence[band].0 += 1;
            tally.by_confidence[band].1 += usize::from(gold.contains_key(key));
            tally.expected += c;
            let cell = (key.4.clone(), calibration::band(raw.get(key).copied().unwrap_or_default()));
            let entry = tally.cells.entry(cell).or_default();
            entry.0 += 1;
            entry.1 += usize::from(gold.contains_key(key));
        }
        // Once per article: a claim stated in two sentences is one claim; its date is right if any
        // sentence's proposal gives the date of any sentence's gold.
        type ArticleKey = (String, String, String);
        let per_article = |keys: &mut dyn Iterator<Item = (&Key, &String)>| {
            let mut out: BTreeMap<ArticleKey, Vec<String>> = BTreeMap::new();
            for (k, date) in keys {
                out.entry((k.2.clone(), k.3.clone(), k.4.clone())).or_default().push(date.clone());
            }
            out
        };
        let gold_once = per_article(&mut gold.iter().map(|(k, (d, _))| (k, d)));
        let proposed_once = per_article(&mut proposed.iter());
        tally.by_article.0 += proposed_once.len();
        tally.by_article.1 += gold_once.len();
        for (k, dates) in &proposed_once {
            if let Some(gold_dates) = gold_once.get(k) {
                tally.by_article.2 += 1;
                tally.by_article.3 += usize::from(dates.iter().any(|d| gold_dates.contains(d)));
            }
        }
        tally.gold += gold.len();
        tally.proposed += proposed.len();
        for key in proposed.keys().filter(|k| !gold.contains_key(*k)) {
            *tally.why.entry(why_wrong(key, &gold)).or_default() += 1;
        }
        for (key, (date, construction)) in &gold {
            let found = proposed.get(key);
            let action = tally.by_action.entry(key.4.clone()).or_default();
            action.0 += usize::from(found.is_some());
            action.1 += 1;
            match found {
                Some(theirs) => {
                    tally.matched += 1;
                    tally.dated_right += usize::from(theirs == date);
                    let rule =
                        tally.by_rule.entry(rules.get(key).copied().unwrap_or("rule: other")).or_default();
                    rule.0 += usize::from(theirs == date);
                    rule.1 += 1;
                    if theirs != date {
                        *tally.why.entry(why_date(date, theirs)).or_default() += 1;
                    }
                }
                None => {
                    let why = why_missed(key, &proposed);
                    *tally.why.entry(why).or_default() += 1;
                    if why == NOTHING_PROPOSED {
                        let recognised = extraction.sentences.get(key.1);
                        let what = what_was_recognised(recognised, key, &dataset);
                        *tally.why.entry(what).or_default() += 1;
                        if article.tune && show == "tune-unread" {
                            let quote = recognised.map_or("", |r| &article.text[r.start..r.end]);
                            eprintln!("UNREAD {key:?} [{what}] {quote:?}");
                        }
                    }
                }
            }
            if article.tune {
                for tag in construction.split(['|', ';', ',']).map(str::trim).filter(|t| !t.is_empty()) {
                    let entry = by_construction.entry(tag.to_string()).or_default();
                    entry.0 += usize::from(found.is_some());
                    entry.1 += 1;
                }
            }
            if article.tune && show.starts_with("tune") {
                match found {
                    None => eprintln!("MISS   {key:?} {date} [{}]", why_missed(key, &proposed)),
                    Some(theirs) if theirs != date => eprintln!("DATE   {key:?} gold {date}, read {theirs}"),
                    Some(_) => {}
                }
            }
        }
        if article.tune && show == "tune-notes" {
            for (key, date) in proposed.iter().filter(|(k, _)| gold.contains_key(*k)) {
                let c = confidence.get(key).copied().unwrap_or_default();
                eprintln!("RIGHT  {key:?} {date} ({c:.2}) {:?}", quotes.get(key).map_or("", String::as_str));
            }
        }
        if article.tune && show.starts_with("tune") {
            for (key, date) in proposed.iter().filter(|(k, _)| !gold.contains_key(*k)) {
                let c = confidence.get(key).copied().unwrap_or_default();
                eprintln!("WRONG  {key:?} {date} ({c:.2}) {:?}", quotes.get(key).map_or("", String::as_str));
            }
        }
        if let Some(batch) = held_out_batch(&article.id) {
            let (n, t) = batches.entry(batch).or_default();
            *n += 1;
            t.add_difference(tally.counts(), before);
        }
    }
    let count = |tune: bool| articles.iter().filter(|a| a.tune == tune).count();
    eprintln!("ingest on real articles (the collection in {})", dir.display());
    eprintln!("{}", tallies.get(&true).map(|t| t.line("tuning", count(true))).unwrap_or_default());
    eprintln!("{}", tallies.get(&false).map(|t| t.line("held out", count(false))).unwrap_or_default());
    for (batch, (n, t)) in &batches {
        eprintln!("{}", t.line(batch, *n));
    }
    for (tune, part) in [(true, "tuning"), (false, "held out")] {
        eprintln!("{}", tallies.get(&tune).map(|t| t.line_by_article(part)).unwrap_or_default());
    }
    eprintln!("how often a proposal is right, by its confidence (tuning; held out):");
    for (band, &low) in BANDS.iter().enumerate() {
        let high = if band == 0 { 1.0 } else { BANDS[band - 1] };
        let part = |tune: bool| {
            let (all, right) = tallies.get(&tune).map_or((0, 0), |t| t.by_confidence[band]);
            let share = if all == 0 { "-".to_string() } else { format!("{:.2}", right as f64 / all as f64) };
            format!("{right:>3} of {all:>3} ({share})")
        };
        eprintln!("  {low:.1} to {high:.1}  {}  {}", part(true), part(false));
    }
    for (tune, part) in [(true, "tuning"), (false, "held out")] {
        let Some(t) = tallies.get(&tune) else { continue };
        let (all, right) = t.by_confidence[0];
        eprintln!(
            "{part}: {all} proposal(s) at confidence 0.9 or more, {right} right; {:.1} right expected by the confidences, {} found",
            t.expected, t.matched
        );
    }
    // "found of all", with the space that sets it apart from the label or the cell before.
    let of = |(found, all): &(usize, usize)| format!(" {found:>3} of {all:>3}");
    side_by_side(&tallies, "why, in counts (tuning; held out):", 52, "   0", |t| {
        t.why.iter().map(|(k, n)| (k.to_string(), format!("{n:>4}"))).collect()
    });
    let title = "dates right by the rule that read them, claims found (tuning; held out):";
    side_by_side(&tallies, title, 43, "   0 of   0", |t| {
        t.by_rule.iter().map(|(k, n)| (k.to_string(), of(n))).collect()
    });
    side_by_side(&tallies, "recall by gold action (tuning; held out):", 9, "   0 of   0", |t| {
        t.by_action.iter().map(|(k, n)| (k.clone(), of(n))).collect()
    });
    eprintln!("calibration cells, tuning part (action, band of raw score from the top: right of proposed):");
    if let Some(t) = tallies.get(&true) {
        for ((action, band), (all, right)) in &t.cells {
            eprintln!("  {action:<10} band {band}  {right:>3} of {all:>3}");
        }
    }
    eprintln!("recall by construction, tuning part:");
    for (tag, (found, all)) in &by_construction {
        eprintln!("  {tag:<24} {found:>3} of {all:>3}");
    }
}
