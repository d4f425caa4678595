//! The one error type of the crate.

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Input bytes that are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not part of a valid character.
        offset: usize,
    },
    /// An entity model that cannot be read.
    #[error("entity model: {reason} (at byte {offset})")]
    Model {
        /// What is wrong with it.
        reason: String,
        /// Where in the model bytes it was noticed.
        offset: usize,
    },
    /// A user dictionary line that cannot be read.
    #[error("user dictionary line {line}: {reason}")]
    Dictionary {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// Training data that cannot be read.
    #[error("training data line {line}: {reason}")]
    TrainingData {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
