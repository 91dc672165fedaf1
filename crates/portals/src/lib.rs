//! The four brand portals of the journey (`../../shared/journey.md`): BestProducer,
//! FastShoes, SuperMarathon and StillWater, each a static page built by Trunk from
//! `www/portals/<portal>/index.html` (Rust + web-sys, no UI framework).
//!
//! One crate with four binaries (`src/bin/*.rs`) over this shared library, not four crates:
//! the portals share nearly everything (DOM helpers, the network setting, the staff key panel,
//! error display, metadata and image rendering, the provenance view), the shared part
//! compiles once for all four on a 2-core machine, and each binary still links to its own
//! wasm, so a portal ships only what it calls (LTO drops the rest) and each page stays far
//! under its 200 KB gzip budget.
//!
//! Safety: everything read from the ledger, the mirror, IPFS or metadata is written with
//! `set_text_content` or `set_attribute` ([`dom`]), never parsed as HTML; images are shown
//! through `<img>` from verified bytes (an SVG in `<img>` runs no script).

pub mod config;
pub mod date;
pub mod dom;
pub mod error;
pub mod ledger;
pub mod names;
pub mod nft;
pub mod proof;
pub mod results;
pub mod staff;
pub mod status;
pub mod twin;
pub mod wallet;
pub mod worker;
pub mod workflow;

pub use error::{Error, Result};
