//! Decoding a `devices/list` answer of 500 devices into the SDK's generated types,
//! against parsing the same bytes into `serde_json::Value`, in the same process and
//! run; then the same call end to end through the SDK and through Seam's JavaScript
//! SDK (`@seamapi/http`, installed in `benches/js`), against one stub server.
//!
//! `cargo bench -p seam-benches --bench decode`
//!
//! The body is built from the devices Seam's fake server seeds (every field kept,
//! distinct ids), cached under `target/seam-bench-data/`; without Node.js it is
//! built from the copy in `benches/data/`. Rounds alternate (typed, Value, Value,
//! typed, ...); CPU time is the process's (`CLOCK_PROCESS_CPUTIME_ID`). The table
//! gives each side's median, and the median of the per-round ratios with its
//! interquartile range.
//!
//! Knobs: `SEAM_BENCH_ROUNDS` (default 30), `SEAM_BENCH_DECODES` (decodes per
//! round, default 20), `SEAM_BENCH_CALLS` (calls per round of the end-to-end
//! comparison, default 20), `SEAM_BENCH_JS=0` (skip it), `SEAM_BENCH_MEMORY=0`,
//! `SEAM_BENCH_VERBOSE=1`. Run as a test (`cargo test --benches`), it only checks,
//! on the fixture and without Node.js, that both decodes agree.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use seam_benches::devices::{DEVICE_COUNT, SEEDED_ANSWER, cache_dir, devices_body, replicate};
use seam_benches::{MemoryProbe, StubServer, client_runtime, cpu_time, median};
use seamapi::Endpoint;
use seamapi::devices::ListDevices;
use seamapi::prelude::*;

const STUB_SERVER: &str = env!("CARGO_BIN_EXE_seam-stub-server");
const MEMORY: &str = env!("CARGO_BIN_EXE_seam-bench-memory");
const MEMORY_REPEATS: usize = 3;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn env_off(name: &str) -> bool {
    std::env::var(name).is_ok_and(|value| value == "0")
}

/// The SDK's decode of the answer, as `send` does it.
fn decode_typed(body: &[u8]) -> usize {
    let page = <ListDevices as Endpoint>::decode(body).expect("the SDK decodes the answer");
    page.items.len()
}

/// The baseline: the same bytes into `serde_json::Value`.
fn decode_value(body: &[u8]) -> usize {
    let value: serde_json::Value = serde_json::from_slice(body).expect("the answer is JSON");
    value["devices"].as_array().map_or(0, Vec::len)
}

/// The same, from a `str` checked to be UTF-8 in one pass first, as the SDK
/// reads: for reference.
fn decode_value_str(body: &[u8]) -> usize {
    let text = std::str::from_utf8(body).expect("the answer is UTF-8");
    let value: serde_json::Value = serde_json::from_str(text).expect("the answer is JSON");
    value["devices"].as_array().map_or(0, Vec::len)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Typed,
    Value,
    ValueStr,
}

/// CPU time per run of `once`, over `runs` runs.
fn per_run(runs: usize, mut once: impl FnMut() -> usize) -> (Duration, Duration) {
    let cpu = cpu_time();
    let wall = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(once());
    }
    let runs = u32::try_from(runs).expect("a few runs");
    ((cpu_time() - cpu) / runs, wall.elapsed() / runs)
}

/// The median of the per-round ratios, and its quartiles.
fn ratio_summary(mut ratios: Vec<f64>) -> (f64, f64, f64) {
    let middle = median(&mut ratios);
    let quartile = |q: usize| ratios[(ratios.len() - 1) * q / 4];
    (middle, quartile(1), quartile(3))
}

fn main() {
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    if !benchmarking {
        let answer: serde_json::Value = serde_json::from_str(SEEDED_ANSWER).expect("JSON");
        let body = replicate(&answer, 20);
        assert_eq!(decode_typed(SEEDED_ANSWER.as_bytes()), 5);
        assert_eq!(decode_typed(&body), 20);
        assert_eq!(decode_value(&body), 20);
        println!("decode: smoke run passed (run with `cargo bench` to measure)");
        return;
    }
    let (body, source) = devices_body(DEVICE_COUNT);
    assert_eq!(decode_typed(&body), DEVICE_COUNT);
    assert_eq!(decode_value(&body), DEVICE_COUNT);
    let megabytes = body.len() as f64 / 1e6;
    println!(
        "## Decoding a devices/list answer of {DEVICE_COUNT} devices ({} bytes; {source})\n",
        body.len()
    );
    println!(
        "`Device` is {} bytes in memory, {} of them its `DeviceProperties`.\n",
        size_of::<seamapi::models::Device>(),
        size_of::<seamapi::models::device::DeviceProperties>()
    );
    decode_rounds(&body, megabytes);
    if !env_off("SEAM_BENCH_MEMORY") {
        memory(&body);
    }
    if !env_off("SEAM_BENCH_JS") {
        end_to_end(&body);
    }
}

