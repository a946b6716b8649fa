//! The hermetic scenario tier: each `tests/scenarios/NAME.toml` is a recorded run (the options,
//! the answers, every fact the checks found) with what the diagnosis concluded. The test `NAME`
//! replays it without network or root and requires the same verdict, primary cause, other
//! causes and recommended settings; the JSON report made from it must match
//! `schemas/report-v1.schema.json`, and the facts must read back as they were written.
//!
//! A new file is listed in `scenarios!` below (`every_file_is_listed` names any that is not);
//! how to record one: `tests/scenarios/README.md`. When a change to the diagnosis is meant to
//! change conclusions, `SMTP_DOCTOR_BLESS_SCENARIOS=1 cargo test --test scenarios` writes the
//! new ones into the files' `[expected]` (keeping their comments): review the diff.

#[allow(dead_code)]
#[path = "common/schema.rs"]
mod schema;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use smtp_doctor::recording::{Outcome, Recording};
use smtp_doctor::report::Report;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scenario_dir() -> PathBuf {
    root().join("tests/scenarios")
}

/// Replays `tests/scenarios/NAME.toml`; every failure names the file.
fn replay(name: &str) {
    let path = scenario_dir().join(format!("{name}.toml"));
    let shown = format!("tests/scenarios/{name}.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{shown}: {e}"));
    let recording = Recording::from_toml(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));

    let (_input, diagnosis) = recording
        .replay(root())
        .unwrap_or_else(|e| panic!("{shown}: {e}"));
    let got = Outcome::of(&diagnosis);
    let changed = recording.expected.differences(&got);
    if !changed.is_empty() && std::env::var_os(BLESS).is_some() {
        bless(&path, &text, &recording, &got);
        eprintln!("{shown}: [expected] rewritten:\n  {}", changed.join("\n  "));
        return;
    }
    assert!(
        changed.is_empty(),
        "{shown}: the diagnosis of the recorded facts changed:\n  {}",
        changed.join("\n  ")
    );
    for code in got.primary.iter().chain(&got.others) {
        assert!(
            smtp_doctor::causes::is_known(code),
            "{shown}: cause {code} is not in assets/causes.toml"
        );
    }

    let report = Report::new(&diagnosis);
    let json: serde_json::Value = serde_json::from_str(&report.to_json())
        .unwrap_or_else(|e| panic!("{shown}: the report is not JSON: {e}"));
    let violations = schema::report_violations(&json);
    assert!(
        violations.is_empty(),
        "{shown}: its report does not match the schema:\n  {}",
        violations.join("\n  ")
    );

    // Written again, the recording reads back to the same text and the same conclusion.
    let written = recording
        .to_toml()
        .unwrap_or_else(|e| panic!("{shown}: {e}"));
    let again = Recording::from_toml(&written).unwrap_or_else(|e| panic!("{shown}: {e}"));
    assert_eq!(
        again.to_toml().unwrap_or_default(),
        written,
        "{shown}: the facts do not read back as written"
    );
    let (_, d) = again
        .replay(root())
        .unwrap_or_else(|e| panic!("{shown}: {e}"));
    assert_eq!(
        Outcome::of(&d),
        got,
        "{shown}: the re-read facts conclude otherwise"
    );
}

/// Set to rewrite `[expected]` with what the diagnosis concludes now.
const BLESS: &str = "SMTP_DOCTOR_BLESS_SCENARIOS";

/// Writes `recording` back with `got` as its expected outcome, after the file's opening
/// comment (which says where the facts came from).
fn bless(path: &Path, text: &str, recording: &Recording, got: &Outcome) {
    let comment: String = text
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .fold(String::new(), |mut s, l| {
            let _ = writeln!(s, "{l}");
            s
        });
    let mut updated = recording.clone();
    updated.expected = got.clone();
    let body = updated.to_toml().unwrap();
    std::fs::write(path, format!("{comment}{body}")).unwrap();
}

macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                replay(stringify!($name));
            }
        )*
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}

