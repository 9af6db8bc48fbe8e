//! The one error type of parallax-core.

use std::fmt;

/// An error from parallax-core. Its [`kind`](Error::kind) says what went wrong; its
/// `Display` is a sentence fit to show a user, naming the input it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    subject: String,
}

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input holds no text (or only whitespace).
    Empty,
    /// The input is not valid UTF-8.
    NotUtf8,
    /// The input looks like a binary file (NUL bytes or many control characters).
    Binary,
    /// The input is larger than the limit.
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
}

impl Error {
    /// A new error of `kind` about `subject` (a file name or a short description of the input).
    pub fn new(kind: ErrorKind, subject: impl Into<String>) -> Self {
        Error {
            kind,
            subject: subject.into(),
        }
    }
    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// The file name or input the error is about.
    pub fn subject(&self) -> &str {
        &self.subject
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.subject;
        match self.kind {
            ErrorKind::Empty => write!(f, "{s}: the text is empty"),
            ErrorKind::NotUtf8 => write!(f, "{s}: not UTF-8 text"),
            ErrorKind::Binary => write!(f, "{s}: looks like a binary file, not text"),
            ErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "{s}: {} KB is over the limit of {} KB",
                bytes.div_ceil(1024),
                limit / 1024
            ),
        }
    }
}

impl std::error::Error for Error {}
