//! The signals a decision tree branches on: named questions about the facts, each with a
//! closed set of outcomes. The tree loader checks every check node against this catalogue
//! (unknown signal, outcome with no branch); `evaluate` answers them from the facts.

/// One signal: its name in tree files, its possible outcomes and what it means.
#[derive(Debug, Clone, Copy)]
pub struct SignalDef {
    pub name: &'static str,
    pub outcomes: &'static [&'static str],
    pub meaning: &'static str,
}

/// Every signal a tree may name. Adding an outcome to a signal makes trees that do not
/// branch on it invalid, on purpose: the author must decide where it leads.
pub const CATALOGUE: &[SignalDef] = &[
    SignalDef {
        name: "pasted_error",
        outcomes: &[
            "none",
            "app_password_required",
            "smtp_auth_disabled",
            "oauth_required",
            "settings",
            "network",
            "server",
            "not_smtp",
            "unrecognised",
        ],
        meaning: "The error message the person pasted (`--error-text`): a provider's sign-in policy reply in it, else the area its code or text belongs to.",
    },
    SignalDef {
        name: "local_network",
        outcomes: &["online", "offline"],
        meaning: "Does this computer have a route to the internet at all (no interface or route: offline)? Known at once.",
    },
    SignalDef {
        name: "dns_failure",
        outcomes: &["dns_down", "offline"],
        meaning: "The server's name could not be looked up: does anything else answer (the public-address lookup, the resolver's machine)? Then only DNS is down.",
    },
    SignalDef {
        name: "unreachable_why",
        outcomes: &[
            "offline",
            "blocked_here",
            "refused_by_server",
            "admin_prohibited",
            "host_down",
            "silent_server",
            "silent_no_reference",
        ],
        meaning: "No port of the server answered. Compared with the same ports at a reference host: nothing answers anywhere (offline); the reference fails too (this network blocks the ports); the reference answers and the server refuses, rejects by ICMP (administratively prohibited), is unreachable (ICMP host unreachable) or is silent; no reference could be reached and the server is silent.",
    },
    SignalDef {
        name: "port_block",
        outcomes: &["blocked_here", "server_side", "unknown"],
        meaning: "The configured port does not answer: does it fail at the reference host too (this network blocks it), or does it get through there (the server does not use it)?",
    },
    SignalDef {
        name: "server_name",
        outcomes: &["valid", "invalid", "missing"],
        meaning: "Is the outgoing-server field a host name? `missing`: none was given and none could be proposed.",
    },
    SignalDef {
        name: "server_dns",
        outcomes: &["found", "nxdomain", "no_address", "servfail", "timeout"],
        meaning: "The server's A/AAAA lookup.",
    },
    SignalDef {
        name: "expected_server",
        outcomes: &["matches", "differs", "differs_from_provider", "unknown"],
        meaning: "Does the configured server match the one the domain publishes (SRV _submission: `differs`) or, without one, the submission server of the provider that hosts the domain (by domain or MX: `differs_from_provider`)?",
    },
    SignalDef {
        name: "reachability",
        outcomes: &["some_open", "all_refused", "all_silent", "unreachable", "mixed"],
        meaning: "TCP over all tested ports: any open; all refused; all timed out; ICMP unreachable on all; none open, mixed failures.",
    },
    SignalDef {
        name: "configured_port",
        outcomes: &["open", "closed", "not_configured"],
        meaning: "Does the configured port accept a TCP connection?",
    },
    SignalDef {
        name: "port_mode",
        outcomes: &[
            "matches",
            "tls_on_plain_port",
            "plain_on_tls_port",
            "overloaded",
            "refused_greeting",
            "no_greeting",
            "not_configured",
        ],
        meaning: "The configured encryption against what the server does on the configured port (plain greeting, TLS first, 421, 554, nothing).",
    },
    SignalDef {
        name: "encryption",
        outcomes: &["ok", "off_but_required", "off_allowed", "not_offered"],
        meaning: "Configured `none` while the server allows sign-in only after TLS; `none` and plaintext allowed; encryption configured but the server offers none.",
    },
    SignalDef {
        name: "tls",
        outcomes: &[
            "ok",
            "intercepted",
            "intercepted_trusted",
            "expired",
            "name_mismatch",
            "self_signed",
            "untrusted",
            "outdated",
            "failed",
            "not_used",
        ],
        meaning: "The TLS handshake on the port under test and, when it failed verification, why (read from the certificate). `intercepted`: the certificate comes from a known antivirus or proxy product and this computer does not trust it; `intercepted_trusted`: this computer trusts it, but it is a known product's or does not chain to a public root (a second handshake trusting only public roots).",
    },
    SignalDef {
        name: "auth",
        outcomes: &[
            "accepted",
            "rejected",
            "mechanism_unsupported",
            "not_offered",
            "temp_failure",
            "no_password",
            "not_tried",
        ],
        meaning: "The AUTH attempt on the port under test.",
    },
    SignalDef {
        name: "auth_reply",
        outcomes: &[
            "app_password_required",
            "smtp_auth_disabled",
            "oauth_required",
            "policy_app_password",
            "policy_oauth",
            "password_wrong",
        ],
        meaning: "Why the sign-in was refused: the provider's reply names a policy; else the provider is known to need an app password or OAuth; else the password or user name is wrong.",
    },
    SignalDef {
        name: "envelope",
        outcomes: &[
            "accepted",
            "auth_required",
            "relay_denied",
            "sender_rejected",
            "recipient_rejected",
            "client_blocked",
            "tls_required",
            "temp_failure",
            "not_tried",
        ],
        meaning: "MAIL FROM / RCPT TO / RSET on the port under test; no mail is sent.",
    },
    SignalDef {
        name: "domain_records",
        outcomes: &["complete", "missing", "unknown"],
        meaning: "SPF and DMARC TXT records of the e-mail domain.",
    },
];

/// Looks a signal up by name.
pub fn find(name: &str) -> Option<&'static SignalDef> {
    CATALOGUE.iter().find(|s| s.name == name)
}

/// Placeholders a conclusion's text may use, as `{name}`.
pub const PLACEHOLDERS: &[&str] = &[
    "email",
    "domain",
    "user",
    "server",
    "port",
    "security",
    "recommended.server",
    "recommended.port",
    "recommended.security",
    "recommended.user",
    "public_ip",
    "provider",
    "provider.explain",
    "reference",
    "blocked_ports",
    "provider.who_acts",
    "reply",
    "cert.names",
    "cert.issuer",
    "cert.not_after",
    "intercept.product",
    "intercept.setting",
    "intercept.issuer",
];
