//! The areas the viewer shows while the slider moves. A state seen recently comes from the cache;
//! a new one is computed on a worker thread, whatever the size of the dataset, so that scrubbing
//! never waits for the geometry (even the built-in dataset's 180 places take about a millisecond,
//! the whole of a frame's budget): the map keeps the last areas until the new ones arrive, a frame
//! or so later for a small dataset, and the status bar says they are being updated.

use crate::areas::{AreaCache, AreaOptions, Areas, Land, Site, compute_with_threads};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

struct Job {
    land: Arc<Land>,
    sites: Vec<Site>,
    answer: Receiver<Arc<Areas>>,
}

#[derive(Default)]
pub struct LiveAreas {
    cache: AreaCache,
    shown: Option<Arc<Areas>>,
    /// Computing the areas of these sites.
    job: Option<Job>,
    /// The latest state asked for while the job runs.
    next: Option<(Arc<Land>, Vec<Site>)>,
}

impl LiveAreas {
    pub fn new(options: AreaOptions) -> Self {
        LiveAreas { cache: AreaCache::new(options), ..Default::default() }
    }

    /// The areas to draw: those of the last state asked for, or the previous ones while it is computed.
    pub fn shown(&self) -> Option<&Arc<Areas>> {
        self.shown.as_ref()
    }

    /// Whether the areas shown are older than the state last asked for.
    pub fn updating(&self) -> bool {
        self.job.is_some()
    }

    pub fn options(&self) -> &AreaOptions {
        self.cache.options()
    }

    /// New reaches: the cache is emptied and a running job's answer, for the old ones, dropped.
    pub fn set_options(&mut self, options: AreaOptions) {
        if &options != self.cache.options() {
            self.cache.set_options(options);
            self.job = None;
            self.next = None;
        }
    }

    /// For comparisons, which compute the areas of their two dates on the spot.
    pub fn cache_mut(&mut self) -> &mut AreaCache {
        &mut self.cache
    }

    /// Nothing to show (areas and fronts are off); a running job's answer will be dropped.
    pub fn clear(&mut self) {
        self.shown = None;
        self.job = None;
        self.next = None;
    }

    /// Asks for the areas of `sites`' state on `land`.
    pub fn request(&mut self, land: &Arc<Land>, sites: Vec<Site>) {
        if let Some(areas) = self.cache.lookup(&sites) {
            self.shown = Some(areas);
            self.next = None;
            return;
        }
        if self.job.is_some() {
            self.next = Some((Arc::clone(land), sites));
        } else {
            self.start(Arc::clone(land), sites);
        }
    }

    fn start(&mut self, land: Arc<Land>, sites: Vec<Site>) {
        let (send, answer) = channel();
        let (work, options, on) = (sites.clone(), self.cache.options().clone(), Arc::clone(&land));
        // The receiver may be gone by the time the areas are ready (the viewer closed): nothing to do then.
        std::thread::spawn(move || {
            // One core, so that the viewer keeps the other for drawing.
            let areas = compute_with_threads(&work, &on, &options, 1);
            // Triangulated here too, so that the first frame that draws them does not.
            for area in &areas.areas {
                area.region.triangles();
            }
            let _ = send.send(Arc::new(areas));
        });
        self.job = Some(Job { land, sites, answer });
    }

    /// Takes a finished job's areas; returns true when what is shown changed. Call it every frame.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else { return false };
        match job.answer.try_recv() {
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => self.finish(None),
            Ok(areas) => self.finish(Some(areas)),
        }
    }

    /// Blocks until the areas of the last state asked for are shown (for exports and tests).
    pub fn wait(&mut self) {
        while let Some(job) = &self.job {
            let result = job.answer.recv().ok();
            self.finish(result);
        }
    }

    fn finish(&mut self, result: Option<Arc<Areas>>) -> bool {
        let Some(job) = self.job.take() else { return false };
        let areas = match result {
            Some(areas) => {
                self.cache.insert(&job.sites, Arc::clone(&areas));
                areas
            }
            // The worker panicked: compute in the frame instead, so that a bug shows rather than hides.
            None => self.cache.areas_for(&job.land, &job.sites),
        };
        self.shown = Some(areas);
        if let Some((land, next)) = self.next.take() {
            self.request(&land, next);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlaceKind, Status};

    fn land() -> Arc<Land> {
        Arc::new(Land::of_countries(&["Libya".to_string()]))
    }

    fn sites(n: usize, holder: u32) -> Vec<Site> {
        (0..n)
            .map(|i| {
                let (lon, lat) = (10.0 + (i % 100) as f64 * 0.14, 24.0 + (i / 100) as f64 * 0.03);
                Site {
                    place: i as u32,
                    merc: crate::basemap::mercator(lon, lat),
                    lat,
                    kind: PlaceKind::Town,
                    holder: Some(holder + (i % 2) as u32),
                    status: Status::Held,
                    stale: false,
                }
            })
            .collect()
    }

    #[test]
    fn new_states_are_computed_in_the_background_and_seen_ones_come_from_the_cache() {
        let mut live = LiveAreas::new(AreaOptions::default());
        live.request(&land(), sites(50, 0));
        assert!(live.updating() && live.shown().is_none(), "nothing to show until the first areas come");
        live.wait();
        let small = Arc::clone(live.shown().unwrap());

        let big = sites(1000, 0);
        live.request(&land(), big.clone());
        assert!(live.updating());
        assert!(Arc::ptr_eq(live.shown().unwrap(), &small), "the last areas stay until the new ones come");
        // A newer state asked for meanwhile is computed after the running one.
        live.request(&land(), sites(1000, 2));
        live.wait();
        assert!(!live.updating());
        let shown = live.shown().unwrap();
        assert!(shown.areas.iter().any(|a| a.faction == Some(3)), "the newest state is shown");
        // Both states are cached now: going back costs nothing.
        live.request(&land(), big);
        assert!(!live.updating());
        assert!(live.shown().unwrap().areas.iter().any(|a| a.faction == Some(0)));
        live.request(&land(), sites(50, 0));
        assert!(!live.updating() && Arc::ptr_eq(live.shown().unwrap(), &small));
    }
}
