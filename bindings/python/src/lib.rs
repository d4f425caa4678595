//! Python bindings of zh-extract: `zh_extract.Extractor` and its records.
//!
//! Extraction runs with the GIL released; only the records' Python objects
//! are made with it held, one small object per record, whose strings and
//! `Decimal`s are made when read.

use std::borrow::Cow;
use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple, PyType};
use rayon::prelude::*;
use zh_extract::{Approx, EntityKind, Extraction, Extractor, QuantityKind, Span, Value};

/// The Rust error as a Python exception with the same message: `OSError`
/// for I/O, `ValueError` for everything else (bad input, bad dictionary).
fn py_error(e: zh_extract::Error) -> PyErr {
    match e {
        zh_extract::Error::Io(io) => PyOSError::new_err(format!("I/O: {io}")),
        other => PyValueError::new_err(other.to_string()),
    }
}

/// `decimal.Decimal(text)`: exact, whatever the magnitude.
fn decimal<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DECIMAL
        .import(py, "decimal", "Decimal")?
        .call1((value.to_string(),))
}

fn optional_decimal<'py>(py: Python<'py>, value: &Option<Value>) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Some(v) => decimal(py, v),
        None => Ok(py.None().into_bound(py)),
    }
}

/// Python's `repr` of a string (`'王建国'`).
fn repr_str(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// The JSON name of an `Approx` (`exact`, `about`, ...), from its serde
/// form so a new variant is named as the contract names it.
fn approx_name(approx: Approx) -> Cow<'static, str> {
    const KNOWN: [&str; 5] = ["exact", "about", "over", "under", "range"];
    match serde_json::to_value(approx) {
        Ok(serde_json::Value::String(name)) => match KNOWN.iter().find(|k| **k == name) {
            Some(k) => Cow::Borrowed(k),
            None => Cow::Owned(name),
        },
        _ => Cow::Borrowed("exact"),
    }
}

fn span_items<'py>(dict: &Bound<'py, PyDict>, span: &Span) -> PyResult<()> {
    dict.set_item("start", span.start)?;
    dict.set_item("end", span.end)?;
    dict.set_item("char_start", span.char_start)?;
    dict.set_item("char_end", span.char_end)
}

/// A person, organization or place named in the text.
#[pyclass(module = "zh_extract", name = "Entity", frozen, eq, hash)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PyEntity {
    kind: &'static str,
    text: String,
    span: Span,
}

#[pymethods]
impl PyEntity {
    /// `person`, `organization` or `place`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }
    /// The text over the span, exactly as in the input.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// UTF-8 byte offset of the first byte.
    #[getter]
    fn start(&self) -> usize {
        self.span.start
    }
    /// UTF-8 byte offset just past the end.
    #[getter]
    fn end(&self) -> usize {
        self.span.end
    }
    /// Python string index of the first character: `text[char_start:char_end]`.
    #[getter]
    fn char_start(&self) -> usize {
        self.span.char_start
    }
    /// Python string index just past the last character.
    #[getter]
    fn char_end(&self) -> usize {
        self.span.char_end
    }

    /// The record as the contract's JSON object (a `dict`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("kind", self.kind)?;
        dict.set_item("text", &self.text)?;
        span_items(&dict, &self.span)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let s = &self.span;
        Ok(format!(
            "Entity(kind={}, text={}, start={}, end={}, char_start={}, char_end={})",
            repr_str(py, self.kind)?,
            repr_str(py, &self.text)?,
            s.start,
            s.end,
            s.char_start,
            s.char_end
        ))
    }
}

/// An amount, count, measure or share, with its exact value.
#[pyclass(module = "zh_extract", name = "Quantity", frozen, eq, hash)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PyQuantity {
    kind: &'static str,
    text: String,
    span: Span,
    value: Option<Value>,
    unit: String,
    approx: Cow<'static, str>,
    min: Option<Value>,
    max: Option<Value>,
    per: Option<String>,
    object: Option<String>,
}

