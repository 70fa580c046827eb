//! Parameters bound to a client: one struct per endpoint serves both as plain
//! parameters (`Name`, that is `Name<Unbound>`) and as a call ready to send
//! (`Name<Bound>`). What a bound call can do is written once, here, as provided
//! methods of [`Call`]; the macro implements it per endpoint with two accessors.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use futures_core::Stream;

use crate::action_attempt::ActionAttemptAnswer;
use crate::client::Client;
use crate::endpoint::{Answer, Endpoint, Paginated};
use crate::error::Error;
use crate::pagination::Page;
use crate::request::Request;

/// The binding of parameters that are not bound to a client: the default of every
/// endpoint struct's type parameter, so `UpdateConnectedAccount` is
/// `UpdateConnectedAccount<Unbound>`. It derives what a user's own derives on an
/// endpoint struct may need of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unbound;

/// The binding of parameters to a [`Client`], with the call's own options.
#[derive(Debug, Clone)]
pub struct Bound {
    pub(crate) client: Client,
    pub(crate) options: CallOptions,
}

/// A call's own options, each `None` for the client's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CallOptions {
    /// How long each request may take, retries included.
    pub(crate) timeout: Option<Duration>,
    /// Whether to wait for the action attempt the call starts.
    pub(crate) wait: Option<bool>,
    /// How long to wait for it.
    pub(crate) wait_timeout: Option<Duration>,
    /// The longest pause between two polls of it.
    pub(crate) poll_interval: Option<Duration>,
}

impl CallOptions {
    /// Waits for the action attempt at most `timeout`: setting a timeout asks to wait.
    pub(crate) fn wait_at_most(&mut self, timeout: Duration) {
        self.wait = Some(true);
        self.wait_timeout = Some(timeout);
    }
}

impl Bound {
    /// `client`, with the client's own options.
    pub fn new(client: &Client) -> Self {
        Self::with_options(client.clone(), CallOptions::default())
    }

    pub(crate) fn with_options(client: Client, options: CallOptions) -> Self {
        Self { client, options }
    }

    /// Sends `params` with these options, and settles the answer (waits for an
    /// action attempt): the one way every call is made.
    pub(crate) async fn call<E: Endpoint>(&self, params: &E) -> Result<E::Response, Error> {
        let response = self.client.execute(params, self.options.timeout).await?;
        <E::Answer as Answer>::settle(response, self).await
    }
}

/// A client that endpoint structs can be bound to: the async [`Client`], and the
/// blocking one of the `blocking` feature. Namespace accessors are written once
/// on it.
pub trait Binder {
    /// What parameters bound to this client carry.
    type Binding;

    /// A binding to this client, with its own options unset.
    fn binding(&self) -> Self::Binding;
}

impl Binder for Client {
    type Binding = Bound;

    fn binding(&self) -> Bound {
        Bound::new(self)
    }
}

/// `params` bound to `client`, whichever kind of client it is: what namespace
/// accessors return.
#[doc(hidden)]
pub fn bind_to<P, C>(params: P, client: &C) -> P::With<C::Binding>
where
    P: Parameters<Binding = Unbound>,
    C: Binder + ?Sized,
{
    params.rebind(client.binding()).0
}

/// The future of a call: what `.send()` returns and `.await` runs.
pub type CallFuture<T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send>>;

/// An endpoint struct in any binding: what [`seam_endpoint`](crate::seam_endpoint)
/// generates for `Name<B>`, the one per-endpoint piece [`Bind`] and [`Call`]
/// are written on.
#[doc(hidden)]
pub trait Parameters: Sized {
    /// `B` of `Name<B>`.
    type Binding;
    /// `Name<C>`.
    type With<C>: Parameters<Binding = C>;

    /// The same parameters in binding `binding`, and the binding they had.
    fn rebind<C>(self, binding: C) -> (Self::With<C>, Self::Binding);

    /// The binding, to change.
    fn binding_mut(&mut self) -> &mut Self::Binding;
}

/// Binds parameters to a client: `Name::new(..).bind(&client)`. Implemented for
/// every endpoint struct [`seam_endpoint`](crate::seam_endpoint) declares.
pub trait Bind: Endpoint + Sized {
    /// The same parameters, bound.
    type Bound;

    /// The parameters bound to `client`, to send with `.send().await` or `.await`.
    fn bind(self, client: &Client) -> Self::Bound;
}

impl<E: Endpoint + Parameters<Binding = Unbound>> Bind for E {
    type Bound = E::With<Bound>;

    fn bind(self, client: &Client) -> Self::Bound {
        self.rebind(Bound::new(client)).0
    }
}

