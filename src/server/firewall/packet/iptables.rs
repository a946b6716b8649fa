//! The `iptables-save` / `ip6tables-save` format, parsed into tables, chains and rules with
//! the parts a search for one client's blocks needs. Pure: tested on captured output.

use thiserror::Error;

use super::addr::AddrSpec;
use super::ports::PortList;

#[derive(Debug, Error, PartialEq)]
pub enum SaveError {
    #[error("line {line} is not iptables-save output: {text}")]
    NotSaveFormat { line: usize, text: String },
}

/// Everything one `iptables-save` run printed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ruleset {
    /// The output says it came from the nf_tables backend (`iptables-save v1.8.9
    /// (nf_tables)`): its tables also show in `nft list ruleset`.
    pub nf_tables: bool,
    pub tables: Vec<Table>,
    /// Tables iptables-save says hold chains it cannot show (`# Table `filter' contains
    /// incompatible base-chains`): nft rules in them were not reported here.
    pub incompatible: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub chains: Vec<Chain>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub name: String,
    /// `ACCEPT`/`DROP` for built-in chains, `None` for user chains (`-`).
    pub policy: Option<String>,
    pub rules: Vec<Rule>,
}

/// A condition and whether it is negated with `!`.
#[derive(Debug, Clone, PartialEq)]
pub struct Neg<T> {
    pub negated: bool,
    pub value: T,
}

/// `-m set --match-set NAME FLAGS`.
#[derive(Debug, Clone, PartialEq)]
pub struct SetMatch {
    pub name: String,
    pub negated: bool,
    /// `src`, `dst` per dimension of the set.
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rule {
    /// The line as iptables-save printed it.
    pub line: String,
    /// The words after `-A CHAIN`: what `iptables -D CHAIN ...` takes.
    pub spec: Vec<String>,
    /// `-s`: one or more addresses/networks as printed.
    pub sources: Option<Neg<Vec<String>>>,
    /// `sources` parsed, when every one of them parses: lets a walk for many clients pass
    /// over a rule for another address without parsing it again.
    pub source_specs: Option<Vec<AddrSpec>>,
    /// `-m iprange --src-range A-B`.
    pub src_range: Option<Neg<String>>,
    pub in_iface: Option<Neg<String>>,
    pub proto: Option<Neg<String>>,
    /// `--dport`/`--dports`; the inner `None` is a list that could not be read.
    pub dports: Option<Neg<Option<PortList>>>,
    pub sports: Option<Neg<Option<PortList>>>,
    pub sets: Vec<SetMatch>,
    /// `--ctstate`/`--state` values, upper case.
    pub ctstate: Option<Neg<Vec<String>>>,
    /// `--syn` (`Some(true)`) or `! --syn` (`Some(false)`).
    pub syn: Option<bool>,
    /// `-f`: later fragments only.
    pub fragment: Option<bool>,
    pub comment: Option<String>,
    /// `-j`/`-g` target: a verdict, an extension (LOG, MARK, ...) or a user chain.
    pub target: Option<String>,
    /// `-g`: a goto rather than a jump.
    pub goto: bool,
    pub reject_with: Option<String>,
    /// Conditions this model does not read (`-d`, `-o`, `--tcp-flags`, `-m limit`, ...):
    /// they may hold for the client's packet, but the rule is not "for everyone".
    pub other_conditions: bool,
}

impl Rule {
    /// No condition at all: the rule applies to every packet that reaches it.
    pub fn unconditional(&self) -> bool {
        self.sources.is_none()
            && self.src_range.is_none()
            && self.in_iface.is_none()
            && self.proto.is_none()
            && self.dports.is_none()
            && self.sports.is_none()
            && self.sets.is_empty()
            && self.ctstate.is_none()
            && self.syn.is_none()
            && self.fragment.is_none()
            && !self.other_conditions
    }
}

impl Ruleset {
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    pub fn rule_count(&self) -> usize {
        self.tables
            .iter()
            .flat_map(|t| &t.chains)
            .map(|c| c.rules.len())
            .sum()
    }
}

impl Table {
    pub fn chain(&self, name: &str) -> Option<&Chain> {
        self.chains.iter().find(|c| c.name == name)
    }
}

/// Parses the whole output of one `iptables-save` (or `ip6tables-save`, or the legacy
/// variants). Unknown comment lines are ignored; a line that belongs to no format at all
/// is an error, so that a tool printing something else is not read as "no rules".
pub fn parse_save(text: &str) -> Result<Ruleset, SaveError> {
    let mut set = Ruleset::default();
    let mut current: Option<usize> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            if comment.contains("(nf_tables)") {
                set.nf_tables = true;
            }
            if let Some(name) = incompatible_table(comment) {
                set.incompatible.push(name);
            }
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('*') {
            set.tables.push(Table {
                name: name.trim().to_string(),
                chains: Vec::new(),
            });
            current = Some(set.tables.len() - 1);
            continue;
        }
        if trimmed == "COMMIT" {
            current = None;
            continue;
        }
        let Some(t) = current.and_then(|i| set.tables.get_mut(i)) else {
            return Err(not_save(n, line));
        };
        if let Some(decl) = trimmed.strip_prefix(':') {
            let mut words = decl.split_whitespace();
            let Some(name) = words.next() else {
                return Err(not_save(n, line));
            };
            let policy = words.next().filter(|p| *p != "-").map(str::to_string);
            match t.chains.iter_mut().find(|c| c.name == name) {
                Some(c) => c.policy = policy,
                None => t.chains.push(Chain {
                    name: name.to_string(),
                    policy,
                    rules: Vec::new(),
                }),
            }
            continue;
        }
        // `iptables-save -c` puts `[packets:bytes]` before the rule.
        let body = match trimmed.strip_prefix('[') {
            Some(rest) => rest.split_once(']').map_or(rest, |(_, r)| r.trim()),
            None => trimmed,
        };
        let words = split_words(body);
        if words.len() < 2 || (words[0] != "-A" && words[0] != "--append") {
            return Err(not_save(n, line));
        }
        let chain = words[1].clone();
        let rule = parse_rule(line, words[2..].to_vec());
        match t.chains.iter_mut().find(|c| c.name == chain) {
            Some(c) => c.rules.push(rule),
            None => t.chains.push(Chain {
                name: chain,
                policy: None,
                rules: vec![rule],
            }),
        }
    }
    Ok(set)
}

