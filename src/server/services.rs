//! TEMPORARY skeleton: replaced by its real implementation before this branch lands.

use crate::server::context::Ctx;
use crate::server::model::{ServicesOutcome, SourceEntry, SourceStatus};

pub fn read(_ctx: &Ctx) -> ServicesOutcome {
    ServicesOutcome {
        sources: vec![SourceEntry::new(
            "services",
            SourceStatus::Error,
            "not built yet",
        )],
        ..Default::default()
    }
}
