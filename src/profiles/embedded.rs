//! The shipped profiles, embedded at build time (one `include_str!` per file, no build
//! script). A test checks that every `profiles/*.toml` is listed here.

pub(super) const FILES: &[(&str, &str)] = &[
    ("aol.toml", include_str!("../../profiles/aol.toml")),
    ("cpanel.toml", include_str!("../../profiles/cpanel.toml")),
    (
        "fastmail.toml",
        include_str!("../../profiles/fastmail.toml"),
    ),
    ("gmail.toml", include_str!("../../profiles/gmail.toml")),
    ("gmx_com.toml", include_str!("../../profiles/gmx_com.toml")),
    ("gmx_net.toml", include_str!("../../profiles/gmx_net.toml")),
    ("godaddy.toml", include_str!("../../profiles/godaddy.toml")),
    (
        "hostinger.toml",
        include_str!("../../profiles/hostinger.toml"),
    ),
    ("icloud.toml", include_str!("../../profiles/icloud.toml")),
    ("ionos.toml", include_str!("../../profiles/ionos.toml")),
    (
        "ionos_de.toml",
        include_str!("../../profiles/ionos_de.toml"),
    ),
    (
        "ionos_es.toml",
        include_str!("../../profiles/ionos_es.toml"),
    ),
    (
        "microsoft365.toml",
        include_str!("../../profiles/microsoft365.toml"),
    ),
    (
        "namecheap.toml",
        include_str!("../../profiles/namecheap.toml"),
    ),
    (
        "outlook_com.toml",
        include_str!("../../profiles/outlook_com.toml"),
    ),
    ("ovh.toml", include_str!("../../profiles/ovh.toml")),
    ("plesk.toml", include_str!("../../profiles/plesk.toml")),
    (
        "proton_bridge.toml",
        include_str!("../../profiles/proton_bridge.toml"),
    ),
    (
        "rackspace.toml",
        include_str!("../../profiles/rackspace.toml"),
    ),
    (
        "t_online.toml",
        include_str!("../../profiles/t_online.toml"),
    ),
    ("webde.toml", include_str!("../../profiles/webde.toml")),
    ("yahoo.toml", include_str!("../../profiles/yahoo.toml")),
    ("zimbra.toml", include_str!("../../profiles/zimbra.toml")),
    ("zoho.toml", include_str!("../../profiles/zoho.toml")),
    ("zoho_eu.toml", include_str!("../../profiles/zoho_eu.toml")),
];
