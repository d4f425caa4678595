//! The recognisers: one file each, wired together in [`quantity`] (amounts,
//! counts, measures, shares) and [`entities`] (people, organizations, places).

pub(crate) mod count;
pub mod entities;
pub(crate) mod lexicon;
pub(crate) mod measure;
pub(crate) mod money;
pub(crate) mod numeral;
pub(crate) mod percent;
pub(crate) mod quantity;
pub(crate) mod units;

use crate::text::View;

/// Buffers reused from one piece of a document to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub view: View,
    pub quantities: Vec<quantity::FoundQuantity>,
    /// The quantity scanner's word index (see [`quantity::find`]).
    pub word_at: Vec<u32>,
    pub entities: Vec<entities::FoundEntity>,
}
