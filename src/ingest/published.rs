//! The publication date printed near the top of an article ("03 June, 2017", "By AFP - May 23,2018").

use super::dates::{self, When};
use super::text::tokenize;
use crate::model::PartialDate;

/// How many non-empty lines from the top may carry the date line.
const TOP_LINES: usize = 15;
/// Nor further than this into the text.
const TOP_BYTES: usize = 4000;

/// A full date found in the text: the date and the byte range of its expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
}

/// How many non-empty lines from the bottom may carry a footer date ("-0- AGENCY 23July2015").
const BOTTOM_LINES: usize = 3;

/// The first complete date (day, month and year) in the first lines of the article, else the last
/// one in its footer.
pub fn find(text: &str) -> Option<Found> {
    at_top(text).or_else(|| in_footer(text))
}

fn at_top(text: &str) -> Option<Found> {
    let mut offset = 0;
    let mut lines = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if lines > TOP_LINES || start > TOP_BYTES {
            break;
        }
        let tokens = tokenize(line, start);
        for expr in dates::find(&tokens) {
            if let When::Day { year: Some(_), .. } = expr.when
                && let Some(date) = dates::resolve(expr.when, None)
            {
                return Some(Found { date, start: tokens[expr.first].start, end: tokens[expr.end - 1].end });
            }
        }
    }
    None
}

/// A full date in the last lines, read with digits and letters pulled apart ("23July2015"); its
/// range is the whole line.
fn in_footer(text: &str) -> Option<Found> {
    let mut end = text.len();
    let mut seen = 0;
    for line in text.split_inclusive('\n').rev() {
        let start = end - line.len();
        end = start;
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > BOTTOM_LINES {
            break;
        }
        let spaced = pull_apart(line);
        let tokens = tokenize(&spaced, 0);
        let date = dates::find(&tokens).into_iter().rev().find_map(|expr| match expr.when {
            When::Day { year: Some(_), .. } => dates::resolve(expr.when, None),
            _ => None,
        });
        if let Some(date) = date {
            return Some(Found { date, start, end: start + line.trim_end().len() });
        }
    }
    None
}

/// The line with a space wherever digits meet letters.
fn pull_apart(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if let Some(p) = prev
            && ((p.is_ascii_digit() && c.is_alphabetic()) || (p.is_alphabetic() && c.is_ascii_digit()))
        {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_date_line_in_each_outlet_style() {
        let cases = [
            ("Title\n\nTitle\n2 min read\n03 June, 2017\nBody on May 7, 2016.", Some("2017-06-03")),
            ("You are here\n\nBy AFP - May 23,2018 - Last updated at May 23,2018\n", Some("2018-05-23")),
            ("TRIPOLI, Libya (AP) — Apr. 5, 2019\nText.", Some("2019-04-05")),
            ("Published On 5 Apr 2019\n", Some("2019-04-05")),
            ("Posted 2019-04-05T10:00\n", Some("2019-04-05")),
            ("No date here.\nForces moved in May 2014.\n", None),
            ("Title\n\nBody.\n-0- AGENCY XY/ZZ 23July2015\n", Some("2015-07-23")),
            ("Title\n\nBody.\nPublished 5 April 2019 by Staff\n\n", Some("2019-04-05")),
            ("Title\n05.04.2019\nBody.", Some("2019-04-05")),
            ("Title\nPosted 2019/04/05\nBody.", Some("2019-04-05")),
            ("Title\nPublished: 13/04/2019\nBody.", Some("2019-04-13")),
            ("Title\nPublished: 05/04/2019\nBody.", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(find(text).map(|f| f.date.to_string()), want.map(String::from), "{text:?}");
        }
        // A date deep in the body is neither the date line nor a footer.
        let body =
            format!("Title\n{}On 5 April 2019 it fell.\nMore.\nAnd more.\nThe end.\n", "Line.\n".repeat(16));
        assert_eq!(find(&body), None);
        let text = "x\n03 June, 2017\n";
        let found = find(text).unwrap();
        assert_eq!(&text[found.start..found.end], "03 June, 2017");
    }
}
