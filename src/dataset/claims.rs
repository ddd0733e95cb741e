//! Claims, checked against the places, factions and sources they name.

use super::IdMap;
use super::problem::Problem;
use super::repeated_ids::IdLog;
use super::suggest::did_you_mean;
use super::table::{Column, Row, Table};
use crate::model::{Action, Claim, FactionIx, PartialDate, PlaceIx, Source, SourceIx};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::io::Read;
use std::sync::Arc;

pub const CLAIMS_FILE: &str = "claims.csv";

/// What claims are checked against.
pub struct Context<'a> {
    pub place_ix: &'a IdMap<PlaceIx>,
    /// Place ids declared on a row that was left out for a problem, with where that row is.
    pub left_out_places: &'a HashMap<String, String>,
    pub faction_ix: &'a IdMap<FactionIx>,
    /// Faction ids declared on a row that was left out for a problem, with where that row is.
    pub left_out_factions: &'a HashMap<String, String>,
    pub sources: &'a [Source],
    /// Source ids declared on a row that was left out for a problem, with where that row is.
    pub left_out_sources: &'a HashMap<String, String>,
    /// A near id or name for a place id that does not exist.
    pub suggest_place: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// A near id (or the id behind an alias) for a faction id that does not exist.
    pub suggest_faction: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

/// White space folded, so that line breaks and no-break spaces in an article do not hide a quote.
pub fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sources as claims meet them: texts folded once, for every reader.
struct Sources<'a> {
    list: &'a [Source],
    folded: Vec<String>,
    index: FxHashMap<&'a str, usize>,
}

impl<'a> Sources<'a> {
    fn new(list: &'a [Source]) -> Self {
        Sources {
            list,
            folded: list.iter().map(|s| fold_space(&s.text)).collect(),
            index: list.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect(),
        }
    }
}

/// What claims are checked with: the context, the table's columns and the sources.
struct Checks<'a> {
    cx: &'a Context<'a>,
    col: Columns,
    sources: Sources<'a>,
    places: Ids<'a>,
    factions: Ids<'a>,
}

/// The claims read so far by one reader (the whole table's, or one half's).
struct ReadSoFar {
    claims: Vec<Claim>,
    ids: IdLog,
    /// Per source, each distinct quote met so far and whether it is verbatim in the text. Many
    /// claims quote one sentence (one per town it names): each is searched for, and kept, once.
    quotes: Vec<FxHashMap<Arc<str>, bool>>,
    no_quote: Arc<str>,
}

impl ReadSoFar {
    fn new(sources: usize, rows: usize) -> Self {
        ReadSoFar {
            claims: Vec::with_capacity(rows),
            ids: IdLog::with_capacity(rows),
            quotes: vec![FxHashMap::default(); sources],
            no_quote: Arc::from(""),
        }
    }

    /// The quote shared with every claim that gives it, and whether it is verbatim in `source`.
    fn quote(&mut self, checks: &Checks, source: usize, quote: &str) -> (Arc<str>, bool) {
        let quotes = &mut self.quotes[source];
        if let Some((shared, &verbatim)) = quotes.get_key_value(quote) {
            return (shared.clone(), verbatim);
        }
        let verbatim = checks.sources.folded[source].contains(&fold_space(quote));
        let shared: Arc<str> = Arc::from(quote);
        quotes.insert(shared.clone(), verbatim);
        (shared, verbatim)
    }
}

/// What the reading thread makes of a row: `None` where it found nothing it could use.
struct Prepared {
    place: Option<PlaceIx>,
}

#[derive(Clone, Copy)]
struct Columns {
    id: Column,
    place: Column,
    faction: Column,
    action: Column,
    date: Column,
    source: Column,
    quote: Column,
    claimed_by: Column,
    note: Column,
}

