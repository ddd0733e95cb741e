//! The domain: dates with precision, places, factions, claims and who controls what.

pub mod by_place;
pub mod claim;
pub mod contradiction;
pub mod control;
pub mod date;
pub mod evidence;
pub mod faction;
pub mod place;
pub mod source;
pub mod timeline;

pub use by_place::ClaimsByPlace;
pub use claim::{Action, Claim, FactionIx, PlaceIx, SourceIx};
pub use contradiction::{Contradiction, ContradictionKind, contradictions};
pub use control::{Change, ControlState, Holder, Status};
pub use date::{DateError, PartialDate, Precision};
pub use evidence::{
    DEFAULT_STALE_AFTER_DAYS, EvidenceKind, StaleAfter, StaleOn, age_in_words, evidence_age_days,
    last_reported,
};
pub use faction::{Faction, Rgb};
pub use place::{Place, PlaceKind, PlaceOrigin};
pub use source::Source;
pub use timeline::{Segment, Snapshot, Timeline};
