//! The transliteration-aware gazetteer: every spelling a journalist may use lands on the right place.
//!
//! `normalize` and `fold` turn a name into comparable forms, `Gazetteer::lookup` ranks the places one
//! name may be, and `Gazetteer::find_mentions` finds place names in running English text.

mod generic;
mod matcher;
mod mentions;
mod normalize;
#[cfg(test)]
mod tests;

pub use matcher::{Gazetteer, Lookup, MATCH_THRESHOLD, Match, Mention};
pub use normalize::{fold, normalize, skeleton};
