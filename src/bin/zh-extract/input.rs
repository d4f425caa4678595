//! Inputs: files, directories (walked in name order) and standard input,
//! read into documents and handed on batch by batch, so memory holds a
//! batch or two of text however large the tree is.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::SyncSender;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::{Map, Value};

use crate::Reporter;

/// What a document is.
pub(crate) enum Mode {
    /// A whole file (or all of standard input).
    Whole,
    /// A line.
    Lines,
    /// A JSON object per line, its text in the named field.
    Jsonl(String),
}

/// One thing to read.
pub(crate) enum Entry {
    Stdin,
    File {
        path: PathBuf,
        size: u64,
    },
    /// A directory entry that could not be listed.
    Problem(String),
}

impl Entry {
    /// Bytes to read, as far as is known beforehand.
    pub(crate) fn size(&self) -> u64 {
        match self {
            Entry::File { size, .. } => *size,
            Entry::Stdin | Entry::Problem(_) => 0,
        }
    }
}

/// Where a document came from: a file (or standard input) and a line.
#[derive(Clone, Debug)]
pub(crate) struct Location {
    pub file: Option<Arc<str>>,
    pub line: Option<u64>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file.as_deref().unwrap_or("<stdin>"))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// A document to extract from.
pub(crate) struct Doc {
    pub location: Location,
    /// With `--jsonl`: the input object's other fields, in input order.
    pub carried: Option<Map<String, Value>>,
    pub text: String,
    /// Input bytes it stands for (for the progress bar).
    pub bytes: u64,
}

pub(crate) fn glob_set(globs: &[String]) -> io::Result<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for glob in globs {
        let glob = Glob::new(glob).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("--glob {glob:?}: {e}"))
        })?;
        set.add(glob);
    }
    set.build().map_err(io::Error::other)
}

/// The inputs in command-line order; directories expand, lazily, to the
/// files below them that match `globs`, sorted by name at each level.
pub(crate) fn entries(
    paths: Vec<Option<PathBuf>>,
    globs: GlobSet,
) -> impl Iterator<Item = Entry> + Send {
    paths
        .into_iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Entry> + Send> {
            let Some(path) = path else {
                return Box::new(std::iter::once(Entry::Stdin));
            };
            if !path.is_dir() {
                // Named explicitly: read whatever it is; a read error is reported then.
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                return Box::new(std::iter::once(Entry::File { path, size }));
            }
            let globs = globs.clone();
            let root = path.clone();
            let walk = walkdir::WalkDir::new(path).sort_by_file_name().into_iter();
            Box::new(walk.filter_map(move |entry| match entry {
                Err(e) => Some(Entry::Problem(e.to_string())),
                Ok(entry) => {
                    // Symbolic links to files are read; links to directories
                    // are not followed (no cycles).
                    let is_file = entry.file_type().is_file()
                        || (entry.path_is_symlink() && entry.path().is_file());
                    let below = entry.path().strip_prefix(&root).unwrap_or(entry.path());
                    (is_file && globs.is_match(below)).then(|| Entry::File {
                        size: std::fs::metadata(entry.path()).map_or(0, |m| m.len()),
                        path: entry.into_path(),
                    })
                }
            }))
        })
}

/// Collects documents into batches and sends them to the workers.
pub(crate) struct Batcher {
    send: SyncSender<Vec<Doc>>,
    docs: Vec<Doc>,
    bytes: usize,
    max_docs: usize,
    max_bytes: usize,
    closed: bool,
}

impl Batcher {
    pub(crate) fn new(send: SyncSender<Vec<Doc>>, max_docs: usize, max_bytes: usize) -> Self {
        Batcher {
            send,
            docs: Vec::with_capacity(max_docs),
            bytes: 0,
            max_docs,
            max_bytes,
            closed: false,
        }
    }

    /// Adds a document; false once the workers stopped listening (output
    /// failed), when reading should stop.
    fn push(&mut self, doc: Doc) -> bool {
        self.bytes += doc.text.len();
        self.docs.push(doc);
        if self.docs.len() >= self.max_docs || self.bytes >= self.max_bytes {
            self.flush();
        }
        !self.closed
    }

