//! The claims about each place, grouped once: one flat list in place order with where each place's
//! run starts (built by counting, without a list per place).

use super::claim::{Claim, PlaceIx};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimsByPlace {
    /// Per place, where its claims start in `claims`; one extra entry closes the last place.
    starts: Vec<u32>,
    /// Claim indices, by place and then in file order.
    claims: Vec<u32>,
}

impl ClaimsByPlace {
    /// Groups `claims` by place; claims about a place beyond `place_count` are left out.
    pub fn build(place_count: usize, claims: &[Claim]) -> Self {
        let mut starts = vec![0u32; place_count + 1];
        for claim in claims {
            if (claim.place as usize) < place_count {
                starts[claim.place as usize + 1] += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut grouped = vec![0u32; starts[place_count] as usize];
        for (ix, claim) in claims.iter().enumerate() {
            if (claim.place as usize) < place_count {
                let slot = &mut next[claim.place as usize];
                grouped[*slot as usize] = ix as u32;
                *slot += 1;
            }
        }
        ClaimsByPlace { starts, claims: grouped }
    }

    pub fn place_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Indices of every claim about a place, in file order.
    pub fn of(&self, place: PlaceIx) -> &[u32] {
        let p = place as usize;
        match (self.starts.get(p), self.starts.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.claims[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, PartialDate};

    fn claim(place: PlaceIx) -> Claim {
        Claim {
            id: format!("c{place}").into(),
            place,
            faction: 0,
            action: Action::Holds,
            date: PartialDate::parse("2017").unwrap(),
            source: 0,
            quote: "".into(),
            claimed_by: None,
            note: "".into(),
        }
    }

    #[test]
    fn each_place_gets_its_claims_in_file_order() {
        let claims: Vec<Claim> = [2, 0, 2, 5, 0].into_iter().map(claim).collect();
        let by_place = ClaimsByPlace::build(3, &claims);
        assert_eq!(by_place.of(0), [1, 4]);
        assert_eq!(by_place.of(1), [] as [u32; 0]);
        assert_eq!(by_place.of(2), [0, 2]);
        // Place 5 is beyond the places given: its claim is left out, and asking is harmless.
        assert_eq!(by_place.of(5), [] as [u32; 0]);
        assert_eq!(by_place.place_count(), 3);
    }
}
