//! The one way the commands write to stdout.

use std::io::{self, ErrorKind, Write as _};

use super::{Failure, Outcome};
use crate::i18n::{Texts, fill};

/// Writes `text` to stdout as it is. When the reader has gone away, as with `list | head -1`,
/// the process ends quietly with status 0 the way Unix tools do: whoever closed the pipe
/// already has what they wanted, and `println!` would panic instead.
pub fn say(text: &str, t: &Texts) -> Outcome {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {
            drop(out);
            std::process::exit(0)
        }
        Err(e) => Err(output_failed(&e, t)),
    }
}

/// Writes `value` as indented JSON and a newline, straight to stdout as it is made: a list of
/// thousands of placements is never held whole in memory first.
pub fn say_json(value: &impl serde::Serialize, t: &Texts) -> Outcome {
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {
            drop(out);
            std::process::exit(0)
        }
        Err(e) => Err(output_failed(&e, t)),
    }
}

fn output_failed(e: &io::Error, t: &Texts) -> Failure {
    Failure(fill(t.cli.err_output, &[&t.io_problem(e)]))
}
