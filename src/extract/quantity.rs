//! The quantity scanner: numerals, then what stands around them.

use crate::record::{Approx, QuantityKind};
use crate::segment::Word;
use crate::text::View;
use crate::value::Value;

/// A unit as the record will show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitRef {
    /// A canonical name (`CNY`, `kg`, `%`).
    Static(&'static str),
    /// As written in the text, over these view chars (a classifier).
    Written(usize, usize),
}

/// A quantity found in a view, in view char indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FoundQuantity {
    pub kind: QuantityKind,
    pub start: usize,
    pub end: usize,
    pub value: Option<Value>,
    pub unit: UnitRef,
    pub approx: Approx,
    pub min: Option<Value>,
    pub max: Option<Value>,
    pub per: Option<UnitRef>,
    pub object: Option<(usize, usize)>,
}

/// Appends the quantities of `view` to `out`, sorted, never overlapping.
pub(crate) fn find(view: &View, words: &[Word<'_>], out: &mut Vec<FoundQuantity>) {
    let _ = (view, words, out);
}
