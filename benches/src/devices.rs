//! The `devices/list` answer of the decoding benchmark: the devices Seam's fake
//! server seeds, replicated to a few hundred with distinct ids, wrapped as Seam
//! answers a page (`{"devices": [...], "pagination": {...}, "ok": true}`).

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The route.
pub const DEVICES_PATH: &str = "/devices/list";

/// How many devices the benchmark's answer holds.
pub const DEVICE_COUNT: usize = 500;

/// What the fake server (`@seamapi/fake-seam-connect`, as pinned in the root
/// `package.json`) answered `POST /devices/list` with its seed: 5 devices. Used
/// by the smoke run, and by the benchmark when Node.js is not available.
pub const SEEDED_ANSWER: &str = include_str!("../data/fake-devices-list.json");

/// Where the body is cached between runs: `target/seam-bench-data/`.
pub fn cache_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
        .join("seam-bench-data")
}

/// The devices of a `devices/list` answer, replicated to `count` with distinct
/// `device_id`s (UUID-shaped, as Seam's are) and every other field kept, as a page
/// that says there is no next one.
pub fn replicate(answer: &Value, count: usize) -> Vec<u8> {
    let seeded = answer["devices"]
        .as_array()
        .filter(|devices| !devices.is_empty())
        .expect("the answer has devices");
    let devices: Vec<Value> = (0..count)
        .map(|index| {
            let mut device = seeded[index % seeded.len()].clone();
            device["device_id"] = Value::String(format!(
                "{:08x}-5ea0-4d1c-8e1a-{:012x}",
                0x5ea0_0000 + index,
                index
            ));
            device
        })
        .collect();
    let page = json!({
        "devices": devices,
        "pagination": {"has_next_page": false, "next_page_cursor": null, "next_page_url": null},
        "ok": true,
    });
    serde_json::to_vec(&page).expect("JSON serialises")
}

/// The benchmark's body, and where it came from: taken from the cache under
/// `target/`, or built from a fresh fake server's seeded devices (and cached), or,
/// when the fake cannot be started (no Node.js), from [`SEEDED_ANSWER`].
pub fn devices_body(count: usize) -> (Vec<u8>, String) {
    let cache = cache_dir().join(format!("devices-list-{count}.json"));
    if let Ok(body) = std::fs::read(&cache) {
        return (body, format!("cached in {}", cache.display()));
    }
    match fetch_from_fake() {
        Ok(answer) => {
            let body = replicate(&answer, count);
            let _ = std::fs::create_dir_all(cache_dir());
            let _ = std::fs::write(&cache, &body);
            (
                body,
                format!(
                    "built from the fake server's seed, cached in {}",
                    cache.display()
                ),
            )
        }
        Err(why) => {
            let answer: Value = serde_json::from_str(SEEDED_ANSWER).expect("the fixture is JSON");
            (
                replicate(&answer, count),
                format!("built from benches/data/fake-devices-list.json: {why}"),
            )
        }
    }
}

/// `POST /devices/list` on a fresh fake server with its seed.
fn fetch_from_fake() -> Result<Value, String> {
    let package_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fake = seamapi_fake::FakeSeam::builder()
        .package_dir(package_dir)
        .start()
        .map_err(|error| format!("the fake server did not start: {error}"))?;
    let authorization = format!("Bearer {}", fake.api_key());
    let response = fake
        .post_json(
            DEVICES_PATH,
            &[("Authorization", &authorization)],
            &json!({}),
        )
        .map_err(|error| error.to_string())?;
    if response.status != 200 {
        return Err(format!("the fake answered {}", response.status));
    }
    response
        .json()
        .map_err(|error| format!("the fake's answer is not JSON: {error}"))
}
