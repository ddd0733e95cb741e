//! Factions and sources.

use super::problem::Problem;
use super::store::DataDir;
use super::table::{Column, Row, Table, split_list};
use crate::model::{Faction, PartialDate, Rgb, Source};
use rustc_hash::FxHashMap;
use std::io::Read;

pub const FACTIONS_FILE: &str = "factions.csv";
pub const SOURCES_FILE: &str = "sources.csv";

/// Reports a repeated id; returns true for the first occurrence.
pub fn first_occurrence(
    seen: &mut FxHashMap<String, u64>,
    row: &Row,
    column: Column,
    id: &str,
    problems: &mut Vec<Problem>,
) -> bool {
    if let Some(first) = seen.get(id) {
        problems.push(row.problem(column, format!("duplicate id '{id}' (first at line {first})")));
        return false;
    }
    seen.insert(id.to_string(), row.line);
    true
}

/// The factions that load, and the ids of rows left out for a problem with their line.
pub fn read_factions(
    table: &mut Table<impl Read>,
    problems: &mut Vec<Problem>,
) -> (Vec<Faction>, Vec<(String, u64)>) {
    let [id_col, name_col, color_col, aliases_col, bloc_col] =
        ["id", "name", "color", "aliases", "bloc"].map(|c| table.column(c));
    let mut seen = FxHashMap::default();
    let mut factions = Vec::new();
    let mut left_out = Vec::new();
    while let Some(row) = table.next_row(problems) {
        let id = row.required(id_col, problems);
        let name = row.required(name_col, problems);
        let color = row.required(color_col, problems).and_then(|c| match c.parse::<Rgb>() {
            Ok(rgb) if is_greyish(rgb) => {
                problems
                    .push(row.problem(color_col, format!("{rgb} is a grey: grey is reserved for unknown")));
                Some(rgb)
            }
            Ok(rgb) => Some(rgb),
            Err(message) => {
                problems.push(row.problem(color_col, message));
                None
            }
        });
        let (Some(id), Some(name)) = (id, name) else {
            if let Some(id) = id {
                left_out.push((id.to_string(), row.line));
            }
            continue;
        };
        if !first_occurrence(&mut seen, &row, id_col, id, problems) {
            continue;
        }
        // A faction with a bad colour still loads, in black, so its claims are not lost.
        let color = color.unwrap_or(Rgb([0, 0, 0]));
        factions.push(Faction {
            id: id.to_string(),
            name: name.to_string(),
            color,
            aliases: split_list(row.get(aliases_col)),
            bloc: row.get(bloc_col).to_string(),
        });
    }
    (factions, left_out)
}

fn is_greyish(Rgb([r, g, b]): Rgb) -> bool {
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    max - min < 24 && max > 0x50 && min < 0xe0
}

/// The sources that load, and the ids of those left out for a problem with the line of their row
/// (so that their claims can point at it rather than call the id unknown).
pub fn read_sources(
    table: &mut Table<impl Read>,
    dir: &DataDir,
    problems: &mut Vec<Problem>,
) -> (Vec<Source>, Vec<(String, u64)>) {
    let [id_col, file_col, title_col, outlet_col, published_col, url_col, date_note_col] =
        ["id", "file", "title", "outlet", "published", "url", "date_note"].map(|c| table.column(c));
    let mut seen = FxHashMap::default();
    let mut sources = Vec::new();
    let mut left_out = Vec::new();
    while let Some(row) = table.next_row(problems) {
        let id = row.required(id_col, problems);
        if let Some(id) = id {
            left_out.push((id.to_string(), row.line));
        }
        // A source is held (its text in `file`) or cited (a `url` to where it was read).
        let file = row.get(file_col);
        let url = row.get(url_col);
        let nowhere = file.is_empty() && url.is_empty();
        if nowhere {
            problems
                .push(row.problem(file_col, "a source needs a file (its text) or a url (where it was read)"));
        }
        let title = row.required(title_col, problems);
        let outlet = row.required(outlet_col, problems);
        let published = row.required(published_col, problems).and_then(|p| match PartialDate::parse(p) {
            Ok(date) => Some(date),
            Err(e) => {
                problems.push(row.problem(published_col, e.to_string()));
                None
            }
        });
        let text = if file.is_empty() {
            Some(String::new())
        } else {
            read_text(dir, file, |message| problems.push(row.problem(file_col, message)))
        };
        if nowhere {
            continue;
        }
        let (Some(id), Some(title), Some(outlet), Some(published), Some(text)) =
            (id, title, outlet, published, text)
        else {
            continue;
        };
        if !first_occurrence(&mut seen, &row, id_col, id, problems) {
            continue;
        }
        left_out.pop();
        sources.push(Source {
            id: id.to_string(),
            file: file.to_string(),
            title: title.to_string(),
            outlet: outlet.to_string(),
            published,
            url: url.to_string(),
            date_note: row.get(date_note_col).to_string(),
            text,
        });
    }
    (sources, left_out)
}

