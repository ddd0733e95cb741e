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
        let places = places_of(claims);
        let mut starts = vec![0u32; place_count + 1];
        for &place in &places {
            if (place as usize) < place_count {
                starts[place as usize + 1] += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut grouped = vec![0u32; starts[place_count] as usize];
        for (ix, &place) in places.iter().enumerate() {
            if (place as usize) < place_count {
                let slot = &mut next[place as usize];
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

/// Each claim's place, in a list of its own: grouping reads it twice, and a claim's place alone
/// is a twentieth of the claim. Many claims are read on two threads.
fn places_of(claims: &[Claim]) -> Vec<PlaceIx> {
    const IN_HALVES_FROM: usize = 1 << 16;
    let fill = |places: &mut [PlaceIx], claims: &[Claim]| {
        for (place, claim) in places.iter_mut().zip(claims) {
            *place = claim.place;
        }
    };
    let mut places = vec![0; claims.len()];
    if claims.len() < IN_HALVES_FROM {
        fill(&mut places, claims);
    } else {
        let middle = claims.len() / 2;
        let (first, second) = places.split_at_mut(middle);
        std::thread::scope(|scope| {
            scope.spawn(|| fill(second, &claims[middle..]));
            fill(first, &claims[..middle]);
        });
    }
    places
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
    fn many_claims_are_grouped_as_few_are() {
        let claims: Vec<Claim> = (0..70_000u32).map(|i| claim(i * 7 % 13)).collect();
        let by_place = ClaimsByPlace::build(12, &claims);
        for place in 0..13 {
            let want: Vec<u32> = (0..70_000u32).filter(|&i| place < 12 && i * 7 % 13 == place).collect();
            assert_eq!(by_place.of(place), want, "place {place}");
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
