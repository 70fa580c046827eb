//! The stub Seam server of the benchmarks: listens on a free port of 127.0.0.1,
//! prints `http://127.0.0.1:PORT`, and serves until its standard input closes.
//! `seam-stub-server FILE` also answers `POST /devices/list` with FILE's bytes.

use std::io::Write;

fn main() -> std::io::Result<()> {
    let devices = match std::env::args_os().nth(1) {
        Some(path) => Some(std::fs::read(path)?.into()),
        None => None,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let mut stdout = std::io::stdout();
        writeln!(stdout, "http://{address}")?;
        stdout.flush()?;
        seam_benches::serve(listener, devices).await
    })
}
