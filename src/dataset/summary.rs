//! What a dataset holds, counted: the figures `validate` prints and a dataset's coverage is judged by.

use super::Dataset;
use crate::model::{EvidenceKind, Precision};
use chrono::Datelike;
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub places: usize,
    pub tracked_places: usize,
    pub factions: usize,
    pub sources: usize,
    /// Sources whose text the dataset holds; the rest are cited by address.
    pub held_sources: usize,
    pub outlets: usize,
    pub claims: usize,
    pub quoted_claims: usize,
    /// Calendar quarters from the first dated claim's to the last one's, and how many hold a claim
    /// dated to a day or a month (a year-precision claim dates no quarter).
    pub quarters_spanned: usize,
    pub quarters_with_claims: usize,
    /// The first and last quarter, as (year, 1..=4).
    pub quarter_range: Option<((i32, u32), (i32, u32))>,
    quarters: BTreeSet<(i32, u32)>,
}

fn quarter_number(year: i32, quarter: u32) -> i64 {
    i64::from(year) * 4 + i64::from(quarter) - 1
}

impl Summary {
    pub fn of(d: &Dataset) -> Self {
        let quarters: BTreeSet<(i32, u32)> = d
            .claims
            .iter()
            .filter(|c| c.date.precision() != Precision::Year)
            .map(|c| {
                let day = c.date.first_day();
                (day.year(), day.month0() / 3 + 1)
            })
            .collect();
        let quarter_range = quarters.first().copied().zip(quarters.last().copied());
        let quarters_spanned = quarter_range
            .map(|(a, b)| (quarter_number(b.0, b.1) - quarter_number(a.0, a.1) + 1) as usize)
            .unwrap_or(0);
        let outlets: BTreeSet<String> = d.sources.iter().map(|s| s.outlet.trim().to_lowercase()).collect();
        Summary {
            places: d.places.len(),
            tracked_places: d.tracked_places().len(),
            factions: d.factions.len(),
            sources: d.sources.len(),
            held_sources: d.sources.iter().filter(|s| s.is_held()).count(),
            outlets: outlets.len(),
            claims: d.claims.len(),
            quoted_claims: d.claims.iter().filter(|c| EvidenceKind::of(c) == EvidenceKind::Quoted).count(),
            quarters_spanned,
            quarters_with_claims: quarters.len(),
            quarter_range,
            quarters,
        }
    }

    /// Whether some claim is dated (to a day or a month) in this quarter (1 to 4) of the year.
    pub fn has_quarter(&self, year: i32, quarter: u32) -> bool {
        self.quarters.contains(&(year, quarter))
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} places ({} with claims), {} factions, {} sources ({} held, {} cited) from {} outlets, \
             {} claims ({} quoted, {} cited)",
            self.places,
            self.tracked_places,
            self.factions,
            self.sources,
            self.held_sources,
            self.sources - self.held_sources,
            self.outlets,
            self.claims,
            self.quoted_claims,
            self.claims - self.quoted_claims,
        )?;
        if let Some(((y0, q0), (y1, q1))) = self.quarter_range {
            write!(
                f,
                ", dated in {} of the {} quarters from {y0} Q{q0} to {y1} Q{q1}",
                self.quarters_with_claims, self.quarters_spanned
            )?;
        }
        Ok(())
    }
}
