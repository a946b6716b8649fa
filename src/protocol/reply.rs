//! STUB: being written by a helper. API contract below.
use std::time::Duration;
use serde::Serialize;
use tokio::io::AsyncBufRead;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EnhancedCode { pub class: u8, pub subject: u16, pub detail: u16 }

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply { pub code: u16, pub enhanced: Option<EnhancedCode>, pub lines: Vec<String> }

impl Reply {
    pub fn text(&self) -> String { self.lines.join(" ") }
}

#[derive(Debug, Clone, Copy)]
pub struct Limits { pub max_line: usize, pub max_lines: usize, pub max_bytes: usize }
impl Default for Limits { fn default() -> Self { Limits { max_line: 2048, max_lines: 200, max_bytes: 65536 } } }

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    #[error("no reply within {0:?}")]
    Timeout(Duration),
    #[error("connection closed")]
    Closed { partial: Option<String> },
    #[error("malformed reply: {0}")]
    Malformed(String),
    #[error("reply too long")]
    TooLong,
    #[error("read error: {0}")]
    Io(String),
}

pub async fn read_reply<R: AsyncBufRead + Unpin>(_r: &mut R, _limits: &Limits, _timeout: Duration) -> Result<(Reply, Vec<String>), ReplyError> { todo!() }
