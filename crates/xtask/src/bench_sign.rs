//! The `sign` benchmark (filled in below).
use crate::run::Result;
pub fn run() -> Result {
    Err("the sign benchmark is not built yet".into())
}
