//! `tm serve`: the second shell over the library, an HTTP server with a JSON
//! API in the command line's shapes ([`crate::report`]) and a page for
//! translators at `/`.
//!
//! One small handler per route in [`routes`] parses the request, calls the
//! library (on a blocking thread: matching and the writers' lock block) and
//! answers. Every write goes through [`crate::memory::changes`], under the
//! same lock as the command line. This module owns the listening socket,
//! the limits, the token check ([`auth`]) and the shutdown on SIGTERM.

pub mod auth;
pub mod error;
pub mod extract;
pub mod routes;
pub mod state;
pub mod uploads;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

pub use error::ApiError;
use state::AppState;

/// The largest request body taken, in bytes: far above any release, far
/// below what could tire the server. Larger bodies get 413.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// How the server is started.
#[derive(Debug, Clone)]
pub struct Config {
    /// The memory file served.
    pub memory: PathBuf,
    /// Where to listen; port 0 picks a free port.
    pub addr: SocketAddr,
    /// The secret every request must show, if any.
    pub token: Option<String>,
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A non-loopback address without a token would open the memory to the
    /// network.
    #[error("binding {addr} opens the memory to the network: give --token-file FILE (the secret lives in a file)")]
    TokenRequired {
        /// The address asked for.
        addr: SocketAddr,
    },
    /// The token is empty.
    #[error("the token is empty: put a secret of at least 16 characters in the token file")]
    WeakToken,
    /// Binding or serving failed.
    #[error("{addr}: {action}: {source}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// What the server was doing.
        action: &'static str,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl Config {
    /// Checks the safety rules: a token of at least 16 characters when one
    /// is given, and one whenever the address is not loopback.
    pub fn check(&self) -> Result<(), ServeError> {
        match &self.token {
            Some(t) if t.chars().count() < 16 => Err(ServeError::WeakToken),
            None if !self.addr.ip().is_loopback() => {
                Err(ServeError::TokenRequired { addr: self.addr })
            }
            _ => Ok(()),
        }
    }
}

/// The routes, limits and token check over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/api/suggest", post(routes::suggest::handle))
        .route("/api/segment", post(routes::segment::handle))
        .route("/api/add", post(routes::add::handle))
        .route("/api/concord", get(routes::concord::handle))
        .route("/api/review", get(routes::review::list))
        .route("/api/review/accept", post(routes::review::accept))
        .route("/api/suggest/document", post(routes::document::upload))
        .route("/api/draft", post(routes::document::draft))
        .route("/api/units/{id}", post(routes::units::handle))
        .route("/api/units/{id}/merge", post(routes::regroup::merge))
        .route("/api/units/{id}/split", post(routes::regroup::split))
        .route("/api/stats", get(routes::stats::handle))
        .fallback(routes::not_found);
    Router::new()
        .route("/", get(routes::page::index))
        .route("/app.js", get(routes::page::script))
        .route("/app.css", get(routes::page::style))
        .merge(api)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::check,
        ))
        .layer(axum::middleware::from_fn(routes::page::headers))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// Serves `config` until SIGTERM or Ctrl-C, then finishes the requests in
/// flight and returns. `ready` gets the address listened on (with the port
/// picked when 0 was asked) once connections are accepted.
pub fn run(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    config.check()?;
    let addr = config.addr;
    let io = |action| {
        move |source| ServeError::Io {
            addr,
            action,
            source,
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(io("starting the runtime"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(io("binding"))?;
        let local = listener.local_addr().map_err(io("binding"))?;
        let state = Arc::new(AppState::new(config.memory, config.token));
        ready(local);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(stop_signal())
            .await
            .map_err(io("serving"))
    })
}

/// Resolves at SIGTERM or Ctrl-C.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
