//! The account screen's state: Outlook's outgoing-server form, and how it becomes the
//! diagnosis input.

use crate::secret::Secret;
use crate::settings::{Input, Security};

use crate::ui::field::TextField;
use crate::ui::text::text;

/// The account screen's items, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Email,
    Server,
    Port,
    Encryption,
    Auth,
    User,
    Password,
    Check,
    Back,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Email,
        Field::Server,
        Field::Port,
        Field::Encryption,
        Field::Auth,
        Field::User,
        Field::Password,
        Field::Check,
        Field::Back,
    ];

    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Email | Field::Server | Field::Port | Field::User | Field::Password
        )
    }
}

/// Outlook's "Use the following type of encrypted connection" list, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    None,
    SslTls,
    StartTls,
    Auto,
}

impl Encryption {
    pub const ALL: [Encryption; 4] = [
        Encryption::None,
        Encryption::SslTls,
        Encryption::StartTls,
        Encryption::Auto,
    ];

    pub fn from_security(s: Option<Security>) -> Encryption {
        match s {
            Some(Security::None) => Encryption::None,
            Some(Security::Tls) => Encryption::SslTls,
            Some(Security::Starttls) => Encryption::StartTls,
            None => Encryption::Auto,
        }
    }

    /// `Auto` leaves the encryption open: the checks try every kind.
    pub fn security(self) -> Option<Security> {
        match self {
            Encryption::None => Some(Security::None),
            Encryption::SslTls => Some(Security::Tls),
            Encryption::StartTls => Some(Security::Starttls),
            Encryption::Auto => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self.security() {
            Some(s) => crate::report::wording::wording(super::super::text::lang()).security_str(s),
            None => &text().account.auto,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AccountForm {
    pub email: TextField,
    pub server: TextField,
    pub port: TextField,
    pub encryption: Encryption,
    pub auth: bool,
    pub user: TextField,
    pub password: TextField,
    pub focus: Field,
    /// A field the form refused, and why (shown under the fields).
    pub problem: Option<(Field, String)>,
}

impl AccountForm {
    pub fn from_input(input: &Input) -> AccountForm {
        AccountForm {
            email: TextField::new(&input.email),
            server: TextField::new(input.server.as_deref().unwrap_or("")),
            port: TextField::new(&input.port.map(|p| p.to_string()).unwrap_or_default()),
            encryption: Encryption::from_security(input.security),
            // Most servers want a sign-in for sending; Outlook's box starts ticked too.
            auth: true,
            user: TextField::new(input.user.as_deref().unwrap_or("")),
            password: TextField::new(input.password.as_ref().map_or("", |p| p.expose())),
            focus: Field::Email,
            problem: None,
        }
    }

    pub fn text_mut(&mut self, f: Field) -> Option<&mut TextField> {
        match f {
            Field::Email => Some(&mut self.email),
            Field::Server => Some(&mut self.server),
            Field::Port => Some(&mut self.port),
            Field::User => Some(&mut self.user),
            Field::Password => Some(&mut self.password),
            _ => None,
        }
    }

    pub fn text(&self, f: Field) -> Option<&TextField> {
        match f {
            Field::Email => Some(&self.email),
            Field::Server => Some(&self.server),
            Field::Port => Some(&self.port),
            Field::User => Some(&self.user),
            Field::Password => Some(&self.password),
            _ => None,
        }
    }

    /// Items the focus can land on: user name and password only when authentication is on.
    pub fn focusable(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| self.auth || !matches!(f, Field::User | Field::Password))
            .collect()
    }

    /// The diagnosis input: `base` (what is not on the form) with the form's values.
    pub fn to_input(&self, base: &Input) -> Result<Input, (Field, String)> {
        let t = text();
        let email = self.email.value().trim();
        let valid_email = match email.rsplit_once('@') {
            Some((local, domain)) => {
                !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
            }
            None => false,
        };
        if !valid_email {
            return Err((Field::Email, t.account.bad_email.clone()));
        }
        let port = match self.port.value().trim() {
            "" => None,
            p => match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err((Field::Port, t.account.bad_port.clone())),
            },
        };
        let mut input = base.clone();
        input.email = email.to_string();
        input.server = Some(self.server.value().trim().to_string()).filter(|s| !s.is_empty());
        input.port = port;
        input.security = self.encryption.security();
        if self.auth {
            input.user = Some(self.user.value().trim().to_string()).filter(|s| !s.is_empty());
            input.password =
                (!self.password.is_empty()).then(|| Secret::new(self.password.value().to_string()));
        } else {
            input.user = None;
            input.password = None;
        }
        Ok(input)
    }
}
