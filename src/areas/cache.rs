//! Areas recomputed only when some place's holder or status changes: scrubbing across days with
//! no change of holder costs a comparison, and going back to a recent state costs nothing.

use super::border::Land;
use super::build::{compute, sites_at, sites_in};
use super::options::AreaOptions;
use super::shapes::{Areas, Site};
use crate::dataset::Dataset;
use crate::model::{Holder, Snapshot, Status};
use chrono::NaiveDate;
use std::collections::VecDeque;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// How many recent states are kept (compare mode holds two; scrubbing back and forth a few).
const CAPACITY: usize = 8;

type Key = Vec<(Holder, Status, bool)>;

#[derive(Debug, Default)]
pub struct AreaCache {
    options: AreaOptions,
    /// Most recently used last.
    entries: VecDeque<(u64, Key, Arc<Areas>)>,
}

impl AreaCache {
    pub fn new(options: AreaOptions) -> Self {
        AreaCache { options, entries: VecDeque::new() }
    }

    pub fn options(&self) -> &AreaOptions {
        &self.options
    }

    /// New radii: everything is recomputed on next use.
    pub fn set_options(&mut self, options: AreaOptions) {
        if options != self.options {
            self.options = options;
            self.entries.clear();
        }
    }

    /// Forget every state: call it after loading another dataset.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The areas at a date.
    pub fn areas_at(&mut self, dataset: &Dataset, date: NaiveDate) -> Arc<Areas> {
        self.areas_for(dataset.land(), &sites_at(dataset, date, self.options.stale_after))
    }

    /// The areas for the viewer's snapshot.
    pub fn areas_in(&mut self, dataset: &Dataset, snapshot: &Snapshot) -> Arc<Areas> {
        self.areas_for(dataset.land(), &sites_in(dataset, snapshot, self.options.stale_after))
    }

    /// The areas for these sites, computed only if no kept state has the same holders and statuses.
    /// The sites must come from the dataset the cache was used with (same places, same order).
    pub fn areas_for(&mut self, land: &Land, sites: &[Site]) -> Arc<Areas> {
        if let Some(areas) = self.lookup(sites) {
            return areas;
        }
        let areas = Arc::new(compute(sites, land, &self.options));
        self.insert(sites, Arc::clone(&areas));
        areas
    }

    /// The kept areas of these sites' state, if any (and marks them most recently used).
    pub fn lookup(&mut self, sites: &[Site]) -> Option<Arc<Areas>> {
        let (hash, key) = key_of(sites);
        let k = self.entries.iter().rposition(|(h, stored, _)| *h == hash && *stored == key)?;
        let entry = self.entries.remove(k)?;
        let areas = Arc::clone(&entry.2);
        self.entries.push_back(entry);
        Some(areas)
    }

    /// Keeps areas computed elsewhere (on a worker thread) for these sites' state.
    pub fn insert(&mut self, sites: &[Site], areas: Arc<Areas>) {
        let (hash, key) = key_of(sites);
        if self.entries.iter().any(|(h, stored, _)| *h == hash && *stored == key) {
            return;
        }
        if self.entries.len() == CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back((hash, key, areas));
    }
}

fn key_of(sites: &[Site]) -> (u64, Key) {
    let key: Key = sites.iter().map(|s| (s.holder, s.status, s.stale)).collect();
    let mut hasher = DefaultHasher::new();
    key.hash(&mut hasher);
    (hasher.finish(), key)
}
