//! The report screen's state: the file name, the focus and how saving went.

use crate::ui::field::TextField;

#[derive(Debug, Clone, Default)]
pub struct ReportState {
    pub path: TextField,
    /// 0: the path field, 1: Save, 2: Show text, 3: Back.
    pub focus: usize,
    pub status: Option<SaveStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Saving(String),
    Saved(String),
    Failed { path: String, error: String },
    EmptyPath,
}
