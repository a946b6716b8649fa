//! Which tool made a rule or a set (CSF, fail2ban), told from chain, set and table names,
//! and the commands that lift or prevent a block through that tool. Deleting such a rule
//! by hand is undone by the tool (CSF rebuilds its chains on restart, fail2ban re-bans
//! from its database) or leaves the tool believing the address is still banned.

use std::net::IpAddr;

use crate::server::model::BlockSource;

use super::addr::plain;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Csf,
    Fail2ban { jail: String },
}

/// Chains csf.pl creates (`iptables -N ...` in ConfigServer Firewall's csf.pl). Blocklist
/// chains (named in csf.blocklists) and anything else reached from these are CSF's too:
/// the walk passes ownership down to the chains a CSF chain jumps to.
const CSF_CHAINS: &[&str] = &[
    "ALLOWDYNIN",
    "ALLOWDYNOUT",
    "ALLOWIN",
    "ALLOWOUT",
    "BLOCKDROP",
    "CCDROP",
    "CC_ALLOW",
    "CC_ALLOWF",
    "CC_ALLOWP",
    "CC_ALLOWPORTS",
    "CC_DENY",
    "CC_DENYP",
    "CC_DENYPORTS",
    "CONNLIMIT",
    "DENYIN",
    "DENYOUT",
    "GALLOWIN",
    "GALLOWOUT",
    "GDENYIN",
    "GDENYOUT",
    "GDYNIN",
    "GDYNOUT",
    "INVALID",
    "INVDROP",
    "LOCALINPUT",
    "LOCALOUTPUT",
    "LOGACCEPT",
    "LOGDROPIN",
    "LOGDROPOUT",
    "PORTFLOOD",
    "SMTPOUTPUT",
    "SYNFLOOD",
    "UDPFLOOD",
];

/// Sets csf.pl creates with LF_IPSET (`chain_DENY`, `chain_6_DENY`, ...); its country
/// (`cc_XX`) and blocklist (`bl_NAME`) sets are recognised through the CSF chain using them.
const CSF_SETS: &[&str] = &["DENY", "GDENY", "ALLOW", "GALLOW", "ALLOWDYN", "GDYN"];

/// Is this one of CSF's chains by name (port-knocking chains are `PK_<port>_S<step>_IN`)?
pub fn csf_chain(name: &str) -> bool {
    CSF_CHAINS.contains(&name) || name.starts_with("PK_")
}

pub fn csf_set(name: &str) -> bool {
    let rest = name.strip_prefix("chain_");
    let rest = rest.map(|r| r.strip_prefix("6_").unwrap_or(r));
    rest.is_some_and(|r| CSF_SETS.contains(&r))
}

/// fail2ban's iptables actions make a chain `f2b-<jail>`.
pub fn fail2ban_chain(name: &str) -> Option<Owner> {
    jail(name.strip_prefix("f2b-")?)
}

/// fail2ban's ipset actions make a set `f2b-<jail>` (IPv4) or `f2b-<jail>6` (IPv6).
pub fn fail2ban_ipset(name: &str, v6: bool) -> Option<Owner> {
    let rest = name.strip_prefix("f2b-")?;
    let rest = if v6 {
        rest.strip_suffix('6').unwrap_or(rest)
    } else {
        rest
    };
    jail(rest)
}

/// fail2ban's nftables action: table `f2b-table`, sets `addr-set-<jail>` (IPv4) and
/// `addr6-set-<jail>` (IPv6).
pub fn fail2ban_nft_set(table: &str, set: &str) -> Option<Owner> {
    if table != "f2b-table" {
        return None;
    }
    jail(
        set.strip_prefix("addr-set-")
            .or_else(|| set.strip_prefix("addr6-set-"))?,
    )
}

fn jail(name: &str) -> Option<Owner> {
    (!name.is_empty()).then(|| Owner::Fail2ban {
        jail: name.to_string(),
    })
}

impl Owner {
    pub fn made_by(&self) -> BlockSource {
        match self {
            Owner::Csf => BlockSource::Csf,
            Owner::Fail2ban { .. } => BlockSource::Fail2ban,
        }
    }

    /// The tool's own commands that lift the entry `entry` (the address or network the
    /// rule names). CSF keeps permanent bans in csf.deny (`csf -dr`) and temporary ones in
    /// csf.tempban (`csf -tr`), and both end up as the same kind of rule in DENYIN, so
    /// both are given; each is harmless when the address is not on its list.
    pub fn unblock(&self, entry: &str) -> Vec<String> {
        let entry = plain(entry);
        match self {
            Owner::Csf => [
                super::commands(&["csf", "-dr", &entry]),
                super::commands(&["csf", "-tr", &entry]),
            ]
            .concat(),
            Owner::Fail2ban { jail } => {
                super::commands(&["fail2ban-client", "set", jail, "unbanip", &entry])
            }
        }
    }

    /// The tool's own way to keep the client from being blocked again.
    pub fn allow(&self, client: IpAddr) -> Vec<String> {
        let ip = client.to_string();
        match self {
            Owner::Csf => super::commands(&["csf", "-a", &ip]),
            Owner::Fail2ban { jail } => {
                super::commands(&["fail2ban-client", "set", jail, "addignoreip", &ip])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(csf_chain("DENYIN") && csf_chain("LOCALINPUT") && csf_chain("PK_22_S1_IN"));
        assert!(!csf_chain("INPUT") && !csf_chain("denyin"));
        assert!(csf_set("chain_DENY") && csf_set("chain_6_GDENY"));
        assert!(!csf_set("chain_OTHER") && !csf_set("DENY"));
        assert_eq!(
            fail2ban_chain("f2b-postfix-sasl"),
            Some(Owner::Fail2ban {
                jail: "postfix-sasl".into()
            })
        );
        assert_eq!(fail2ban_chain("f2b-"), None);
        assert_eq!(
            fail2ban_ipset("f2b-postfix-sasl6", true),
            Some(Owner::Fail2ban {
                jail: "postfix-sasl".into()
            })
        );
        assert_eq!(
            fail2ban_ipset("f2b-sshd", false),
            Some(Owner::Fail2ban {
                jail: "sshd".into()
            })
        );
        assert_eq!(
            fail2ban_nft_set("f2b-table", "addr6-set-dovecot"),
            Some(Owner::Fail2ban {
                jail: "dovecot".into()
            })
        );
        assert_eq!(fail2ban_nft_set("filter", "addr-set-dovecot"), None);
    }

    #[test]
    fn commands() {
        let ip: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(
            Owner::Csf.unblock("198.51.100.7/32"),
            ["csf -dr 198.51.100.7", "csf -tr 198.51.100.7"]
        );
        assert_eq!(Owner::Csf.allow(ip), ["csf -a 198.51.100.7"]);
        let f = Owner::Fail2ban {
            jail: "postfix sasl".into(),
        };
        assert_eq!(
            f.unblock("198.51.100.7"),
            ["fail2ban-client set 'postfix sasl' unbanip 198.51.100.7"]
        );
        assert_eq!(
            f.allow(ip),
            ["fail2ban-client set 'postfix sasl' addignoreip 198.51.100.7"]
        );
    }
}
