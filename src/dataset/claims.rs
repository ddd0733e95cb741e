//! Claims, checked against the places, factions and sources they name.

use super::problem::Problem;
use super::records::first_occurrence;
use super::suggest::did_you_mean;
use super::table::{Row, Table};
use crate::model::{Action, Claim, FactionIx, PartialDate, PlaceIx, Source};
use std::collections::HashMap;

pub const CLAIMS_FILE: &str = "claims.csv";

/// What claims are checked against.
pub struct Context<'a> {
    pub place_ix: &'a HashMap<String, PlaceIx>,
    /// Place ids declared on a row that was left out for a problem, with where that row is.
    pub left_out_places: &'a HashMap<String, String>,
    pub faction_ix: &'a HashMap<String, FactionIx>,
    pub sources: &'a [Source],
    /// Source ids declared on a row that was left out for a problem, with where that row is.
    pub left_out_sources: &'a HashMap<String, String>,
    /// A near id or name for a place id that does not exist.
    pub suggest_place: &'a dyn Fn(&str) -> Option<String>,
    /// A near id (or the id behind an alias) for a faction id that does not exist.
    pub suggest_faction: &'a dyn Fn(&str) -> Option<String>,
}

/// White space folded, so that line breaks and no-break spaces in an article do not hide a quote.
pub fn fold_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn read_claims(table: &Table, cx: &Context, problems: &mut Vec<Problem>) -> Vec<Claim> {
    let folded: HashMap<&str, (String, &Source)> =
        cx.sources.iter().map(|s| (s.id.as_str(), (fold_space(&s.text), s))).collect();
    let mut seen = HashMap::new();
    // Many claims quote one sentence (one per town it names): each distinct quote of a source is
    // searched for once.
    let mut verbatim: HashMap<(&str, &str), bool> = HashMap::new();
    let mut claims = Vec::new();
    for row in &table.rows {
        let before = problems.len();
        let id = table.required(row, "id", problems);
        if let Some(id) = id {
            first_occurrence(&mut seen, &table.file, row.line, id, problems);
        }
        let place = match cx.left_out_places.get(table.get(row, "place")) {
            Some(at) => {
                let id = table.get(row, "place");
                problems.push(Problem::at(
                    &table.file,
                    row.line,
                    "place",
                    format!("place '{id}' was left out for a problem at {at}"),
                ));
                None
            }
            None => lookup(table, row, "place", cx.place_ix, cx.suggest_place, problems),
        };
        let faction = lookup(table, row, "faction", cx.faction_ix, cx.suggest_faction, problems);
        let action = table.required(row, "action", problems).and_then(|a| match a.parse::<Action>() {
            Ok(action) => Some(action),
            Err(message) => {
                problems.push(Problem::at(&table.file, row.line, "action", message));
                None
            }
        });
        let date = table.required(row, "date", problems).and_then(|d| match PartialDate::parse(d) {
            Ok(date) => Some(date),
            Err(e) => {
                problems.push(Problem::at(&table.file, row.line, "date", e.to_string()));
                None
            }
        });
        let source = table.required(row, "source", problems).and_then(|s| match folded.get(s) {
            Some(found) => Some(found),
            None if cx.left_out_sources.contains_key(s) => {
                let at = &cx.left_out_sources[s];
                problems.push(Problem::at(
                    &table.file,
                    row.line,
                    "source",
                    format!("source '{s}' was left out for a problem at {at}"),
                ));
                None
            }
            None => {
                let ids = cx.sources.iter().map(|s| s.id.as_str());
                let hint = did_you_mean(super::suggest::closest(s, ids));
                problems.push(Problem::at(
                    &table.file,
                    row.line,
                    "source",
                    format!("unknown source '{s}'{hint}"),
                ));
                None
            }
        });
        // A quoted claim carries a sentence of a text the dataset holds; a cited one, a note in
        // the dataset's own words saying what its source reports.
        let quote = table.get(row, "quote");
        match source {
            Some((_, src)) if !quote.trim().is_empty() && !src.is_held() => problems.push(Problem::at(
                &table.file,
                row.line,
                "quote",
                format!(
                    "source '{}' is cited, not held: leave the quote empty and say in the note what it reports",
                    src.id
                ),
            )),
            Some((text, src))
                if !quote.trim().is_empty()
                    && !*verbatim
                        .entry((src.id.as_str(), quote))
                        .or_insert_with(|| text.contains(&fold_space(quote))) =>
            {
                problems.push(Problem::at(
                    &table.file,
                    row.line,
                    "quote",
                    format!("not found verbatim in {}", src.file),
                ))
            }
            _ => {}
        }
        if quote.trim().is_empty() && table.get(row, "note").trim().is_empty() {
            problems.push(Problem::at(
                &table.file,
                row.line,
                "note",
                "a claim without a quote needs a note saying what its source reports".to_string(),
            ));
        }
        if let (Some(date), Some((_, src))) = (date, source)
            && date.first_day() > src.published.last_day()
        {
            problems.push(Problem::at(
                &table.file,
                row.line,
                "date",
                format!("{date} is after its source was published ({})", src.published),
            ));
        }
        let claimed_by = match table.get(row, "claimed_by") {
            "" => Some(None),
            _ => lookup(table, row, "claimed_by", cx.faction_ix, cx.suggest_faction, problems).map(Some),
        };
        if problems.len() > before {
            continue;
        }
        let (
            Some(id),
            Some(place),
            Some(faction),
            Some(action),
            Some(date),
            Some((_, src)),
            Some(claimed_by),
        ) = (id, place, faction, action, date, source, claimed_by)
        else {
            continue;
        };
        claims.push(Claim {
            id: id.to_string(),
            place,
            faction,
            action,
            date,
            source: src.id.clone(),
            quote: quote.to_string(),
            claimed_by,
            note: table.get(row, "note").to_string(),
        });
    }
    claims
}

fn lookup(
    table: &Table,
    row: &Row,
    column: &str,
    index: &HashMap<String, u32>,
    suggest: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<Problem>,
) -> Option<u32> {
    let id = table.required(row, column, problems)?;
    match index.get(id) {
        Some(&ix) => Some(ix),
        None => {
            let what = if column == "place" { "place" } else { "faction" };
            let hint = did_you_mean(suggest(id).as_deref());
            problems.push(Problem::at(&table.file, row.line, column, format!("unknown {what} '{id}'{hint}")));
            None
        }
    }
}
