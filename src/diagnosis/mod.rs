//! From facts to a diagnosis (being assembled).
pub mod evaluate;
pub mod recommend;
pub mod signals;
