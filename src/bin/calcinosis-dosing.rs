//! The calcinosis-dosing command line (feature `cli`).
//!
//! ```text
//! calcinosis-dosing plan [FILE|-] [--format text|json|svg|fhir [--subject Patient/ID]]
//! calcinosis-dosing batch [FILE|-] [--format json|fhir [--subject Patient/ID]] [--jobs N]
//! calcinosis-dosing schema
//! calcinosis-dosing catalogue [--format text|json]
//! ```
//!
//! Exit status: 0 a plan (every line of a batch planned); 1 a request
//! refused (a batch with an error line); 2 a usage error; 3 an input or
//! output error. Errors go to standard error on one line, naming the JSON
//! path; a closed output pipe ends the program quietly.

use std::io::{self, BufRead, BufReader, IsTerminal as _, Read as _, Write};
use std::process::ExitCode;

use calcinosis_dosing::{BatchFormat, BatchOptions, Request, fhir, run_batch};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "calcinosis-dosing",
    version,
    about = "Dosing plans for calcinosis cutis"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Plan one JSON request.
    Plan {
        /// The request file; `-` or nothing reads standard input.
        file: Option<String>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
        /// The FHIR subject reference (`Patient/123`): required with
        /// `--format fhir`, so no request is written for a made-up patient,
        /// and refused with any other format.
        #[arg(long, required_if_eq("format", "fhir"), value_parser = subject_reference)]
        subject: Option<String>,
    },
    /// Plan NDJSON requests, one per line: one result line per input line,
    /// in order.
    Batch {
        /// The NDJSON file; `-` or nothing reads standard input.
        file: Option<String>,
        /// What each plan is written as.
        #[arg(long, value_enum, default_value_t = BatchFormatArg::Json)]
        format: BatchFormatArg,
        /// Worker threads, 1 to 64; the output keeps the input order.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
        jobs: u16,
        /// The FHIR subject reference (`Patient/123`): required with
        /// `--format fhir`, so no request is written for a made-up patient,
        /// and refused with any other format.
        #[arg(long, required_if_eq("format", "fhir"), value_parser = subject_reference)]
        subject: Option<String>,
    },
    /// Print the request schema (JSON Schema 2020-12).
    Schema,
    /// List the documented regimens.
    Catalogue {
        /// What to write.
        #[arg(long, value_enum, default_value_t = CatalogueFormat::Text)]
        format: CatalogueFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PlanFormat {
    Text,
    Json,
    Fhir,
    /// A picture: the site map of an intralesional plan, a chart of the
    /// daily dose with its limits for the others.
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormatArg {
    Json,
    Fhir,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Text,
    Json,
}

/// How the program ends.
enum Failure {
    Refused(String),
    Io(String),
}

fn input(file: Option<&str>) -> Result<Box<dyn BufRead + Send>, Failure> {
    match file {
        None | Some("-") => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(path) => std::fs::File::open(path)
            .map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead + Send>)
            .map_err(|e| Failure::Io(format!("cannot read {path}: {e}"))),
    }
}

/// Writes `text` to standard output; a closed pipe is not an error.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::Io(format!("cannot write: {e}")))
        }
        _ => Ok(()),
    }
}

/// A `--subject` value: a FHIR reference such as `Patient/123`.
fn subject_reference(value: &str) -> Result<String, String> {
    calcinosis_dosing::fhir::check_subject(value)
        .map(|()| value.to_owned())
        .map_err(|_| "expected a FHIR reference such as Patient/123".to_owned())
}

fn plan(file: Option<&str>, format: PlanFormat, subject: Option<&str>) -> Result<(), Failure> {
    let mut bytes = Vec::new();
    input(file)?
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Io(format!("cannot read the request: {e}")))?;
    // Bytes that are not UTF-8 are a bad request, as in a batch, not an
    // input error.
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::Refused("invalid request: it is not UTF-8 text".to_owned()))?;
    let request = Request::from_json(&text).map_err(|e| Failure::Refused(e.to_string()))?;
    let plan = request
        .plan()
        .map_err(|e| Failure::Refused(format!("no plan: {e}")))?;
    let out = match format {
        PlanFormat::Text => plan.to_string(),
        PlanFormat::Json => json(&plan)? + "\n",
        PlanFormat::Svg => plan.to_svg(),
        PlanFormat::Fhir => {
            let resource = fhir::export(&plan, fhir_subject(subject)?)
                .map_err(|e| Failure::Refused(e.to_string()))?;
            json(&resource)? + "\n"
        }
    };
    print(&out)
}

