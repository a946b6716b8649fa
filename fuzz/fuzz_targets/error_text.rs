//! Fuzz target `error_text`: the checks of `smtp_doctor::fuzzing::Target::ErrorText` on every input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_doctor::fuzzing::Target;

fuzz_target!(|data: &[u8]| {
    if let Err(v) = Target::ErrorText.check(data) {
        panic!("{v}");
    }
});
