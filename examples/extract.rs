//! The command-line contract (`../shared/docs/contract.md`): text on
//! standard input, JSON on standard output.
//!
//! ```text
//! cargo run --release --example extract [-- FLAGS] < input.txt
//!   (none)     all of standard input is one document: one JSON object
//!   --lines    every line is a document: one JSON object per line (JSON Lines)
//!   --numbers  also report bare numbers (kind "number")
//!   --lossy    decode invalid UTF-8 with U+FFFD instead of failing, and say
//!              on standard error how many bytes were replaced (exit 0)
//!   --model F  use the entity model in file F (from examples/train.rs)
//! ```
//!
//! Invalid UTF-8 without `--lossy`: exit status 1 and a one-line message
//! with the byte offset on standard error. In whole-document mode nothing is
//! printed; in `--lines` mode every other line is still printed, and the bad
//! line's object carries an `error` field instead of records.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use zh_extract::{EntityModel, Extraction, Extractor};

/// Lines handed to the extractor at once in `--lines` mode: enough for
/// every core to have work, few enough that memory stays flat.
const BATCH_LINES: usize = 2048;
/// ... or this many bytes, whichever comes first.
const BATCH_BYTES: usize = 4 << 20;

struct Options {
    lines: bool,
    numbers: bool,
    lossy: bool,
}

fn main() -> ExitCode {
    let mut options = Options {
        lines: false,
        numbers: false,
        lossy: false,
    };
    let mut model = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => model = args.next(),
            "--lines" => options.lines = true,
            "--numbers" => options.numbers = true,
            "--lossy" => options.lossy = true,
            "-h" | "--help" => {
                let _ = writeln!(
                    io::stdout(),
                    "usage: extract [--lines] [--numbers] [--lossy] [--model FILE] < input.txt"
                );
                return ExitCode::SUCCESS;
            }
            other => {
                warn(format_args!(
                    "unknown flag {other:?} (expected --lines, --numbers, --lossy, --model FILE)"
                ));
                return ExitCode::from(2);
            }
        }
    }
    let mut builder = Extractor::builder();
    if options.numbers {
        builder = builder.with_bare_numbers();
    }
    if let Some(path) = model {
        match EntityModel::from_path(&path) {
            Ok(m) => builder = builder.entity_model(m),
            Err(e) => {
                warn(format_args!("{path}: {e}"));
                return ExitCode::from(2);
            }
        }
    }
    let extractor = match builder.build() {
        Ok(e) => e,
        Err(e) => {
            warn(format_args!("{e}"));
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if options.lines {
        run_lines(&extractor, &options, &mut out)
    } else {
        run_document(&extractor, &options, &mut out)
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(status), Ok(())) => status,
        (Err(e), _) | (_, Err(e)) => {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            warn(format_args!("{e}"));
            ExitCode::from(2)
        }
    }
}

fn run_document(
    extractor: &Extractor,
    options: &Options,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes)?;
    let text = match decode(&bytes, options.lossy) {
        Ok(Decoded { text, replaced, .. }) => {
            if let Some((bytes, first)) = replaced {
                warn(format_args!(
                    "replaced {bytes} invalid UTF-8 byte(s) with U+FFFD, the first at byte {first}"
                ));
            }
            text
        }
        Err(offset) => {
            warn(format_args!("input is not valid UTF-8 at byte {offset}"));
            return Ok(ExitCode::FAILURE);
        }
    };
    let found = extractor.extract(&text);
    write_json(out, &found)?;
    Ok(ExitCode::SUCCESS)
}

fn run_lines(
    extractor: &Extractor,
    options: &Options,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let mut input = io::stdin().lock();
    let mut status = ExitCode::SUCCESS;
    let mut line_number = 0usize;
    let mut byte_offset = 0usize;
    // Each entry: the decoded line, or the input offset of its first bad byte.
    let mut batch: Vec<Result<String, usize>> = Vec::with_capacity(BATCH_LINES);
    let mut batch_bytes = 0usize;
    let mut raw = Vec::new();
    // With --lossy: bytes replaced, lines touched, offset of the first.
    let mut replaced_bytes = 0usize;
    let mut replaced_lines = 0usize;
    let mut first_replaced = None;
    loop {
        raw.clear();
        let n = input.read_until(b'\n', &mut raw)?;
        if n == 0 {
            break;
        }
        line_number += 1;
        let mut line: &[u8] = &raw;
        if line.last() == Some(&b'\n') {
            line = &line[..line.len() - 1];
        }
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        match decode(line, options.lossy) {
            Ok(Decoded { text, replaced }) => {
                if let Some((bytes, first)) = replaced {
                    replaced_bytes += bytes;
                    replaced_lines += 1;
                    first_replaced.get_or_insert(byte_offset + first);
                }
                batch.push(Ok(text.into_owned()));
            }
            Err(offset) => {
                warn(format_args!(
                    "line {line_number} is not valid UTF-8 at byte {} (byte {offset} of the line)",
                    byte_offset + offset
                ));
                status = ExitCode::FAILURE;
                batch.push(Err(byte_offset + offset));
            }
        }
        byte_offset += n;
        batch_bytes += n;
        if batch.len() >= BATCH_LINES || batch_bytes >= BATCH_BYTES {
            flush_batch(extractor, &mut batch, out)?;
            batch_bytes = 0;
        }
    }
    flush_batch(extractor, &mut batch, out)?;
    if let Some(first) = first_replaced {
        warn(format_args!(
            "replaced {replaced_bytes} invalid UTF-8 byte(s) with U+FFFD in {replaced_lines} line(s), the first at byte {first}"
        ));
    }
    Ok(status)
}

fn flush_batch(
    extractor: &Extractor,
    batch: &mut Vec<Result<String, usize>>,
    out: &mut impl Write,
) -> io::Result<()> {
    let texts: Vec<&str> = batch
        .iter()
        .map(|line| line.as_deref().unwrap_or(""))
        .collect();
    let found = extractor.extract_batch(&texts);
    for (line, extraction) in batch.iter().zip(&found) {
        match line {
            Ok(_) => write_json(out, extraction)?,
            Err(offset) => {
                writeln!(
                    out,
                    r#"{{"entities":[],"quantities":[],"error":"invalid UTF-8 at byte {offset}"}}"#
                )?;
            }
        }
    }
    batch.clear();
    Ok(())
}

/// Decoded input, and with `--lossy` how many bytes were replaced and
/// where the first was.
struct Decoded<'b> {
    text: std::borrow::Cow<'b, str>,
    replaced: Option<(usize, usize)>,
}

/// The text of `bytes`, or the offset of the first byte that is not UTF-8.
fn decode(bytes: &[u8], lossy: bool) -> Result<Decoded<'_>, usize> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.into(),
            replaced: None,
        }),
        Err(e) if lossy => {
            let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
            Ok(Decoded {
                text: String::from_utf8_lossy(bytes),
                replaced: Some((invalid, e.valid_up_to())),
            })
        }
        Err(e) => Err(e.valid_up_to()),
    }
}

/// One line on standard error; never panics, even when it is closed.
fn warn(message: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "extract: {message}");
}

fn write_json(out: &mut impl Write, found: &Extraction<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, found)?;
    out.write_all(b"\n")
}
