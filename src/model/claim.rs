//! Claims: one dated, sourced statement about who did what to a place.

use super::date::PartialDate;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Captured,
    Holds,
    Withdrew,
    Contested,
    Besieged,
}

impl Action {
    pub const ALL: [Action; 5] =
        [Action::Captured, Action::Holds, Action::Withdrew, Action::Contested, Action::Besieged];

    /// A change or a contest of control (not a holding): what a story's fight is made of.
    pub fn is_fighting(self) -> bool {
        self != Action::Holds
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Captured => "captured",
            Action::Holds => "holds",
            Action::Withdrew => "withdrew",
            Action::Contested => "contested",
            Action::Besieged => "besieged",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Action::ALL.into_iter().find(|a| a.as_str() == s).ok_or_else(|| {
            format!("unknown action '{s}': use captured, holds, withdrew, contested or besieged")
        })
    }
}

/// Index of a place in its dataset.
pub type PlaceIx = u32;
/// Index of a faction in its dataset.
pub type FactionIx = u32;
/// Index of a source in its dataset.
pub type SourceIx = u32;

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: Box<str>,
    pub place: PlaceIx,
    pub faction: FactionIx,
    pub action: Action,
    pub date: PartialDate,
    /// The source, by its place in the dataset's sources.
    pub source: SourceIx,
    /// The source's own sentence, verbatim (shared by the claims that quote it); empty for a
    /// cited claim.
    pub quote: Arc<str>,
    /// The faction whose spokesperson makes the claim; `None` when the outlet reports it itself.
    pub claimed_by: Option<FactionIx>,
    pub note: Box<str>,
}
