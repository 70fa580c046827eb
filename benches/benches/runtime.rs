//! Run-time cost of seam-rs against bare reqwest, in the same process and run.
//!
//! `cargo bench -p seam-benches --bench runtime`
//!
//! The stub server runs as a child process, so that only the client's CPU time is
//! counted. For 1 and 16 requests in flight, many short rounds of the seed request
//! through the SDK and through bare reqwest alternate (in the order SDK, bare, bare,
//! SDK, ...), so that both see the same background load; each round gives requests
//! per second and the process's CPU time per request. The table gives each
//! client's median, the median of the per-round CPU ratios with its interquartile
//! range, and the ratio of each client's best round (noise only adds CPU time).
//! Then the peak memory of a run of 10,000 requests is taken from child processes
//! that each run only that.
//!
//! Knobs: `SEAM_BENCH_ROUNDS` (rounds per client and concurrency, default 30),
//! `SEAM_BENCH_REQUESTS` (requests per round, default 1500),
//! `SEAM_BENCH_VERBOSE=1` (print every round), `SEAM_BENCH_IN_FLIGHT=1,16`
//! (the concurrencies), `SEAM_BENCH_MEMORY=0` (skip the memory runs). Run as a test
//! (`cargo test --benches`), it only checks that both clients work.

use seam_benches::{
    Clients, MemoryProbe, Sample, StubServer, Via, client_runtime, measure, median,
};