fn decode_rounds(body: &[u8], megabytes: f64) {
    let rounds = env_number("SEAM_BENCH_ROUNDS", 30).max(1);
    let decodes = env_number("SEAM_BENCH_DECODES", 20).max(1);
    let verbose = std::env::var_os("SEAM_BENCH_VERBOSE").is_some();
    // Warm up: allocator, caches.
    per_run(decodes, || decode_typed(body));
    per_run(decodes, || decode_value(body));
    per_run(decodes, || decode_value_str(body));
    let mut typed = Vec::with_capacity(rounds);
    let mut value = Vec::with_capacity(rounds);
    let mut value_str = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let mut order = [Side::Typed, Side::Value, Side::ValueStr];
        if round % 2 == 1 {
            order.reverse();
        }
        for side in order {
            match side {
                Side::Typed => typed.push(per_run(decodes, || decode_typed(body)).0),
                Side::Value => value.push(per_run(decodes, || decode_value(body)).0),
                Side::ValueStr => value_str.push(per_run(decodes, || decode_value_str(body)).0),
            }
        }
        if verbose {
            eprintln!(
                "round {round:>2}: typed {:?}, Value {:?}, Value from str {:?}, ratio {:.3}",
                typed[round],
                value[round],
                value_str[round],
                typed[round].as_secs_f64() / value[round].as_secs_f64()
            );
        }
    }
    let micros = |samples: &[Duration]| {
        let mut values: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e6).collect();
        median(&mut values)
    };
    let ratios = |over: &[Duration]| {
        ratio_summary(
            typed
                .iter()
                .zip(over)
                .map(|(t, v)| t.as_secs_f64() / v.as_secs_f64())
                .collect(),
        )
    };
    let (typed_us, value_us, value_str_us) = (micros(&typed), micros(&value), micros(&value_str));
    let (ratio, low, high) = ratios(&value);
    let (ratio_str, low_str, high_str) = ratios(&value_str);
    println!("{rounds} rounds of {decodes} decodes each, alternating\n");
    println!(
        "| decode | CPU µs per answer (median) | MB/s of CPU time | CPU ratio of the SDK's decode to it: median of rounds (IQR) |"
    );
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| `serde_json::from_slice::<Value>` (the baseline) | {value_us:.0} | {:.0} | **{ratio:.3}** ({low:.3}–{high:.3}) |",
        megabytes / value_us * 1e6
    );
    println!(
        "| `serde_json::from_str::<Value>` after `str::from_utf8` (for reference) | {value_str_us:.0} | {:.0} | {ratio_str:.3} ({low_str:.3}–{high_str:.3}) |",
        megabytes / value_str_us * 1e6
    );
    println!(
        "| `<ListDevices as Endpoint>::decode` (`Page<Device>`) | {typed_us:.0} | {:.0} | 1 |",
        megabytes / typed_us * 1e6
    );
}

/// Peak resident memory of a process that reads the body and decodes it once.
fn memory(body: &[u8]) {
    let path = cache_dir().join("devices-list-memory.json");
    std::fs::create_dir_all(cache_dir()).expect("the cache directory");
    std::fs::write(&path, body).expect("the body is written");
    println!(
        "\n## Peak memory of one decode (VmHWM of a process that reads the body and decodes it once; median of {MEMORY_REPEATS})\n"
    );
    println!("| decode | peak RSS | growth during the decode | result kept |");
    println!("| --- | ---: | ---: | ---: |");
    for which in ["value", "typed"] {
        let mut peaks = Vec::new();
        let mut growths = Vec::new();
        let mut kept = Vec::new();
        for _ in 0..MEMORY_REPEATS {
            let probe = MemoryProbe::run(
                MEMORY,
                &[OsStr::new("decode"), OsStr::new(which), path.as_os_str()],
            );
            let field = |name: &str| probe.field(name) as f64;
            peaks.push(field("after_hwm") / 1024.0);
            growths.push((field("after_hwm") - field("before_hwm")) / 1024.0);
            kept.push((field("after_rss") - field("before_rss")) / 1024.0);
        }
        let name = match which {
            "value" => "`serde_json::Value`",
            _ => "`Page<Device>`",
        };
        println!(
            "| {name} | {:.1} MiB | {:.1} MiB | {:.1} MiB |",
            median(&mut peaks),
            median(&mut growths),
            median(&mut kept)
        );
    }
}

