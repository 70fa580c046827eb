//! A synchronous client, for programs without an async runtime (the `blocking`
//! feature), as `reqwest::blocking` is for reqwest.
//!
//! It reaches the same endpoints the same way: the endpoint structs are bound to it
//! as to the async [`Client`](crate::Client), and [`Call::send`] returns the answer
//! instead of a future. Requests run on a runtime of the client's own, on a thread
//! of its own, so a call works from any thread, inside an async runtime or not (it
//! blocks the calling thread until the answer comes); clones share that thread and
//! one connection pool, and the thread ends with the last clone.
//!
//! ```no_run
//! use seamapi_core::blocking::{BindBlocking as _, Call as _, Client};
//! use seamapi_core::seam_endpoint;
//!
//! #[seam_endpoint(path = "/connected_accounts/update")]
//! pub struct UpdateConnectedAccount {
//!     pub connected_account_id: String,
//!     pub automatically_manage_new_devices: Option<bool>,
//! }
//!
//! let seam = Client::from_env()?;
//! UpdateConnectedAccount::new("a289aa54-5488-4707-9a4b-eeea4edf311d")
//!     .automatically_manage_new_devices(true)
//!     .bind_blocking(&seam)
//!     .send()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, mpsc};

use std::thread;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use futures_util::StreamExt;

use crate::action_attempt::{ActionAttemptAnswer, ActionAttemptModel};
use crate::call::{Binder, Bound, CallOptions, Parameters, Unbound};
use crate::client::ClientBuilder;
use crate::endpoint::{Endpoint, Paginated};
use crate::error::{ConfigError, Error};
use crate::pagination::Page;
use crate::request::Request;

type Job = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A synchronous client of the Seam API. Cheap to clone; clones share one
/// connection pool and one runtime thread.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Runtime>,
}

/// The async client, and the thread whose runtime runs its requests.
struct Runtime {
    client: crate::Client,
    /// Sending needs no runtime, so any thread can queue a job.
    jobs: Option<UnboundedSender<Job>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Closing the queue ends the thread once the requests under way are done.
        self.jobs.take();
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != thread::current().id()
        {
            let _ = thread.join();
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("blocking::Client")
            .field(&self.inner.client)
            .finish()
    }
}

impl Client {
    /// A client with an API key, as [`crate::Client::new`].
    pub fn new(api_key: impl Into<String>) -> Result<Self, ConfigError> {
        crate::Client::builder()
            .api_key(api_key)
            .env()
            .build_blocking()
    }

    /// A client configured from the environment, as [`crate::Client::from_env`].
    pub fn from_env() -> Result<Self, ConfigError> {
        crate::Client::builder().env().build_blocking()
    }

    /// The async client this one sends through: the same connection pool.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner.client
    }

    /// Validates, sends and decodes one request, blocking until the answer comes.
    /// For an endpoint answering an action attempt, waits for it as the client's
    /// builder said.
    pub fn send<E: Endpoint + 'static>(&self, params: E) -> Result<E::Response, Error>
    where
        E::Response: 'static,
    {
        let binding = Bound::new(&self.inner.client);
        self.run(async move { binding.call(&params).await })
    }

    /// Waits for `attempt` to succeed, as [`crate::Client::wait_for_action_attempt`]:
    /// set the wait's timeout or poll interval, then `.send()` it.
    pub fn wait_for_action_attempt<A: ActionAttemptModel>(
        &self,
        attempt: A,
    ) -> WaitForActionAttempt<A> {
        WaitForActionAttempt {
            client: self.clone(),
            wait: self.inner.client.wait_for_action_attempt(attempt),
        }
    }

    /// Runs `future` on the client's runtime thread and waits for its output.
    fn run<T: Send + 'static>(&self, future: impl Future<Output = T> + Send + 'static) -> T {
        let (answer, answered) = mpsc::sync_channel(1);
        let job: Job = Box::pin(async move {
            let _ = answer.send(future.await);
        });
        let jobs = self
            .inner
            .jobs
            .as_ref()
            .expect("the queue lives as long as the client");
        if jobs.send(job).is_err() {
            unreachable!("the runtime thread lives as long as the client");
        }
        answered
            .recv()
            .expect("the runtime thread answers every job it takes")
    }
}

impl ClientBuilder {
    /// Checks the configuration and builds a [`blocking::Client`](Client): the same
    /// rules and options as [`build`](Self::build).
    pub fn build_blocking(self) -> Result<Client, ConfigError> {
        let client = self.build()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| {
                ConfigError::Http(format!("no runtime for the blocking client: {error}"))
            })?;
        let (jobs, mut queue) = unbounded_channel::<Job>();
        let thread = thread::Builder::new()
            .name("seam-blocking".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    // Each request is a task of its own: calls from several threads
                    // run side by side.
                    while let Some(job) = queue.recv().await {
                        tokio::spawn(job);
                    }
                });
            })
            .map_err(|error| {
                ConfigError::Http(format!("no thread for the blocking client: {error}"))
            })?;
        Ok(Client {
            inner: Arc::new(Runtime {
                client,
                jobs: Some(jobs),
                thread: Some(thread),
            }),
        })
    }
}

/// The binding of parameters to a [`blocking::Client`](Client), with the call's
/// own options.
#[derive(Debug, Clone)]
pub struct BlockingBound {
    client: Client,
    options: CallOptions,
}

impl BlockingBound {
    /// The same binding to the async client this one sends through.
    fn to_async(&self) -> Bound {
        Bound::with_options(self.client.inner.client.clone(), self.options)
    }
}

