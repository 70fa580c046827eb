//! Updates a connected account as Seam's documentation does:
//! <https://docs.seam.co/latest/api/connected_accounts/update>.
//!
//! With `SEAM_API_KEY` (or `SEAM_PERSONAL_ACCESS_TOKEN` and `SEAM_WORKSPACE_ID`) set,
//! it talks to Seam (or to `SEAM_ENDPOINT`) and updates the docs' account, or the
//! one named as the first argument. Without credentials it starts Seam's own fake
//! server, says so, and updates one of its seeded accounts.
//!
//! ```sh
//! cargo run -p seamapi --example update_connected_account
//! ```

use seamapi::prelude::*;
use seamapi_fake::FakeSeam;

/// The connected account of the example on docs.seam.co.
const DOCS_CONNECTED_ACCOUNT_ID: &str = "a289aa54-5488-4707-9a4b-eeea4edf311d";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let has_credentials = ["SEAM_API_KEY", "SEAM_PERSONAL_ACCESS_TOKEN"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
    // Kept alive until the end of `main`: dropping it stops the server.
    let mut fake = None;
    let (seam, connected_account_id) = if has_credentials {
        let id = std::env::args()
            .nth(1)
            .unwrap_or_else(|| DOCS_CONNECTED_ACCOUNT_ID.to_owned());
        (Client::from_env()?, id)
    } else {
        println!(
            "SEAM_API_KEY is not set: starting Seam's fake server (@seamapi/fake-seam-connect) ..."
        );
        let server = FakeSeam::start()?;
        println!("fake Seam Connect listening at {}", server.url());
        let seam = Client::builder()
            .api_key(server.api_key())
            .endpoint(server.url())
            .build()?;
        // The docs' account does not exist on the fake: use one it is seeded with.
        let id = server.john_connected_account_id().to_owned();
        fake = Some(server);
        (seam, id)
    };

    println!(
        "POST {}/connected_accounts/update for {connected_account_id}",
        seam.endpoint()
    );
    seam.connected_accounts()
        .update(&connected_account_id)
        .automatically_manage_new_devices(true)
        .custom_metadata([("id", "internalId1")])
        .send()
        .await?;
    println!(
        "updated: automatically_manage_new_devices = true, custom_metadata = {{\"id\": \"internalId1\"}}"
    );

    let account = seam
        .connected_accounts()
        .get(&connected_account_id)
        .send()
        .await?;
    println!(
        "read back: automatically_manage_new_devices = {:?}, custom_metadata = {:?}",
        account.automatically_manage_new_devices,
        account.custom_metadata.iter().collect::<Vec<_>>()
    );
    drop(fake);
    Ok(())
}
