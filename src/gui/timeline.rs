//! The bottom panel: a date slider over the data's span with a tick for every change of holder
//! and a histogram of claims, play and pause, steps between changes, and a date field.

use super::state::{Action, Step};
use crate::dataset::Dataset;
use crate::draw::marker_style::color;
use crate::model::{PartialDate, Rgb};
use chrono::{Datelike, Duration, NaiveDate};
use egui::{Align2, FontId, Key, Rect, Sense, Stroke, Ui, pos2, vec2};

/// What the timeline draws, computed once per dataset.
#[derive(Debug, Clone)]
pub struct TimelineModel {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Days on which some place changes holder, with the gaining side's colour (grey when lost to unknown).
    pub ticks: Vec<(NaiveDate, Rgb)>,
    /// Sorted, unique days of change, for stepping.
    pub change_days: Vec<NaiveDate>,
    /// Claims per month from `start`'s month on.
    pub claims_per_month: Vec<u32>,
}

fn months_between(a: NaiveDate, b: NaiveDate) -> i32 {
    (b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32
}

impl TimelineModel {
    pub fn new(dataset: &Dataset) -> Self {
        let (first, last) = dataset.timeline.span().unwrap_or((
            NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2020, 12, 31).unwrap_or_default(),
        ));
        // Whole years around the data, so that the slider reads like a calendar.
        let start = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
        let end = NaiveDate::from_ymd_opt(last.year(), 12, 31).unwrap_or(last);
        let changes = dataset.timeline.changes_between(start - Duration::days(1), end);
        let mut ticks: Vec<(NaiveDate, Rgb)> = changes
            .iter()
            .map(|c| (c.date.first_day(), c.to.map_or(Rgb::UNKNOWN, |f| dataset.faction(f).color)))
            .collect();
        ticks.sort_by_key(|(d, c)| (*d, c.0));
        ticks.dedup();
        let mut change_days: Vec<NaiveDate> = ticks.iter().map(|(d, _)| *d).collect();
        change_days.dedup();
        let mut claims_per_month = vec![0u32; (months_between(start, end) + 1).max(1) as usize];
        for claim in &dataset.claims {
            let m = months_between(start, claim.date.first_day());
            if let Some(slot) = usize::try_from(m).ok().and_then(|m| claims_per_month.get_mut(m)) {
                *slot += 1;
            }
        }
        TimelineModel { start, end, ticks, change_days, claims_per_month }
    }

    pub fn clamp(&self, date: NaiveDate) -> NaiveDate {
        date.clamp(self.start, self.end)
    }

    pub fn previous_change(&self, date: NaiveDate) -> Option<NaiveDate> {
        let i = self.change_days.partition_point(|d| *d < date);
        i.checked_sub(1).map(|i| self.change_days[i])
    }

    pub fn next_change(&self, date: NaiveDate) -> Option<NaiveDate> {
        let i = self.change_days.partition_point(|d| *d <= date);
        self.change_days.get(i).copied()
    }

    /// Where a step from `date` lands; `None` when there is no change that way.
    pub fn step(&self, step: Step, date: NaiveDate) -> Option<NaiveDate> {
        match step {
            Step::First => Some(self.start),
            Step::PreviousChange => self.previous_change(date),
            Step::NextChange => self.next_change(date),
            Step::Last => Some(self.end),
        }
    }

    fn span_days(&self) -> f32 {
        (self.end - self.start).num_days().max(1) as f32
    }

    fn x_of(&self, rect: Rect, date: NaiveDate) -> f32 {
        rect.left() + rect.width() * (date - self.start).num_days() as f32 / self.span_days()
    }

    fn date_at(&self, rect: Rect, x: f32) -> NaiveDate {
        let t = ((x - rect.left()) / rect.width()).clamp(0.0, 1.0);
        self.clamp(self.start + Duration::days((t * self.span_days()).round() as i64))
    }
}

/// The user's play and typing state; not persisted.
#[derive(Debug, Clone)]
pub struct TimelineState {
    pub playing: bool,
    /// From one day to a year per second.
    pub days_per_second: f32,
    pub date_text: String,
    pub date_error: Option<String>,
    fraction: f64,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            playing: false,
            days_per_second: 30.0,
            date_text: String::new(),
            date_error: None,
            fraction: 0.0,
        }
    }
}

