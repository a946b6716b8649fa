//! The pasted-error parser on real-world shapes, the catalogue's consistency, and a property
//! test that no input makes it panic or lets a control character through.

use proptest::prelude::*;
use smtp_doctor::error_text::{catalogue, classify, parse_catalogue, recognise, Area, Recognised};

fn meaning(r: &Recognised) -> &str {
    r.meaning.as_deref().unwrap_or("")
}

#[test]
fn catalogue_is_valid_and_covers_the_clients() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/error-codes.toml"),
    )
    .expect("catalogue file");
    let parsed = parse_catalogue(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.len(), catalogue().len());
    assert!(catalogue().len() >= 30, "{}", catalogue().len());
    for client in [
        "outlook",
        "windows_mail",
        "thunderbird",
        "apple_mail",
        "windows",
    ] {
        assert!(
            catalogue().iter().any(|k| k.client == client),
            "no entry for {client}"
        );
    }
    for code in [
        "0x80042109",
        "0x8004210B",
        "0x800CCC0D",
        "0x800CCC0E",
        "0x800CCC0F",
        "0x800CCC18",
        "0x800CCC1A",
        "0x800CCC67",
        "0x800CCC78",
        "0x800CCC79",
        "0x800CCC7D",
        "0x800CCC80",
        "0x8004010F",
    ] {
        assert!(
            catalogue().iter().any(|k| k.code.as_deref() == Some(code)),
            "{code} missing"
        );
    }
}

#[test]
fn catalogue_checks_catch_mistakes() {
    let bad = r#"
[[entry]]
code = "0x800ccc0e"
pattern = "also a pattern"
client = "eudora"
meaning = ""
area = "network"
"#;
    let e = parse_catalogue(bad).unwrap_err();
    assert!(e.contains("exactly one of"), "{e}");
    assert!(e.contains("upper-case hex"), "{e}");
    assert!(e.contains("unknown client"), "{e}");
    assert!(e.contains("empty `meaning`"), "{e}");
    let unknown_field = "[[entry]]\ncode = \"0x800CCC0E\"\nclient = \"outlook\"\nmeaning = \"m\"\narea = \"network\"\nseverity = 1\n";
    assert!(parse_catalogue(unknown_field)
        .unwrap_err()
        .contains("unknown field"));
    let bad_area =
        "[[entry]]\nsocket = 10060\nclient = \"windows\"\nmeaning = \"m\"\narea = \"dns\"\n";
    assert!(parse_catalogue(bad_area).is_err());
}

#[test]
fn outlook_task_message_with_0x80042109() {
    let r = recognise(
        "Task 'anna@example.org - Sending' reported error (0x80042109) : 'Outlook cannot connect to your outgoing (SMTP) e-mail server. If you continue to receive this message, contact your server administrator or Internet service provider (ISP).'",
    );
    assert_eq!(r.code.as_deref(), Some("0x80042109"));
    assert_eq!(r.account.as_deref(), Some("anna@example.org"));
    assert!(meaning(&r).contains("could not reach"), "{r:?}");
    assert_eq!(r.server_reply, None);
    assert_eq!(
        classify("Task 'a@b.example - Sending' reported error (0x80042109)").map(|k| k.area),
        Some(Area::Network)
    );
}

#[test]
fn outlook_with_the_server_responded() {
    let r = recognise(
        "Task 'info@example.org - Sending' reported error (0x800CCC78) : 'Cannot send the message. Verify the e-mail address in your account properties.  The server responded: 535 5.7.8 Error: authentication failed: authentication failure'",
    );
    assert_eq!(r.code.as_deref(), Some("0x800CCC78"));
    assert_eq!(r.account.as_deref(), Some("info@example.org"));
    assert_eq!(
        r.server_reply.as_deref(),
        Some("535 5.7.8 Error: authentication failed: authentication failure")
    );
    assert!(meaning(&r).contains("sender address"));
    // Without quotes at all.
    let r = recognise(
        "Cannot send the message. The server responded: 535 5.7.8 Error: authentication failed",
    );
    assert_eq!(
        r.server_reply.as_deref(),
        Some("535 5.7.8 Error: authentication failed")
    );
}

#[test]
fn windows_mail_full_report_with_socket_error() {
    let r = recognise(
        "The connection to the server has failed. Account: 'mail.example.org', Server: 'smtp.example.org', Protocol: SMTP, Port: 587, Secure(SSL): No, Socket Error: 10060, Error Number: 0x800CCC0E",
    );
    assert_eq!(r.code.as_deref(), Some("0x800CCC0E"));
    assert_eq!(r.account.as_deref(), Some("mail.example.org"));
    let m = meaning(&r);
    assert!(m.contains("could not connect"), "{m}");
    assert!(
        m.contains("10060") && m.contains("did not answer in time"),
        "{m}"
    );

    let r = recognise(
        "The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail address was 'bob@example.net'. Subject 'Test', Account: 'Work', Server: 'smtp.example.org', Protocol: SMTP, Server Response: '550 5.7.1 Relaying denied', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79",
    );
    assert_eq!(r.code.as_deref(), Some("0x800CCC79"));
    assert_eq!(r.account.as_deref(), Some("Work"));
    assert_eq!(r.server_reply.as_deref(), Some("550 5.7.1 Relaying denied"));
}