/// The subject of a FHIR request: clap requires `--subject` with
/// `--format fhir`, and this says so again rather than make one up.
fn fhir_subject(subject: Option<&str>) -> Result<&str, Failure> {
    subject.ok_or_else(|| Failure::Refused("--format fhir needs --subject Patient/ID".to_owned()))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::Io(format!("cannot write JSON: {e}")))
}

/// Counts the lines written, for the progress bar on a terminal.
struct Counting<W> {
    inner: W,
    bar: Option<indicatif::ProgressBar>,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(bar) = &self.bar {
            let lines = buf.iter().take(n).filter(|&&b| b == b'\n').count();
            bar.inc(u64::try_from(lines).unwrap_or(0));
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn batch(
    file: Option<&str>,
    format: BatchFormatArg,
    jobs: u16,
    subject: Option<&str>,
) -> Result<(), Failure> {
    let format = match format {
        BatchFormatArg::Json => BatchFormat::Json,
        BatchFormatArg::Fhir => BatchFormat::Fhir(fhir_subject(subject)?.to_owned()),
    };
    // A progress bar only when standard error is a terminal and the
    // results go elsewhere (a file, a pipe): never into a pipe, and never
    // between result lines on the screen.
    let bar = (io::stderr().is_terminal() && !io::stdout().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {human_pos} lines written, {per_sec}, {elapsed}",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let output = Counting {
        inner: io::BufWriter::new(io::stdout().lock()),
        bar: bar.clone(),
    };
    let options = BatchOptions {
        format,
        jobs: usize::from(jobs),
    };
    let result = run_batch(input(file)?, output, &options);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(summary) if summary.errors == 0 => Ok(()),
        Ok(summary) => Err(Failure::Refused(format!(
            "{} of {} lines refused (see their error lines)",
            summary.errors,
            summary.plans + summary.errors
        ))),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("batch stopped: {e}"))),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stray_subject = match &cli.command {
        Command::Plan {
            format, subject, ..
        } => subject.is_some() && !matches!(format, PlanFormat::Fhir),
        Command::Batch {
            format, subject, ..
        } => subject.is_some() && !matches!(format, BatchFormatArg::Fhir),
        _ => false,
    };
    if stray_subject {
        // A usage error (exit status 2): a subject given for a format
        // that has none would be silently dropped.
        <Cli as clap::CommandFactory>::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--subject is only for --format fhir",
            )
            .exit();
    }
    let result = match cli.command {
        Command::Plan {
            file,
            format,
            subject,
        } => plan(file.as_deref(), format, subject.as_deref()),
        Command::Batch {
            file,
            format,
            jobs,
            subject,
        } => batch(file.as_deref(), format, jobs, subject.as_deref()),
        Command::Schema => {
            json(&calcinosis_dosing::request_schema()).and_then(|s| print(&(s + "\n")))
        }
        Command::Catalogue { format } => match format {
            CatalogueFormat::Json => {
                json(&calcinosis_dosing::catalogue()).and_then(|s| print(&(s + "\n")))
            }
            CatalogueFormat::Text => {
                let mut text = String::new();
                for regimen in calcinosis_dosing::catalogue() {
                    text.push_str(&regimen.to_string());
                    text.push('\n');
                }
                print(&text)
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Refused(message)) => {
            eprintln!("error: {}", message.replace('\n', " "));
            ExitCode::from(1)
        }
        Err(Failure::Io(message)) => {
            eprintln!("error: {}", message.replace('\n', " "));
            ExitCode::from(3)
        }
    }
}
