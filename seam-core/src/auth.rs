//! Credentials and the headers each kind of credential sends.

use std::fmt;

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};

use crate::error::ConfigError;

pub(crate) const WORKSPACE_HEADER: HeaderName = HeaderName::from_static("seam-workspace");
pub(crate) const CLIENT_SESSION_TOKEN_HEADER: HeaderName =
    HeaderName::from_static("client-session-token");
pub(crate) const PUBLISHABLE_KEY_HEADER: HeaderName =
    HeaderName::from_static("seam-publishable-key");

/// A credential's text. Its `Debug` never shows it, so neither does anything that
/// holds one.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(Box<str>);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Self {
        Self(value.into().into_boxed_str())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// The kind of a Seam credential, told by its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenKind {
    /// `seam_…` that is none of the kinds below.
    ApiKey,
    /// `seam_at…`
    PersonalAccessToken,
    /// `seam_cst…`
    ClientSessionToken,
    /// `seam_pk…`
    PublishableKey,
    /// `ey…`: a console session token (a JWT).
    ConsoleSessionToken,
    /// Anything else: not a Seam credential.
    Unknown,
}

impl TokenKind {
    /// Tells a credential's kind from its prefix, without reading the secret part.
    pub fn of(token: &str) -> Self {
        if token.starts_with("seam_at") {
            Self::PersonalAccessToken
        } else if token.starts_with("seam_cst") {
            Self::ClientSessionToken
        } else if token.starts_with("seam_pk") {
            Self::PublishableKey
        } else if token.starts_with("ey") {
            Self::ConsoleSessionToken
        } else if token.starts_with("seam_") {
            Self::ApiKey
        } else {
            Self::Unknown
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::ApiKey => "an API key (seam_…)",
            Self::PersonalAccessToken => "a personal access token (seam_at…)",
            Self::ClientSessionToken => "a client session token (seam_cst…)",
            Self::PublishableKey => "a publishable key (seam_pk…)",
            Self::ConsoleSessionToken => "a console session token (a JWT, ey…)",
            Self::Unknown => "no Seam credential (Seam credentials start with seam_ or ey)",
        }
    }
}

/// How a client authenticates. Built and checked by the `ClientBuilder`.
#[derive(Debug, Clone)]
pub(crate) enum Auth {
    ApiKey(Secret),
    /// A personal access token or a console session token, with the workspace it
    /// acts in; `None` only when the caller asked for a client without workspace.
    WorkspaceToken {
        token: Secret,
        workspace_id: Option<String>,
    },
    ClientSessionToken(Secret),
    /// Traded for a client session token before the first request.
    PublishableKey {
        key: Secret,
        user_identifier_key: String,
    },
}

impl Auth {
    /// Checks that `token` is of the kind its slot expects.
    pub(crate) fn expect_kind(
        slot: &'static str,
        token: &str,
        expected: &[TokenKind],
    ) -> Result<(), ConfigError> {
        let found = TokenKind::of(token);
        if expected.contains(&found) {
            Ok(())
        } else {
            Err(ConfigError::WrongTokenKind {
                slot,
                expected: expected[0].describe(),
                found: found.describe(),
            })
        }
    }

    /// The headers that authenticate a request, the secret ones marked sensitive
    /// so that no `Debug` of a request or header map shows them.
    pub(crate) fn headers(&self) -> Result<HeaderMap, ConfigError> {
        let mut headers = HeaderMap::new();
        match self {
            Self::ApiKey(key) => {
                headers.insert(AUTHORIZATION, bearer(key)?);
            }
            Self::WorkspaceToken {
                token,
                workspace_id,
            } => {
                headers.insert(AUTHORIZATION, bearer(token)?);
                if let Some(workspace_id) = workspace_id {
                    let value = HeaderValue::from_str(workspace_id).map_err(|_| {
                        ConfigError::InvalidHeaderValue {
                            what: "workspace id",
                        }
                    })?;
                    headers.insert(WORKSPACE_HEADER, value);
                }
            }
            Self::ClientSessionToken(token) => {
                headers.insert(AUTHORIZATION, bearer(token)?);
                headers.insert(CLIENT_SESSION_TOKEN_HEADER, sensitive(token.expose())?);
            }
            Self::PublishableKey { key, .. } => {
                headers.insert(PUBLISHABLE_KEY_HEADER, sensitive(key.expose())?);
            }
        }
        Ok(headers)
    }
}

