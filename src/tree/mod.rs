//! STUB: being written by a helper.
#[derive(Debug)]
pub struct TreeErrors(pub Vec<String>);
impl std::fmt::Display for TreeErrors { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(&self.0.join("\n")) } }
impl std::error::Error for TreeErrors {}