#[test]
fn windows_mail_messages_without_a_code() {
    let r = recognise("Your server has unexpectedly terminated the connection. Possible causes for this include server problems, network problems, or a long period of inactivity.");
    assert_eq!(r.code, None);
    assert!(meaning(&r).contains("closed the connection"));
    assert_eq!(
        classify("The host 'smtp.exmaple.org' could not be found. Please verify that you have entered the server name correctly.")
            .map(|k| k.area),
        Some(Area::Settings)
    );
}

#[test]
fn thunderbird_server_error_sentence() {
    let r = recognise(
        "An error occurred while sending mail: Outgoing server (SMTP) error. The server responded:  535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials",
    );
    assert_eq!(r.code, None);
    let reply = r.server_reply.as_deref().unwrap_or("");
    assert!(
        reply.starts_with("535 5.7.8 Username and Password not accepted"),
        "{reply}"
    );
    assert!(reply.ends_with("?p=BadCredentials"), "{reply}");
    assert!(meaning(&r).contains("refused something"));
}

#[test]
fn thunderbird_connection_messages() {
    let refused = "Sending of the message failed.\nThe message could not be sent because connecting to Outgoing server (SMTP) smtp.example.org failed. The server may be unavailable or is refusing SMTP connections. Please verify that your Outgoing server (SMTP) settings are correct and try again.";
    let k = classify(refused).expect("recognised");
    assert_eq!(k.client, "thunderbird");
    assert_eq!(k.area, Area::Network, "the most specific text wins");
    assert_eq!(recognise(refused).server_reply, None);

    let unknown = "An error occurred while sending mail: Outgoing server (SMTP) smtp.exmaple.org is unknown. The server may be incorrectly configured. Please verify that your Outgoing server (SMTP) settings are correct and try again.";
    assert!(meaning(&recognise(unknown)).contains("mistyped"));

    let timeout = "The message could not be sent because the connection to Outgoing server (SMTP) smtp.example.org timed out. Try again.";
    assert!(meaning(&recognise(timeout)).contains("waited too long"));

    let lost = "The message could not be sent because the connection to Outgoing server (SMTP) smtp.example.org was lost in the middle of the transaction. Try again.";
    assert!(meaning(&recognise(lost)).contains("closed the connection"));

    let sender = "An error occurred while sending mail. The mail server responded: 553 Relaying disallowed as max@example.com. Please verify that your email address is correct in your account settings and try again.";
    let r = recognise(sender);
    assert_eq!(
        r.server_reply.as_deref(),
        Some("553 Relaying disallowed as max@example.com")
    );
    assert!(meaning(&r).contains("sender address"));
}

#[test]
fn apple_mail() {
    let r = recognise(
        "Cannot send message using the server smtp.example.org.\nThe server response was: 5.7.1 Sender address rejected: not owned by user\nSelect a different outgoing mail server from the list below or click Try Later to leave the message in your Outbox until it can be sent.",
    );
    assert_eq!(
        r.server_reply.as_deref(),
        Some("5.7.1 Sender address rejected: not owned by user")
    );
    assert!(meaning(&r).contains("Apple Mail"));
    assert_eq!(r.code, None);
}

#[test]
fn german_and_french_wrappers() {
    let r = recognise(
        "Aufgabe 'anna@example.de - Senden' meldete Fehler (0x80042109): 'Es kann keine Verbindung mit dem Postausgangsserver (SMTP) hergestellt werden.'",
    );
    assert_eq!(r.code.as_deref(), Some("0x80042109"));
    assert_eq!(r.account.as_deref(), Some("anna@example.de"));
    assert!(meaning(&r).contains("could not reach"));

    // French typography puts a no-break space before the colon.
    let r = recognise(
        "La tâche 'jean@example.fr - Envoi' a signalé une erreur (0x800CCC0E)\u{a0}: 'Impossible de se connecter au serveur.'",
    );
    assert_eq!(r.code.as_deref(), Some("0x800CCC0E"));
    assert_eq!(r.account.as_deref(), Some("jean@example.fr"));

    let r = recognise(
        "Fehler (0x800CCC0F). Antwort des Servers: 535 5.7.8 Authentication credentials invalid",
    );
    assert_eq!(r.code.as_deref(), Some("0x800CCC0F"));
    assert_eq!(
        r.server_reply.as_deref(),
        Some("535 5.7.8 Authentication credentials invalid")
    );
    let r = recognise("erreur (0x800CCC0E). Réponse du serveur\u{a0}: 421 4.7.0 Try again later");
    assert_eq!(r.code.as_deref(), Some("0x800CCC0E"));
    assert_eq!(r.server_reply.as_deref(), Some("421 4.7.0 Try again later"));
}

