//! The extractor: builds once, then runs every recogniser over a document.

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::extract::entities::{EntityModel, FoundEntity};
use crate::extract::quantity::{FoundQuantity, UnitRef};
use crate::extract::{self, Scratch};
use crate::record::{Entity, EntityKind, Extraction, Quantity, QuantityKind, Span, Token};
use crate::segment::Segmenter;
use crate::text::{LineProfile, View};

/// Pieces of a long document are cut at a sentence end once they reach this
/// many bytes, so memory stays flat however long a line is.
const PIECE_TARGET_BYTES: usize = 16 * 1024;
/// Without a sentence end, a piece is cut at any punctuation or space past this.
const PIECE_SOFT_LIMIT_BYTES: usize = 64 * 1024;
/// Without any punctuation or space, at the next change of script past this.
const PIECE_HARD_LIMIT_BYTES: usize = 1024 * 1024;

/// Finds people, organizations, places and quantities in Chinese text.
///
/// Build it once ([`Extractor::new`] or [`Extractor::builder`]) and share
/// it: it is `Send + Sync`, and [`extract`](Extractor::extract) takes `&self`.
#[derive(Clone, Debug)]
pub struct Extractor {
    segmenter: Segmenter,
    model: Option<Arc<EntityModel>>,
    entity_kinds: Vec<EntityKind>,
    quantity_kinds: Vec<QuantityKind>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded dictionary and entity model, finding
    /// every kind of entity and quantity except bare numbers.
    pub fn new() -> Extractor {
        ExtractorBuilder::default()
            .build()
            .expect("the embedded defaults always load")
    }

    /// A builder to choose kinds, add words or load another model.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Everything found in `text`, with spans into `text`.
    pub fn extract<'a>(&self, text: &'a str) -> Extraction<'a> {
        let mut out = Extraction::default();
        let mut scratch = Scratch::default();
        let profile = LineProfile::of(text);
        let mut char_base = 0usize;
        for (byte_base, piece) in pieces(text) {
            let base = Span {
                start: byte_base,
                end: byte_base,
                char_start: char_base,
                char_end: char_base,
            };
            self.extract_piece(text, piece, base, profile, &mut scratch, &mut out);
            char_base += piece.chars().count();
        }
        if let Some(model) = self.model.as_deref() {
            if !self.entity_kinds.is_empty() {
                extract::entities::document_pass(model, text, &mut out.entities);
                drop_numbers_inside_names(&out.entities, &mut out.quantities);
                out.entities.retain(|e| self.entity_kinds.contains(&e.kind));
            }
        }
        out
    }

    /// Like [`extract`](Extractor::extract), for bytes that should be UTF-8.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`] with the offset of the first bad byte.
    pub fn extract_bytes<'a>(&self, bytes: &'a [u8]) -> Result<Extraction<'a>> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(self.extract(text)),
            Err(e) => Err(Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            }),
        }
    }

    /// Extracts from many documents, in order, on all cores when the
    /// `parallel` feature is on (it is by default).
    pub fn extract_batch<'a, S>(&self, documents: &'a [S]) -> Vec<Extraction<'a>>
    where
        S: AsRef<str> + Sync,
    {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            documents
                .par_iter()
                .map(|d| self.extract(d.as_ref()))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            documents.iter().map(|d| self.extract(d.as_ref())).collect()
        }
    }

    /// The words of `text` with their part-of-speech tags, as segmentation
    /// sees them (after normalisation; spans point into `text`).
    pub fn tokenize<'a>(&'a self, text: &'a str) -> Vec<Token<'a>> {
        let mut tokens = Vec::new();
        let profile = LineProfile::of(text);
        let mut view = View::default();
        let mut char_base = 0usize;
        for (byte_base, piece) in pieces(text) {
            let base = Span {
                start: byte_base,
                end: byte_base,
                char_start: char_base,
                char_end: char_base,
            };
            view.rebuild(piece, profile);
            let mut words = Vec::new();
            self.segmenter.tag_into(&view.text, &mut words);
            for w in &words {
                if w.start >= w.end {
                    continue;
                }
                let span = view.span(w.start, w.end, base);
                let tag = w.tag;
                tokens.push(Token {
                    text: &text[span.range()],
                    tag,
                    span,
                });
            }
            char_base += piece.chars().count();
        }
        tokens
    }

    fn extract_piece<'a>(
        &self,
        text: &'a str,
        piece: &str,
        base: Span,
        profile: LineProfile,
        scratch: &mut Scratch,
        out: &mut Extraction<'a>,
    ) {
        scratch.view.rebuild(piece, profile);
        let view = &scratch.view;
        let mut words = Vec::new();
        self.segmenter.tag_into(&view.text, &mut words);

        if !self.quantity_kinds.is_empty() {
            scratch.quantities.clear();
            extract::quantity::find(view, &words, &mut scratch.quantities);
            for q in scratch.quantities.drain(..) {
                if !self.quantity_kinds.contains(&q.kind) {
                    continue;
                }
                out.quantities.push(to_record(text, view, base, q));
            }
        }
        if let Some(model) = self.model.as_deref() {
            if !self.entity_kinds.is_empty() {
                scratch.entities.clear();
                model.find(view, &words, &mut scratch.entities);
                for FoundEntity { kind, start, end } in scratch.entities.drain(..) {
                    let span = view.span(start, end, base);
                    out.entities.push(Entity {
                        kind,
                        text: &text[span.range()],
                        span,
                    });
                }
            }
        }
    }
}

