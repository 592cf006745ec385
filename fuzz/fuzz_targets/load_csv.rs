//! The loader on a file named `fuzz.csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tline_fuzz::load_bytes("fuzz.csv", data));