#[test]
fn bare_codes() {
    assert_eq!(recognise("0x800ccc0e").code.as_deref(), Some("0x800CCC0E"));
    assert_eq!(
        recognise("  0X8004210b ").code.as_deref(),
        Some("0x8004210B")
    );
    let r = recognise("Error 800CCC0F");
    assert_eq!(r.code.as_deref(), Some("0x800CCC0F"));
    assert!(r.meaning.is_some());
    // A number Outlook never uses: recognised as a code, with no meaning invented.
    let r = recognise("0x12345678");
    assert_eq!(r.code.as_deref(), Some("0x12345678"));
    assert_eq!(r.meaning, None);
    assert_eq!(recognise("0x12 nothing"), Recognised::default());
    assert_eq!(recognise(""), Recognised::default());
}

#[test]
fn socket_error_10060() {
    let r = recognise("Socket Error: 10060");
    assert_eq!(r.code.as_deref(), Some("10060"));
    assert!(meaning(&r).contains("did not answer in time"));
    assert_eq!(classify("10060").map(|k| k.area), Some(Area::Network));
    assert!(meaning(&recognise("socket error 10061")).contains("refused the connection"));
    assert!(meaning(&recognise("Socket Error: 10051")).contains("no route"));
    // Five digits that are no socket error, or digits inside a longer number.
    assert_eq!(recognise("order 12345").code, None);
    assert_eq!(recognise("100601").code, None);
}

#[test]
fn multi_line_replies_are_joined() {
    let r = recognise(
        "535-5.7.8 Username and Password not accepted. Learn more at\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-20020 - gsmtp\r\nnext line",
    );
    let reply = r.server_reply.unwrap_or_default();
    assert!(
        reply.starts_with("535-5.7.8 Username and Password not accepted"),
        "{reply}"
    );
    assert!(reply.contains("p=BadCredentials"), "{reply}");
    assert!(!reply.contains("next line"), "{reply}");
    // A bare reply at the start of the text, without an enhanced code.
    assert_eq!(
        recognise("535 Incorrect authentication data")
            .server_reply
            .as_deref(),
        Some("535 Incorrect authentication data")
    );
    // An apostrophe inside the reply does not end it; the closing quote does.
    assert_eq!(
        recognise("Server Response: '550 5.7.1 You can't send as this address', Port: 587")
            .server_reply
            .as_deref(),
        Some("550 5.7.1 You can't send as this address")
    );
}

#[test]
fn control_characters_do_not_come_through() {
    let r = recognise(
        "Task '\u{1b}[31mme@example.com\u{7} - Sending' reported error (0x800CCC0E) : 'The server responded: 535 5.7.8 bad\u{0}\u{1b}]0;pwned\u{7} creds\u{202e}'",
    );
    assert_eq!(r.code.as_deref(), Some("0x800CCC0E"));
    for field in [&r.code, &r.account, &r.server_reply, &r.meaning]
        .into_iter()
        .flatten()
    {
        assert!(!field.chars().any(char::is_control), "{field:?}");
        assert!(!field.contains('\u{202e}'), "{field:?}");
    }
    assert_eq!(recognise("\u{1b}[31m").code, None);
}

/// Fragments of real messages, so random inputs also walk the parser's branches.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just("Task '".to_string()),
        Just(" - Sending' ".to_string()),
        Just("0x800CCC0E".to_string()),
        Just("0x".to_string()),
        Just("The server responded:".to_string()),
        Just("Server Response: '".to_string()),
        Just("535".to_string()),
        Just("535-5.7.8".to_string()),
        Just("5.7.8".to_string()),
        Just("\n535 ".to_string()),
        Just("Account: '".to_string()),
        Just("10060".to_string()),
        Just("réponse du serveur".to_string()),
        Just("tâche '".to_string()),
        Just("'".to_string()),
        Just("\r\n".to_string()),
        Just("\u{85}\u{2028}\u{a0}\u{1b}\u{0}".to_string()),
        Just("é@ü.x".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_never_emits_control_characters(
        parts in proptest::collection::vec(fragment(), 0..12)
    ) {
        let text = parts.concat();
        let r = recognise(&text);
        let _ = classify(&text);
        let _ = r.summary();
        for field in [&r.code, &r.account, &r.server_reply, &r.meaning].into_iter().flatten() {
            prop_assert!(!field.chars().any(char::is_control), "{:?}", field);
        }
        if let Some(reply) = &r.server_reply {
            prop_assert!(reply.chars().count() <= 500);
        }
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        let r = recognise(&text);
        for field in [&r.code, &r.account, &r.server_reply, &r.meaning].into_iter().flatten() {
            prop_assert!(!field.chars().any(char::is_control), "{:?}", field);
        }
    }
}