impl TimelineState {
    /// Advances a playing timeline by `dt` seconds; stops at the end.
    pub fn advance(&mut self, model: &TimelineModel, date: NaiveDate, dt: f32) -> NaiveDate {
        if !self.playing {
            return date;
        }
        self.fraction += f64::from(self.days_per_second * dt);
        let whole = self.fraction.floor();
        self.fraction -= whole;
        let next = model.clamp(date + Duration::days(whole as i64));
        if next >= model.end {
            self.playing = false;
        }
        next
    }
}

/// Parses what a user types in the date field: a day, or a month or year (its first day).
pub fn parse_typed_date(text: &str) -> Result<NaiveDate, String> {
    PartialDate::parse(text).map(|d| d.first_day()).map_err(|e| e.to_string())
}

fn speed_label(days: f64) -> String {
    match days {
        d if d >= 300.0 => format!("{:.1} years/s", d / 365.0),
        d if d >= 28.0 => format!("{:.1} months/s", d / 30.44),
        d if d >= 7.0 => format!("{:.1} weeks/s", d / 7.0),
        d if d < 1.5 => "1 day/s".to_string(),
        d => format!("{d:.0} days/s"),
    }
}

/// Draws the timeline; returns what the user did this frame.
pub fn timeline_ui(
    ui: &mut Ui,
    model: &TimelineModel,
    state: &mut TimelineState,
    date: NaiveDate,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        if ui.button("« First").on_hover_text("First day (Home)").clicked() {
            actions.push(Action::Step(Step::First));
        }
        if ui.button("< Previous change").on_hover_text("Previous change of holder (Left arrow)").clicked() {
            actions.push(Action::Step(Step::PreviousChange));
        }
        let play = if state.playing { "Pause" } else { "Play" };
        if ui.button(play).on_hover_text("Play or pause (Space)").clicked() {
            actions.push(Action::TogglePlay);
        }
        if ui.button("Next change >").on_hover_text("Next change of holder (Right arrow)").clicked() {
            actions.push(Action::Step(Step::NextChange));
        }
        if ui.button("Last »").on_hover_text("Last day (End)").clicked() {
            actions.push(Action::Step(Step::Last));
        }
        ui.separator();
        ui.add(
            egui::Slider::new(&mut state.days_per_second, 1.0..=365.0)
                .text("Speed")
                .logarithmic(true)
                .custom_formatter(|v, _| speed_label(v))
                .custom_parser(|s| s.split_whitespace().next()?.parse().ok()),
        );
        ui.separator();
        let label = ui.label("Go to date");
        // The field shows the slider's date, unless the user is typing in it.
        let id = ui.make_persistent_id("date field");
        if !ui.memory(|m| m.has_focus(id)) {
            state.date_text = date.to_string();
        }
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.date_text)
                .desired_width(92.0)
                .hint_text("YYYY-MM-DD")
                .id(id),
        );
        let field = field.labelled_by(label.id).on_hover_text("Type a date (YYYY-MM-DD) and press Enter");
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            match parse_typed_date(&state.date_text) {
                Ok(d) => {
                    actions.push(Action::SetDate(model.clamp(d)));
                    state.date_error = None;
                }
                Err(e) => state.date_error = Some(e),
            }
        }
        if let Some(error) = &state.date_error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
    if let Some(d) = bar(ui, model, date) {
        actions.push(Action::SetDate(d));
    }
    actions
}