fn bearer(token: &Secret) -> Result<HeaderValue, ConfigError> {
    sensitive(&format!("Bearer {}", token.expose()))
}

fn sensitive(value: &str) -> Result<HeaderValue, ConfigError> {
    let mut value = HeaderValue::from_str(value)
        .map_err(|_| ConfigError::InvalidHeaderValue { what: "credential" })?;
    value.set_sensitive(true);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_prefix() {
        assert_eq!(TokenKind::of("seam_apikey1_token"), TokenKind::ApiKey);
        assert_eq!(
            TokenKind::of("seam_at1_longtoken"),
            TokenKind::PersonalAccessToken
        );
        assert_eq!(
            TokenKind::of("seam_cst1_token"),
            TokenKind::ClientSessionToken
        );
        assert_eq!(TokenKind::of("seam_pk1_token"), TokenKind::PublishableKey);
        assert_eq!(TokenKind::of("eyJhbGciOi"), TokenKind::ConsoleSessionToken);
        assert_eq!(TokenKind::of("sk_live_123"), TokenKind::Unknown);
    }

    fn header(headers: &HeaderMap, name: &str) -> Option<String> {
        headers
            .get(name)
            .map(|value| value.to_str().unwrap().to_owned())
    }

    #[test]
    fn api_key_sends_only_a_bearer_token() {
        let headers = Auth::ApiKey(Secret::new("seam_key")).headers().unwrap();
        assert_eq!(headers.len(), 1);
        assert_eq!(
            header(&headers, "authorization").unwrap(),
            "Bearer seam_key"
        );
        assert!(headers["authorization"].is_sensitive());
    }

    #[test]
    fn workspace_token_sends_the_workspace() {
        let auth = Auth::WorkspaceToken {
            token: Secret::new("seam_at1"),
            workspace_id: Some("ws_1".into()),
        };
        let headers = auth.headers().unwrap();
        assert_eq!(headers.len(), 2);
        assert_eq!(
            header(&headers, "authorization").unwrap(),
            "Bearer seam_at1"
        );
        assert_eq!(header(&headers, "seam-workspace").unwrap(), "ws_1");
    }

    #[test]
    fn workspace_token_without_workspace_sends_no_workspace_header() {
        let auth = Auth::WorkspaceToken {
            token: Secret::new("seam_at1"),
            workspace_id: None,
        };
        let headers = auth.headers().unwrap();
        assert_eq!(headers.len(), 1);
        assert!(headers.get("seam-workspace").is_none());
    }

    #[test]
    fn client_session_token_sends_both_headers() {
        let headers = Auth::ClientSessionToken(Secret::new("seam_cst1"))
            .headers()
            .unwrap();
        assert_eq!(headers.len(), 2);
        assert_eq!(
            header(&headers, "authorization").unwrap(),
            "Bearer seam_cst1"
        );
        assert_eq!(
            header(&headers, "client-session-token").unwrap(),
            "seam_cst1"
        );
        assert!(headers["client-session-token"].is_sensitive());
    }

    #[test]
    fn publishable_key_sends_only_its_own_header() {
        let auth = Auth::PublishableKey {
            key: Secret::new("seam_pk1"),
            user_identifier_key: "user".into(),
        };
        let headers = auth.headers().unwrap();
        assert_eq!(headers.len(), 1);
        assert_eq!(
            header(&headers, "seam-publishable-key").unwrap(),
            "seam_pk1"
        );
    }

    #[test]
    fn secrets_do_not_debug() {
        let auth = Auth::ApiKey(Secret::new("seam_supersecret"));
        assert!(!format!("{auth:?}").contains("supersecret"));
    }

    #[test]
    fn a_newline_in_a_credential_is_refused() {
        let err = Auth::ApiKey(Secret::new("seam_a\nb"))
            .headers()
            .unwrap_err();
        assert!(matches!(err, ConfigError::InvalidHeaderValue { .. }));
        assert!(!err.to_string().contains("seam_a"));
    }
}