/// `seam.devices().list().send().await` against Seam's JavaScript SDK's
/// `seam.devices.list()`, both against one stub server answering the body.
fn end_to_end(body: &[u8]) {
    let js_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
    let script = js_dir.join("devices-list.mjs");
    if !js_dir.join("node_modules/@seamapi/http").is_dir() {
        println!(
            "\n(The comparison with Seam's JavaScript SDK is skipped: run `npm ci` in {} first.)",
            js_dir.display()
        );
        return;
    }
    let path = cache_dir().join("devices-list-served.json");
    std::fs::write(&path, body).expect("the body is written");
    let server =
        StubServer::start_with(STUB_SERVER, &[path.as_os_str()]).expect("the stub server starts");
    let mut node = match Command::new("node")
        .arg(&script)
        .arg(&server.endpoint)
        .current_dir(&js_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(node) => node,
        Err(error) => {
            println!(
                "\n(The comparison with Seam's JavaScript SDK is skipped: node did not start: {error}.)"
            );
            return;
        }
    };
    let mut to_node = node.stdin.take().expect("piped");
    let mut from_node = BufReader::new(node.stdout.take().expect("piped"));
    let mut js_round = |calls: usize| -> Duration {
        writeln!(to_node, "{calls}").expect("node reads");
        to_node.flush().expect("node reads");
        let mut line = String::new();
        from_node.read_line(&mut line).expect("node answers");
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [cpu_us, _wall_us, devices] = fields[..] else {
            panic!("node said {line:?}")
        };
        assert_eq!(devices.parse::<usize>().ok(), Some(DEVICE_COUNT), "{line}");
        Duration::from_micros(cpu_us.parse().expect("a number")) / calls as u32
    };

    let runtime = client_runtime();
    let seam = Client::builder()
        .api_key(seam_benches::API_KEY)
        .endpoint(&server.endpoint)
        .build()
        .expect("the SDK client builds");
    let rust_round = |calls: usize| -> Duration {
        let cpu = cpu_time();
        runtime.block_on(async {
            for _ in 0..calls {
                let page = seam.devices().list().send().await.expect("the SDK lists");
                assert_eq!(page.items.len(), DEVICE_COUNT);
                std::hint::black_box(page);
            }
        });
        (cpu_time() - cpu) / calls as u32
    };

    let rounds = env_number("SEAM_BENCH_ROUNDS", 30).max(1);
    let calls = env_number("SEAM_BENCH_CALLS", 20).max(1);
    let verbose = std::env::var_os("SEAM_BENCH_VERBOSE").is_some();
    // Warm up both: connections, JIT, allocator.
    for _ in 0..5 {
        js_round(calls);
    }
    rust_round(calls);
    let mut rust = Vec::with_capacity(rounds);
    let mut js = Vec::with_capacity(rounds);
    for round in 0..rounds {
        if round % 2 == 0 {
            rust.push(rust_round(calls));
            js.push(js_round(calls));
        } else {
            js.push(js_round(calls));
            rust.push(rust_round(calls));
        }
        if verbose {
            eprintln!(
                "round {round:>2}: seam-rs {:?}, @seamapi/http {:?}",
                rust[round], js[round]
            );
        }
    }
    drop(to_node);
    let _ = node.wait();
    let micros = |samples: &[Duration]| {
        let mut values: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e6).collect();
        median(&mut values)
    };
    let (ratio, low, high) = ratio_summary(
        js.iter()
            .zip(&rust)
            .map(|(j, r)| j.as_secs_f64() / r.as_secs_f64())
            .collect(),
    );
    println!(
        "\n## The call end to end: `devices/list` of {DEVICE_COUNT} devices from a loopback stub server, {rounds} rounds of {calls} calls each, alternating\n"
    );
    println!(
        "| client | CPU µs per call (median) | how many times seam-rs's CPU: median of rounds (IQR) |"
    );
    println!("| --- | ---: | ---: |");
    println!(
        "| seam-rs `seam.devices().list().send().await` | {:.0} | 1 (baseline) |",
        micros(&rust)
    );
    println!(
        "| `@seamapi/http` {} `seam.devices.list()` (Node.js {}) | {:.0} | **{ratio:.2}** ({low:.2}–{high:.2}) |",
        js_sdk_version(&js_dir),
        node_version(),
        micros(&js)
    );
}

fn js_sdk_version(js_dir: &Path) -> String {
    std::fs::read_to_string(js_dir.join("node_modules/@seamapi/http/package.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|package| package["version"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

fn node_version() -> String {
    Command::new("node")
        .arg("--version")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map_or_else(|| "?".to_owned(), |text| text.trim().to_owned())
}
