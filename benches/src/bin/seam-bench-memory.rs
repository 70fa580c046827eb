//! Peak memory of a run: `seam-bench-memory sdk|bare ENDPOINT REQUESTS IN_FLIGHT`
//! sends the seed request REQUESTS times through one client, IN_FLIGHT at a time,
//! on the same single-threaded runtime as the throughput benchmark, then prints
//! `VmHWM` (peak resident memory) and `VmRSS` of this process in KiB, before the
//! first request (runtime and client built) and after the last one:
//! `before_hwm=... before_rss=... after_hwm=... after_rss=...`, and the CPU time
//! of the run in microseconds, `cpu_us=...`.
//!
//! `seam-bench-memory decode value|typed FILE` reads FILE (a `devices/list`
//! answer), then decodes it once into `serde_json::Value` or through the SDK's
//! `ListDevices` endpoint, keeping the result, and prints the same fields.

use seam_benches::{
    Bare, Via, client_runtime, cpu_time, proc_status_kib, run_bare, run_sdk, sdk_client,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, decode, which, file] = args.as_slice()
        && decode == "decode"
    {
        return decode_once(which, file);
    }
    let [_, via, endpoint, requests, in_flight] = args.as_slice() else {
        eprintln!("usage: seam-bench-memory sdk|bare ENDPOINT REQUESTS IN_FLIGHT");
        std::process::exit(2);
    };
    let via = match via.as_str() {
        "sdk" => Via::Sdk,
        "bare" => Via::Bare,
        other => panic!("unknown client {other:?}"),
    };
    let requests: usize = requests.parse().expect("REQUESTS is a number");
    let in_flight: usize = in_flight.parse().expect("IN_FLIGHT is a number");
    let runtime = client_runtime();
    // Only the client measured is built.
    let (before_hwm, before_rss, cpu);
    match via {
        Via::Sdk => {
            let seam = sdk_client(endpoint);
            (before_hwm, before_rss) = (proc_status_kib("VmHWM"), proc_status_kib("VmRSS"));
            let start = cpu_time();
            runtime.block_on(run_sdk(&seam, requests, in_flight));
            cpu = cpu_time() - start;
        }
        Via::Bare => {
            let bare = Bare::new(endpoint);
            (before_hwm, before_rss) = (proc_status_kib("VmHWM"), proc_status_kib("VmRSS"));
            let start = cpu_time();
            runtime.block_on(run_bare(&bare, requests, in_flight));
            cpu = cpu_time() - start;
        }
    }
    println!(
        "before_hwm={before_hwm} before_rss={before_rss} after_hwm={} after_rss={} cpu_us={}",
        proc_status_kib("VmHWM"),
        proc_status_kib("VmRSS"),
        cpu.as_micros()
    );
}

fn decode_once(which: &str, file: &str) {
    use seamapi::Endpoint;

    let body = std::fs::read(file).expect("the answer's file is read");
    let (before_hwm, before_rss) = (proc_status_kib("VmHWM"), proc_status_kib("VmRSS"));
    let start = cpu_time();
    let kept: Box<dyn std::any::Any> = match which {
        "value" => Box::new(serde_json::from_slice::<serde_json::Value>(&body).expect("JSON")),
        "typed" => Box::new(
            <seamapi::devices::ListDevices as Endpoint>::decode(&body).expect("the SDK decodes"),
        ),
        other => panic!("unknown decode {other:?}"),
    };
    let cpu = cpu_time() - start;
    println!(
        "before_hwm={before_hwm} before_rss={before_rss} after_hwm={} after_rss={} cpu_us={}",
        proc_status_kib("VmHWM"),
        proc_status_kib("VmRSS"),
        cpu.as_micros()
    );
    drop(std::hint::black_box(kept));
}
