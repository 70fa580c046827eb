//! The workspace's tests live in `tests/`: the trybuild suite of `#[seam_endpoint]`
//! (`tests/ui.rs`, cases in `ui/`) and the integration tests against Seam's own
//! fake server.