    fn flush(&mut self) {
        if self.docs.is_empty() || self.closed {
            return;
        }
        let batch = std::mem::replace(&mut self.docs, Vec::with_capacity(self.max_docs));
        self.bytes = 0;
        self.closed = self.send.send(batch).is_err();
    }

    pub(crate) fn finish(mut self) {
        self.flush();
    }
}

/// Reads every entry into documents, in order; problems go to `reporter`.
pub(crate) fn read(
    entries: impl Iterator<Item = Entry>,
    mode: &Mode,
    lossy: bool,
    reporter: &Reporter,
    batcher: &mut Batcher,
) {
    let mut reader = Reader {
        mode,
        lossy,
        reporter,
        batcher,
        warned_collision: false,
    };
    for entry in entries {
        let go_on = match entry {
            Entry::Problem(message) => {
                reporter.skip(format_args!("{message}; skipped"));
                true
            }
            Entry::Stdin => reader.stream(io::stdin().lock(), None),
            Entry::File { path, .. } => reader.file(&path),
        };
        if !go_on {
            return;
        }
    }
}

/// With `--lossy`: the invalid bytes replaced in a stream's lines, told
/// once at its end rather than line by line.
#[derive(Default)]
struct Replaced {
    bytes: usize,
    lines: usize,
    /// Stream offset of the first.
    first: Option<u64>,
}

struct Reader<'r> {
    mode: &'r Mode,
    lossy: bool,
    reporter: &'r Reporter,
    batcher: &'r mut Batcher,
    /// Whether the output's own field names were already found in input.
    warned_collision: bool,
}