scenarios!(
    lab_autoconfig_correct,
    lab_autoconfig_old_server,
    lab_autoconfig_ssl_on_587,
    lab_autodiscover_cert_for_another_name,
    lab_autoconfig_http_redirect,
    lab_autodiscover_cert_self_signed,
    lab_autoconfig_redirect_addr,
    lab_autoconfig_nothing_published,
    scripted_mixed_replies,
    scripted_flood_replies,
    lab_certificate_for_another_name,
    lab_certificate_name_that_works,
    lab_no_certificate_name_works,
    lab_server_field_without_a_host,
    lab_short_user_name_and_wrong_password,
    lab_short_user_name_corrected,
    lab_web_address_in_the_server_field_is_tested,
    variant_short_user_name_not_retried,
    lab_domain_without_spf,
    lab_domain_auth_healthy_domain,
    lab_domain_auth_spf_not_covering_server,
    lab_domain_auth_spf_too_many_lookups,
    lab_domain_auth_spf_invalid,
    lab_domain_auth_dkim_key_missing,
    lab_domain_auth_dmarc_missing,
    lab_domain_auth_spf_missing,
    lab_encryption_switched_off,
    lab_exchange_auth_not_offered_before_tls,
    lab_exchange_connection_limit_refuses_the_greeting_inside_tls_on_465,
    lab_exchange_connection_limit_refuses_the_greeting_no_port,
    lab_exchange_connection_limit_refuses_the_greeting_on_587,
    lab_exchange_implicit_tls_on_587,
    lab_exchange_no_sign_in,
    lab_exchange_sender_not_the_signed_in_user,
    lab_exchange_working_account_sends,
    lab_exchange_wrong_password,
    lab_exim_auth_not_offered_before_tls,
    lab_exim_expired_certificate_on_465,
    lab_exim_expired_certificate_on_587,
    lab_exim_implicit_tls_on_587,
    lab_exim_no_sign_in_relay_refused,
    lab_exim_rate_limit_refuses_the_greeting_inside_tls_on_465,
    lab_exim_rate_limit_refuses_the_greeting_no_port,
    lab_exim_rate_limit_refuses_the_greeting_on_587,
    lab_exim_sender_not_the_signed_in_user,
    lab_exim_working_account_sends,
    lab_exim_wrong_password,
    lab_expired_certificate,
    lab_implicit_tls_on_the_starttls_port,
    lab_leaf_without_its_intermediate_on_465,
    lab_leaf_without_its_intermediate_on_587,
    lab_misspelt_server_name,
    lab_no_password_given,
    lab_old_host_is_the_wrong_server,
    lab_port_where_nothing_listens,
    lab_private_root_sent_with_the_leaf,
    lab_rejected_password_on_465,
    lab_run_address_alone_no_password,
    lab_run_address_alone_wrong_password,
    lab_run_expired_cert_no_port,
    lab_run_expired_cert_on_465,
    lab_run_implicit_tls_on_25,
    lab_run_no_server_unpublished_domain,
    lab_run_old_host_on_465,
    lab_run_pasted_0x800ccc0e_stopped,
    lab_run_pasted_0x800ccc0f_working,
    lab_run_pasted_535_wrong_password,
    lab_run_plaintext_allowed_on_587,
    lab_run_port_2525_nothing_listens,
    lab_run_port_25_encryption_off,
    lab_run_self_signed_on_465,
    lab_run_sender_not_the_account,
    lab_run_server_as_ip_address,
    lab_run_server_as_ip_address_unpublished,
    lab_run_stopped_server_no_port,
    lab_run_unpublished_domain_good_server_no_password,
    lab_run_unpublished_domain_wrong_user,
    lab_run_working_implicit_tls_465,
    lab_run_working_port_25_starttls,
    lab_run_wrong_name_cert_on_465,
    lab_run_wrong_user_name,
    lab_self_signed_certificate,
    lab_settings_found_from_the_address_alone,
    lab_starttls_on_the_implicit_tls_port,
    lab_stopped_mail_service,
    lab_web_address_in_the_server_field,
    lab_working_account_sends,
    lab_wrong_password,
    netlab_antivirus_mail_shield_not_trusted,
    netlab_antivirus_mail_shield_not_trusted_with_200ms_delay,
    netlab_antivirus_mail_shield_trusted_by_this_computer,
    netlab_antivirus_mail_shield_trusted_with_200ms_delay,
    netlab_dns_server_down_with_200ms_delay,
    netlab_dns_server_is_down,
    netlab_dns_server_silent_gives_no_answer_at_all,
    netlab_dns_service_stopped_while_its_machine_is_up,
    netlab_dns_service_stopped_with_200ms_delay,
    netlab_internet_line_down_with_200ms_delay,
    netlab_internet_line_is_down,
    netlab_ipv6_dropped_with_200ms_delay,
    netlab_ipv6_dual_stack_server_reached_over_both_families,
    netlab_ipv6_dual_stack_server_with_200ms_delay,
    netlab_ipv6_only_server_with_200ms_delay,
    netlab_ipv6_only_server_works,
    netlab_ipv6_silently_dropped_while_ipv4_works,
    netlab_isp_blocks_port_25_for_every_destination,
    netlab_isp_blocks_port_25_with_200ms_delay,
    netlab_no_route_with_200ms_delay,
    netlab_office_firewall_resets_587_and_465_for_every_destination,
    netlab_office_firewall_resets_with_200ms_delay,
    netlab_pc_has_no_route_at_all,
    netlab_postfix_is_stopped,
    netlab_postfix_stopped_with_200ms_delay,
    netlab_run_drop_hotspot_fails,
    netlab_run_drop_hotspot_works,
    netlab_run_drop_new_outlook,
    netlab_run_isp_block_25_new_outlook,
    netlab_run_isp_block_25_no_port,
    netlab_run_office_reset_465_configured,
    netlab_run_postfix_stopped_465,
    netlab_run_server_reject_no_port,
    netlab_run_working_465,
    netlab_server_firewall_drops_this_network_silently,
    netlab_server_firewall_drops_with_200ms_delay,
    netlab_server_firewall_rejects_with_200ms_delay,
    netlab_server_firewall_rejects_with_icmp_admin_prohibited,
    netlab_server_host_down_told_by_the_path_probe,
    netlab_server_host_down_told_by_the_path_probe_with_200ms_delay,
    netlab_server_host_down_with_200ms_delay,
    netlab_server_host_is_down,
    netlab_working_account_through_the_isp_router,
    netlab_blocklist_client_refused_and_named,
    netlab_blocklist_client_home_connection,
    netlab_blocklist_server_listed_warning,
    netlab_blocklist_refused_query_not_checked,
    netlab_blocklist_silent_list_verdict_first,
    netlab_reverse_dns_mismatch_warning,
    netlab_reputation_healthy_server,
    netlab_verdict_silent_reference_host,
    netlab_verdict_silent_who_am_i_server,
    netlab_verdict_tell_host_with_public_address,
    netlab_working_account_with_200ms_delay,
    provider_configured_host_of_the_provider_matches,
    provider_gmail_plain_refusal_means_app_password,
    provider_hosted_domain_found_through_mx_and_srv,
    provider_microsoft_smtp_auth_disabled,
    provider_old_host_is_the_wrong_server_for_the_provider,
    provider_pasted_google_reply_means_app_password,
    provider_shipped_profile_found_by_mx,
    provider_unknown_domain_guessed_and_verified,
    variant_auth_mechanisms_unsupported,
    variant_auth_oauth_only,
    variant_wrong_port_with_listed_server,
    netlab_blocklist_client_named_without_whoami,
    netlab_blocklist_client_refused_at_the_greeting,
    netlab_blocklist_server_listed_beside_a_wrong_setting,
    variant_auth_temp_failure,
    variant_exim_busy_as_recorded_before_greeting_classes,
    variant_greeting_421_busy,
    variant_greeting_554_blocklisted,
    variant_ipv6_dropped_without_an_ipv6_route,
    variant_ipv6_refused_while_ipv4_works,
    variant_no_greeting_on_587,
    variant_rcpt_relay_denied,
    variant_starttls_refused_454,
    variant_tls_protocol_too_old,
);

/// Each file in tests/scenarios has its test, and each test its file.
#[test]
fn every_file_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(scenario_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    listed.sort();
    let unlisted: Vec<&String> = on_disk.iter().filter(|n| !listed.contains(n)).collect();
    let missing: Vec<&String> = listed.iter().filter(|n| !on_disk.contains(n)).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "files not listed in tests/scenarios.rs: {unlisted:?}; listed without a file: {missing:?}"
    );
    assert!(listed.len() >= 40, "only {} scenarios", listed.len());
}