fn not_save(n: usize, line: &str) -> SaveError {
    let mut text: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        text.push('…');
    }
    SaveError::NotSaveFormat {
        line: n + 1,
        text: crate::server::model::escape_control(&text),
    }
}

/// `# Table `filter' contains incompatible base-chains, use 'nft' tool to list them.` and
/// the older `# Table `filter' is incompatible, use 'nft' tool.`
fn incompatible_table(comment: &str) -> Option<String> {
    if !comment.contains("incompatible") {
        return None;
    }
    let start = comment.find('`')? + 1;
    let len = comment[start..].find('\'')?;
    Some(comment[start..start + len].to_string())
}

/// Words as iptables-save quotes them (double quotes, backslash escapes); plain
/// whitespace splitting when the quoting is broken.
fn split_words(s: &str) -> Vec<String> {
    shell_words::split(s).unwrap_or_else(|_| s.split_whitespace().map(str::to_string).collect())
}

fn parse_rule(line: &str, spec: Vec<String>) -> Rule {
    let mut r = Rule {
        line: line.to_string(),
        ..Default::default()
    };
    let words = &spec;
    let mut i = 0;
    let mut negated = false;
    let mut in_target = false;
    while i < words.len() {
        let w = words[i].as_str();
        i += 1;
        if w == "!" {
            negated = true;
            continue;
        }
        let neg = std::mem::take(&mut negated);
        let arg = |i: &mut usize| -> Option<String> {
            let v = words.get(*i).cloned();
            if v.is_some() {
                *i += 1;
            }
            v
        };
        if in_target {
            match w {
                "--reject-with" => r.reject_with = arg(&mut i),
                _ => skip_values(words, &mut i),
            }
            continue;
        }
        match w {
            "-s" | "--source" | "--src" => {
                if let Some(v) = arg(&mut i) {
                    let value: Vec<String> = v.split(',').map(str::to_string).collect();
                    r.source_specs = value.iter().map(|a| AddrSpec::parse(a)).collect();
                    r.sources = Some(Neg {
                        negated: neg,
                        value,
                    });
                }
            }
            "--src-range" => {
                r.src_range = arg(&mut i).map(|v| Neg {
                    negated: neg,
                    value: v,
                });
            }
            "-i" | "--in-interface" => {
                r.in_iface = arg(&mut i).map(|v| Neg {
                    negated: neg,
                    value: v,
                });
            }
            "-p" | "--protocol" => {
                r.proto = arg(&mut i).map(|v| Neg {
                    negated: neg,
                    value: v.to_ascii_lowercase(),
                });
            }
            "-f" | "--fragment" => r.fragment = Some(!neg),
            "-m" | "--match" => {
                // The module's own options carry the conditions.
                let _ = arg(&mut i);
            }
            "--dport" | "--destination-port" | "--dports" | "--destination-ports" => {
                r.dports = arg(&mut i).map(|v| Neg {
                    negated: neg,
                    value: PortList::parse(&v),
                });
            }
            "--sport" | "--source-port" | "--sports" | "--source-ports" => {
                r.sports = arg(&mut i).map(|v| Neg {
                    negated: neg,
                    value: PortList::parse(&v),
                });
            }
            "--match-set" | "--set" => {
                let name = arg(&mut i);
                let flags = arg(&mut i);
                if let (Some(name), Some(flags)) = (name, flags) {
                    r.sets.push(SetMatch {
                        name,
                        negated: neg,
                        flags: flags.split(',').map(str::to_string).collect(),
                    });
                }
            }
            "--ctstate" | "--state" => {
                r.ctstate = arg(&mut i).map(|v| Neg {
                    negated: neg,
                    value: v.split(',').map(str::to_ascii_uppercase).collect(),
                });
            }
            "--syn" => r.syn = Some(!neg),
            "--comment" => r.comment = arg(&mut i),
            "-j" | "--jump" => {
                r.target = arg(&mut i);
                in_target = true;
            }
            "-g" | "--goto" => {
                r.target = arg(&mut i);
                r.goto = true;
                in_target = true;
            }
            _ => {
                r.other_conditions = true;
                skip_values(words, &mut i);
            }
        }
    }
    r.spec = spec;
    r
}

