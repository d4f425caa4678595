//! The records an extraction returns.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::value::Value;

/// Where a record sits in the input: half-open ranges in two units.
///
/// `start..end` are UTF-8 byte offsets, so `&text[span.start..span.end]`
/// is the record's text. `char_start..char_end` count Unicode scalar
/// values, as Python and JavaScript (outside the BMP: Python) index strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the record (inclusive).
    pub start: usize,
    /// Byte just past the record (exclusive).
    pub end: usize,
    /// First character of the record (inclusive), in Unicode scalar values.
    pub char_start: usize,
    /// Character just past the record (exclusive), in Unicode scalar values.
    pub char_end: usize,
}

impl Span {
    /// The byte range, for slicing the input.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// What an [`Entity`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person: `王建国`, `记者李明`'s `李明`.
    Person,
    /// An organization: `宁波港集团有限公司`, `宁波市鄞州区总工会`.
    Organization,
    /// A place: `余姚市梁弄镇横坎头村`, `江苏省`.
    Place,
}

impl EntityKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];

    /// The name used in JSON: `person`, `organization`, `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A person, organization or place named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Entity<'a> {
    /// What it names.
    pub kind: EntityKind,
    /// The text over the span, exactly as in the input (line breaks included).
    pub text: &'a str,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}

/// What a [`Quantity`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuantityKind {
    /// An amount of money: `200万元`, `15美元`.
    Money,
    /// A number with a classifier: `86名职工`, `4万余人次`.
    Count,
    /// A physical or data measure: `10公斤`, `800多米`, `5GB`.
    Measure,
    /// A share: `30%`, `百分之三十`, `3成`, `5个百分点`.
    Percent,
    /// An age: `25岁`.
    Age,
    /// A temperature: `零下5摄氏度`.
    Temperature,
    /// A bare number with no unit; reported only when asked for.
    Number,
}

impl QuantityKind {
    /// Every kind, in a fixed order.
    pub const ALL: [QuantityKind; 7] = [
        QuantityKind::Money,
        QuantityKind::Count,
        QuantityKind::Measure,
        QuantityKind::Percent,
        QuantityKind::Age,
        QuantityKind::Temperature,
        QuantityKind::Number,
    ];

    /// The name used in JSON: `money`, `count`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Count => "count",
            QuantityKind::Measure => "measure",
            QuantityKind::Percent => "percent",
            QuantityKind::Age => "age",
            QuantityKind::Temperature => "temperature",
            QuantityKind::Number => "number",
        }
    }
}

/// How exact the written value is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Approx {
    /// As written: `200万元`.
    #[default]
    Exact,
    /// Roughly: `约`, `大约`, `左右`, `上下`.
    About,
    /// More than: `余`, `多`, `以上`, `超过`, `逾`, `至少`.
    Over,
    /// Less than: `近`, `不到`, `不足`, `以下`.
    Under,
    /// Between two written bounds: `3至5万元`, `三四十人`.
    Range,
}

/// An amount, count, measure or share, with its normalised value.
///
/// In JSON, a value beyond the range of a double (±1.7976931348623157e308),
/// which JSON parsers in Python and JavaScript read as infinity, is written
/// `null`, with its exact decimal text beside it in `value_text` (`min_text`,
/// `max_text` for the bounds).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quantity<'a> {
    /// What it measures.
    pub kind: QuantityKind,
    /// The text over the span, approximation words included (`3元左右`).
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// The number as written, normalised (`200万` → 2000000). `None` only when
    /// the text names no number (`数百名`). For a range, its lower bound.
    pub value: Option<Value>,
    /// Currency code, classifier as written, or canonical unit symbol.
    pub unit: &'a str,
    /// How exact the value is.
    pub approx: Approx,
    /// Lower bound, when known.
    pub min: Option<Value>,
    /// Upper bound, when known.
    pub max: Option<Value>,
    /// For unit prices, the unit priced (`15元/斤` → `斤`).
    pub per: Option<&'a str>,
    /// For counts, the noun counted when it follows directly (`86名职工` → `职工`).
    pub object: Option<&'a str>,
}

impl Serialize for Quantity<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("text", self.text)?;
        map.serialize_entry("start", &self.span.start)?;
        map.serialize_entry("end", &self.span.end)?;
        map.serialize_entry("char_start", &self.span.char_start)?;
        map.serialize_entry("char_end", &self.span.char_end)?;
        match self.value {
            Some(v) if !v.fits_f64() => {
                map.serialize_entry("value", &None::<Value>)?;
                map.serialize_entry("value_text", &v.to_string())?;
            }
            value => map.serialize_entry("value", &value)?,
        }
        map.serialize_entry("unit", self.unit)?;
        map.serialize_entry("approx", &self.approx)?;
        for (name, text_name, bound) in
            [("min", "min_text", self.min), ("max", "max_text", self.max)]
        {
            match bound {
                Some(v) if !v.fits_f64() => {
                    map.serialize_entry(name, &None::<Value>)?;
                    map.serialize_entry(text_name, &v.to_string())?;
                }
                Some(v) => map.serialize_entry(name, &v)?,
                None => {}
            }
        }
        if let Some(per) = self.per {
            map.serialize_entry("per", per)?;
        }
        if let Some(object) = self.object {
            map.serialize_entry("object", object)?;
        }
        map.end()
    }
}

/// Everything found in one document, each list sorted by position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extraction<'a> {
    /// People, organizations and places; sorted, never overlapping.
    pub entities: Vec<Entity<'a>>,
    /// Amounts, counts, measures and shares; sorted, never overlapping.
    pub quantities: Vec<Quantity<'a>>,
}

/// One word of the segmentation, with its part-of-speech tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Token<'a> {
    /// The word, exactly as in the input.
    pub text: &'a str,
    /// Its jieba part-of-speech tag (`n`, `nr`, `ns`, `m`, ...).
    pub tag: &'a str,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
}