fn to_record<'a>(text: &'a str, view: &View, base: Span, q: FoundQuantity) -> Quantity<'a> {
    let span = view.span(q.start, q.end, base);
    let resolve = |u: UnitRef| -> &'a str {
        match u {
            UnitRef::Static(s) => s,
            UnitRef::Written(s, e) => &text[view.span(s, e, base).range()],
        }
    };
    Quantity {
        kind: q.kind,
        text: &text[span.range()],
        span,
        value: q.value,
        unit: resolve(q.unit),
        approx: q.approx,
        min: q.min,
        max: q.max,
        per: q.per.map(resolve),
        object: q.object.map(|(s, e)| &text[view.span(s, e, base).range()]),
    }
}

/// A numeral inside a name is part of the name (`铁道部十六局二处`,
/// `三亚市`): drop quantities that lie wholly within an organization or a
/// place. Both lists are sorted by position.
fn drop_numbers_inside_names(entities: &[Entity<'_>], quantities: &mut Vec<Quantity<'_>>) {
    let mut names = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Place))
        .peekable();
    quantities.retain(|q| {
        while names.peek().is_some_and(|e| e.span.end <= q.span.start) {
            names.next();
        }
        !names
            .peek()
            .is_some_and(|e| e.span.start <= q.span.start && q.span.end <= e.span.end)
    });
}

/// Cuts `text` into pieces that no record crosses: after a sentence end
/// (or a line break) once a piece is long enough; yields (byte offset, piece).
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest_start = 0usize;
    std::iter::from_fn(move || {
        if rest_start >= text.len() {
            return None;
        }
        let rest = &text[rest_start..];
        let cut = cut_point(rest);
        let piece = &rest[..cut];
        let at = rest_start;
        rest_start += cut;
        Some((at, piece))
    })
}

/// Where the first piece of `rest` ends (a char boundary, > 0).
fn cut_point(rest: &str) -> usize {
    if rest.len() <= PIECE_TARGET_BYTES {
        return rest.len();
    }
    let mut soft = None;
    let mut previous: Option<char> = None;
    for (i, c) in rest.char_indices() {
        let after = i + c.len_utf8();
        // A line break after a Han character may be a soft one inside a name.
        let sentence_end = matches!(c, '。' | '！' | '？' | '；')
            || (c == '\n' && !previous.is_some_and(crate::text::is_han));
        if i >= PIECE_TARGET_BYTES && sentence_end {
            return after;
        }
        if i >= PIECE_SOFT_LIMIT_BYTES {
            if soft.is_none()
                && (c.is_whitespace() || (c.is_ascii_punctuation() && c != '.') || is_cjk_punct(c))
            {
                soft = Some(after);
            }
            if let Some(s) = soft {
                return s;
            }
            if i >= PIECE_HARD_LIMIT_BYTES
                && previous.is_some_and(|p| script_class(p) != script_class(c))
            {
                return i;
            }
        }
        previous = Some(c);
    }
    rest.len()
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '：' | '（' | '）' | '「' | '」' | '《' | '》' | '“' | '”'
    )
}

fn script_class(c: char) -> u8 {
    if c.is_ascii_digit() {
        0
    } else if crate::text::is_han(c) {
        1
    } else if c.is_alphabetic() {
        2
    } else {
        3
    }
}

