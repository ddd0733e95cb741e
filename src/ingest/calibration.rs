//! What a proposal's confidence means: the share of proposals like it that were right, measured.
//!
//! The reading prices its guesses (`reading::confidence`) into a raw score; on real articles that
//! score said little by itself (tuning proposals at 0.9 were right 25 times in 32, at 0.8 35 in 46).
//! What a proposal claims said more: captures and withdrawals were right far more often than
//! contests, holdings and sieges. So a proposal is put in a cell by its action and its raw score's
//! band, and its confidence is the precision that cell had on the collection's tuning articles
//! (`tests/integration/ingest_collection.rs`, which prints these counts), pulled towards the
//! action's precision (itself pulled towards all proposals') as if `PRIOR_WEIGHT` more proposals
//! had been right at that rate: a cell of three right out of three says little.
//!
//! Derived from the tuning part only (105 articles, 7 December 2026, after that day's last rules);
//! the held-out articles are only measured against it.

use crate::model::Action;

/// The lowest raw score of each band, from the top: no guess or a small one, one guess, two, more.
pub const BAND_FLOORS: [f64; 4] = [0.85, 0.75, 0.6, 0.0];

/// How many proposals' worth of weight the wider rate carries against a cell's own count.
const PRIOR_WEIGHT: f64 = 8.0;

/// Measured on the tuning articles: for each action, (right, proposed) in each band of `BAND_FLOORS`.
const MEASURED: [(Action, [(u32, u32); 4]); 5] = [
    (Action::Captured, [(27, 31), (27, 37), (15, 24), (3, 8)]),
    (Action::Withdrew, [(2, 4), (8, 11), (6, 7), (3, 9)]),
    (Action::Holds, [(8, 11), (5, 10), (19, 23), (5, 15)]),
    (Action::Contested, [(24, 43), (40, 60), (29, 50), (6, 18)]),
    (Action::Besieged, [(1, 1), (1, 2), (1, 1), (1, 2)]),
];

/// The band of a raw score: 0 for the surest.
pub fn band(raw: f64) -> usize {
    BAND_FLOORS.iter().position(|&floor| raw >= floor).unwrap_or(BAND_FLOORS.len() - 1)
}

fn shrunk(right: u32, proposed: u32, prior: f64) -> f64 {
    (f64::from(right) + PRIOR_WEIGHT * prior) / (f64::from(proposed) + PRIOR_WEIGHT)
}

fn totals(cells: impl IntoIterator<Item = (u32, u32)>) -> (u32, u32) {
    cells.into_iter().fold((0, 0), |(r, n), (cr, cn)| (r + cr, n + cn))
}

/// The confidence of a proposal of `action` read with raw score `raw`, two decimals.
pub fn calibrated(action: Action, raw: f64) -> f64 {
    let (right, proposed) = totals(MEASURED.iter().flat_map(|(_, cells)| cells.iter().copied()));
    let overall = if proposed == 0 { 0.5 } else { f64::from(right) / f64::from(proposed) };
    let Some((_, cells)) = MEASURED.iter().find(|(a, _)| *a == action) else { return overall };
    let (ar, an) = totals(cells.iter().copied());
    let of_action = shrunk(ar, an, overall);
    let (r, n) = cells[band(raw)];
    (shrunk(r, n, of_action) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_scores_fall_in_bands_from_the_top() {
        let cases =
            [(0.99, 0), (0.9, 0), (0.85, 0), (0.8, 1), (0.75, 1), (0.7, 2), (0.6, 2), (0.55, 3), (0.0, 3)];
        for (raw, want) in cases {
            assert_eq!(band(raw), want, "{raw}");
        }
    }

    #[test]
    fn a_calibrated_confidence_is_a_share_between_zero_and_one() {
        for (action, _) in MEASURED {
            for raw in [0.95, 0.8, 0.65, 0.3] {
                let c = calibrated(action, raw);
                assert!((0.0..=1.0).contains(&c), "{action:?} {raw}: {c}");
            }
        }
    }

    #[test]
    fn a_small_cell_leans_on_its_action_and_a_large_one_on_itself() {
        assert!((shrunk(0, 0, 0.7) - 0.7).abs() < 1e-9);
        assert!((shrunk(3, 3, 0.5) - (3.0 + PRIOR_WEIGHT * 0.5) / (3.0 + PRIOR_WEIGHT)).abs() < 1e-9);
        assert!(shrunk(90, 100, 0.5) > 0.85);
    }
}