#[pymethods]
impl PyQuantity {
    /// `money`, `count`, `measure`, `percent`, `age`, `temperature`, `number`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }
    /// The text over the span, approximation words included.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// UTF-8 byte offset of the first byte.
    #[getter]
    fn start(&self) -> usize {
        self.span.start
    }
    /// UTF-8 byte offset just past the end.
    #[getter]
    fn end(&self) -> usize {
        self.span.end
    }
    /// Python string index of the first character.
    #[getter]
    fn char_start(&self) -> usize {
        self.span.char_start
    }
    /// Python string index just past the last character.
    #[getter]
    fn char_end(&self) -> usize {
        self.span.char_end
    }
    /// The number as written, exact (`decimal.Decimal`); `None` when the
    /// text names no number (`数百名`). For a range, its lower bound.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        optional_decimal(py, &self.value)
    }
    /// Currency code, classifier as written, or canonical unit symbol.
    #[getter]
    fn unit(&self) -> &str {
        &self.unit
    }
    /// `exact`, `about`, `over`, `under` or `range`.
    #[getter]
    fn approx(&self) -> &str {
        &self.approx
    }
    /// Lower bound when known (`Decimal`), else `None`.
    #[getter]
    fn min<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        optional_decimal(py, &self.min)
    }
    /// Upper bound when known (`Decimal`), else `None`.
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        optional_decimal(py, &self.max)
    }
    /// For unit prices, the unit priced (`15元/斤` → `斤`).
    #[getter]
    fn per(&self) -> Option<&str> {
        self.per.as_deref()
    }
    /// For counts, the noun counted when it follows directly.
    #[getter]
    fn object(&self) -> Option<&str> {
        self.object.as_deref()
    }

    /// The record as the contract's JSON object (a `dict`; numbers as
    /// `Decimal`; `min`, `max`, `per`, `object` only when set, as in JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("kind", self.kind)?;
        dict.set_item("text", &self.text)?;
        span_items(&dict, &self.span)?;
        dict.set_item("value", optional_decimal(py, &self.value)?)?;
        dict.set_item("unit", &self.unit)?;
        dict.set_item("approx", self.approx.as_ref())?;
        if self.min.is_some() {
            dict.set_item("min", optional_decimal(py, &self.min)?)?;
        }
        if self.max.is_some() {
            dict.set_item("max", optional_decimal(py, &self.max)?)?;
        }
        if let Some(per) = &self.per {
            dict.set_item("per", per)?;
        }
        if let Some(object) = &self.object {
            dict.set_item("object", object)?;
        }
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let s = &self.span;
        let number = |v: &Option<Value>| -> PyResult<String> {
            Ok(optional_decimal(py, v)?.repr()?.to_string())
        };
        let mut out = format!(
            "Quantity(kind={}, text={}, start={}, end={}, char_start={}, char_end={}, \
             value={}, unit={}, approx={}",
            repr_str(py, self.kind)?,
            repr_str(py, &self.text)?,
            s.start,
            s.end,
            s.char_start,
            s.char_end,
            number(&self.value)?,
            repr_str(py, &self.unit)?,
            repr_str(py, &self.approx)?,
        );
        if self.min.is_some() {
            out += &format!(", min={}", number(&self.min)?);
        }
        if self.max.is_some() {
            out += &format!(", max={}", number(&self.max)?);
        }
        if let Some(per) = &self.per {
            out += &format!(", per={}", repr_str(py, per)?);
        }
        if let Some(object) = &self.object {
            out += &format!(", object={}", repr_str(py, object)?);
        }
        out.push(')');
        Ok(out)
    }
}

/// One word of the segmentation, with its part-of-speech tag.
#[pyclass(module = "zh_extract", name = "Token", frozen, eq, hash)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PyToken {
    text: String,
    tag: String,
    span: Span,
}

#[pymethods]
impl PyToken {
    /// The word, exactly as in the input.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Its jieba part-of-speech tag (`n`, `nr`, `ns`, `m`, ...).
    #[getter]
    fn tag(&self) -> &str {
        &self.tag
    }
    #[getter]
    fn start(&self) -> usize {
        self.span.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.span.end
    }
    #[getter]
    fn char_start(&self) -> usize {
        self.span.char_start
    }
    #[getter]
    fn char_end(&self) -> usize {
        self.span.char_end
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("tag", &self.tag)?;
        span_items(&dict, &self.span)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let s = &self.span;
        Ok(format!(
            "Token(text={}, tag={}, start={}, end={}, char_start={}, char_end={})",
            repr_str(py, &self.text)?,
            repr_str(py, &self.tag)?,
            s.start,
            s.end,
            s.char_start,
            s.char_end
        ))
    }
}

