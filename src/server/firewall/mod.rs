//! Firewall and access-control sources, one module each; every one returns a
//! [`SourceOutcome`](super::model::SourceOutcome) and never stops the others.
//!
//! For the audit (`server --audit`), the ban-list and packet-filter sources also list every
//! address they block, not only one client's: `csf::all_entries`, `fail2ban::all_bans` and
//! `packet::all_blocks` return a [`Listing`], made with the same parsers and the same block
//! builders as the per-client reads.

pub mod csf;
pub mod fail2ban;
pub mod mta_access;
pub mod packet;

use ipnet::IpNet;

use super::model::{Block, Setting, SourceEntry};

/// One blocked address or network as a source lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The address (a /32 or /128) or network the entry names.
    pub net: IpNet,
    /// The entry as server mode reports it for a client at `net`: where, rule, reason,
    /// since, until, and the commands that lift it and keep the address allowed.
    pub block: Block,
    /// The log lines that triggered the ban, when the source keeps them (fail2ban's
    /// database), escaped.
    pub lines: Vec<String>,
    /// When this address was banned before by the same rule (Unix seconds, oldest first),
    /// when the source keeps a history (fail2ban's `bans` table).
    pub earlier_bans: Vec<i64>,
    /// How many bans the source counts for this address, when it says (fail2ban's
    /// `bancount`, lfd's "had more than N temp blocks").
    pub ban_count: Option<i64>,
    /// What made the ban, as the tool names it: a fail2ban jail (`postfix-sasl`) or lfd's
    /// trigger (`smtpauth`, `imapd`, `PERMBLOCK`); `None` for hand-made entries.
    pub trigger: Option<String>,
    /// How many failures triggered it, when the source says (fail2ban's `failures`,
    /// lfd's "5 in the last 3600 secs").
    pub failures: Option<i64>,
}

impl Listed {
    /// An entry with nothing known beyond the block.
    pub fn new(net: IpNet, block: Block) -> Listed {
        Listed {
            net,
            block,
            lines: Vec::new(),
            earlier_bans: Vec::new(),
            ban_count: None,
            trigger: None,
            failures: None,
        }
    }
}

/// Every address a source blocks, with what became of the source and the settings that
/// explain its bans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub sources: Vec<SourceEntry>,
    pub entries: Vec<Listed>,
    pub settings: Vec<Setting>,
}

/// An address or network as people write it: a single address without `/32` or `/128`.
pub fn net_text(net: &IpNet) -> String {
    if net.prefix_len() == net.max_prefix_len() {
        net.addr().to_string()
    } else {
        net.to_string()
    }
}
