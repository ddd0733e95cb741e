//! Names whose side depends on when the article was written. "The Tripoli government" was the
//! Islamist-backed government of Libya Dawn until the Government of National Accord arrived in the
//! capital (March 2016); "Misratan forces" were Libya Dawn's core in 2014-15, al-Bunyan al-Marsous
//! in the 2016 Sirte campaign, and the GNA's in the 2019-20 war; "the internationally recognised
//! government" was the eastern House of Representatives, whose army was Haftar's, until the GNA.

use super::factions::FactionMention;
use super::text::Token;
use crate::dataset::Dataset;
use crate::model::PartialDate;
use chrono::NaiveDate;

/// A name's side over a span of time: a mention of `from` with a word starting with one of `words`
/// that an article published in `[start, end)` makes is a mention of `to`.
struct Period {
    words: &'static [&'static str],
    from: &'static str,
    to: &'static str,
    start: (i32, u32),
    end: (i32, u32),
}

const PERIODS: &[Period] = &[
    Period { words: &["tripoli"], from: "gna", to: "libya-dawn", start: (2014, 7), end: (2016, 4) },
    Period { words: MISRATA, from: "libya-dawn", to: "bunyan-marsous", start: (2016, 5), end: (2017, 1) },
    Period { words: MISRATA, from: "libya-dawn", to: "gna", start: (2019, 4), end: (2020, 11) },
    // Before the GNA, the government the world recognised sat in the east, and its army was Haftar's.
    Period { words: &["internationally"], from: "gna", to: "lna", start: (2014, 7), end: (2016, 4) },
];
/// How the town's name starts, however it is spelt ("Misratan", "Misurata-led").
const MISRATA: &[&str] = &["misrat", "misurat"];

fn month_start((year, month): (i32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// Gives each mention the side its name had when the article was published.
pub fn date_mentions(
    dataset: &Dataset,
    published: Option<PartialDate>,
    tokens: &[Token],
    mentions: &mut [FactionMention],
) {
    let Some(day) = published.map(|p| p.first_day()) else { return };
    for m in mentions.iter_mut() {
        let words = || tokens[m.first..m.end].iter().map(|t| t.lower.as_str());
        let rule = PERIODS.iter().find(|p| {
            dataset.faction_ix(p.from) == Some(m.faction)
                && words().any(|w| p.words.iter().any(|start| w.starts_with(start)))
                && words().all(|w| !matches!(w, "accord" | "gna" | "unity"))
                && month_start(p.start).is_some_and(|s| s <= day)
                && month_start(p.end).is_some_and(|e| day < e)
        });
        if let Some(to) = rule.and_then(|p| dataset.faction_ix(p.to)) {
            m.faction = to;
        }
    }
}
