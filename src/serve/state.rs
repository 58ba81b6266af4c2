//! What every handler shares: the memory's path and the secrets.

use std::path::PathBuf;
use std::sync::Mutex;

use super::uploads::Uploads;

/// The server's shared state, passed to handlers as axum `State`.
#[derive(Debug)]
pub struct AppState {
    /// The memory file; handlers read it and change it through the library,
    /// which takes the writers' lock.
    pub memory: PathBuf,
    /// The token requests must show, if any.
    pub token: Option<String>,
    /// The value of the page's session cookie, random per server run, given
    /// once the token was shown at `/?token=…`.
    pub session: String,
    /// The documents uploaded for suggestions, for their drafts.
    pub uploads: Mutex<Uploads>,
}

impl AppState {
    /// State for the memory at `memory`, with `token` if any.
    pub fn new(memory: PathBuf, token: Option<String>) -> AppState {
        AppState {
            memory,
            token,
            session: random_hex(),
            uploads: Mutex::new(Uploads::default()),
        }
    }
}

/// 128 random bits as hex, from the system's generator; from the standard
/// library's randomly keyed hasher where `/dev/urandom` is missing.
pub fn random_hex() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let urandom = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if urandom.is_err() {
        use std::hash::{BuildHasher, RandomState};
        let a = RandomState::new().hash_one(std::time::SystemTime::now());
        let b = RandomState::new().hash_one(std::process::id());
        bytes[..8].copy_from_slice(&a.to_le_bytes());
        bytes[8..].copy_from_slice(&b.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
