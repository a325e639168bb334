use rand::{rngs::SmallRng, SeedableRng, Rng};
fn token() -> u64 {
    let mut rng = SmallRng::seed_from_u64(42); let token = rng.gen::<u64>();
    token
}
