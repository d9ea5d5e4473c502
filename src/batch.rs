//! NDJSON batches: one request per line in, exactly one result per line
//! out, in input order, with flat memory.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;

use crate::error::Error;
use crate::request::Request;

/// The longest input line read, in bytes: a longer line is an error line
/// and is skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The most worker threads a batch runs; [`BatchOptions::jobs`] above it
/// runs this many.
pub const MAX_JOBS: usize = 64;

/// What each output line carries besides its line number.
///
/// # Example
///
/// See [`run_batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BatchFormat {
    /// The plan's JSON.
    Json,
    /// The plan as FHIR R4, for this subject reference (feature `fhir`).
    #[cfg(feature = "fhir")]
    Fhir(String),
}

/// How a batch runs.
///
/// # Example
///
/// See [`run_batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOptions {
    /// The output of each plan.
    pub format: BatchFormat,
    /// Worker threads, 1 to [`MAX_JOBS`] (0 is taken as 1, more as
    /// [`MAX_JOBS`]; 1 plans on the reading thread); the output keeps the
    /// input order whatever the number.
    pub jobs: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            format: BatchFormat::Json,
            jobs: 1,
        }
    }
}

/// What a batch did: lines read, plans written, error lines written, blank
/// lines skipped.
///
/// # Example
///
/// See [`run_batch`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Lines that gave a plan.
    pub plans: u64,
    /// Lines that gave an error.
    pub errors: u64,
    /// Blank lines, skipped.
    pub blank: u64,
}

/// One input line: its number and its text, or why it was not read.
enum Line {
    Text(u64, String),
    Bad(u64, String),
}

/// Reads NDJSON requests from `input` and writes one result line per
/// non-blank input line to `output`, in input order:
/// `{"line": N, "plan": {…}}` or `{"line": N, "error": {…}}` (the error
/// as data, see [`Error`]).
///
/// A malformed line, a duplicate key, a line longer than
/// [`MAX_LINE_BYTES`] or a line that is not UTF-8 is an error line and the
/// batch goes on; blank lines are skipped. Memory stays flat: one line
/// buffer, and at most a few lines per worker in flight.
///
/// # Errors
///
/// An input or output error (a closed output pipe among them): the batch
/// stops there.
///
/// # Example
///
/// ```
/// use calcinosis_dosing::{run_batch, BatchOptions};
///
/// let input = concat!(
///     r#"{"regimen":"diltiazem","patient":{"weight":{"value":70,"unit":"kg"},"age":{"value":50,"unit":"a"}},"rate":{"value":3,"unit":"mg/kg/d"}}"#, "\n",
///     "\n",
///     "{not json\n",
/// );
/// let mut out = Vec::new();
/// let summary = run_batch(input.as_bytes(), &mut out, &BatchOptions::default())?;
/// assert_eq!((summary.plans, summary.errors, summary.blank), (1, 1, 1));
/// let lines: Vec<&str> = std::str::from_utf8(&out)?.lines().collect();
/// assert!(lines[0].starts_with(r#"{"line":1,"plan":"#));
/// assert!(lines[1].starts_with(r#"{"line":3,"error":"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # References
///
/// NDJSON: newline-delimited JSON, one value per line.
pub fn run_batch<R: BufRead + Send, W: Write>(
    input: R,
    mut output: W,
    options: &BatchOptions,
) -> io::Result<BatchSummary> {
    let mut summary = BatchSummary::default();
    let jobs = options.jobs.clamp(1, MAX_JOBS);
    if jobs == 1 {
        let mut counts = (0, 0);
        read_lines(input, &mut summary, |_, line| {
            let (n, body, plan) = answer(&line, &options.format);
            count(&mut counts, plan);
            write_line(&mut output, n, &body, plan)
        })?;
        (summary.plans, summary.errors) = counts;
        output.flush()?;
        return Ok(summary);
    }
    // The reader numbers the lines it sends (seq); workers plan them in any
    // order; the writer holds a result until every earlier one is written.
    // The channels are bounded, so at most a few lines per worker are in
    // flight and memory stays flat.
    let (to_workers, from_reader) = mpsc::sync_channel::<(u64, Line)>(jobs * 4);
    // Held in an Option so that a worker that finds the writer gone can
    // drop it: the reader's next send then fails and the reader stops,
    // rather than wait for a worker that will never come.
    let from_reader = std::sync::Mutex::new(Some(from_reader));
    let (to_writer, from_workers) = mpsc::sync_channel::<(u64, u64, String, bool)>(jobs * 4);
    std::thread::scope(|scope| -> io::Result<BatchSummary> {
        for _ in 0..jobs {
            let to_writer = to_writer.clone();
            let from_reader = &from_reader;
            let format = &options.format;
            scope.spawn(move || {
                loop {
                    let next = from_reader
                        .lock()
                        .ok()
                        .and_then(|r| r.as_ref().and_then(|r| r.recv().ok()));
                    let Some((seq, line)) = next else { break };
                    let (n, body, plan) = answer(&line, format);
                    if to_writer.send((seq, n, body, plan)).is_err() {
                        // The writer stopped (a closed pipe, a full disk):
                        // stop the reader too.
                        if let Ok(mut r) = from_reader.lock() {
                            *r = None;
                        }
                        break;
                    }
                }
            });
        }
        drop(to_writer);
        let reader = scope.spawn(move || {
            let mut summary = BatchSummary::default();
            let result = read_lines(input, &mut summary, |seq, line| {
                to_workers
                    .send((seq, line))
                    .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the writer stopped"))
            });
            (result, summary)
        });
        let mut pending: BTreeMap<u64, (u64, String, bool)> = BTreeMap::new();
        let mut next_seq = 0_u64;
        let mut counts = (0, 0);
        let mut written = Ok(());
        for (seq, n, body, plan) in from_workers {
            pending.insert(seq, (n, body, plan));
            while let Some((n, body, plan)) = pending.remove(&next_seq) {
                if written.is_ok() {
                    count(&mut counts, plan);
                    written = write_line(&mut output, n, &body, plan);
                }
                next_seq += 1;
            }
            if written.is_err() {
                // Stop reading: dropping the receiver ends the workers and
                // then the reader.
                break;
            }
        }
        let (read, mut summary) = reader.join().unwrap_or_else(|_| {
            (
                Err(io::Error::other("the reader failed")),
                BatchSummary::default(),
            )
        });
        written?;
        read?;
        output.flush()?;
        (summary.plans, summary.errors) = counts;
        Ok(summary)
    })
}