/// Skips an option's values: the words up to the next option or `!`.
fn skip_values(words: &[String], i: &mut usize) {
    while let Some(w) = words.get(*i) {
        if w == "!" || (w.starts_with('-') && w.len() > 1 && !w[1..].starts_with(char::is_numeric))
        {
            break;
        }
        *i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V4: &str = include_str!("../../../../tests/fixtures/server/firewall/iptables-save.txt");
    const LEGACY: &str =
        include_str!("../../../../tests/fixtures/server/firewall/iptables-legacy-save.txt");

    #[test]
    fn captured_tables_chains_and_policies() {
        let set = parse_save(V4).unwrap();
        assert!(set.nf_tables);
        let names: Vec<_> = set.tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["mangle", "raw", "filter"]);
        let filter = set.table("filter").unwrap();
        assert_eq!(
            filter.chain("INPUT").unwrap().policy.as_deref(),
            Some("ACCEPT")
        );
        assert_eq!(filter.chain("DENYIN").unwrap().policy, None);
        assert_eq!(filter.chain("INPUT").unwrap().rules.len(), 14);
        assert_eq!(set.rule_count(), 25);
        assert!(!parse_save(LEGACY).unwrap().nf_tables);
    }

    #[test]
    fn captured_rule_parts() {
        let set = parse_save(V4).unwrap();
        let input = &set.table("filter").unwrap().chain("INPUT").unwrap().rules;
        let r = &input[6];
        assert_eq!(
            r.line,
            "-A INPUT -s 198.51.100.7/32 -p tcp -m tcp --dport 587 -m comment --comment \"abuse ticket 42\" -j REJECT --reject-with tcp-reset"
        );
        assert_eq!(r.sources.as_ref().unwrap().value, ["198.51.100.7/32"]);
        assert_eq!(r.comment.as_deref(), Some("abuse ticket 42"));
        assert_eq!(r.target.as_deref(), Some("REJECT"));
        assert_eq!(r.reject_with.as_deref(), Some("tcp-reset"));
        assert_eq!(
            r.dports
                .as_ref()
                .unwrap()
                .value
                .as_ref()
                .unwrap()
                .mail_ports(false),
            [587]
        );
        assert_eq!(r.spec[0], "-s");
        assert_eq!(r.spec[11], "abuse ticket 42");
        assert!(!r.other_conditions);

        let negated = &input[8];
        assert!(negated.sources.as_ref().unwrap().negated);
        let set_rule = &input[4];
        assert_eq!(
            set_rule.sets,
            [SetMatch {
                name: "f2b-sshd".into(),
                negated: false,
                flags: vec!["src".into()]
            }]
        );
        assert_eq!(
            input[1].ctstate.as_ref().unwrap().value,
            ["RELATED", "ESTABLISHED"]
        );
        assert_eq!(
            input[13].src_range.as_ref().unwrap().value,
            "198.51.100.1-198.51.100.10"
        );
        assert_eq!(input[13].target.as_deref(), Some("LOG"));
        let logdrop = &set
            .table("filter")
            .unwrap()
            .chain("LOGDROPIN")
            .unwrap()
            .rules;
        assert!(logdrop[0].other_conditions, "-m limit is a condition");
        assert!(logdrop[1].unconditional());
    }

    #[test]
    fn hand_written_edge_cases() {
        let text = "*filter\n:INPUT DROP [0:0]\n\
            [5:300] -A INPUT -m set ! --match-set allow src,dst -g LATE\n\
            -A INPUT ! -p udp -s 198.51.100.0/24,203.0.113.7 -j DROP\n\
            -A INPUT -d 203.0.113.1 -j ACCEPT\n\
            -A LATE -p tcp ! --syn -j ACCEPT\n\
            COMMIT\n";
        let set = parse_save(text).unwrap();
        let t = set.table("filter").unwrap();
        assert_eq!(t.chain("INPUT").unwrap().policy.as_deref(), Some("DROP"));
        let r = &t.chain("INPUT").unwrap().rules;
        assert!(r[0].sets[0].negated);
        assert_eq!(r[0].sets[0].flags, ["src", "dst"]);
        assert!(r[0].goto);
        assert_eq!(r[0].target.as_deref(), Some("LATE"));
        assert!(r[1].proto.as_ref().unwrap().negated);
        assert_eq!(r[1].sources.as_ref().unwrap().value.len(), 2);
        assert!(r[2].other_conditions);
        assert_eq!(t.chain("LATE").unwrap().rules[0].syn, Some(false));
    }

    #[test]
    fn incompatible_tables_and_garbage() {
        let text = "# Table `filter' contains incompatible base-chains, use 'nft' tool to list them.\n\
            # Generated by iptables-save v1.8.9 (nf_tables) on Tue Dec  1 10:32:37 2026\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n";
        let set = parse_save(text).unwrap();
        assert_eq!(set.incompatible, ["filter"]);
        assert!(matches!(
            parse_save("Chain INPUT (policy ACCEPT)\n"),
            Err(SaveError::NotSaveFormat { line: 1, .. })
        ));
        assert!(parse_save("*filter\n-A\nCOMMIT\n").is_err());
        assert_eq!(parse_save("").unwrap(), Ruleset::default());
    }
}
