//! The error-message screen's state: the pasted text and what was recognised in it, kept in
//! step with each other.

use crate::error_text::{recognise, Recognised};
use crate::ui::field::TextField;

#[derive(Debug, Clone)]
pub struct ErrorState {
    /// The text box (Outlook's error message, pasted or typed).
    pub text: TextField,
    /// What was recognised in `text`, kept in step with it.
    pub recognised: Recognised,
    /// 0: the text box, 1: Continue, 2: Back.
    pub focus: usize,
}

impl ErrorState {
    pub fn new(text: &str) -> ErrorState {
        ErrorState {
            text: TextField::new(text),
            recognised: recognise(text),
            focus: 0,
        }
    }

    /// Reads the text again after it changed.
    pub fn recognise(&mut self) {
        self.recognised = recognise(self.text.value());
    }
}
