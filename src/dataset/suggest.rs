//! "Did you mean" for ids typed by hand.

/// The candidate closest to `wrong`, if any is close enough to be a likely typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&wrong, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// " (did you mean 'x'?)" or nothing.
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!(" (did you mean '{s}'?)")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let ids = ["waddan", "hun", "sawkna", "jufra-airbase"];
        assert_eq!(closest("wadan", ids), Some("waddan"));
        assert_eq!(closest("Sawkna", ids), Some("sawkna"));
        assert_eq!(closest("jufra-air-base", ids), Some("jufra-airbase"));
        assert_eq!(closest("benghazi", ids), None);
    }
}
