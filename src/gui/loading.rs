//! The window's first moments: the dataset loads on a worker thread while the window shows how
//! much of its tables has been read, so that a big dataset never keeps the window from opening.

use super::app::{Prepared, SandlineApp};
use super::state::{Action, Persisted, ViewerOptions};
use crate::dataset::{Loaded, UnreadableDir};
use egui::Ui;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// The viewer as the window runs it: loading, then the viewer itself (or why it could not load).
pub enum Viewer {
    Loading(Box<Loading>),
    Ready(Box<SandlineApp>),
    Failed(String),
}

/// A load under way on a worker thread.
pub struct Loading {
    /// The dataset, as messages name it.
    what: String,
    /// Bytes of the tables in all, and read so far.
    total: u64,
    read: Arc<AtomicU64>,
    worker: Option<JoinHandle<Result<Prepared, UnreadableDir>>>,
    /// For the viewer once the data is ready.
    options: ViewerOptions,
    persisted: Option<Persisted>,
    /// What to do as soon as the viewer is ready (open an article for review).
    then: Vec<Action>,
}

/// What a load reports: how much of the tables has been read, and the state of the viewer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// Bytes read of the tables' total.
    Reading {
        read: u64,
        total: u64,
    },
    /// The tables are read; the timeline and the first map are being built.
    Building,
    Ready,
    Failed,
}

impl Viewer {
    /// Starts loading `options.data` on a worker thread; the viewer fills in when it is ready.
    pub fn start(options: ViewerOptions, persisted: Option<Persisted>) -> Self {
        let total = crate::dataset::table_bytes(&options.data);
        let dir = options.data.clone();
        Self::start_with(options, persisted, total, move |progress| {
            crate::dataset::load_reporting(&dir, progress)
        })
    }

    /// As `start`, with the load itself given: it is told of every stretch of bytes read, of
    /// `total` in all.
    pub fn start_with(
        options: ViewerOptions,
        persisted: Option<Persisted>,
        total: u64,
        load: impl FnOnce(crate::dataset::Progress) -> Result<Loaded, UnreadableDir> + Send + 'static,
    ) -> Self {
        let what = match &options.data {
            crate::dataset::DataDir::Embedded => "the built-in dataset".to_owned(),
            crate::dataset::DataDir::Disk(dir) => dir.display().to_string(),
        };
        let read = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&read);
        let spawned = std::thread::Builder::new().name("sandline load".into()).spawn(move || {
            let Loaded { dataset, problems } = load(&|bytes| {
                counter.fetch_add(bytes, Ordering::Relaxed);
            })?;
            Ok(Prepared::new(dataset, problems))
        });
        match spawned {
            Ok(worker) => Viewer::Loading(Box::new(Loading {
                what,
                total,
                read,
                worker: Some(worker),
                options,
                persisted,
                then: Vec::new(),
            })),
            Err(e) => Viewer::Failed(format!("cannot start loading {what}: {e}")),
        }
    }

    /// Does `action` as soon as the viewer is ready.
    pub fn then(mut self, action: Action) -> Self {
        match &mut self {
            Viewer::Loading(loading) => loading.then.push(action),
            Viewer::Ready(app) => app.apply(action),
            Viewer::Failed(_) => {}
        }
        self
    }

    /// How far the load has got (as of the last frame, for `Ready` and `Failed`).
    pub fn progress(&self) -> Progress {
        match self {
            Viewer::Loading(loading) => {
                let read = loading.read.load(Ordering::Relaxed).min(loading.total);
                if read < loading.total {
                    Progress::Reading { read, total: loading.total }
                } else {
                    Progress::Building
                }
            }
            Viewer::Ready(_) => Progress::Ready,
            Viewer::Failed(_) => Progress::Failed,
        }
    }

    /// The viewer, once loaded.
    pub fn app(&self) -> Option<&SandlineApp> {
        match self {
            Viewer::Ready(app) => Some(app),
            _ => None,
        }
    }

    /// Takes the finished load, if it has finished.
    fn poll(&mut self) {
        let Viewer::Loading(loading) = self else { return };
        if !loading.worker.as_ref().is_some_and(JoinHandle::is_finished) {
            return;
        }
        let Some(worker) = loading.worker.take() else { return };
        *self = match worker.join() {
            Ok(Ok(prepared)) => {
                let persisted = loading.persisted.take();
                let mut app = SandlineApp::from_prepared(prepared, loading.options.clone(), persisted);
                for action in std::mem::take(&mut loading.then) {
                    app.apply(action);
                }
                Viewer::Ready(Box::new(app))
            }
            Ok(Err(e)) => Viewer::Failed(format!("{e}: {}", e.source)),
            Err(_) => Viewer::Failed(format!("loading {} stopped on an internal error", loading.what)),
        };
    }

    /// Draws the viewer, or the load's progress until it is ready.
    pub fn show(&mut self, ui: &mut Ui) {
        self.poll();
        let progress = self.progress();
        if !matches!(self, Viewer::Ready(_)) && ui.ctx().theme() != egui::Theme::Light {
            // As the viewer will be: light, like the printed briefings its maps end up in.
            ui.ctx().set_theme(egui::Theme::Light);
        }
        match self {
            Viewer::Ready(app) => app.show(ui),
            Viewer::Loading(loading) => {
                // The worker cannot wake the window, so it looks again a few times a second.
                ui.ctx().request_repaint_after(Duration::from_millis(50));
                egui::CentralPanel::default().show(ui, |ui| loading_ui(ui, &loading.what, progress));
            }
            Viewer::Failed(message) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.add_space(ui.available_height() / 3.0);
                        ui.heading("The dataset could not be loaded");
                        ui.label(message.as_str());
                    })
                });
            }
        }
    }
}

fn loading_ui(ui: &mut Ui, what: &str, progress: Progress) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.heading(format!("Loading {what}"));
        ui.add_space(8.0);
        let (fraction, text) = match progress {
            Progress::Reading { read, total } => (
                read as f32 / total.max(1) as f32,
                format!("read {} of {}", megabytes(read), megabytes(total)),
            ),
            _ => (1.0, "building the timeline and the map".to_owned()),
        };
        ui.add(egui::ProgressBar::new(fraction).desired_width(420.0).show_percentage());
        ui.label(text);
    });
}

/// Bytes as a person reads them: "12.3 MB" (decimal megabytes, as file managers show sizes).
fn megabytes(bytes: u64) -> String {
    if bytes < 100_000 {
        format!("{:.0} kB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

impl eframe::App for Viewer {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// What was remembered stays as it was until the viewer has loaded.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Viewer::Ready(app) = self {
            eframe::App::save(app.as_mut(), storage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn sizes_read_as_kilobytes_then_megabytes() {
        for (bytes, text) in [
            (0, "0 kB"),
            (12_345, "12 kB"),
            (99_999, "100 kB"),
            (100_000, "0.1 MB"),
            (137_400_000, "137.4 MB"),
        ] {
            assert_eq!(megabytes(bytes), text, "{bytes} bytes");
        }
    }
}