/// The claims that load, from `table` and, for a big file, `second`: the same table read on
/// from a byte past its middle (see `halves`). `rows` is about how many rows the table has
/// (room is made for them).
pub fn read_claims<R1: Read + Send, R2: Read + Send>(
    table: Table<R1>,
    second: Option<(Table<R2>, u64)>,
    rows: usize,
    cx: &Context,
    problems: &mut Vec<Problem>,
) -> Vec<Claim> {
    let col = Columns {
        id: table.column("id"),
        place: table.column("place"),
        faction: table.column("faction"),
        action: table.column("action"),
        date: table.column("date"),
        source: table.column("source"),
        quote: table.column("quote"),
        claimed_by: table.column("claimed_by"),
        note: table.column("note"),
    };
    let checks = Checks {
        cx,
        col,
        sources: Sources::new(cx.sources),
        places: Ids {
            what: "place",
            index: cx.place_ix,
            left_out: cx.left_out_places,
            suggest: cx.suggest_place,
        },
        factions: Ids {
            what: "faction",
            index: cx.faction_ix,
            left_out: cx.left_out_factions,
            suggest: cx.suggest_faction,
        },
    };
    let file = table.file.clone();
    let first_problem = problems.len();
    let sources = cx.sources.len();
    let read = match second {
        Some((second, from)) => {
            let halves = super::halves::read(
                table,
                second,
                from,
                || ReadSoFar::new(sources, rows),
                // Of a row's lookups, the place's misses the cache: the index is big.
                |row| cx.place_ix.get(row.get(col.place)).copied(),
                |read, row, place, problems| check_row(&checks, read, row, place, problems),
                |read| read.ids.sort(),
            );
            let mut read = halves.first.state;
            problems.extend(halves.first.problems);
            if let Some(second) = halves.second {
                let other = second.half.state;
                read.ids.append(other.ids, second.line_shift, read.claims.len());
                read.claims.extend(other.claims);
                problems.extend(second.half.problems);
            }
            read
        }
        None => {
            let mut read = ReadSoFar::new(sources, rows);
            // The reading thread looks each row's place up: of the checks, the one that costs
            // most and needs nothing but the row. A place it did not find is looked for again
            // here, to report it.
            let prepare = |row: &Row| Prepared { place: cx.place_ix.get(row.get(col.place)).copied() };
            table.for_each_row(problems, prepare, |row, prepared, problems| {
                check_row(&checks, &mut read, row, prepared.place, problems)
            });
            read
        }
    };
    let mut claims = read.claims;
    leave_out_repeats(&file, read.ids, &mut claims, problems, first_problem);
    claims
}

