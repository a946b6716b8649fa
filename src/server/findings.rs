//! Everything the sources found, ordered and numbered: what the diagnosis and the report
//! read. A leaf, so neither of them imports the orchestrator that fills it.

use super::model::{
    Block, BlockSource, LogEntry, ServiceFinding, ServiceProblem, Setting, SourceEntry,
};

/// Everything found, in report order, with `block.N` and `log.N` ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub sources: Vec<SourceEntry>,
    /// In the order a packet meets them (see [`stage`]).
    pub blocks: Vec<Block>,
    pub settings: Vec<Setting>,
    /// In time order.
    pub log: Vec<LogEntry>,
    pub services: Vec<ServiceFinding>,
    pub problems: Vec<ServiceProblem>,
    /// Firewall and ban-list sources that are there but could not be read (denied, failed):
    /// a block in them would not show.
    pub firewall_unread: Vec<SourceEntry>,
}

/// Where in a packet's way a block sits. The kernel's packet filter sees the packet first
/// (iptables, nftables and the ipsets their rules use, in the order the packet source
/// returns them: that is the kernel's order, and CSF's and fail2ban's own chains are among
/// them). The CSF and fail2ban list entries come next: those tools enforce them with the
/// packet-filter rules above, and the entries add why and since when. TCP wrappers act
/// when the daemon accepts the connection, the MTA's access maps once the SMTP session
/// runs, so they come last.
pub fn stage(source: BlockSource) -> u8 {
    match source {
        BlockSource::Iptables | BlockSource::Nftables | BlockSource::Ipset => 0,
        BlockSource::Csf => 1,
        BlockSource::Fail2ban => 2,
        BlockSource::TcpWrappers => 3,
        BlockSource::MtaAccess => 4,
    }
}