/// The records of one document, owned, made without the GIL.
struct Owned {
    entities: Vec<PyEntity>,
    quantities: Vec<PyQuantity>,
}

impl Owned {
    fn new(found: Extraction<'_>) -> Owned {
        Owned {
            entities: found
                .entities
                .into_iter()
                .map(|e| PyEntity {
                    kind: e.kind.as_str(),
                    text: e.text.to_owned(),
                    span: e.span,
                })
                .collect(),
            quantities: found
                .quantities
                .into_iter()
                .map(|q| PyQuantity {
                    kind: q.kind.as_str(),
                    text: q.text.to_owned(),
                    span: q.span,
                    value: q.value,
                    unit: q.unit.to_owned(),
                    approx: approx_name(q.approx),
                    min: q.min,
                    max: q.max,
                    per: q.per.map(str::to_owned),
                    object: q.object.map(str::to_owned),
                })
                .collect(),
        }
    }

    fn into_py(self, py: Python<'_>) -> PyResult<Py<PyExtraction>> {
        let entities = self
            .entities
            .into_iter()
            .map(|e| Py::new(py, e))
            .collect::<PyResult<Vec<_>>>()?;
        let quantities = self
            .quantities
            .into_iter()
            .map(|q| Py::new(py, q))
            .collect::<PyResult<Vec<_>>>()?;
        Py::new(
            py,
            PyExtraction {
                entities: PyTuple::new(py, entities)?.unbind(),
                quantities: PyTuple::new(py, quantities)?.unbind(),
            },
        )
    }
}

/// Everything found in one document: `entities` and `quantities`, each a
/// tuple sorted by position.
#[pyclass(module = "zh_extract", name = "Extraction", frozen)]
struct PyExtraction {
    entities: Py<PyTuple>,
    quantities: Py<PyTuple>,
}

#[pymethods]
impl PyExtraction {
    /// People, organizations and places (`Entity`), by position.
    #[getter]
    fn entities(&self, py: Python<'_>) -> Py<PyTuple> {
        self.entities.clone_ref(py)
    }
    /// Amounts, counts, measures and shares (`Quantity`), by position.
    #[getter]
    fn quantities(&self, py: Python<'_>) -> Py<PyTuple> {
        self.quantities.clone_ref(py)
    }

    /// `{"entities": [...], "quantities": [...]}`: the contract's JSON
    /// object, as `examples/extract` and the `zh-extract` tool print it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let entities: Vec<Bound<'py, PyDict>> = self
            .entities
            .bind(py)
            .iter()
            .map(|e| e.cast_into::<PyEntity>()?.get().to_dict(py))
            .collect::<PyResult<_>>()?;
        let quantities: Vec<Bound<'py, PyDict>> = self
            .quantities
            .bind(py)
            .iter()
            .map(|q| q.cast_into::<PyQuantity>()?.get().to_dict(py))
            .collect::<PyResult<_>>()?;
        dict.set_item("entities", entities)?;
        dict.set_item("quantities", quantities)?;
        Ok(dict)
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<PyExtraction>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.entities.bind(py).eq(other.entities.bind(py))?
            && self.quantities.bind(py).eq(other.quantities.bind(py))?)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.entities.bind(py).len() + self.quantities.bind(py).len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Extraction(entities={}, quantities={})",
            self.entities.bind(py).repr()?,
            self.quantities.bind(py).repr()?
        ))
    }
}

/// A user word: `"横坎头村"`, or `("横坎头村", 1000, "ns")` with a frequency
/// and a part-of-speech tag (either may be `None`).
#[derive(FromPyObject)]
enum UserWord {
    Plain(String),
    Full(String, Option<usize>, Option<String>),
}

/// Finds people, organizations, places and quantities in Chinese text.
#[pyclass(module = "zh_extract", name = "Extractor", frozen)]
struct PyExtractor {
    inner: Extractor,
    kinds: Vec<&'static str>,
    /// `threads=N`: a pool of its own; otherwise rayon's global one (all
    /// cores, or `RAYON_NUM_THREADS`).
    pool: Option<rayon::ThreadPool>,
}

