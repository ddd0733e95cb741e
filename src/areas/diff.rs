//! What changed between two dates: the places that changed hands, with the claims behind each
//! change, and the land each faction gained and lost.

use super::cache::AreaCache;
use super::region::Region;
use super::shapes::Areas;
use crate::dataset::Dataset;
use crate::model::{Change, FactionIx, Holder, PartialDate, PlaceIx};
use chrono::NaiveDate;
use geo::{Area as _, BooleanOps, MultiPolygon};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiffError {
    #[error("the first date ({from}) is after the second ({to}): give the earlier date first")]
    Reversed { from: NaiveDate, to: NaiveDate },
}

/// A place whose holder at the second date is not its holder at the first.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffRow {
    pub place: PlaceIx,
    /// The holder at the first date.
    pub from: Holder,
    /// The holder at the second date.
    pub to: Holder,
    /// When `to` took it: the last change in between.
    pub date: PartialDate,
    /// Every change of holder in between, by date (more than one when it went back and forth).
    pub changes: Vec<Change>,
    /// The claims behind those changes and behind the holding at the second date, oldest first.
    pub claims: Vec<u32>,
}

/// The land one faction held at the second date and not the first (`gained`), and the reverse.
#[derive(Debug)]
pub struct AreaChange {
    pub faction: FactionIx,
    pub gained: Region,
    pub lost: Region,
}

/// The whole comparison, for the viewer's compare mode and `sandline diff`.
#[derive(Debug)]
pub struct Diff {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<DiffRow>,
    /// Factions whose land changed, in index order.
    pub areas: Vec<AreaChange>,
}

/// The places that changed hands between `from` and `to` (inclusive of changes on `to`, not
/// on `from`), by date and then name. Equal dates give no rows.
pub fn changed_hands(dataset: &Dataset, from: NaiveDate, to: NaiveDate) -> Result<Vec<DiffRow>, DiffError> {
    if from > to {
        return Err(DiffError::Reversed { from, to });
    }
    let mut by_place: BTreeMap<PlaceIx, Vec<Change>> = BTreeMap::new();
    for change in dataset.timeline.changes_between(from, to) {
        by_place.entry(change.place).or_default().push(change);
    }
    let mut rows: Vec<DiffRow> = by_place
        .into_iter()
        .filter_map(|(place, changes)| {
            let before = dataset.timeline.state_at(place, from);
            let after = dataset.timeline.state_at(place, to);
            if before.holder == after.holder {
                return None;
            }
            let date = changes.last()?.date;
            let mut claims: Vec<u32> = changes.iter().flat_map(|c| c.claims.iter().copied()).collect();
            claims.extend(after.claims);
            claims.sort_by_key(|&c| (dataset.claims[c as usize].date.first_day(), c));
            claims.dedup();
            Some(DiffRow { place, from: before.holder, to: after.holder, date, changes, claims })
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.date.first_day(), &dataset.place(a.place).name)
            .cmp(&(b.date.first_day(), &dataset.place(b.place).name))
    });
    Ok(rows)
}

impl DiffRow {
    /// "Waddan: Benghazi Defence Brigades to Libyan National Army, 2 June 2017".
    pub fn headline(&self, dataset: &Dataset) -> String {
        let via = match self.changes.len() {
            0 | 1 => String::new(),
            n => format!(" after {n} changes of hands"),
        };
        format!(
            "{}: {} to {}, {}{via}",
            dataset.place(self.place).name,
            holder_name(dataset, self.from),
            holder_name(dataset, self.to),
            self.date.long_form(),
        )
    }

    /// The headline with the claims behind it: "... 2 June 2017 (claims c002, c020)".
    pub fn sentence(&self, dataset: &Dataset) -> String {
        format!("{} (claims {})", self.headline(dataset), self.claim_ids(dataset).join(", "))
    }

    pub fn claim_ids<'a>(&self, dataset: &'a Dataset) -> Vec<&'a str> {
        dataset.claim_ids(&self.claims)
    }
}

/// A side's short name, or "unknown".
pub fn holder_name(dataset: &Dataset, holder: Holder) -> &str {
    holder.map_or("unknown", |f| dataset.faction(f).short_name())
}

/// An area in km², rounded, with thousands separators: 24500.4 → "24,500".
pub fn km2_text(km2: f64) -> String {
    let digits = format!("{:.0}", km2.max(0.0));
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Below this (in Mercator units², about a km²) a difference is rounding, not land.
const SLIVER: f64 = 1e-12;

/// What each faction's land gained and lost from `before` to `after`.
pub fn area_changes(before: &Areas, after: &Areas) -> Vec<AreaChange> {
    let mut factions = before.factions();
    factions.extend(after.factions());
    factions.sort_unstable();
    factions.dedup();
    factions
        .into_iter()
        .filter_map(|faction| {
            let (a, b) = (before.territory(faction), after.territory(faction));
            let gained = without_slivers(b.difference(&a));
            let lost = without_slivers(a.difference(&b));
            (!(gained.0.is_empty() && lost.0.is_empty())).then(|| AreaChange {
                faction,
                gained: Region::new(gained),
                lost: Region::new(lost),
            })
        })
        .collect()
}

fn without_slivers(mp: MultiPolygon<f64>) -> MultiPolygon<f64> {
    MultiPolygon(mp.0.into_iter().filter(|p| p.unsigned_area() > SLIVER).collect())
}

/// Rows and area changes between two dates, the areas taken from (and kept in) `cache`.
pub fn diff(
    dataset: &Dataset,
    from: NaiveDate,
    to: NaiveDate,
    cache: &mut AreaCache,
) -> Result<Diff, DiffError> {
    let rows = changed_hands(dataset, from, to)?;
    let before = cache.areas_at(dataset, from);
    let after = cache.areas_at(dataset, to);
    Ok(Diff { from, to, rows, areas: area_changes(&before, &after) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_print_with_thousands_separators() {
        let cases =
            [(0.0, "0"), (999.4, "999"), (1000.0, "1,000"), (24500.4, "24,500"), (1234567.0, "1,234,567")];
        for (v, want) in cases {
            assert_eq!(km2_text(v), want, "{v}");
        }
    }
}
