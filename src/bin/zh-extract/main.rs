//! `zh-extract`: people, organizations, places, amounts and counts in
//! Chinese text files, as JSON Lines (the records of `examples/extract.rs`)
//! or CSV. Run `zh-extract --help`.
#![forbid(unsafe_code)]

mod input;
mod output;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use zh_extract::{EntityKind, Extractor, QuantityKind};

use crate::input::{Entry, Mode};
use crate::output::Format;

const EXAMPLES: &str = "\
Examples:
  zh-extract news/                       every *.txt below news/, one document per file
  zh-extract --lines -f csv a.txt > a.csv  one document per line, a spreadsheet row per record
  zh-extract --jsonl --field body < docs.jsonl   carries the other fields (id, ...) into the output
  zh-extract -k person,money -j 4 -g '*.md' notes/

Output: one JSON object per document, the records of the extract contract
(\"entities\", \"quantities\") after the source: \"file\" and \"line\", or the
fields carried from --jsonl input. With --format csv|tsv, one row per record
(source, kind, text, start, end, char_start, char_end, value, unit, approx,
min, max, per, object), in document order.

Exit status: 0 when every document was read; 1 when any was skipped (an
unreadable file, invalid UTF-8, a bad JSON line: each named on standard
error, the run goes on); 2 on a usage error or when output fails.";

/// Extracts people, organizations, places, amounts and counts from Chinese
/// text, with exact byte and character spans.
#[derive(Parser, Debug)]
#[command(name = "zh-extract", version, after_long_help = EXAMPLES)]
struct Args {
    /// Files or directories (read recursively) to extract from; none, or
    /// `-`, reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// One document per line (a trailing CR is not part of it), instead of
    /// one per file.
    #[arg(short, long)]
    lines: bool,

    /// JSON Lines input: one object per line, the text in --field; its other
    /// fields (an id, ...) are carried into the output.
    #[arg(long, conflicts_with = "lines")]
    jsonl: bool,

    /// The field that holds the text, with --jsonl.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    field: String,

    /// Which files to read inside directories, matched against the path
    /// below the directory; repeat for more. Files named on the command
    /// line are always read.
    #[arg(short, long = "glob", value_name = "GLOB", default_value = "*.txt")]
    globs: Vec<String>,

    /// Output format: JSON Lines (one object per document), or one row per
    /// record with a header.
    #[arg(short, long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,

    /// Report only these kinds, comma-separated: person, organization,
    /// place, money, count, measure, percent, age, temperature, number.
    /// Without an entity kind the entity recogniser does not run (faster).
    #[arg(short, long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_kind)]
    kinds: Vec<Kind>,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long = "threads", value_name = "N")]
    threads: Option<NonZeroUsize>,

    /// Also report bare numbers with no unit, as kind "number".
    #[arg(long)]
    numbers: bool,

    /// Decode invalid UTF-8 with U+FFFD instead of skipping the document
    /// (offsets are then into the decoded text).
    #[arg(long)]
    lossy: bool,

    /// A jieba-style user dictionary: `word [frequency] [tag]` per line.
    #[arg(long, value_name = "FILE")]
    user_dict: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Entity(EntityKind),
    Quantity(QuantityKind),
}

fn parse_kind(name: &str) -> Result<Kind, String> {
    let name = name.trim();
    if let Some(k) = EntityKind::ALL.into_iter().find(|k| k.as_str() == name) {
        return Ok(Kind::Entity(k));
    }
    if let Some(k) = QuantityKind::ALL.into_iter().find(|k| k.as_str() == name) {
        return Ok(Kind::Quantity(k));
    }
    let known: Vec<&str> = EntityKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(QuantityKind::ALL.iter().map(|k| k.as_str()))
        .collect();
    Err(format!(
        "unknown kind (expected one of {})",
        known.join(", ")
    ))
}

/// Documents handed to the workers at once: enough for every core to have
/// work, few enough that memory stays flat ...
const BATCH_DOCS: usize = 2048;
/// ... or this many bytes of text, whichever comes first.
const BATCH_BYTES: usize = 4 << 20;

/// Messages on standard error, clear of the progress bar, and the count
/// of documents skipped.
pub(crate) struct Reporter {
    progress: Option<ProgressBar>,
    skipped: AtomicUsize,
}

impl Reporter {
    pub(crate) fn warn(&self, message: std::fmt::Arguments<'_>) {
        let print = || {
            let _ = writeln!(io::stderr().lock(), "zh-extract: {message}");
        };
        match &self.progress {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// A document (or a whole file) that produced no output.
    pub(crate) fn skip(&self, message: std::fmt::Arguments<'_>) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
        self.warn(message);
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr().lock(), "zh-extract: {e}");
            ExitCode::from(2)
        }
    }
}

