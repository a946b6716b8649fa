//! The new-account screen's state: the address typed, the focus, and what the run found
//! (derived by `summary` on every refresh, so the view reads no facts).

use super::summary::NewAccountView;
use crate::ui::field::TextField;

#[derive(Debug, Clone, Default)]
pub struct NewAccountState {
    pub email: TextField,
    /// 0: the address field; 1..: the buttons.
    pub focus: usize,
    /// Why Look up refused the address.
    pub problem: Option<String>,
    pub view: NewAccountView,
}