/// The slider itself: histogram, ticks, year marks and the cursor. Dragging anywhere moves the date.
fn bar(ui: &mut Ui, model: &TimelineModel, date: NaiveDate) -> Option<NaiveDate> {
    let height = 58.0;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
    let rect = rect.shrink2(vec2(8.0, 0.0));
    let value = (date - model.start).num_days() as f64;
    response.widget_info(|| egui::WidgetInfo::slider(true, value, "Date"));
    let painter = ui.painter_at(response.rect);
    let visuals = ui.visuals();
    let track =
        Rect::from_min_max(pos2(rect.left(), rect.top() + 4.0), pos2(rect.right(), rect.bottom() - 16.0));
    painter.rect_filled(track, 3.0, visuals.extreme_bg_color);

    // Histogram of claims per month, in the lower part of the track.
    let max = model.claims_per_month.iter().copied().max().unwrap_or(0).max(1) as f32;
    let hist_height = track.height() * 0.45;
    for (i, &n) in model.claims_per_month.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let month_start = model.start + Duration::days((i as f64 * 30.4375) as i64);
        let x0 = model.x_of(track, month_start);
        let x1 = model.x_of(track, month_start + Duration::days(30)).max(x0 + 1.5);
        let h = hist_height * (n as f32 / max).sqrt();
        painter.rect_filled(
            Rect::from_min_max(pos2(x0, track.bottom() - h), pos2(x1, track.bottom())),
            0.0,
            visuals.weak_text_color().gamma_multiply(0.55),
        );
    }
    // A tick per change of holder, in the gaining side's colour; one per pixel column at most, so
    // that a dataset with thousands of changes draws as fast as one with ten.
    let mut last_column = i32::MIN;
    for (day, rgb) in &model.ticks {
        let x = model.x_of(track, *day);
        let column = x.round() as i32;
        if column == last_column {
            continue;
        }
        last_column = column;
        painter.line_segment(
            [pos2(x, track.top() + 1.0), pos2(x, track.top() + track.height() * 0.5)],
            Stroke::new(2.0, color(*rgb)),
        );
    }
    // Years.
    for year in model.start.year()..=model.end.year() {
        if let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1) {
            let x = model.x_of(track, jan.max(model.start));
            painter.line_segment(
                [pos2(x, track.bottom()), pos2(x, track.bottom() + 4.0)],
                Stroke::new(1.0, visuals.text_color()),
            );
            painter.text(
                pos2(x + 2.0, track.bottom() + 3.0),
                Align2::LEFT_TOP,
                year.to_string(),
                FontId::proportional(11.0),
                visuals.text_color(),
            );
        }
    }
    // The cursor.
    let x = model.x_of(track, date);
    painter.line_segment(
        [pos2(x, rect.top()), pos2(x, track.bottom())],
        Stroke::new(2.5, visuals.strong_text_color()),
    );
    painter.circle(
        pos2(x, rect.top() + 3.0),
        5.0,
        visuals.strong_text_color(),
        Stroke::new(1.5, visuals.extreme_bg_color),
    );

    if (response.dragged() || response.clicked())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let d = model.date_at(track, pointer.x);
        if d != date {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{DataDir, load};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn steps_land_on_changes_of_holder() {
        let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
        let model = TimelineModel::new(&dataset);
        assert_eq!(model.next_change(day("2017-05-31")), Some(day("2017-06-01")));
        assert_eq!(model.next_change(day("2017-06-01")), Some(day("2017-06-02")));
        assert_eq!(model.previous_change(day("2017-06-02")), Some(day("2017-06-01")));
        assert!(model.start <= day("2011-01-01") && model.end >= day("2020-06-01"));
        assert!(model.ticks.iter().any(|(d, _)| *d == day("2017-06-02")));
        assert_eq!(model.claims_per_month.iter().sum::<u32>() as usize, dataset.claims.len());
    }

    #[test]
    fn playing_moves_by_the_speed_and_stops_at_the_end() {
        let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
        let model = TimelineModel::new(&dataset);
        let mut state = TimelineState { playing: true, days_per_second: 7.0, ..Default::default() };
        let d = state.advance(&model, day("2017-06-01"), 1.0);
        assert_eq!(d, day("2017-06-08"));
        let d = state.advance(&model, d, 0.1);
        let d = state.advance(&model, d, 0.1);
        assert_eq!(d, day("2017-06-09"), "fractions of a day add up");
        state.days_per_second = 365.0;
        let end = state.advance(&model, model.end - Duration::days(3), 1.0);
        assert_eq!(end, model.end);
        assert!(!state.playing);
    }

    #[test]
    fn typed_dates_accept_days_months_and_years() {
        assert_eq!(parse_typed_date("2017-06-02"), Ok(day("2017-06-02")));
        assert_eq!(parse_typed_date("2017-06"), Ok(day("2017-06-01")));
        assert!(parse_typed_date("2017-02-30").unwrap_err().contains("not a day"));
        assert_eq!(speed_label(1.0), "1 day/s");
        assert_eq!(speed_label(365.0), "1.0 years/s");
    }
}
