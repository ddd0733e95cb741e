//! How sure a reading is. Every claim starts at `BASE` and pays a named penalty for each guess the
//! reading had to make; the numbers live here so that their order can be read and argued about.
//! The analyst sees the result as the proposal's confidence, and each guess as a part of its note.

/// A claim read with no guess at all.
const BASE: f64 = 0.9;
/// Whatever the penalties add up to, confidence stays within these bounds.
const FLOOR: f64 = 0.05;
const CEILING: f64 = 0.99;

/// A trigger the lexicon marks weak: it often says less than control ("pushed into").
pub const WEAK_TRIGGER: f64 = 0.15;
/// The side is named through its patron ("Haftar's forces"), not by its own name.
pub const BY_PATRON: f64 = 0.05;
/// The side is a pronoun or "the forces", resolved to the speaker, the subject before or the side
/// the story is about.
pub const PRONOUN: f64 = 0.1;
/// "who" or "which" right after a named side: nearly as good as the name.
pub const RELATIVE_PRONOUN: f64 = 0.05;
/// No side in this clause: the side of the clause before ("... and then took X").
pub const CARRIED_ACTOR: f64 = 0.1;
/// "A rival faction seized X. The BDB said it held X": the side named only in the next sentence.
pub const NEXT_SENTENCE_ACTOR: f64 = 0.25;
/// "Fighting went on in Sirte", no side named: the two sides of the story's latest contest.
pub const STORY_SIDE: f64 = 0.2;
/// "IS fighters were killed in fierce battles in Sirte": fighting with no side attached, between the
/// sides the sentence names elsewhere.
pub const SENTENCE_SIDE: f64 = 0.15;
/// "The base was captured", no one named: whoever the article said captured it earlier.
pub const EARLIER_CAPTURE_ACTOR: f64 = 0.2;
/// A verb with no object ("withdrew"): the place named earlier in the sentence.
pub const PLACE_EARLIER_IN_SENTENCE: f64 = 0.15;
/// "withdrew to the coast": the place of the sentence before, the weakest guess of place.
pub const PLACE_OF_SENTENCE_BEFORE: f64 = 0.25;
/// The clause names no place: the first one after it ends.
pub const PLACE_BEYOND_CLAUSE: f64 = 0.15;
/// "the town": a place by reference to one named before.
pub const PLACE_BY_REFERENCE: f64 = 0.15;
/// The name fits more than one place.
pub const AMBIGUOUS_PLACE: f64 = 0.15;
/// "positions on the outskirts of X" read as a contest for X: on the tuning articles such readings
/// were right about four times in ten.
pub const PART_OF_PLACE: f64 = 0.1;
/// A second claim the first implies: "took X from Y" says Y held X; "lost X to Y" says Y took it.
pub const IMPLIED_CLAIM: f64 = 0.15;
/// "took X from Y" read as "Y held X": on real articles it was right about one time in five, as
/// readers code only the loss.
pub const HELD_BEFORE: f64 = 0.35;
/// "now", "still" or a present tense: dated to the publication day.
pub const PRESENT_DATE: f64 = 0.05;
/// No date in the clause: the story's news day, or the publication date.
pub const UNDATED: f64 = 0.1;
/// A relative date (or none) and no publication date to resolve it against.
pub const UNRESOLVED_DATE: f64 = 0.3;

// Guesses that reach farther cost more.
const _: () = assert!(PLACE_OF_SENTENCE_BEFORE > PLACE_EARLIER_IN_SENTENCE);
const _: () = assert!(HELD_BEFORE > IMPLIED_CLAIM);
const _: () = assert!(EARLIER_CAPTURE_ACTOR > CARRIED_ACTOR && CARRIED_ACTOR > RELATIVE_PRONOUN);

/// The confidence of a reading that paid `penalty` in all.
pub fn of(penalty: f64) -> f64 {
    (BASE - penalty).clamp(FLOOR, CEILING)
}

/// Confidence as the proposals show it: two decimals.
pub fn rounded(confidence: f64) -> f64 {
    (confidence * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penalties_lower_confidence_within_bounds() {
        let cases =
            [(0.0, 0.9), (PRONOUN, 0.8), (PRONOUN + AMBIGUOUS_PLACE, 0.65), (5.0, FLOOR), (-1.0, CEILING)];
        for (penalty, want) in cases {
            assert!((of(penalty) - want).abs() < 1e-9, "{penalty}: {}", of(penalty));
        }
    }

    #[test]
    fn confidence_shows_two_decimals() {
        assert_eq!(rounded(0.8499999), 0.85);
        assert_eq!(rounded(of(PRONOUN + PLACE_BY_REFERENCE)), 0.65);
    }
}
