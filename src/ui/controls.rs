//! What the mouse can click: the buttons of every screen, the click targets the views record
//! at each draw, and what the last draw left for `update`.

use ratatui::layout::Rect;

use super::account::state::{Encryption, Field};

/// Something the mouse can click, recorded by the views at their last draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    StartChoice(usize),
    Field(Field),
    EncryptionChoice(Encryption),
    /// The error-message text box.
    ErrorBox,
    /// The report's file name field.
    ReportPath,
    Answer(usize),
    Button(Button),
    /// A field of the server screen: 0 the address or report, 1 the account.
    ServerField(usize),
    /// The new-account screen's address field.
    NewAccountField,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Continue,
    Back,
    OpenReport,
    Technical,
    ChangeSettings,
    Quit,
    Save,
    ShowText,
    QuitYes,
    QuitNo,
    UseSystem,
    Retry,
    /// Server mode: read this host for the customer.
    Look,
    /// Server mode: ask to run the unblock commands.
    LiftBlock,
    /// Server mode: read the host again.
    LookAgain,
    /// Server mode: the question's answers.
    RunUnblock,
    CancelUnblock,
    /// Server mode: check every blocked address for locked-out customers.
    CheckCustomers,
    /// Server mode, audit: ask to unblock and whitelist the customers.
    LiftCustomers,
    /// Server mode, audit: read everything again.
    AuditAgain,
    /// New account: ask what Outlook and Thunderbird would fill in.
    LookUp,
}

/// What the last draw left for `update`: where clickable things are and how far the
/// current text can scroll.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub hits: Vec<(Rect, Target)>,
    pub max_scroll: u16,
}
