//! # zh-extract
//!
//! Typed records for the people, organizations and places that Chinese text
//! names, and for every amount and count in it, with exact spans.
//!
//! ```
//! use zh_extract::{Extractor, QuantityKind};
//!
//! let extractor = Extractor::new();
//! let text = "宁波港集团有限公司设立200万元帮扶资金，带动职工参与4万余人次。";
//! let found = extractor.extract(text);
//! let money = &found.quantities[0];
//! assert_eq!(money.kind, QuantityKind::Money);
//! assert_eq!(money.text, "200万元");
//! assert_eq!(money.value.unwrap().to_string(), "2000000");
//! assert_eq!(money.unit, "CNY");
//! assert_eq!(&text[money.span.range()], money.text);
//! ```
//!
//! ## Crate features
//!
//! - `parallel` (default): [`Extractor::extract_batch`] runs on all cores
//!   with rayon. Without it, batches run on the calling thread.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod extract;
mod extractor;
mod record;
mod segment;
mod text;
mod traditional;
mod value;

pub use error::{Error, Result};
pub use extract::entities::EntityModel;
pub use extract::entities::train;
pub use extract::numeral::{find_numbers, parse_number};
pub use extractor::{Extractor, ExtractorBuilder};
pub use record::{Approx, Entity, EntityKind, Extraction, Quantity, QuantityKind, Span, Token};
pub use value::Value;

/// The README's examples run as doctests, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
