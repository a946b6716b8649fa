//! Fuzz target `reply`: the checks of `smtp_doctor::fuzzing::Target::Reply` on every input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_doctor::fuzzing::Target;

fuzz_target!(|data: &[u8]| {
    if let Err(v) = Target::Reply.check(data) {
        panic!("{v}");
    }
});
