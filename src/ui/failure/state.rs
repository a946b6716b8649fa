//! The failure screen's state: why the checks could not start.

/// Why the checks could not start, and so which way forward the failure screen offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The extra certificate file (`--ca-file`) is unusable.
    Trust,
    /// The name server (`--dns-server`) is unusable.
    Dns,
    /// The decision-tree file (`--tree`) is invalid; the built-in tree is loaded instead.
    Tree,
    Other,
}

#[derive(Debug, Clone)]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
    pub focus: usize,
}
