//! Types are recognised by the traits they implement, not by how they are written:
//! a cursor spelt in full where the prelude is absent, lengths of boxed and
//! borrowed strings.
#![deny(warnings)]

mod no_prelude {
    #![no_implicit_prelude]

    #[derive(::std::fmt::Debug, ::serde::Deserialize)]
    pub struct Thing {
        pub id: ::std::string::String,
    }

    #[::seamapi_core::seam_endpoint(path = "/things/list", response = Thing, response_key = "things", paginated, unchecked)]
    pub struct ListThings {
        #[seam(min_length = 1)]
        pub search: ::std::option::Option<::std::string::String>,
        pub page_cursor: ::std::option::Option<::std::string::String>,
    }
}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(max_length = 3)]
    pub boxed: Option<Box<str>>,
    #[seam(max_length = 3, one_of = ["abc", "é"])]
    pub borrowed: Option<std::borrow::Cow<'static, str>>,
    pub metadata: Option<Box<seamapi_core::CustomMetadata>>,
    pub float: Option<f64>,
}

fn main() {
    use seamapi_core::Endpoint;

    let list = no_prelude::ListThings::new().search("");
    assert_eq!(list.check().unwrap_err().violations()[0].path, "search");
    let update = UpdateThing::new()
        .boxed("abcd")
        .borrowed(std::borrow::Cow::Borrowed("é"))
        .metadata(Box::new(seamapi_core::CustomMetadata::from([("k".repeat(41), "v")])))
        .float(f64::NAN);
    let errors = update.check().unwrap_err();
    let paths: Vec<&str> = errors.violations().iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths.len(), 3, "{errors}");
    assert_eq!(paths[0], "boxed");
    assert!(paths[1].starts_with("metadata.kkk"));
    assert_eq!(paths[2], "float");
}