const STUB_SERVER: &str = env!("CARGO_BIN_EXE_seam-stub-server");
const MEMORY: &str = env!("CARGO_BIN_EXE_seam-bench-memory");
const IN_FLIGHT: [usize; 2] = [1, 16];
const MEMORY_REQUESTS: usize = 10_000;
const MEMORY_REPEATS: usize = 3;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    let server = StubServer::start(STUB_SERVER).expect("the stub server starts");
    let runtime = client_runtime();
    let clients = Clients::new(&server.endpoint);
    if !benchmarking {
        for in_flight in IN_FLIGHT {
            for via in [Via::Sdk, Via::Bare] {
                runtime.block_on(clients.run(via, 64, in_flight));
            }
        }
        println!("runtime: smoke run passed (run with `cargo bench` to measure)");
        return;
    }
    let rounds = env_number("SEAM_BENCH_ROUNDS", 30).max(1);
    let requests = env_number("SEAM_BENCH_REQUESTS", 1500).max(16);
    let verbose = std::env::var_os("SEAM_BENCH_VERBOSE").is_some();
    let concurrencies: Vec<usize> = std::env::var("SEAM_BENCH_IN_FLIGHT")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|value| value.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| IN_FLIGHT.to_vec());

    println!(
        "## Run time: the seed request on loopback, {rounds} rounds of {requests} requests per client and concurrency\n"
    );
    println!(
        "| in flight | client | requests/s (median) | CPU µs/request (median) | CPU ratio: median of rounds (IQR) | CPU ratio: best rounds | requests/s ratio |"
    );
    println!("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    for &in_flight in &concurrencies {
        // Warm up both: connections, allocator, caches.
        for via in [Via::Sdk, Via::Bare] {
            runtime.block_on(clients.run(via, requests / 2, in_flight));
        }
        let mut samples: Vec<(Sample, Sample)> = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let order = if round % 2 == 0 {
                [Via::Sdk, Via::Bare]
            } else {
                [Via::Bare, Via::Sdk]
            };
            let mut sdk = None;
            let mut bare = None;
            for via in order {
                let sample = measure(&runtime, requests, clients.run(via, requests, in_flight));
                match via {
                    Via::Sdk => sdk = Some(sample),
                    Via::Bare => bare = Some(sample),
                }
            }
            let (sdk, bare) = (sdk.expect("measured"), bare.expect("measured"));
            if verbose {
                eprintln!(
                    "in flight {in_flight:>2}, round {round:>2}: seam-rs {:>7.0}/s {:>6.2} µs, bare {:>7.0}/s {:>6.2} µs, CPU ratio {:.3}",
                    sdk.per_second(),
                    sdk.cpu_micros(),
                    bare.per_second(),
                    bare.cpu_micros(),
                    sdk.cpu_micros() / bare.cpu_micros()
                );
            }
            samples.push((sdk, bare));
        }
        let column = |pick: &dyn Fn(&(Sample, Sample)) -> f64| {
            let mut values: Vec<f64> = samples.iter().map(pick).collect();
            median(&mut values)
        };
        let sdk_rate = column(&|(sdk, _)| sdk.per_second());
        let bare_rate = column(&|(_, bare)| bare.per_second());
        let sdk_cpu = column(&|(sdk, _)| sdk.cpu_micros());
        let bare_cpu = column(&|(_, bare)| bare.cpu_micros());
        let mut cpu_ratios: Vec<f64> = samples
            .iter()
            .map(|(sdk, bare)| sdk.cpu_micros() / bare.cpu_micros())
            .collect();
        let cpu_ratio = median(&mut cpu_ratios);
        let quartile = |q: usize| cpu_ratios[(cpu_ratios.len() - 1) * q / 4];
        let best = |pick: &dyn Fn(&(Sample, Sample)) -> f64| {
            samples.iter().map(pick).fold(f64::INFINITY, f64::min)
        };
        let best_ratio = best(&|(sdk, _)| sdk.cpu_micros()) / best(&|(_, bare)| bare.cpu_micros());
        let rate_ratio = column(&|(sdk, bare)| sdk.per_second() / bare.per_second());
        println!(
            "| {in_flight} | bare reqwest | {bare_rate:.0} | {bare_cpu:.1} | 1 (baseline) | 1 (baseline) | 1 (baseline) |"
        );
        println!(
            "| {in_flight} | seam-rs | {sdk_rate:.0} | {sdk_cpu:.1} | **{cpu_ratio:.3}** ({:.3}–{:.3}) | {best_ratio:.3} | {rate_ratio:.3} |",
            quartile(1),
            quartile(3),
        );
    }
    drop(clients);
    if std::env::var("SEAM_BENCH_MEMORY").is_ok_and(|value| value == "0") {
        return;
    }

    println!(
        "\n## Peak memory of a run of {MEMORY_REQUESTS} requests (VmHWM of a process that runs only that; median of {MEMORY_REPEATS} runs)\n"
    );
    println!(
        "| in flight | bare reqwest: peak RSS | seam-rs: peak RSS | ratio | bare reqwest: growth during the run | seam-rs: growth during the run |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for in_flight in IN_FLIGHT {
        let mut peaks = Vec::new();
        for via in [Via::Bare, Via::Sdk] {
            let mut before = Vec::new();
            let mut after = Vec::new();
            for _ in 0..MEMORY_REPEATS {
                let (hwm_before, hwm_after) = peak_memory(&server.endpoint, via, in_flight);
                before.push(hwm_before as f64 / 1024.0);
                after.push(hwm_after as f64 / 1024.0);
            }
            peaks.push((median(&mut after), median(&mut before)));
        }
        let [(bare, bare_before), (sdk, sdk_before)] = peaks[..] else {
            unreachable!("two clients")
        };
        println!(
            "| {in_flight} | {bare:.1} MiB | {sdk:.1} MiB | {:.3} | {:.1} MiB | {:.1} MiB |",
            sdk / bare,
            bare - bare_before,
            sdk - sdk_before,
        );
    }
}

/// Runs the memory binary for one client; returns peak RSS in KiB before the first
/// request and after the run.
fn peak_memory(endpoint: &str, via: Via, in_flight: usize) -> (u64, u64) {
    let which = match via {
        Via::Sdk => "sdk",
        Via::Bare => "bare",
    };
    let probe = MemoryProbe::run(
        MEMORY,
        &[
            which,
            endpoint,
            &MEMORY_REQUESTS.to_string(),
            &in_flight.to_string(),
        ],
    );
    (probe.field("before_hwm"), probe.field("after_hwm"))
}
