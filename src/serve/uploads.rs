//! The documents uploaded for suggestions, kept in memory so that their
//! drafts can be written in their own format: at most [`MAX_UPLOADS`] of
//! them, each for at most [`UPLOAD_TTL`]; the oldest goes first. A page
//! whose document went asks for it again by uploading the file once more.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::documents::Document;
use crate::lang::Lang;
use crate::report::suggest::Found;

/// How many uploaded documents are kept.
pub const MAX_UPLOADS: usize = 16;

/// How long an uploaded document is kept.
pub const UPLOAD_TTL: Duration = Duration::from_secs(2 * 3600);

/// One uploaded document with the matches found for it.
#[derive(Debug)]
pub struct Upload {
    /// The file name it came with (its last component).
    pub name: String,
    /// The document read.
    pub doc: Document,
    /// Its language.
    pub from: Lang,
    /// Its segments and their matches, as answered.
    pub found: Vec<Found>,
}

/// The uploads kept, newest last.
#[derive(Debug, Default)]
pub struct Uploads {
    kept: VecDeque<(String, Instant, Arc<Upload>)>,
}

impl Uploads {
    /// Keeps `upload` under `id`, letting the oldest go beyond the limits.
    pub fn insert(&mut self, id: String, upload: Upload) {
        self.expire();
        while self.kept.len() >= MAX_UPLOADS {
            self.kept.pop_front();
        }
        self.kept.push_back((id, Instant::now(), Arc::new(upload)));
    }

    /// The upload kept under `id`, if it is still kept.
    pub fn get(&mut self, id: &str) -> Option<Arc<Upload>> {
        self.expire();
        self.kept
            .iter()
            .find(|(k, _, _)| k == id)
            .map(|(_, _, u)| u.clone())
    }

    fn expire(&mut self) {
        self.kept.retain(|(_, at, _)| at.elapsed() < UPLOAD_TTL);
    }
}
