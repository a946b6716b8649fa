//! (being assembled)
