//! Words that change what a trigger says: an attempt, a plan, a negation, a denial, an entry that
//! met no resistance.

/// Before "to", these make the next verb an attempt: fighting, not taking ("failed to take",
/// "trying to seize").
const ATTEMPTS: &str = "trying tried attempting attempted attempt attempts failed fail fails unable \
    battling struggling struggled fighting";

/// Words that make what follows a plan, a wish or a condition rather than a fact.
const INTENT: &str = "vowed vow vows pledged pledge pledges promised promise promises threatened \
    threaten threatens plan plans planning planned aim aims aiming aimed intend intends intended want \
    wants wanted seek seeks seeking sought hope hopes hoping ready preparing prepare prepares would will \
    could might may should must once if unless ordered urged urges goal target determined expected \
    likely poised 'll designed sights";

/// Before "to", nouns of purpose make the next verb an aim, not an outcome ("an offensive to
/// retake", "a bid to seize").
const PURPOSE: &str = "offensive push drive bid campaign operation effort mission";

/// Words that deny what follows.
const NEGATION: &str = "not never no nor neither without denied deny denies cannot";

/// A side denying a report: every claim after it in its clause is the report denied.
const DENIAL: &str = "denied deny denies denying dismissed dismisses rejected rejects refuted refutes";

/// Words after "without" (within a few) that say no one fought an entry off.
const NO_FIGHT: &str = "fight fighting fights resistance clash clashes battle shot shots bloodshed";

/// Single words that say the same.
const UNOPPOSED: &str = "unopposed peacefully deserted uncontested";

fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

pub fn is_attempt(word: &str) -> bool {
    listed(ATTEMPTS, word)
}

pub fn is_intent(word: &str) -> bool {
    listed(INTENT, word)
}

pub fn is_purpose(word: &str) -> bool {
    listed(PURPOSE, word)
}

pub fn is_negation(word: &str) -> bool {
    listed(NEGATION, word) || word.ends_with("n't")
}

pub fn is_denial(word: &str) -> bool {
    listed(DENIAL, word)
}

/// Whether these words say an entry met no fight ("without a fight", "peacefully", "little
/// resistance").
pub fn is_unopposed(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(k, &w)| {
        listed(UNOPPOSED, w)
            || (matches!(w, "without" | "no" | "little")
                && words[k + 1..].iter().take(3).any(|n| listed(NO_FIGHT, n)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_told_apart() {
        assert!(is_negation("doesn't") && is_negation("not") && !is_negation("note"));
        assert!(is_purpose("offensive") && is_attempt("failed") && !is_intent("offensive"));
        assert!(is_denial("denied") && !is_denial("said"));
        let cases: &[(&str, bool)] = &[
            ("entered the town without a fight", true),
            ("entered without any armed clashes", true),
            ("found the base deserted", true),
            ("met little resistance", true),
            ("entered the town after heavy fighting", false),
            ("without delay", false),
        ];
        for (text, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(is_unopposed(&words), *want, "{text:?}");
        }
    }
}