/// Extracts from every input; the number of documents skipped, or the
/// error that stopped the run.
fn run(args: &Args) -> io::Result<usize> {
    let extractor = build_extractor(args)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, NonZeroUsize::get))
        .thread_name(|i| format!("zh-extract-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let mode = args.mode();
    let globs = input::glob_set(&args.globs)?;
    let paths = args.input_paths();
    let files_only = paths.iter().all(Option::is_some);
    let show_progress = files_only && io::stderr().is_terminal();
    let mut reporter = Reporter {
        progress: None,
        skipped: AtomicUsize::new(0),
    };
    let entries: Box<dyn Iterator<Item = Entry> + Send> = if show_progress {
        let (entries, bar) = listed_with_progress(paths, globs)?;
        reporter.progress = Some(bar);
        entries
    } else {
        Box::new(input::entries(paths, globs))
    };

    let format = args.format;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    output::write_header(format, &mut out)?;
    let reporter = &reporter;
    let written = std::thread::scope(|scope| -> io::Result<()> {
        // Reading runs ahead of the workers by at most two batches.
        let (send, receive) = mpsc::sync_channel(2);
        let mode = &mode;
        let lossy = args.lossy;
        let reader = scope.spawn(move || {
            let mut batcher = input::Batcher::new(send, BATCH_DOCS, BATCH_BYTES);
            input::read(entries, mode, lossy, reporter, &mut batcher);
            batcher.finish();
        });
        let mut result = write_batches(receive, &pool, &extractor, format, reporter, &mut out);
        if reader.join().is_err() {
            result = result.and(Err(io::Error::other("the reader thread failed")));
        }
        result
    });
    if let Some(bar) = &reporter.progress {
        bar.finish_and_clear();
    }
    written.and_then(|()| out.flush())?;
    Ok(reporter.skipped.load(Ordering::Relaxed))
}

impl Args {
    fn mode(&self) -> Mode {
        if self.jsonl {
            Mode::Jsonl(self.field.clone())
        } else if self.lines {
            Mode::Lines
        } else {
            Mode::Whole
        }
    }

    /// The paths to read, `None` for standard input.
    fn input_paths(&self) -> Vec<Option<PathBuf>> {
        if self.paths.is_empty() {
            vec![None]
        } else {
            self.paths
                .iter()
                .map(|p| (p.as_os_str() != "-").then(|| p.clone()))
                .collect()
        }
    }
}

/// The entries, listed first to give the progress bar its total (paths
/// only: the text is still read batch by batch), and the bar.
fn listed_with_progress(
    paths: Vec<Option<PathBuf>>,
    globs: globset::GlobSet,
) -> io::Result<(Box<dyn Iterator<Item = Entry> + Send>, ProgressBar)> {
    let entries: Vec<Entry> = input::entries(paths, globs).collect();
    let total = entries.iter().map(Entry::size).sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{elapsed_precise} {wide_bar} {binary_bytes}/{binary_total_bytes} \
             {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .map_err(io::Error::other)?,
    );
    Ok((Box::new(entries.into_iter()), bar))
}

/// Extracts from each batch in parallel and writes the results in input
/// order. Returning drops `receive`, which stops the reader at its next
/// batch when output failed.
fn write_batches(
    receive: mpsc::Receiver<Vec<input::Doc>>,
    pool: &rayon::ThreadPool,
    extractor: &Extractor,
    format: Format,
    reporter: &Reporter,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut documents = 0u64;
    for batch in receive {
        let rendered: Vec<Result<Vec<u8>, String>> = pool.install(|| {
            batch
                .par_iter()
                .map(|doc| output::render(format, doc, &extractor.extract(&doc.text)))
                .collect()
        });
        for (doc, rendered) in batch.iter().zip(rendered) {
            match rendered {
                Ok(bytes) => out.write_all(&bytes)?,
                Err(e) => reporter.skip(format_args!("{}: {e}; skipped", doc.location)),
            }
        }
        if let Some(bar) = &reporter.progress {
            documents += batch.len() as u64;
            bar.inc(batch.iter().map(|d| d.bytes).sum());
            bar.set_message(format!("{documents} documents"));
        }
    }
    Ok(())
}

fn build_extractor(args: &Args) -> io::Result<Extractor> {
    let mut builder = Extractor::builder();
    if !args.kinds.is_empty() {
        let entities = args.kinds.iter().filter_map(|k| match k {
            Kind::Entity(e) => Some(*e),
            Kind::Quantity(_) => None,
        });
        let quantities = args.kinds.iter().filter_map(|k| match k {
            Kind::Quantity(q) => Some(*q),
            Kind::Entity(_) => None,
        });
        builder = builder.entity_kinds(entities).quantity_kinds(quantities);
    }
    if args.numbers {
        builder = builder.with_bare_numbers();
    }
    if let Some(path) = &args.user_dict {
        let named = |e: &dyn std::fmt::Display| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: {e}", path.display()),
            )
        };
        let file = std::fs::File::open(path).map_err(|e| named(&e))?;
        builder = builder
            .user_dictionary(io::BufReader::new(file))
            .map_err(|e| named(&e))?;
    }
    builder.build().map_err(io::Error::other)
}
