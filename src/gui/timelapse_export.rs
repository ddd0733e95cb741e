//! The export window's timelapse: the current view from one date to another as a video (MP4), a
//! GIF or an animated PNG, drawn on a worker thread by the same code as `sandline render --from
//! --to`, the window showing how many frames are done.

use super::export::ViewNow;
use crate::dataset::DataDir;
use crate::render::{
    AnimationFormat, BriefingSpec, Renderer, Step, TimelapseOut, frame_dates, write_timelapse,
};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

/// The timelapse part of the export window.
pub struct TimelapseExport {
    pub from: String,
    pub to: String,
    pub step: String,
    pub fps: f64,
    /// Hold each frame at which some place changed hands (milliseconds; 0 for no hold).
    pub hold_ms: u32,
    pub path: String,
    pub message: Option<Result<String, String>>,
    job: Option<Job>,
}

struct Job {
    done: Arc<AtomicUsize>,
    frames: usize,
    worker: JoinHandle<Result<String, String>>,
}

impl Default for TimelapseExport {
    fn default() -> Self {
        TimelapseExport {
            from: String::new(),
            to: String::new(),
            step: "1w".into(),
            fps: 4.0,
            hold_ms: 1500,
            path: String::new(),
            message: None,
            job: None,
        }
    }
}

fn day(text: &str, what: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{what}: '{}' is not a day: write YYYY-MM-DD", text.trim()))
}

impl TimelapseExport {
    /// Fills the dates and the file name the first time the window opens.
    pub fn open(&mut self, now: &ViewNow, folder: &std::path::Path) {
        if self.to.is_empty() {
            self.to = now.date.to_string();
            self.from = (now.date - chrono::Duration::days(90)).to_string();
        }
        if self.path.is_empty() {
            self.path =
                folder.join(format!("sandline-{}-to-{}.mp4", self.from, self.to)).display().to_string();
        }
    }

    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// Starts drawing the frames of `spec` on a worker thread.
    fn start(&mut self, spec: BriefingSpec, data: DataDir) -> Result<(), String> {
        let (from, to) = (day(&self.from, "From")?, day(&self.to, "To")?);
        let step: Step = self.step.parse()?;
        let days = frame_dates(from, to, step)?;
        let path = PathBuf::from(self.path.trim());
        let format = AnimationFormat::from_path(&path)
            .ok_or_else(|| format!("{}: a timelapse is written as .mp4, .gif or .png", path.display()))?;
        let mut spec = spec;
        if format == AnimationFormat::Mp4 {
            crate::render::video::find_ffmpeg().map_err(|e| e.to_string())?;
            // H.264 wants even sides; the map's size is the window's, so give up a pixel rather
            // than refuse (the export's scale is a whole number).
            spec.width -= spec.width % 2;
            spec.height -= spec.height % 2;
        }
        let frame_ms = (1000.0 / self.fps.max(0.1)).round() as u32;
        let hold_ms = (self.hold_ms > 0).then_some(self.hold_ms);
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        let frames = days.len();
        let worker = std::thread::Builder::new()
            .name("sandline timelapse".into())
            .spawn(move || {
                // Its own copy of the data and its own renderer: the window goes on drawing.
                let dataset = crate::dataset::load(&data).map_err(|e| e.to_string())?.dataset;
                let mut renderer = Renderer::new().map_err(|e| e.to_string())?;
                let out = TimelapseOut { file: Some((&path, format)), frames_dir: None, frame_ms, hold_ms };
                write_timelapse(&mut renderer, &dataset, &spec, &days, &out, |n, _| {
                    counter.store(n, Ordering::Relaxed)
                })
                .map_err(|e| e.to_string())?;
                Ok(format!(
                    "Saved {} ({} frames, {} to {})",
                    path.display(),
                    days.len(),
                    days[0],
                    days[days.len() - 1]
                ))
            })
            .map_err(|e| format!("cannot start drawing the timelapse: {e}"))?;
        self.job = Some(Job { done, frames, worker });
        Ok(())
    }

    /// Takes a finished job's outcome.
    fn poll(&mut self) {
        if self.job.as_ref().is_some_and(|j| j.worker.is_finished())
            && let Some(job) = self.job.take()
        {
            self.message = Some(
                job.worker
                    .join()
                    .unwrap_or_else(|_| Err("the timelapse stopped on an internal error".into())),
            );
        }
    }

    /// The timelapse controls; `spec` is the still's, whose view and size the frames take.
    pub fn ui(&mut self, ui: &mut Ui, spec: BriefingSpec, now: &ViewNow) {
        self.poll();
        egui::Grid::new("timelapse").num_columns(2).show(ui, |ui| {
            for (label, text) in [("From", &mut self.from), ("To", &mut self.to), ("Every", &mut self.step)] {
                let l = ui.label(label);
                ui.add(egui::TextEdit::singleline(text).desired_width(110.0)).labelled_by(l.id);
                ui.end_row();
            }
            ui.label("Frames a second");
            ui.add(egui::DragValue::new(&mut self.fps).range(0.25..=30.0).speed(0.25));
            ui.end_row();
            ui.label("Hold changes (ms)");
            ui.add(egui::DragValue::new(&mut self.hold_ms).range(0..=10_000).speed(50));
            ui.end_row();
            let l = ui.label("Timelapse file");
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0)).labelled_by(l.id);
            ui.end_row();
        });
        ui.horizontal(|ui| match &self.job {
            Some(job) => {
                let done = job.done.load(Ordering::Relaxed);
                ui.add(
                    egui::ProgressBar::new(done as f32 / job.frames.max(1) as f32)
                        .text(format!("{done} of {} frames", job.frames)),
                );
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
            None => {
                if ui
                    .button("Save timelapse")
                    .on_hover_text(".mp4 (video, through ffmpeg), .gif or .png (animated)")
                    .clicked()
                {
                    self.message = self.start(spec, now.data.clone()).err().map(Err);
                }
            }
        });
        match &self.message {
            Some(Ok(m)) => {
                ui.label(RichText::new(m));
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }
}
