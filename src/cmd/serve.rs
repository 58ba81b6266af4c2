//! `tm serve`: the JSON API and the translators' page over HTTP (the server
//! itself is [`tm::serve`]).

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args as ClapArgs;

use tm::serve::{run as serve, Config};

use super::common::Global;

/// Arguments of `tm serve`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm serve                                  (http://127.0.0.1:8080/)\n  \
                        tm serve --port 0                         (a free port; the first line names it)\n  \
                        tm serve --bind 0.0.0.0 --token-file ~/.tm-token"
)]
pub struct Args {
    /// The address to listen on; any address but loopback needs --token-file.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    #[arg(long, default_value_t = 8080, value_name = "N")]
    pub port: u16,
    /// A file holding the secret every request must show (as
    /// `Authorization: Bearer`, or once as `/?token=` in the browser).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
}

/// Runs `tm serve` until SIGTERM or Ctrl-C.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let token = match &args.token_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("{}: reading the token", path.display()))?
                .trim()
                .to_string(),
        ),
        None => None,
    };
    let config = Config {
        memory: global.memory_path(),
        addr: SocketAddr::new(args.bind, args.port),
        token,
    };
    let with_token = config.token.is_some();
    serve(config, |addr| {
        let host = addr.to_string();
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "http://{host}/");
        if with_token {
            let _ = writeln!(
                out,
                "(open http://{host}/?token=… once in the browser, with the token of --token-file)"
            );
        }
        let _ = out.flush();
    })?;
    Ok(())
}
