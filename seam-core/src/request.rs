//! A request bound to a client: adjust it, then send it.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use futures_core::Stream;

use crate::call::{Bound, CallOptions};
use crate::client::Client;
use crate::endpoint::{Endpoint, Paginated};
use crate::error::{Error, UnexpectedResponse};
use crate::pagination::{CursorHistory, Page};
use crate::quote::{NAME_CHARS, quoted};

/// Parameters of an endpoint bound to a [`Client`], with per-request options.
/// Send it with [`send`](Self::send), or `.await` it directly.
#[must_use = "a request does nothing until it is sent: call `.send().await`"]
#[derive(Debug, Clone)]
pub struct Request<E> {
    binding: Bound,
    params: E,
}

impl<E: Endpoint> Request<E> {
    /// Binds `params` to `client`.
    pub fn new(client: &Client, params: E) -> Self {
        Self::with_options(client, params, CallOptions::default())
    }

    /// Binds `params` to `client` with the call's own options: what a bound call,
    /// async or blocking, becomes.
    pub(crate) fn with_options(client: &Client, params: E, options: CallOptions) -> Self {
        Self {
            binding: Bound::with_options(client.clone(), options),
            params,
        }
    }

    /// How long this call may take, retries included, instead of the client's timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.binding.options.timeout = Some(timeout);
        self
    }

    /// The parameters.
    pub fn params(&self) -> &E {
        &self.params
    }

    /// The parameters, to change in place; what generated builders' setters use.
    pub fn params_mut(&mut self) -> &mut E {
        &mut self.params
    }

    /// Changes the parameters.
    pub fn map_params(mut self, change: impl FnOnce(E) -> E) -> Self {
        self.params = change(self.params);
        self
    }

    /// The parameters, unbound.
    pub fn into_params(self) -> E {
        self.params
    }

    /// Validates the parameters (sending nothing when they break a rule), sends
    /// them, and decodes the answer.
    pub async fn send(self) -> Result<E::Response, Error> {
        self.binding.call(&self.params).await
    }
}

impl<E: Endpoint + 'static> IntoFuture for Request<E> {
    type Output = Result<E::Response, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

impl<E: Paginated + 'static> Request<E> {
    /// Every page, from this request's onwards, each asked for with the same
    /// parameters and the previous page's cursor; ends after the last page, or
    /// after the first error.
    ///
    /// The stream is `Unpin`, so `try_next()` and `next()` work on it as it is.
    pub fn pages(self) -> impl Stream<Item = Result<Page<E::Item>, Error>> + Send + Unpin {
        use futures_util::StreamExt;
        enum Walk<E> {
            Next(Request<E>, CursorHistory),
            Fail(Error),
            Done,
        }
        let start = Walk::Next(self, CursorHistory::default());
        futures_util::stream::try_unfold(start, |walk| async move {
            let (mut request, mut history) = match walk {
                Walk::Next(request, history) => (request, history),
                Walk::Fail(error) => return Err(error),
                Walk::Done => return Ok(None),
            };
            let response = request
                .binding
                .client
                .execute(&request.params, request.binding.options.timeout)
                .await?;
            let page = E::into_page(response);
            // A repeated cursor ends the walk after the page that gave it, whose
            // items are as good as any.
            let next = match page.next_cursor() {
                None => Walk::Done,
                Some(cursor) if cursor.is_empty() || !history.is_new(cursor) => {
                    let reason = if cursor.is_empty() {
                        "the server said another page follows but gave an empty cursor, which \
                         Seam refuses"
                            .to_owned()
                    } else {
                        format!(
                            "the server gave the cursor \"{}\" again, which would walk the \
                             same pages for ever",
                            quoted(cursor, NAME_CHARS)
                        )
                    };
                    let error = UnexpectedResponse::new(E::PATH, 200, None, b"", reason);
                    Walk::Fail(Error::UnexpectedResponse(Box::new(error)))
                }
                Some(cursor) => {
                    request.params.set_page_cursor(cursor.to_owned());
                    Walk::Next(request, history)
                }
            };
            Ok(Some((page, next)))
        })
        .boxed()
    }

    /// Every item of every page, in order.
    pub fn items(self) -> impl Stream<Item = Result<E::Item, Error>> + Send + Unpin {
        use futures_util::{StreamExt, TryStreamExt};
        self.pages()
            .map_ok(|page| futures_util::stream::iter(page.items.into_iter().map(Ok)))
            .try_flatten()
            .boxed()
    }
}
