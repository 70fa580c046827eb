//! Compile-time behaviour of `#[seam_endpoint]`: what compiles, and the error each
//! mistake gives, at its token.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
}
