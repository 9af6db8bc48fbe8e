//! JSON Lines on stdout, the output of every command: one buffered writer on the locked
//! stdout, a line per value, flushed before anything goes to stderr and at the end.

use anyhow::Result;
use serde_json::Value;
use std::io::{BufWriter, StdoutLock, Write};

/// The command's stdout, written a JSON value a line.
pub(crate) struct JsonLines(BufWriter<StdoutLock<'static>>);

impl JsonLines {
    /// Locks stdout for the command.
    pub(crate) fn stdout() -> Self {
        JsonLines(BufWriter::new(std::io::stdout().lock()))
    }

    /// Writes `value` as one line.
    pub(crate) fn line(&mut self, value: &Value) -> Result<()> {
        writeln!(self.0, "{value}")?;
        Ok(())
    }

    /// Writes out what is buffered (before a message on stderr, and at the end).
    pub(crate) fn flush(&mut self) -> Result<()> {
        self.0.flush()?;
        Ok(())
    }
}