/// A source's text; `report` is told why when it cannot be had.
fn read_text(dir: &DataDir, file: &str, mut report: impl FnMut(String)) -> Option<String> {
    match dir.read(file) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(text) if is_csv(file) => Some(csv_cells(&text)),
            Ok(text) => Some(text),
            Err(_) => {
                report(format!("{} is not UTF-8 text", dir.display(file)));
                None
            }
        },
        Ok(None) => {
            report(format!("{} does not exist", dir.display(file)));
            None
        }
        Err(e) => {
            report(format!("cannot read {}: {e}", dir.display(file)));
            None
        }
    }
}

fn is_csv(file: &str) -> bool {
    file.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("csv"))
}

/// The text of a CSV file as a reader sees it: every cell decoded (its quotes undoubled), one
/// paragraph each, so that a claim can quote a cell of an event file (a user's own, or an
/// export) word for word. Should a record still fail to read, the file is kept as it is.
pub fn csv_cells(text: &str) -> String {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out = String::with_capacity(text.len());
    for record in reader.records() {
        let Ok(record) = record else { return text.to_string() };
        for cell in record.iter().filter(|c| !c.is_empty()) {
            out.push_str(cell);
            out.push_str("\n\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_source_reads_as_its_decoded_cells() {
        let rows = [
            (
                "quotes are undoubled",
                "id,notes\n1,\"They said \"\"ours\"\", then left.\"\n",
                "They said \"ours\", then left.",
            ),
            ("a cell over several lines stays whole", "a,\"one\ntwo\"\n", "one\ntwo"),
            ("CRLF endings", "id,notes\r\n7,Quiet day.\r\n", "Quiet day."),
        ];
        for (what, csv, cell) in rows {
            let text = csv_cells(csv);
            assert!(text.split("\n\n").any(|c| c == cell), "{what}: {text:?}");
        }
        assert!(
            csv_cells("a,\"unclosed\n").contains("unclosed"),
            "an unclosed quote runs to the end of the file"
        );
        assert!(is_csv("events/acled.CSV") && !is_csv("article.txt") && !is_csv("csv"));
    }

    #[test]
    fn factions_report_bad_colours_and_duplicates() {
        let mut problems = Vec::new();
        let text = "id,name,color,aliases\nlna,LNA,#d55e00,Haftar's forces|LNA\ngna,GNA,blue,\nlna,Again,#000000,\ngrey,Grey,#9e9e9e,\n";
        let mut table = Table::read("factions.csv", text.as_bytes(), &["id"], &mut problems).unwrap();
        let (factions, _) = read_factions(&mut table, &mut problems);
        let ids: Vec<&str> = factions.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["lna", "gna", "grey"]);
        assert_eq!(factions[0].aliases, ["Haftar's forces", "LNA"]);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "factions.csv:3: color: 'blue' is not a colour: write #RRGGBB",
                "factions.csv:4: id: duplicate id 'lna' (first at line 2)",
                "factions.csv:5: color: #9e9e9e is a grey: grey is reserved for unknown",
            ]
        );
    }
}
