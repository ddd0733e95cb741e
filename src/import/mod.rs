//! Other tools' event data made into dataset folders that every command opens with `--data DIR`.

pub mod acled;
pub mod actors;
pub mod ucdp;
mod write;
