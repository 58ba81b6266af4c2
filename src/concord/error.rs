//! What can be wrong with a concordance search's phrase: a module of its
//! own so that the phrase and the searches built on it both depend on it,
//! and not on each other.

/// What can be wrong with a phrase.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConcordError {
    /// The phrase has no word in it.
    #[error("empty phrase: give one or more words to look for")]
    EmptyPhrase,
}