/// Parameters bound to a client: send them. Implemented for every `Name<Bound>`
/// of an endpoint [`seam_endpoint`](crate::seam_endpoint) declares, and in the
/// SDK's prelude.
///
/// These are trait methods so that a parameter of any name has its setter: an
/// endpoint whose parameter is called `timeout` or `send` has a setter of that
/// name, which method calls pick first; the call's own stays reachable as
/// `Call::timeout(call, ..)` or `Call::send(call)`, and `.await` always sends.
pub trait Call: Sized + Send + 'static {
    /// The parameters, unbound: the [`Endpoint`].
    type Params: Endpoint + 'static;

    /// The binding, to change.
    #[doc(hidden)]
    fn binding_mut(&mut self) -> &mut Bound;

    /// The parameters and their binding, apart.
    fn unbind(self) -> (Self::Params, Bound);

    /// How long this call may take, retries included, instead of the client's
    /// timeout. Waiting for an action attempt has a timeout of its own, and each
    /// poll gets this one, cut to what the wait has left.
    #[must_use]
    fn timeout(mut self, timeout: Duration) -> Self {
        self.binding_mut().options.timeout = Some(timeout);
        self
    }

    /// Validates the parameters (sending nothing when they break a rule), sends
    /// them and decodes the answer; for an endpoint answering an action attempt,
    /// waits for it as the client and the call say ([`ActionCall`]).
    fn send(self) -> CallFuture<<Self::Params as Endpoint>::Response> {
        let (params, binding) = self.unbind();
        send(params, binding)
    }

    /// The call as a [`Request`], seam-core's generic form of it.
    fn into_request(self) -> Request<Self::Params> {
        let (params, binding) = self.unbind();
        Request::with_options(&binding.client, params, binding.options)
    }

    /// Every page, asked for one after another with the same parameters; ends
    /// after the last page, or after the first error.
    fn pages(
        self,
    ) -> impl Stream<Item = Result<Page<<Self::Params as Paginated>::Item>, Error>> + Send + Unpin
    where
        Self::Params: Paginated,
    {
        self.into_request().pages()
    }

    /// Every item of every page, in order.
    fn items(
        self,
    ) -> impl Stream<Item = Result<<Self::Params as Paginated>::Item, Error>> + Send + Unpin
    where
        Self::Params: Paginated,
    {
        self.into_request().items()
    }
}

impl<C> Call for C
where
    C: Parameters<Binding = Bound> + Send + 'static,
    C::With<Unbound>: Endpoint + 'static,
{
    type Params = C::With<Unbound>;

    fn binding_mut(&mut self) -> &mut Bound {
        Parameters::binding_mut(self)
    }

    fn unbind(self) -> (Self::Params, Bound) {
        self.rebind(Unbound)
    }
}

/// Sends a bound call: what `.await` of every `Name<Bound>` runs, so that the
/// per-endpoint `IntoFuture` impl is one call. `E` is `Name`, `C` is
/// `Name<Bound>`.
#[doc(hidden)]
#[inline]
pub fn into_future<E, C>(call: C) -> CallFuture<E::Response>
where
    E: Endpoint + 'static,
    C: Parameters<Binding = Bound, With<Unbound> = E>,
{
    let (params, binding) = call.rebind(Unbound);
    send(params, binding)
}

/// Sends `params` as `binding` says: what `.send()` and `.await` of every bound
/// call run.
#[doc(hidden)]
pub fn send<E: Endpoint + 'static>(params: E, binding: Bound) -> CallFuture<E::Response> {
    Box::pin(async move { binding.call(&params).await })
}

/// A call whose endpoint answers an action attempt (`locks/unlock_door`,
/// `thermostats/set_hvac_mode`...): whether and how long it waits for the attempt,
/// instead of what the client says
/// ([`ClientBuilder::wait_for_action_attempts`](crate::ClientBuilder::wait_for_action_attempts)).
/// In the SDK's prelude.
///
/// A call that waits polls `/action_attempts/get` until the attempt succeeds, and
/// answers it; it fails with [`Error::ActionAttemptFailed`] when the attempt fails,
/// [`Error::ActionAttemptTimedOut`] when the wait runs out first (the attempt's ID
/// kept, to check later) and [`Error::ActionAttemptPollFailed`] when polling does.
/// A call that does not wait answers the attempt as Seam gave it, usually pending.
///
/// A call that creates a resource and answers the attempt beside it
/// ([`WithActionAttempt`](crate::WithActionAttempt): `access_codes/create`) has
/// none of these methods: it never waits, and
/// [`Client::wait_for_action_attempt`] waits for its attempt afterwards.
pub trait ActionCall: Call
where
    <Self::Params as Endpoint>::Answer: ActionAttemptAnswer,
{
    /// Whether this call waits for its action attempt.
    #[must_use]
    fn wait_for_action_attempt(mut self, wait: bool) -> Self {
        self.binding_mut().options.wait = Some(wait);
        self
    }

    /// Waits for the action attempt at most `timeout` (counted from Seam's first
    /// answer), instead of the client's action attempt timeout.
    #[must_use]
    fn action_attempt_timeout(mut self, timeout: Duration) -> Self {
        self.binding_mut().options.wait_at_most(timeout);
        self
    }

    /// Polls the action attempt at least every `interval` while waiting, instead
    /// of the client's poll interval (the first pauses are shorter, doubling up to
    /// it).
    #[must_use]
    fn action_attempt_poll_interval(mut self, interval: Duration) -> Self {
        self.binding_mut().options.poll_interval = Some(interval);
        self
    }
}

impl<C: Call> ActionCall for C where <C::Params as Endpoint>::Answer: ActionAttemptAnswer {}
