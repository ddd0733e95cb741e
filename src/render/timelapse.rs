//! The dates of a timelapse: every step from one date to another, optionally only those at which
//! the map changed.

use super::{Animation, AnimationFormat, BriefingSpec, RenderError, Renderer, write_png_atomic};
use crate::dataset::Dataset;
use crate::model::PartialDate;
use chrono::{Months, NaiveDate};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Most frames a timelapse may have.
pub const MAX_FRAMES: usize = 10_000;

/// The time between frames: `7d`, `2w`, `1m` (months), `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Days(u32),
    Months(u32),
}

impl FromStr for Step {
    type Err = String;
    fn from_str(text: &str) -> Result<Step, String> {
        let t = text.trim();
        let bad = || format!("'{t}' is not a step: write a number and d, w, m or y (7d, 2w, 1m, 1y)");
        let unit = t.chars().last().ok_or_else(bad)?;
        let n: u32 = t[..t.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
        if n == 0 {
            return Err(format!("the step '{t}' must be at least 1"));
        }
        let big = || format!("the step '{t}' is too long");
        match unit.to_ascii_lowercase() {
            'd' => Ok(Step::Days(n)),
            'w' => n.checked_mul(7).map(Step::Days).ok_or_else(big),
            'm' => Ok(Step::Months(n)),
            'y' => n.checked_mul(12).map(Step::Months).ok_or_else(big),
            _ => Err(bad()),
        }
    }
}

/// Where a timelapse goes: an animation or a video (`.gif`, `.png`, `.mp4`), numbered frames in a
/// folder, or both.
pub struct TimelapseOut<'a> {
    pub file: Option<(&'a Path, AnimationFormat)>,
    pub frames_dir: Option<&'a Path>,
    /// How long each frame shows, and (for a day at which some place changed hands) how long it
    /// is held instead.
    pub frame_ms: u32,
    pub hold_ms: Option<u32>,
}

/// Draws `spec` at each of `days` and writes the frames where `out` says, telling `progress`
/// of each frame drawn (its number from 1, and its day).
pub fn write_timelapse(
    renderer: &mut Renderer,
    dataset: &Dataset,
    spec: &BriefingSpec,
    days: &[NaiveDate],
    out: &TimelapseOut,
    mut progress: impl FnMut(usize, NaiveDate),
) -> Result<(), RenderError> {
    // The sides' colours come out exactly in a GIF, whatever the first frame holds.
    let keep: Vec<[u8; 3]> = dataset
        .factions
        .iter()
        .map(|f| f.color.0)
        .chain([crate::model::Rgb::UNKNOWN.0, crate::draw::marker_style::RECENT.0])
        .collect();
    let held: std::collections::HashSet<NaiveDate> = match out.hold_ms {
        Some(_) => changed_dates(dataset, days).into_iter().collect(),
        None => Default::default(),
    };
    let mut animation = match out.file {
        Some((path, format)) => {
            Some(Animation::create(path, format, spec.pixel_size(), days.len() as u32, out.frame_ms, &keep)?)
        }
        None => None,
    };
    for (i, &day) in days.iter().enumerate() {
        let frame = BriefingSpec { date: PartialDate::day(day), ..spec.clone() };
        let image = renderer.briefing(dataset, &frame)?;
        if let Some(dir) = out.frames_dir {
            write_png_atomic(&image, &frame_path(dir, i + 1, day))?;
        }
        if let Some(animation) = animation.as_mut() {
            animation.add(&image, out.hold_ms.filter(|_| held.contains(&day)))?;
        }
        progress(i + 1, day);
    }
    if let Some(animation) = animation {
        animation.finish()?;
    }
    Ok(())
}

/// `DIR/frame-0001-2017-06-03.png`: numbered, so that the files sort in order.
pub fn frame_path(dir: &Path, n: usize, day: NaiveDate) -> PathBuf {
    dir.join(format!("frame-{n:04}-{day}.png"))
}

/// `from`, then every `step` after it up to `to`, and `to` itself as the last frame.
pub fn frame_dates(from: NaiveDate, to: NaiveDate, step: Step) -> Result<Vec<NaiveDate>, String> {
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    let mut dates = Vec::new();
    for k in 0u32.. {
        let next = match step {
            Step::Days(n) => {
                k.checked_mul(n).and_then(|d| from.checked_add_days(chrono::Days::new(d.into())))
            }
            // From the first date each time, so that 31 January + 1 month + 1 month is 31 March.
            Step::Months(n) => k.checked_mul(n).and_then(|m| from.checked_add_months(Months::new(m))),
        };
        match next {
            Some(d) if d <= to => dates.push(d),
            _ => break,
        }
        if dates.len() > MAX_FRAMES {
            return Err(format!("that is more than {MAX_FRAMES} frames: use a longer --step"));
        }
    }
    if dates.last() != Some(&to) {
        dates.push(to);
    }
    Ok(dates)
}

/// The dates at which some place's holder or status differs from the frame before; the first
/// date is always kept.
pub fn changed_dates(dataset: &Dataset, dates: &[NaiveDate]) -> Vec<NaiveDate> {
    let Some(&first) = dates.first() else { return Vec::new() };
    let timeline = &dataset.timeline;
    let mut snapshot = timeline.snapshot(first);
    let state = |snapshot: &crate::model::Snapshot| -> Vec<_> {
        dataset
            .tracked_places()
            .iter()
            .map(|&p| timeline.segment_in(snapshot, p).map(|s| (s.holder, s.status)))
            .collect()
    };
    let mut shown = state(&snapshot);
    let mut kept = vec![first];
    for &date in &dates[1..] {
        timeline.step(&mut snapshot, date);
        let now = state(&snapshot);
        if now != shown {
            kept.push(date);
            shown = now;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{DataDir, load};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn steps_read_days_weeks_months_and_years() {
        assert_eq!("7d".parse(), Ok(Step::Days(7)));
        assert_eq!("2w".parse(), Ok(Step::Days(14)));
        assert_eq!("3m".parse(), Ok(Step::Months(3)));
        assert_eq!("1y".parse(), Ok(Step::Months(12)));
        for bad in ["", "d", "7", "0d", "-1d", "7x", "1.5w", "७d"] {
            assert!(bad.parse::<Step>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn frames_run_from_the_first_date_to_the_last() {
        let dates = frame_dates(day("2017-01-01"), day("2017-01-20"), Step::Days(7)).unwrap();
        assert_eq!(dates, vec![day("2017-01-01"), day("2017-01-08"), day("2017-01-15"), day("2017-01-20")]);
        let months = frame_dates(day("2017-01-31"), day("2017-04-30"), Step::Months(1)).unwrap();
        assert_eq!(months, vec![day("2017-01-31"), day("2017-02-28"), day("2017-03-31"), day("2017-04-30")]);
        assert_eq!(frame_dates(day("2017-01-01"), day("2017-01-01"), Step::Days(1)).unwrap().len(), 1);
        assert!(frame_dates(day("2018-01-01"), day("2017-01-01"), Step::Days(1)).is_err());
        assert!(frame_dates(day("1900-01-01"), day("2100-01-01"), Step::Days(1)).is_err());
    }

    #[test]
    fn changes_only_keeps_the_frames_where_the_map_changed() {
        let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
        let weeks = frame_dates(day("2014-01-01"), day("2020-12-31"), Step::Days(7)).unwrap();
        let kept = changed_dates(&dataset, &weeks);
        assert_eq!(kept[0], weeks[0]);
        assert!(kept.len() > 2 && kept.len() < weeks.len() / 4, "{} of {}", kept.len(), weeks.len());
        // Waddan, Hun and Sawkna went to the LNA in the first days of June 2017.
        assert!(kept.iter().any(|d| *d > day("2017-06-01") && *d <= day("2017-06-08")), "{kept:?}");
    }
}
