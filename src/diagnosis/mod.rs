//! From facts to a diagnosis: signals the tree branches on, recommended settings, causes.

pub mod signals;