/// Text handed to the extractor: a `str`, or `bytes` that should be UTF-8.
enum Input {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (*, kinds = None, user_words = None, numbers = false, user_dict = None, split_nested = false, threads = None))]
    fn new(
        py: Python<'_>,
        kinds: Option<Vec<String>>,
        user_words: Option<Vec<UserWord>>,
        numbers: bool,
        user_dict: Option<PathBuf>,
        split_nested: bool,
        threads: Option<usize>,
    ) -> PyResult<Self> {
        let pool = match threads {
            None => None,
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("zh-extract-{i}"))
                    .build()
                    .map_err(|e| PyOSError::new_err(e.to_string()))?,
            ),
        };
        let mut builder = Extractor::builder();
        if let Some(kinds) = &kinds {
            let mut entities = Vec::new();
            let mut quantities = Vec::new();
            for name in kinds {
                if let Some(k) = EntityKind::ALL.into_iter().find(|k| k.as_str() == name) {
                    entities.push(k);
                } else if let Some(k) = QuantityKind::ALL.into_iter().find(|k| k.as_str() == name) {
                    quantities.push(k);
                } else {
                    return Err(PyValueError::new_err(format!(
                        "unknown kind {name:?} (expected one of {})",
                        all_kinds().join(", ")
                    )));
                }
            }
            builder = builder.entity_kinds(entities).quantity_kinds(quantities);
        }
        if numbers {
            builder = builder.with_bare_numbers();
        }
        for word in user_words.unwrap_or_default() {
            builder = match word {
                UserWord::Plain(w) => builder.user_word(&w, None, None),
                UserWord::Full(w, frequency, tag) => {
                    builder.user_word(&w, frequency, tag.as_deref())
                }
            };
        }
        if let Some(path) = &user_dict {
            let file = std::fs::File::open(path)
                .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
            builder = builder
                .user_dictionary(std::io::BufReader::new(file))
                .map_err(py_error)?;
        }
        if split_nested {
            builder = builder.split_nested_names();
        }
        // Loading the dictionary and model takes a while: let other threads run.
        let inner = py.detach(|| builder.build()).map_err(py_error)?;
        let kinds = match kinds {
            Some(names) => all_kinds()
                .into_iter()
                .filter(|k| names.iter().any(|n| n == k) || (numbers && *k == "number"))
                .collect(),
            None => all_kinds()
                .into_iter()
                .filter(|k| numbers || *k != "number")
                .collect(),
        };
        Ok(PyExtractor { inner, kinds, pool })
    }

    /// The kinds this extractor reports.
    #[getter]
    fn kinds(&self) -> Vec<&'static str> {
        self.kinds.clone()
    }

    /// Everything found in `text` (a `str`, or UTF-8 `bytes`).
    ///
    /// Raises `ValueError` for bytes that are not UTF-8, with the offset.
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyExtraction>> {
        let input = if let Ok(bytes) = text.cast::<PyBytes>() {
            Input::Bytes(PyBackedBytes::from(bytes.clone()))
        } else if let Ok(s) = text.cast::<PyString>() {
            Input::Text(s.clone().try_into()?)
        } else {
            return Err(PyTypeError::new_err(format!(
                "extract() takes a str or bytes, not {}",
                text.get_type().name()?
            )));
        };
        let owned = py.detach(|| match &input {
            Input::Text(s) => Ok(Owned::new(self.inner.extract(s))),
            Input::Bytes(b) => self.inner.extract_bytes(b).map(Owned::new),
        });
        owned.map_err(py_error)?.into_py(py)
    }

    /// `extract` over many texts (any iterable of `str`), in order, on all
    /// cores (or `threads`), with the GIL released.
    fn extract_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Py<PyExtraction>>> {
        let owned = self.batch(py, texts, "extract_batch")?;
        owned.into_iter().map(|o| o.into_py(py)).collect()
    }

    /// `extract_batch` as a table: a dict of equal-length lists, one row per
    /// record (each document's entities, then its quantities), for
    /// `pandas.DataFrame` or Arrow. `doc` is the document's index in
    /// `texts`; `value`, `min`, `max` are floats (None beyond a double's
    /// range), `value_text` the exact decimal; quantity columns are None
    /// for entities.
    fn extract_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let owned = self.batch(py, texts, "extract_columns")?;
        let columns = py.detach(|| Columns::of(owned));
        columns.into_dict(py)
    }

    /// The words of `text` with their part-of-speech tags, as segmentation
    /// sees them.
    fn tokenize(&self, py: Python<'_>, text: PyBackedStr) -> Vec<PyToken> {
        py.detach(|| {
            self.inner
                .tokenize(&text)
                .into_iter()
                .map(|t| PyToken {
                    text: t.text.to_owned(),
                    tag: t.tag.to_owned(),
                    span: t.span,
                })
                .collect()
        })
    }

    fn __repr__(&self) -> String {
        format!("Extractor(kinds={:?})", self.kinds).replace('"', "'")
    }
}

