use super::{Outcome, args::GeocodeArgs};
pub fn run(_a: &GeocodeArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not yet")
}
