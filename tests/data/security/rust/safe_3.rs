use sha2::{Digest, Sha256};
fn h(d: &[u8]) -> Vec<u8> {
    Sha256::digest(d).to_vec()
}