fn count(counts: &mut (u64, u64), plan: bool) {
    if plan {
        counts.0 += 1;
    } else {
        counts.1 += 1;
    }
}

/// Reads `input` line by line, at most [`MAX_LINE_BYTES`] of a line held,
/// and hands each non-blank line to `f` with its sequence number.
fn read_lines<R: BufRead>(
    mut input: R,
    summary: &mut BatchSummary,
    mut f: impl FnMut(u64, Line) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffer: Vec<u8> = Vec::new();
    let mut seq = 0_u64;
    loop {
        buffer.clear();
        let mut too_long = false;
        // Whether every byte of an over-long line was white space: such a
        // line is blank, skipped like any blank line.
        let mut blank = true;
        let mut ended = false;
        loop {
            let chunk = input.fill_buf()?;
            if chunk.is_empty() {
                ended = true;
                break;
            }
            let (part, used, newline) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (chunk.get(..i).unwrap_or_default(), i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if !too_long && buffer.len() + part.len() > MAX_LINE_BYTES {
                too_long = true;
                blank = buffer.iter().all(u8::is_ascii_whitespace);
                buffer.clear();
            }
            if too_long {
                blank = blank && part.iter().all(u8::is_ascii_whitespace);
            } else {
                buffer.extend_from_slice(part);
            }
            input.consume(used);
            if newline {
                break;
            }
        }
        if ended && buffer.is_empty() && !too_long {
            return Ok(());
        }
        summary.lines += 1;
        let n = summary.lines;
        if too_long && blank {
            summary.blank += 1;
            if ended {
                return Ok(());
            }
            continue;
        }
        let line = if too_long {
            Line::Bad(
                n,
                format!("the line is longer than {MAX_LINE_BYTES} bytes, the longest read"),
            )
        } else {
            match std::str::from_utf8(&buffer) {
                Ok(text) if text.trim().is_empty() => {
                    summary.blank += 1;
                    if ended {
                        return Ok(());
                    }
                    continue;
                }
                Ok(text) => Line::Text(n, text.to_owned()),
                Err(_) => Line::Bad(n, "the line is not UTF-8".to_owned()),
            }
        };
        f(seq, line)?;
        seq += 1;
        if ended {
            return Ok(());
        }
    }
}

/// One line's answer: its number, the JSON of its plan or its error, and
/// whether it is a plan.
fn answer(line: &Line, format: &BatchFormat) -> (u64, String, bool) {
    let (n, result) = match line {
        Line::Text(n, text) => (*n, plan_json(text, format)),
        Line::Bad(n, why) => (
            *n,
            Err(Error::InvalidJson {
                path: String::new(),
                message: why.clone(),
            }),
        ),
    };
    match result {
        Ok(json) => (n, json, true),
        Err(e) => (
            n,
            serde_json::to_string(&e).unwrap_or_else(|_| "{}".to_owned()),
            false,
        ),
    }
}

fn plan_json(text: &str, format: &BatchFormat) -> Result<String, Error> {
    let plan = Request::from_json(text)?.plan()?;
    let json = match format {
        BatchFormat::Json => serde_json::to_string(&plan),
        #[cfg(feature = "fhir")]
        BatchFormat::Fhir(subject) => serde_json::to_string(&crate::fhir::export(&plan, subject)?),
    };
    json.map_err(|e| Error::Invalid {
        field: "plan",
        value: String::new(),
        reason: e.to_string(),
    })
}

/// `{"line": N, "plan": …}` or `{"line": N, "error": …}`.
fn write_line<W: Write>(output: &mut W, n: u64, body: &str, plan: bool) -> io::Result<()> {
    let key = if plan { "plan" } else { "error" };
    writeln!(output, "{{\"line\":{n},\"{key}\":{body}}}")
}
