//! TEMPORARY skeleton: replaced by its real implementation before this branch lands.

use crate::server::context::Ctx;
use crate::server::model::{LogOutcome, SourceEntry, SourceStatus};

pub fn scan(_ctx: &Ctx) -> LogOutcome {
    LogOutcome {
        sources: vec![SourceEntry::new(
            "logs",
            SourceStatus::Error,
            "not built yet",
        )],
        ..Default::default()
    }
}
