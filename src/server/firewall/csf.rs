//! TEMPORARY skeleton: replaced by its real implementation before this branch lands.

use crate::server::context::Ctx;
use crate::server::model::{SourceEntry, SourceOutcome, SourceStatus};

pub fn read(_ctx: &Ctx) -> SourceOutcome {
    SourceOutcome {
        sources: vec![SourceEntry::new(
            "csf",
            SourceStatus::Error,
            "not built yet",
        )],
        ..Default::default()
    }
}