impl Binder for Client {
    type Binding = BlockingBound;

    fn binding(&self) -> BlockingBound {
        BlockingBound {
            client: self.clone(),
            options: CallOptions::default(),
        }
    }
}

/// Binds parameters to a [`blocking::Client`](Client):
/// `Name::new(..).bind_blocking(&client)`.
pub trait BindBlocking: Endpoint + Sized {
    /// The same parameters, bound.
    type Bound;

    /// The parameters bound to `client`, to send with `.send()`.
    fn bind_blocking(self, client: &Client) -> Self::Bound;
}

impl<E: Endpoint + Parameters<Binding = Unbound>> BindBlocking for E {
    type Bound = E::With<BlockingBound>;

    fn bind_blocking(self, client: &Client) -> Self::Bound {
        self.rebind(client.binding()).0
    }
}

/// Parameters bound to a [`blocking::Client`](Client): send them, and wait.
/// Implemented for every `Name<BlockingBound>`; trait methods for the same reason
/// as [`crate::Call`]'s.
pub trait Call: Sized + Send + 'static {
    /// The parameters, unbound: the [`Endpoint`].
    type Params: Endpoint + 'static;

    /// The binding, to change.
    #[doc(hidden)]
    fn binding_mut(&mut self) -> &mut BlockingBound;

    /// The parameters and their binding, apart.
    fn unbind(self) -> (Self::Params, BlockingBound);

    /// How long this call may take, retries included, instead of the client's
    /// timeout. Waiting for an action attempt has a timeout of its own, and each
    /// poll gets this one, cut to what the wait has left.
    #[must_use]
    fn timeout(mut self, timeout: Duration) -> Self {
        self.binding_mut().options.timeout = Some(timeout);
        self
    }

    /// Validates the parameters (sending nothing when they break a rule), sends
    /// them, and returns the decoded answer once it comes; for an endpoint
    /// answering an action attempt, once the attempt is settled as the client and
    /// the call say ([`ActionCall`]).
    fn send(self) -> Result<<Self::Params as Endpoint>::Response, Error>
    where
        <Self::Params as Endpoint>::Response: 'static,
    {
        let (params, binding) = self.unbind();
        let bound = binding.to_async();
        binding.client.run(async move { bound.call(&params).await })
    }

    /// Every page, each asked for when the iterator gets to it; ends after the
    /// last page, or after the first error.
    fn pages(self) -> Pages<<Self::Params as Paginated>::Item>
    where
        Self::Params: Paginated,
        <Self::Params as Paginated>::Item: 'static,
    {
        let (params, binding) = self.unbind();
        let request = Request::with_options(&binding.client.inner.client, params, binding.options);
        Pages {
            client: binding.client,
            stream: Some(Box::pin(request.pages())),
        }
    }

    /// Every item of every page, in order.
    fn items(self) -> impl Iterator<Item = Result<<Self::Params as Paginated>::Item, Error>>
    where
        Self::Params: Paginated,
        <Self::Params as Paginated>::Item: 'static,
    {
        self.pages().flat_map(|page| {
            let (items, error) = match page {
                Ok(page) => (page.items, None),
                Err(error) => (Vec::new(), Some(Err(error))),
            };
            items.into_iter().map(Ok).chain(error)
        })
    }
}

impl<C> Call for C
where
    C: Parameters<Binding = BlockingBound> + Send + 'static,
    C::With<Unbound>: Endpoint + 'static,
{
    type Params = C::With<Unbound>;

    fn binding_mut(&mut self) -> &mut BlockingBound {
        Parameters::binding_mut(self)
    }

    fn unbind(self) -> (Self::Params, BlockingBound) {
        self.rebind(Unbound)
    }
}

/// A blocking call whose endpoint answers an action attempt: whether and how long
/// it waits for the attempt, as [`crate::ActionCall`] for async calls. In the
/// SDK's blocking prelude.
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

/// A wait for an action attempt on the blocking client, from
/// [`Client::wait_for_action_attempt`]: set its timeout or poll interval, then
/// `.send()` it.
#[must_use = "a wait does nothing until it is sent"]
#[derive(Debug)]
pub struct WaitForActionAttempt<A> {
    client: Client,
    wait: crate::WaitForActionAttempt<A>,
}

impl<A: ActionAttemptModel> WaitForActionAttempt<A> {
    /// As [`crate::WaitForActionAttempt::timeout`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.wait = self.wait.timeout(timeout);
        self
    }

    /// As [`crate::WaitForActionAttempt::poll_interval`].
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.wait = self.wait.poll_interval(interval);
        self
    }

    /// Polls until the attempt succeeds, fails or the wait runs out, blocking
    /// until then; the outcome is as for the async client.
    pub fn send(self) -> Result<A, Error> {
        self.client
            .run(std::future::IntoFuture::into_future(self.wait))
    }
}

type PageStream<T> = Pin<Box<dyn futures_core::Stream<Item = Result<Page<T>, Error>> + Send>>;

/// The pages of a walk, fetched one at a time as the iterator asks for them.
pub struct Pages<T> {
    client: Client,
    /// Away while the runtime thread polls it.
    stream: Option<PageStream<T>>,
}

impl<T> fmt::Debug for Pages<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages").finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Iterator for Pages<T> {
    type Item = Result<Page<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut stream = self.stream.take()?;
        let (next, stream) = self.client.run(async move {
            let next = stream.next().await;
            (next, stream)
        });
        if next.is_some() {
            self.stream = Some(stream);
        }
        next
    }
}
