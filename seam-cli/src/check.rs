//! The checks the SDK runs before sending, run on the JSON the flags gave, through
//! seam-core's own check functions: the same rules, the same messages
//! (`display_name is empty, at least 1 required`).

use seamapi_core::__private::{
    FieldPath, NumberBounds, check_entries, check_length, check_number, check_one_of, check_pattern,
};
use seamapi_core::{CustomMetadata, Validate, ValidationErrors};
use serde_json::{Map, Value};

use crate::table::{Kind, Param, Route};

/// Every rule the body breaks, or `Ok`.
pub fn validate(route: &Route, body: &Map<String, Value>) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new(route.path);
    for param in route.params {
        if let Some(value) = body.get(param.name) {
            check(param, value, &mut errors);
        }
    }
    errors.into_result()
}

fn check(param: &Param, value: &Value, errors: &mut ValidationErrors) {
    let path = FieldPath::Field(param.name);
    match (&param.kind, value) {
        (Kind::String | Kind::Enum(_), Value::String(text)) => {
            check_length(
                text.as_str(),
                param.min_length,
                param.max_length,
                &path,
                errors,
            );
            if let Kind::Enum(values) = param.kind {
                check_one_of(&text.as_str(), values, &path, errors);
            }
            if let Some(pattern) = param.pattern {
                check_pattern(&text.as_str(), pattern, &path, errors);
            }
        }
        (Kind::Integer | Kind::Number, Value::Number(number)) => {
            if let Some(number) = number.as_f64() {
                let bounds = NumberBounds {
                    minimum: param.minimum,
                    maximum: param.maximum,
                    exclusive_minimum: param.exclusive_minimum,
                    exclusive_maximum: param.exclusive_maximum,
                };
                check_number(&number, &bounds, &path, errors);
            }
        }
        (Kind::List(item), Value::Array(items)) => {
            check_entries(items, param.min_entries, param.max_entries, &path, errors);
            if let Kind::Enum(values) = item {
                let texts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                check_one_of(&texts, values, &path, errors);
            }
        }
        (Kind::Metadata, Value::Object(_)) => {
            match serde_json::from_value::<CustomMetadata>(value.clone()) {
                Ok(metadata) => {
                    check_entries(&metadata, None, param.max_entries, &path, errors);
                    metadata.validate(&path, errors);
                }
                Err(_) => errors.push(
                    &path,
                    "holds a value other than a string or a boolean, which custom metadata cannot",
                ),
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::ROUTES;
    use serde_json::json;

    fn route(path: &str) -> &'static Route {
        ROUTES.iter().find(|route| route.path == path).unwrap()
    }

    #[test]
    fn messages_are_the_sdks() {
        let update = route("/connected_accounts/update");
        let body = json!({"connected_account_id": "x", "custom_metadata": {"k": "v".repeat(501)}});
        let errors = validate(update, body.as_object().unwrap()).unwrap_err();
        assert_eq!(
            errors.to_string(),
            "/connected_accounts/update: request not sent, 1 invalid parameter value(s): \
             custom_metadata.k has 501 characters, at most 500 allowed"
        );
        let metadata: Map<String, Value> = (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
        let body = json!({"custom_metadata": metadata});
        let errors = validate(update, body.as_object().unwrap()).unwrap_err();
        assert!(
            errors
                .to_string()
                .contains("custom_metadata has 51 entries, at most 50 allowed")
        );
    }
}
