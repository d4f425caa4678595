//! Output: the contract's JSON object per document, built on the records'
//! own `Serialize` (so the records are exactly those of `examples/extract`),
//! or one CSV/TSV row per record.

use std::io::{self, Write};

use serde_json::Value;
use zh_extract::Extraction;

use crate::input::Doc;

/// How records are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// JSON Lines: one object per document.
    Jsonl,
    /// Comma-separated values, one row per record, with a header.
    Csv,
    /// Tab-separated values, one row per record, with a header.
    Tsv,
}

/// The fields of the output object that input fields cannot take.
pub(crate) const OWN_FIELDS: [&str; 2] = ["entities", "quantities"];

/// The CSV/TSV columns.
const COLUMNS: [&str; 14] = [
    "source",
    "kind",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "value",
    "unit",
    "approx",
    "min",
    "max",
    "per",
    "object",
];

pub(crate) fn write_header(format: Format, out: &mut impl Write) -> io::Result<()> {
    if format == Format::Jsonl {
        return Ok(());
    }
    let mut writer = table_writer(format, &mut *out);
    writer.write_record(COLUMNS)?;
    writer.flush()
}

fn table_writer<W: Write>(format: Format, out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(if format == Format::Tsv { b'\t' } else { b',' })
        .has_headers(false)
        .buffer_capacity(4096)
        .from_writer(out)
}

/// The output for one document, or why it cannot be written.
pub(crate) fn render(format: Format, doc: &Doc, found: &Extraction<'_>) -> Result<Vec<u8>, String> {
    match format {
        Format::Jsonl => json(doc, found),
        Format::Csv | Format::Tsv => table(format, doc, found).map_err(|e| e.to_string()),
    }
}

/// `{` source fields `,` then the contract's object without its `{`.
fn json(doc: &Doc, found: &Extraction<'_>) -> Result<Vec<u8>, String> {
    let body = serde_json::to_vec(found).map_err(|e| format!("records not writable ({e})"))?;
    let Some(fields) = body.strip_prefix(b"{") else {
        return Err("records not written as a JSON object".into());
    };
    let mut out = Vec::with_capacity(body.len() + 64);
    out.push(b'{');
    let written = match &doc.carried {
        Some(carried) => carried
            .iter()
            .try_for_each(|(name, value)| push_field(&mut out, name, value)),
        None => doc
            .location
            .file
            .as_deref()
            .map_or(Ok(()), |file| push_field(&mut out, "file", file))
            .and_then(|()| {
                doc.location
                    .line
                    .map_or(Ok(()), |line| push_field(&mut out, "line", &line))
            }),
    };
    written.map_err(|e| format!("source fields not writable ({e})"))?;
    out.extend_from_slice(fields);
    out.push(b'\n');
    Ok(out)
}

/// `"name":value,`
fn push_field<T: serde::Serialize + ?Sized>(
    out: &mut Vec<u8>,
    name: &str,
    value: &T,
) -> serde_json::Result<()> {
    serde_json::to_writer(&mut *out, name)?;
    out.push(b':');
    serde_json::to_writer(&mut *out, value)?;
    out.push(b',');
    Ok(())
}

/// What the `source` column says: the one carried field's value, all
/// carried fields as JSON, or the file and line.
fn source(doc: &Doc) -> String {
    match &doc.carried {
        Some(carried) if carried.len() == 1 => match carried.values().next() {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => doc.location.to_string(),
        },
        Some(carried) if !carried.is_empty() => {
            serde_json::to_string(carried).unwrap_or_else(|_| doc.location.to_string())
        }
        _ => doc.location.to_string(),
    }
}

/// One row per record, entities and quantities merged by position.
fn table(format: Format, doc: &Doc, found: &Extraction<'_>) -> io::Result<Vec<u8>> {
    let mut writer = table_writer(format, Vec::new());
    let source = source(doc);
    let mut entities = found.entities.iter().peekable();
    let mut quantities = found.quantities.iter().peekable();
    loop {
        let entity_first = match (entities.peek(), quantities.peek()) {
            (None, None) => break,
            (Some(e), Some(q)) => e.span.start <= q.span.start,
            (e, _) => e.is_some(),
        };
        if entity_first {
            let Some(e) = entities.next() else { break };
            let s = e.span;
            writer.write_record([
                source.as_str(),
                e.kind.as_str(),
                e.text,
                &s.start.to_string(),
                &s.end.to_string(),
                &s.char_start.to_string(),
                &s.char_end.to_string(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ])?;
        } else {
            let Some(q) = quantities.next() else { break };
            let s = q.span;
            // Values as their exact decimal text, whatever JSON makes of them.
            let number =
                |v: Option<zh_extract::Value>| v.map(|v| v.to_string()).unwrap_or_default();
            let approx = match serde_json::to_value(q.approx) {
                Ok(Value::String(name)) => name,
                _ => String::new(),
            };
            writer.write_record([
                source.as_str(),
                q.kind.as_str(),
                q.text,
                &s.start.to_string(),
                &s.end.to_string(),
                &s.char_start.to_string(),
                &s.char_end.to_string(),
                &number(q.value),
                q.unit,
                &approx,
                &number(q.min),
                &number(q.max),
                q.per.unwrap_or(""),
                q.object.unwrap_or(""),
            ])?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))
}