impl Reader<'_> {
    /// Reads one file; false when reading should stop.
    fn file(&mut self, path: &Path) -> bool {
        let name: Arc<str> = path.to_string_lossy().into();
        if matches!(self.mode, Mode::Whole) {
            return match std::fs::read(path) {
                Ok(bytes) => self.whole(bytes, Some(name)),
                Err(e) => {
                    self.reporter.skip(format_args!("{name}: {e}; skipped"));
                    true
                }
            };
        }
        match File::open(path) {
            Ok(file) => self.stream(BufReader::with_capacity(1 << 16, file), Some(name)),
            Err(e) => {
                self.reporter.skip(format_args!("{name}: {e}; skipped"));
                true
            }
        }
    }

    fn whole(&mut self, bytes: Vec<u8>, file: Option<Arc<str>>) -> bool {
        let location = Location { file, line: None };
        let size = bytes.len() as u64;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) if self.lossy => {
                let bytes = e.as_bytes();
                let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
                self.reporter.warn(format_args!(
                    "{location}: replaced {invalid} invalid UTF-8 byte(s) with U+FFFD, the first at byte {}",
                    e.utf8_error().valid_up_to()
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
            Err(e) => {
                self.reporter.skip(format_args!(
                    "{location}: invalid UTF-8 at byte {}; skipped",
                    e.utf8_error().valid_up_to()
                ));
                return true;
            }
        };
        self.batcher.push(Doc {
            location,
            carried: None,
            text,
            bytes: size,
        })
    }

    /// Reads a stream: one document, or one per line.
    fn stream(&mut self, mut input: impl BufRead, file: Option<Arc<str>>) -> bool {
        if !matches!(self.mode, Mode::Whole) {
            return self.lines(input, file);
        }
        let mut bytes = Vec::new();
        match input.read_to_end(&mut bytes) {
            Ok(_) => self.whole(bytes, file),
            Err(e) => {
                let name = file.as_deref().unwrap_or("<stdin>");
                self.reporter.skip(format_args!("{name}: {e}; skipped"));
                true
            }
        }
    }

    /// Reads a stream a line at a time, a document per line; false when
    /// reading should stop.
    fn lines(&mut self, mut input: impl BufRead, file: Option<Arc<str>>) -> bool {
        let name = || file.as_deref().unwrap_or("<stdin>").to_owned();
        let mut raw = Vec::new();
        let mut line = 0u64;
        let mut offset = 0u64;
        // Bytes of lines that made no document, counted with the next one.
        let mut unreported = 0u64;
        let mut replaced = Replaced::default();
        loop {
            raw.clear();
            let n = match input.read_until(b'\n', &mut raw) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    self.reporter.skip(format_args!(
                        "{}: {e} after line {line}; the rest of it skipped",
                        name()
                    ));
                    break;
                }
            };
            line += 1;
            let line_start = offset;
            offset += n as u64;
            unreported += n as u64;
            let location = Location {
                file: file.clone(),
                line: Some(line),
            };
            let Some(text) = self.line_text(&raw, line_start, &location, &mut replaced) else {
                continue;
            };
            let Some(doc) = self.line_document(text, location) else {
                continue;
            };
            let doc = Doc {
                bytes: std::mem::take(&mut unreported),
                ..doc
            };
            if !self.batcher.push(doc) {
                return false;
            }
        }
        if let Some(first) = replaced.first {
            self.reporter.warn(format_args!(
                "{}: replaced {} invalid UTF-8 byte(s) with U+FFFD in {} line(s), the first at byte {first}",
                name(),
                replaced.bytes,
                replaced.lines
            ));
        }
        true
    }

    /// The text of a line read with its end (`raw`, at byte `line_start` of
    /// the stream), without the line break; `None` when it is invalid UTF-8
    /// and not `--lossy` (reported as skipped).
    fn line_text(
        &self,
        raw: &[u8],
        line_start: u64,
        location: &Location,
        replaced: &mut Replaced,
    ) -> Option<String> {
        let mut bytes = raw;
        if let Some(rest) = bytes.strip_suffix(b"\n") {
            bytes = rest;
        }
        if let Some(rest) = bytes.strip_suffix(b"\r") {
            bytes = rest;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Some(text.to_owned()),
            Err(e) if self.lossy => {
                replaced.bytes += bytes
                    .utf8_chunks()
                    .map(|c| c.invalid().len())
                    .sum::<usize>();
                replaced.lines += 1;
                replaced
                    .first
                    .get_or_insert(line_start + e.valid_up_to() as u64);
                Some(String::from_utf8_lossy(bytes).into_owned())
            }
            Err(e) => {
                let at = e.valid_up_to();
                self.reporter.skip(format_args!(
                    "{location}: invalid UTF-8 at byte {} (byte {at} of the line); skipped",
                    line_start + at as u64
                ));
                None
            }
        }
    }

    /// The document a line makes: the line itself, or with `--jsonl` its
    /// object's text; `None` for a blank or bad JSON line (reported).
    fn line_document(&mut self, text: String, location: Location) -> Option<Doc> {
        let Mode::Jsonl(field) = self.mode else {
            return Some(Doc {
                location,
                carried: None,
                text,
                bytes: 0,
            });
        };
        if text.trim().is_empty() {
            return None;
        }
        match self.json_document(&text, field) {
            Ok((text, carried)) => Some(Doc {
                location,
                carried: Some(carried),
                text,
                bytes: 0,
            }),
            Err(problem) => {
                self.reporter
                    .skip(format_args!("{location}: {problem}; skipped"));
                None
            }
        }
    }

    /// The text and the other fields of a JSON Lines object.
    fn json_document(
        &mut self,
        line: &str,
        field: &str,
    ) -> Result<(String, Map<String, Value>), String> {
        let mut object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Err("not a JSON object".into()),
            Err(e) => return Err(format!("not JSON ({e})")),
        };
        let text = match object.shift_remove(field) {
            Some(Value::String(text)) => text,
            Some(_) => return Err(format!("field {field:?} is not a string")),
            None => return Err(format!("no field {field:?}")),
        };
        for own in crate::output::OWN_FIELDS {
            if object.shift_remove(own).is_some() && !self.warned_collision {
                self.warned_collision = true;
                self.reporter.warn(format_args!(
                    "input field {own:?} is not carried into the output, which has its own"
                ));
            }
        }
        Ok((text, object))
    }
}
