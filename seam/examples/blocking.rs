//! The seed update with the blocking client, in a plain `main` with no async
//! runtime. With `SEAM_API_KEY` set it talks to Seam (or `SEAM_ENDPOINT`) and
//! updates the account named as the first argument; without, it starts Seam's own
//! fake server and updates one of its seeded accounts.
//!
//! ```sh
//! cargo run -p seamapi --features blocking --example blocking
//! ```

use seamapi::blocking::prelude::*;
use seamapi_fake::FakeSeam;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = match std::env::var_os("SEAM_API_KEY") {
        Some(_) => None,
        None => Some(FakeSeam::start()?),
    };
    let (seam, connected_account_id) = match &fake {
        None => {
            let id = std::env::args()
                .nth(1)
                .ok_or("name the connected account")?;
            (Client::from_env()?, id)
        }
        Some(fake) => {
            println!(
                "SEAM_API_KEY is not set: using Seam's fake server at {}",
                fake.url()
            );
            let seam = seamapi::Client::builder()
                .api_key(fake.api_key())
                .endpoint(fake.url())
                .build_blocking()?;
            (seam, fake.john_connected_account_id().to_owned())
        }
    };

    seam.connected_accounts()
        .update(&connected_account_id)
        .automatically_manage_new_devices(true)
        .custom_metadata([("id", "internalId1")])
        .send()?;
    let account = seam
        .connected_accounts()
        .get(&connected_account_id)
        .send()?;
    println!(
        "updated {connected_account_id}: custom_metadata = {:?}",
        account.custom_metadata.iter().collect::<Vec<_>>()
    );
    Ok(())
}
