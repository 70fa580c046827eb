//! A lock's day: unlock it and wait for the lock to do it, give a guest a code
//! (the code comes back at once, the attempt to program it beside it), then take
//! the code away again. With `SEAM_API_KEY` set it talks to Seam (or
//! `SEAM_ENDPOINT`) about the lock named as the first argument; without, it starts
//! Seam's own fake server and uses one of its seeded locks.
//!
//! ```sh
//! cargo run -p seamapi --example lock_and_codes
//! ```

use std::time::Duration;

use seamapi::prelude::*;
use seamapi::{ActionAttemptStatus, WithActionAttempt};
use seamapi_fake::FakeSeam;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = match std::env::var_os("SEAM_API_KEY") {
        Some(_) => None,
        None => Some(FakeSeam::start()?),
    };
    let (seam, lock) = match &fake {
        None => {
            let lock = std::env::args().nth(1).ok_or("name the lock's device id")?;
            (Client::from_env()?, lock)
        }
        Some(fake) => {
            println!(
                "SEAM_API_KEY is not set: using Seam's fake server at {}",
                fake.url()
            );
            let seam = Client::builder()
                .api_key(fake.api_key())
                .endpoint(fake.url())
                .build()?;
            (seam, "august_device_1".to_owned())
        }
    };

    // Waits (up to the client's 10 s by default) until the lock has done it.
    match seam.locks().unlock_door(&lock).await {
        Ok(done) => println!("unlocked: {} {:?}", done.action_type(), done.status()),
        Err(Error::ActionAttemptFailed(failed)) => {
            println!("the lock did not unlock: {}", failed.message)
        }
        Err(Error::ActionAttemptTimedOut(late)) => {
            println!("still unlocking; check {} later", late.action_attempt_id)
        }
        Err(other) => return Err(other.into()),
    }

    // The code exists once Seam answers; programming it onto the lock may take a
    // while, so the call does not wait for that: the example does, for 30 s.
    let WithActionAttempt {
        resource: code,
        action_attempt,
    } = seam
        .access_codes()
        .create(&lock)
        .name("Guest")
        .code("4821")
        .await?;
    println!(
        "created access code {} ({:?})",
        code.access_code_id, code.code
    );
    if let Some(attempt) = action_attempt {
        let waited = seam
            .wait_for_action_attempt(attempt)
            .timeout(Duration::from_secs(30))
            .await;
        match waited {
            Ok(done) => println!("programmed onto the lock: {:?}", done.status()),
            Err(Error::ActionAttemptTimedOut(late)) => {
                println!(
                    "not programmed within 30 s; check {} later",
                    late.action_attempt_id
                )
            }
            Err(error) => println!("not programmed: {error}"),
        }
    }

    // Updates and deletes of access codes answer their attempt, waited for too.
    let renamed = seam
        .access_codes()
        .update(&code.access_code_id)
        .name("Guest, week 2")
        .await?;
    let deleted = seam.access_codes().delete(&code.access_code_id).await?;
    for (what, attempt) in [("renamed", &renamed), ("deleted", &deleted)] {
        let outcome = match attempt.status() {
            ActionAttemptStatus::Success => "done".to_owned(),
            other => format!("{other:?}"),
        };
        println!("{what} the code: {} {outcome}", attempt.action_type());
    }
    Ok(())
}
