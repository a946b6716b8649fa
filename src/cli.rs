//! (being assembled)
pub fn main() -> i32 { 2 }