/// Options for an [`Extractor`]; start from [`Extractor::builder`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    entity_kinds: Vec<EntityKind>,
    quantity_kinds: Vec<QuantityKind>,
    user_words: Vec<(String, Option<usize>, Option<String>)>,
    model: Option<Arc<EntityModel>>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            entity_kinds: EntityKind::ALL.to_vec(),
            quantity_kinds: QuantityKind::ALL
                .into_iter()
                .filter(|k| *k != QuantityKind::Number)
                .collect(),
            user_words: Vec::new(),
            model: None,
        }
    }
}

impl ExtractorBuilder {
    /// Which entity kinds to report (all by default; none turns the
    /// entity recogniser off, which makes extraction faster).
    pub fn entity_kinds(mut self, kinds: impl IntoIterator<Item = EntityKind>) -> Self {
        self.entity_kinds = kinds.into_iter().collect();
        self
    }

    /// Which quantity kinds to report (all but [`QuantityKind::Number`] by
    /// default).
    pub fn quantity_kinds(mut self, kinds: impl IntoIterator<Item = QuantityKind>) -> Self {
        self.quantity_kinds = kinds.into_iter().collect();
        self
    }

    /// Also report bare numbers with no unit, as [`QuantityKind::Number`].
    pub fn with_bare_numbers(mut self) -> Self {
        if !self.quantity_kinds.contains(&QuantityKind::Number) {
            self.quantity_kinds.push(QuantityKind::Number);
        }
        self
    }

    /// Adds a word to the segmentation dictionary, with an optional
    /// frequency (jieba's default otherwise) and part-of-speech tag.
    pub fn user_word(mut self, word: &str, frequency: Option<usize>, tag: Option<&str>) -> Self {
        self.user_words
            .push((word.to_owned(), frequency, tag.map(str::to_owned)));
        self
    }

    /// Adds every line of a jieba-style dictionary (`word [freq] [tag]`).
    ///
    /// # Errors
    ///
    /// [`Error::Dictionary`] naming the line whose frequency is not a number,
    /// [`Error::Io`] if reading fails.
    pub fn user_dictionary(mut self, reader: impl std::io::BufRead) -> Result<Self> {
        for (i, line) in reader.lines().enumerate() {
            let line = line?;
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let mut frequency = None;
            let mut tag = None;
            for part in parts {
                if frequency.is_none() && tag.is_none() && part.bytes().all(|b| b.is_ascii_digit())
                {
                    frequency = Some(part.parse::<usize>().map_err(|e| Error::Dictionary {
                        line: i + 1,
                        reason: format!("frequency {part:?}: {e}"),
                    })?);
                } else if tag.is_none() {
                    tag = Some(part.to_owned());
                } else {
                    return Err(Error::Dictionary {
                        line: i + 1,
                        reason: format!("unexpected field {part:?} after the tag"),
                    });
                }
            }
            self.user_words.push((word.to_owned(), frequency, tag));
        }
        Ok(self)
    }

    /// Uses `model` (from [`EntityModel::from_bytes`], or trained with
    /// `examples/train.rs`) instead of the embedded one.
    pub fn entity_model(mut self, model: EntityModel) -> Self {
        self.model = Some(Arc::new(model));
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// [`Error::Model`] if the embedded model cannot be read (a build defect).
    pub fn build(self) -> Result<Extractor> {
        let model = match self.model {
            Some(m) => Some(m),
            None if self.entity_kinds.is_empty() => None,
            None => Some(EntityModel::embedded()?),
        };
        Ok(Extractor {
            segmenter: Segmenter::with_words(&self.user_words),
            model,
            entity_kinds: self.entity_kinds,
            quantity_kinds: self.quantity_kinds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn 长文本切块后拼回原文() {
        let sentence = "宁波市总工会今年开展培训38场。";
        let text = sentence.repeat(5000);
        let mut joined = String::new();
        for (at, piece) in pieces(&text) {
            assert_eq!(at, joined.len());
            assert!(piece.len() <= PIECE_SOFT_LIMIT_BYTES);
            joined.push_str(piece);
        }
        assert_eq!(joined, text);
    }

    #[test]
    fn 无标点长串也能切块() {
        let text = "1".repeat(3 * PIECE_HARD_LIMIT_BYTES);
        let n: usize = pieces(&text).map(|(_, p)| p.len()).sum();
        assert_eq!(n, text.len());
    }

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }
}