/// Checks one row, reporting what is wrong with it, and keeps its claim if nothing is.
/// `place` is the row's place when it was already looked up and found.
fn check_row(
    checks: &Checks,
    read: &mut ReadSoFar,
    row: &Row,
    place: Option<PlaceIx>,
    problems: &mut Vec<Problem>,
) {
    let Checks { cx, col, sources, places, factions } = checks;
    let before = problems.len();
    let id = row.required(col.id, problems);
    let place = place.or_else(|| lookup(row, col.place, places, problems));
    let faction = lookup(row, col.faction, factions, problems);
    let action = row.required(col.action, problems).and_then(|a| match a.parse::<Action>() {
        Ok(action) => Some(action),
        Err(message) => {
            problems.push(row.problem(col.action, message));
            None
        }
    });
    let date = row.required(col.date, problems).and_then(|d| match PartialDate::parse(d) {
        Ok(date) => Some(date),
        Err(e) => {
            problems.push(row.problem(col.date, e.to_string()));
            None
        }
    });
    let source = row.required(col.source, problems).and_then(|s| match sources.index.get(s) {
        Some(&ix) => Some(ix),
        None => {
            let message = match cx.left_out_sources.get(s) {
                Some(at) => format!("source '{s}' was left out for a problem at {at}"),
                None => {
                    let ids = cx.sources.iter().map(|s| s.id.as_str());
                    format!("unknown source '{s}'{}", did_you_mean(super::suggest::closest(s, ids)))
                }
            };
            problems.push(row.problem(col.source, message));
            None
        }
    });
    // A quoted claim carries a sentence of a text the dataset holds; a cited one, a note in
    // the dataset's own words saying what its source reports.
    let quote = row.get(col.quote);
    let note = row.get(col.note);
    let mut shared_quote = read.no_quote.clone();
    if let Some(ix) = source {
        let src = &sources.list[ix];
        if !quote.is_empty() && !src.is_held() {
            problems.push(row.problem(
                col.quote,
                format!(
                    "source '{}' is cited, not held: leave the quote empty and say in the note what it reports",
                    src.id
                ),
            ));
        } else if !quote.is_empty() {
            let (shared, verbatim) = read.quote(checks, ix, quote);
            if !verbatim {
                problems.push(row.problem(col.quote, format!("not found verbatim in {}", src.file)));
            }
            shared_quote = shared;
        }
    }
    if quote.is_empty() && note.is_empty() {
        problems.push(
            row.problem(col.note, "a claim without a quote needs a note saying what its source reports"),
        );
    }
    if let (Some(date), Some(ix)) = (date, source) {
        let published = sources.list[ix].published;
        if date.first_day() > published.last_day() {
            problems.push(
                row.problem(col.date, format!("{date} is after its source was published ({published})")),
            );
        }
    }
    let claimed_by = match row.get(col.claimed_by) {
        "" => Some(None),
        _ => lookup(row, col.claimed_by, factions, problems).map(Some),
    };
    let loaded = match (id, place, faction, action, date, source, claimed_by) {
        (Some(id), Some(place), Some(faction), Some(action), Some(date), Some(source), Some(claimed_by))
            if problems.len() == before =>
        {
            Some((id, place, faction, action, date, source, claimed_by))
        }
        _ => None,
    };
    let Some((id, place, faction, action, date, source, claimed_by)) = loaded else {
        if let Some(id) = id {
            read.ids.log(id, row.line, None);
        }
        return;
    };
    read.ids.log(id, row.line, Some(read.claims.len()));
    read.claims.push(Claim {
        id: id.into(),
        place,
        faction,
        action,
        date,
        source: source as SourceIx,
        quote: shared_quote,
        claimed_by,
        note: note.into(),
    });
}

/// Reports each row whose id an earlier row has, in its place among the rows' problems (from
/// `first_problem` on), and leaves it out.
fn leave_out_repeats(
    file: &str,
    ids: IdLog,
    claims: &mut Vec<Claim>,
    problems: &mut Vec<Problem>,
    first_problem: usize,
) {
    let repeats = ids.repeats(|i| &claims[i as usize].id);
    if repeats.is_empty() {
        return;
    }
    let mut repeated = vec![false; claims.len()];
    let mut told: Vec<Problem> = Vec::with_capacity(repeats.len());
    for r in repeats {
        if let Some(i) = r.loaded {
            repeated[i as usize] = true;
        }
        told.push(Problem::at(
            file,
            r.line,
            "id",
            format!("duplicate id '{}' (first at line {})", r.id, r.first),
        ));
    }
    let mut keep = repeated.iter().map(|r| !r);
    claims.retain(|_| keep.next().unwrap_or(true));
    let rest = problems.split_off(first_problem);
    let mut told = told.into_iter().peekable();
    for p in rest {
        if let Some(line) = p.line {
            problems.extend(std::iter::from_fn(|| told.next_if(|t| t.line <= Some(line))));
        }
        problems.push(p);
    }
    problems.extend(told);
}

/// The ids a column names, and what to say of one that is not among them.
struct Ids<'a> {
    what: &'a str,
    index: &'a IdMap<u32>,
    /// Ids declared on a row that was left out for a problem, with where that row is.
    left_out: &'a HashMap<String, String>,
    suggest: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

fn lookup(row: &Row, column: Column, ids: &Ids, problems: &mut Vec<Problem>) -> Option<u32> {
    let id = row.required(column, problems)?;
    if let Some(&ix) = ids.index.get(id) {
        return Some(ix);
    }
    let what = ids.what;
    let message = match ids.left_out.get(id) {
        Some(at) => format!("{what} '{id}' was left out for a problem at {at}"),
        None => format!("unknown {what} '{id}'{}", did_you_mean((ids.suggest)(id).as_deref())),
    };
    problems.push(row.problem(column, message));
    None
}