impl PyExtractor {
    /// The records of every text, made on all cores without the GIL.
    fn batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        method: &str,
    ) -> PyResult<Vec<Owned>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "{method}() takes an iterable of str, not a str: use extract()"
            )));
        }
        let documents = texts
            .try_iter()?
            .map(|t| t?.extract::<PyBackedStr>())
            .collect::<PyResult<Vec<PyBackedStr>>>()?;
        let run = || -> Vec<Owned> {
            documents
                .par_iter()
                .map(|d| Owned::new(self.inner.extract(d)))
                .collect()
        };
        Ok(py.detach(|| match &self.pool {
            Some(pool) => pool.install(run),
            None => run(),
        }))
    }
}

/// The nearest double, as Python's `float(Decimal)` gives it; None beyond
/// the range of doubles.
fn double(value: &Option<Value>) -> Option<f64> {
    let parsed = value.as_ref()?.to_string().parse::<f64>().ok()?;
    parsed.is_finite().then_some(parsed)
}

/// Records of many documents, column by column.
#[derive(Default)]
struct Columns {
    doc: Vec<usize>,
    kind: Vec<&'static str>,
    text: Vec<String>,
    start: Vec<usize>,
    end: Vec<usize>,
    char_start: Vec<usize>,
    char_end: Vec<usize>,
    value: Vec<Option<f64>>,
    value_text: Vec<Option<String>>,
    unit: Vec<Option<String>>,
    approx: Vec<Option<Cow<'static, str>>>,
    min: Vec<Option<f64>>,
    max: Vec<Option<f64>>,
    per: Vec<Option<String>>,
    object: Vec<Option<String>>,
}

impl Columns {
    fn of(documents: Vec<Owned>) -> Columns {
        let mut c = Columns::default();
        for (doc, owned) in documents.into_iter().enumerate() {
            for e in owned.entities {
                c.row(doc, e.kind, e.text, e.span);
                c.value.push(None);
                c.value_text.push(None);
                c.unit.push(None);
                c.approx.push(None);
                c.min.push(None);
                c.max.push(None);
                c.per.push(None);
                c.object.push(None);
            }
            for q in owned.quantities {
                c.row(doc, q.kind, q.text, q.span);
                c.value.push(double(&q.value));
                c.value_text.push(q.value.map(|v| v.to_string()));
                c.unit.push(Some(q.unit));
                c.approx.push(Some(q.approx));
                c.min.push(double(&q.min));
                c.max.push(double(&q.max));
                c.per.push(q.per);
                c.object.push(q.object);
            }
        }
        c
    }

    fn row(&mut self, doc: usize, kind: &'static str, text: String, span: Span) {
        self.doc.push(doc);
        self.kind.push(kind);
        self.text.push(text);
        self.start.push(span.start);
        self.end.push(span.end);
        self.char_start.push(span.char_start);
        self.char_end.push(span.char_end);
    }

    fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("doc", self.doc)?;
        dict.set_item("kind", self.kind)?;
        dict.set_item("text", self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("char_start", self.char_start)?;
        dict.set_item("char_end", self.char_end)?;
        dict.set_item("value", self.value)?;
        dict.set_item("value_text", self.value_text)?;
        dict.set_item("unit", self.unit)?;
        dict.set_item("approx", self.approx)?;
        dict.set_item("min", self.min)?;
        dict.set_item("max", self.max)?;
        dict.set_item("per", self.per)?;
        dict.set_item("object", self.object)?;
        Ok(dict)
    }
}

fn all_kinds() -> Vec<&'static str> {
    EntityKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(QuantityKind::ALL.iter().map(|k| k.as_str()))
        .collect()
}

/// The native module; `zh_extract/__init__.py` re-exports it.
#[pymodule]
fn _zh_extract(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyExtraction>()?;
    m.add_class::<PyEntity>()?;
    m.add_class::<PyQuantity>()?;
    m.add_class::<PyToken>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
