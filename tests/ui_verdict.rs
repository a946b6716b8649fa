//! The wizard shows the result the moment the walk is decided, while the side checks still
//! run; their facts then fill in the technical view. Driven through `update` alone with
//! facts from a recorded netlab run: no terminal, no network.

use std::path::Path;
use std::time::Instant;

use smtp_doctor::catalog::Catalog;
use smtp_doctor::checks::domain_auth::{DmarcFinding, DomainAuth, SpfFinding};
use smtp_doctor::checks::whoami::{Method, WhoAmI};
use smtp_doctor::facts::{Fact, Facts};
use smtp_doctor::recording::Recording;
use smtp_doctor::settings::Options;
use smtp_doctor::ui::model::{Clock, Field, Model, Screen};
use smtp_doctor::ui::msg::{Effect, Msg};
use smtp_doctor::ui::update::update;
use smtp_doctor::ui::UiOptions;
use time::macros::datetime;

fn recorded() -> Recording {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios/netlab_working_account_through_the_isp_router.toml");
    let text = std::fs::read_to_string(&path).expect("the recording");
    Recording::from_toml(&text).expect("a recording")
}

/// The facts the walk needs for "sending works", in the order the engine sends them; the
/// public-address lookup, the reference host, the resolvers and ports 465 and 25 left out.
fn walk_facts(f: &Facts) -> Vec<Fact> {
    let mut out = vec![
        Fact::Target(f.target.clone().expect("target")),
        Fact::Route(f.route.expect("route")),
        Fact::Provider(f.provider.clone().expect("provider")),
        Fact::Mx(f.mx.clone().expect("mx")),
        Fact::DomainTxt(f.domain_txt.clone().expect("txt")),
        Fact::DmarcTxt(f.dmarc_txt.clone().expect("dmarc")),
        Fact::Srv(f.srv.clone().expect("srv")),
        Fact::ServerDns(f.server_dns.clone().expect("server dns")),
        // The domain's SPF, DMARC and DKIM follow the server's addresses; this recording
        // predates that check, so its DNS is taken as having timed out.
        Fact::DomainAuth(Box::new(f.domain_auth.clone().unwrap_or_else(|| {
            DomainAuth {
                spf: SpfFinding::Unknown {
                    reason: "timeout".into(),
                },
                dmarc: DmarcFinding::Unknown {
                    reason: "timeout".into(),
                },
                dkim: Vec::new(),
            }
        }))),
        Fact::Plan(f.plan.clone().expect("plan")),
    ];
    out.push(Fact::Port(Box::new(f.ports[&587].clone())));
    out
}

/// On the checks screen with a run started from the recorded account.
fn running(r: &Recording) -> (Model, u64) {
    let (mut input, _) = r.input.to_input();
    input.password = Some(smtp_doctor::secret::Secret::new("x".to_string()));
    let catalog = Catalog::embedded().expect("embedded catalog");
    let clock = Clock {
        instant: Instant::now(),
        wall: datetime!(2026-01-02 03:04:05 UTC),
    };
    let mut m = Model::new(
        input,
        Options::default(),
        catalog,
        UiOptions::default(),
        clock,
    );
    let press = |m: &mut Model, code| {
        update(
            m,
            Msg::Key(crossterm::event::KeyEvent::new(
                code,
                crossterm::event::KeyModifiers::NONE,
            )),
        )
    };
    press(&mut m, crossterm::event::KeyCode::Char('2'));
    assert_eq!(m.screen, Screen::Account);
    m.form.focus = Field::Check;
    let effects = press(&mut m, crossterm::event::KeyCode::Enter);
    assert_eq!(m.screen, Screen::Checks);
    let generation = effects
        .iter()
        .find_map(|e| match e {
            Effect::StartChecks { generation, .. } => Some(*generation),
            _ => None,
        })
        .expect("checks start");
    (m, generation)
}

#[test]
fn the_result_shows_while_side_checks_run_and_they_fill_the_technical_view() {
    let r = recorded();
    let (mut m, generation) = running(&r);
    for fact in walk_facts(&r.facts) {
        update(&mut m, Msg::Fact { generation, fact });
    }
    assert_eq!(
        m.screen,
        Screen::Result,
        "{:?}",
        m.diagnosis.map(|d| d.progress)
    );
    let result = m.vm.result.as_ref().expect("a result");
    assert_eq!(result.code.as_deref(), Some("ok.sending_works"));
    assert!(result.finishing, "the side checks still run");
    assert!(m.wants_tick());
    assert!(
        !m.vm
            .tech
            .checks
            .iter()
            .any(|c| c.id == "net.public_ip" && c.word == "passed"),
        "{:?}",
        m.vm.tech.checks
    );

    // The lookup answers in the background: the technical view shows it, the result stays.
    let ip = "203.0.113.7".parse().expect("an address");
    update(
        &mut m,
        Msg::Fact {
            generation,
            fact: Fact::PublicIpLookup(WhoAmI {
                lookup: smtp_doctor::checks::dns::Lookup::Found(vec![ip]),
                method: Some(Method::GoogleTxt),
            }),
        },
    );
    assert_eq!(m.screen, Screen::Result);
    let row =
        m.vm.tech
            .checks
            .iter()
            .find(|c| c.id == "net.public_ip")
            .expect("the lookup's row");
    assert!(row.summary.contains("203.0.113.7"), "{row:?}");
    assert!(row.summary.contains("Google"), "{row:?}");
    update(
        &mut m,
        Msg::Fact {
            generation,
            fact: Fact::Done,
        },
    );
    assert!(!m.vm.result.as_ref().expect("a result").finishing);
}