/// Outlook's Send/Receive error as the localized Outlook builds write it: the code, the
/// account and the server's reply are found in each language.
#[test]
fn localized_outlook_messages() {
    let cases = [
        (
            "de",
            "Vorgang 'anna@beispiel.de - Senden' hat einen Fehler gemeldet (0x800CCC78): 'Die Nachricht kann nicht gesendet werden. Antwort des Servers: 535 5.7.8 Authentication credentials invalid'",
        ),
        (
            "fr",
            "La tâche 'anna@exemple.fr - Envoi' a signalé une erreur (0x800CCC78) : 'Impossible d'envoyer le message. Réponse du serveur : 535 5.7.8 Authentication credentials invalid'",
        ),
        (
            "es",
            "La tarea 'anna@ejemplo.es - Enviando' informó del error (0x800CCC78): 'No se puede enviar el mensaje. Respuesta del servidor: 535 5.7.8 Authentication credentials invalid'",
        ),
        (
            "it",
            "L'attività 'anna@esempio.it - Invio' ha riportato l'errore (0x800CCC78): 'Impossibile inviare il messaggio. Risposta del server: 535 5.7.8 Authentication credentials invalid'",
        ),
        (
            "pt-BR",
            "A tarefa 'anna@exemplo.com.br - Enviando' relatou o erro (0x800CCC78): 'Não é possível enviar a mensagem. Resposta do servidor: 535 5.7.8 Authentication credentials invalid'",
        ),
        (
            "nl",
            "Taak 'anna@voorbeeld.nl - Verzenden' heeft fout (0x800CCC78) gemeld: 'Kan het bericht niet verzenden. Antwoord van de server: 535 5.7.8 Authentication credentials invalid'",
        ),
    ];
    for (lang, text) in cases {
        let r = recognise(text);
        assert_eq!(r.code.as_deref(), Some("0x800CCC78"), "{lang}");
        assert!(
            r.account.as_deref().is_some_and(|a| a.starts_with("anna@")),
            "{lang}: {:?}",
            r.account
        );
        assert_eq!(
            r.server_reply.as_deref(),
            Some("535 5.7.8 Authentication credentials invalid"),
            "{lang}"
        );
    }
    // The code alone, in Outlook's German wording with the 0x80042109 of the brief.
    let r = recognise("Vorgang 'x@y.de - Senden' hat einen Fehler gemeldet (0x80042109): 'Die Verbindung zum Postausgangsserver (SMTP) kann nicht hergestellt werden.'");
    assert_eq!(r.code.as_deref(), Some("0x80042109"));
    assert_eq!(r.account.as_deref(), Some("x@y.de"));
}

/// Thunderbird's SMTP failures in its localized wording (composeMsgs.properties of each
/// locale): the server's reply is cut where Thunderbird's own next sentence starts.
#[test]
fn localized_thunderbird_messages() {
    let reply = "550 5.7.1 Relaying denied";
    let cases = [
        format!("Fehler beim Senden der Nachricht. Der Mail-Server antwortete: {reply}. Bitte überprüfen Sie die Nachricht und wiederholen Sie den Vorgang."),
        format!("Beim Senden der Nachricht trat ein Fehler auf. Der Postausgangs-Server antwortete:\n{reply}.\nBitte überprüfen Sie, dass sowohl verwendete Identität als auch Authentifizierungsmethode korrekt sind."),
        format!("Une erreur est survenue lors de l’envoi de l’e-mail. Le serveur e-mail a répondu : {reply}. Veuillez vérifier que votre adresse e-mail dans les paramètres du compte est correcte et essayer à nouveau."),
        format!("Ocurrió un error al enviar el correo. El servidor de correo respondió: {reply}. Compruebe el mensaje y vuelva a intentarlo."),
        format!("Si è verificato un errore durante l’invio della posta. Il server di posta ha risposto: {reply}. Controllare il messaggio e riprovare."),
        format!("Ocorreu um erro ao enviar a mensagem. O servidor de email respondeu: {reply}. Verifique se seu endereço de email está correto nas configurações da conta e tente novamente."),
        format!("Er is een fout opgetreden bij het verzenden van e-mail. De mailserver antwoordde: {reply}. Controleer het bericht en probeer het opnieuw."),
    ];
    for text in &cases {
        let r = recognise(text);
        // Where the reply ends its line, Thunderbird's full stop stays with it.
        let got = r.server_reply.as_deref().map(|s| s.trim_end_matches('.'));
        assert_eq!(got, Some(reply), "{text}");
    }
}
