//! Feeds arbitrary bytes to every way the client decodes an answer: a keyed value,
//! a page, a void answer, and Seam's error envelope. Every outcome must be a value
//! or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seamapi::{Answer, Endpoint, Keyed};
use seamapi::connected_accounts::{GetConnectedAccount, ListConnectedAccounts, UpdateConnectedAccount};

fuzz_target!(|data: &[u8]| {
    let status = data.first().map_or(500, |byte| 400 + u16::from(*byte));
    let body = data.get(1..).unwrap_or_default();
    let _ = GetConnectedAccount::decode(body);
    let _ = ListConnectedAccounts::decode(body);
    let _ = UpdateConnectedAccount::decode(body);
    let _ = seamapi_core::__private::decode_error("/fuzz", status, None, body);
    let _ = Keyed::<serde_json::Value>::decode(body, Some("thing"));
});
