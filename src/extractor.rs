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
/// Without a sentence end, a piece is cut after a clause mark past this.
const PIECE_SOFT_LIMIT_BYTES: usize = 64 * 1024;
/// Without any, between two characters that are not both parts of a
/// number or a Latin word past this.
const PIECE_HARD_LIMIT_BYTES: usize = 1024 * 1024;
/// A single run of digits, numerals or letters longer than this is cut
/// anyway (nothing written is that long; it bounds memory).
const PIECE_MAX_BYTES: usize = 2 * 1024 * 1024;
/// Around a cut that is not at a sentence end, the text read before it ...
const CONTEXT_BEFORE_BYTES: usize = 256;
/// ... and after it (grown while a record runs to its end), so a name or a
/// figure across the cut is read whole, once.
const CONTEXT_AFTER_BYTES: usize = 4 * 1024;
/// A record that ends this close to the end of the text read may continue.
const EDGE_BYTES: usize = 64;

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
    split_nested: bool,
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
        windowed(
            text,
            |window, found: &mut Extraction<'a>| {
                self.extract_piece(text, window, profile, &mut scratch, found);
            },
            |found| (&mut found.quantities, &mut found.entities),
            &mut out,
        );
        if let Some(model) = self.model.as_deref()
            && !self.entity_kinds.is_empty()
        {
            extract::entities::document_pass(model, &self.segmenter, text, &mut out.entities);
            drop_names_across_amounts(&mut out.entities, &out.quantities);
            drop_numbers_inside_names(&out.entities, &mut out.quantities);
            out.entities.retain(|e| self.entity_kinds.contains(&e.kind));
            out.quantities
                .retain(|q| self.quantity_kinds.contains(&q.kind));
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
        let profile = LineProfile::of(text);
        let mut view = View::default();
        let mut out: (Vec<Token<'a>>, Vec<Token<'a>>) = (Vec::new(), Vec::new());
        windowed(
            text,
            |window, found: &mut (Vec<Token<'a>>, Vec<Token<'a>>)| {
                view.rebuild_at(window.text, profile, window.line_chars, window.run);
                let mut words = Vec::new();
                self.segmenter.tag_into(&view.text, &mut words);
                found.0.reserve(words.len());
                for w in &words {
                    if w.start >= w.end {
                        continue;
                    }
                    let span = view.span(w.start, w.end, window.base);
                    found.0.push(Token {
                        text: &text[span.range()],
                        tag: w.tag,
                        span,
                    });
                }
            },
            |found| (&mut found.0, &mut found.1),
            &mut out,
        );
        out.0
    }

    fn extract_piece<'a>(
        &self,
        text: &'a str,
        window: Window<'_>,
        profile: LineProfile,
        scratch: &mut Scratch,
        out: &mut Extraction<'a>,
    ) {
        let base = window.base;
        scratch
            .view
            .rebuild_at(window.text, profile, window.line_chars, window.run);
        let view = &scratch.view;
        let mut words = Vec::new();
        let entities_on = self.model.is_some() && !self.entity_kinds.is_empty();
        if entities_on {
            self.segmenter.tag_into(&view.text, &mut words);
        } else {
            // Quantities look at words only around their figures.
            self.segmenter.tag_clauses_into(
                &view.text,
                extract::quantity::is_figure_char,
                &mut words,
            );
        }

        // With names on, every amount is found: amounts and names settle
        // their overlaps before the kinds asked for are kept (`extract`).
        if !self.quantity_kinds.is_empty() || entities_on {
            scratch.quantities.clear();
            extract::quantity::find(view, &words, &mut scratch.word_at, &mut scratch.quantities);
            for q in scratch.quantities.drain(..) {
                let bare = q.kind == QuantityKind::Number;
                if !self.quantity_kinds.contains(&q.kind) && (bare || !entities_on) {
                    continue;
                }
                out.quantities.push(to_record(text, view, base, q));
            }
        }
        if let Some(model) = self.model.as_deref().filter(|_| entities_on) {
            scratch.entities.clear();
            model.find(view, &words, !self.split_nested, &mut scratch.entities);
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

/// A name that begins or ends inside an amount is the tagger reading the
/// amount's numerals as a name (`壹仟伍佰元` gives the person `伍佰元`,
/// `华氏98.6度` the place `华`); so is a name around an amount in
/// financial capitals or Arabic digits (`金额壹仟伍佰圆整`, `华氏101度`),
/// which names do not spell their numbers in (`第二人民医院` keeps its
/// name). Bare numbers (`--numbers`) are no amounts: `360公司` stays.
/// Both lists are sorted by position.
fn drop_names_across_amounts(entities: &mut Vec<Entity<'_>>, quantities: &[Quantity<'_>]) {
    let mut first = 0;
    entities.retain(|e| {
        while quantities
            .get(first)
            .is_some_and(|q| q.span.end <= e.span.start)
        {
            first += 1;
        }
        !quantities[first..]
            .iter()
            .take_while(|q| q.span.start < e.span.end)
            .filter(|q| q.kind != QuantityKind::Number)
            .any(|q| {
                let around = e.span.start <= q.span.start && q.span.end <= e.span.end;
                !around
                    || q.text.chars().any(is_financial_numeral)
                    || q.text.bytes().any(|b| b.is_ascii_digit())
            })
    });
}

/// The capitals of cheques and invoices (`壹仟伍佰`).
fn is_financial_numeral(c: char) -> bool {
    "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c)
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

/// A stretch of the document that the recognisers read at once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Window<'t> {
    /// The text read.
    pub text: &'t str,
    /// Where it starts in the document (`end` fields equal the start ones).
    pub base: Span,
    /// How many characters of its first line come before it.
    pub line_chars: usize,
    /// The run of text before it, up to a space or break.
    pub run: crate::text::Run,
}

/// Where a record sits, for [`windowed`].
pub(crate) trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for Quantity<'_> {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Entity<'_> {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Token<'_> {
    fn span(&self) -> Span {
        self.span
    }
}

/// Where the next piece of a document ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    /// After a sentence end (or the end of the text): no record crosses it.
    Clean(usize),
    /// Anywhere else: read some text on both sides and keep each record
    /// once, by where it starts.
    Forced(usize),
}

/// Runs `run` over the document piece by piece and appends every record it
/// finds to `out`, exactly once, in order: `lists` gives the two record
/// lists of a result. Memory stays bounded by the piece size however long
/// a line is, and a record across a cut is found whole (see [`Cut`]).
pub(crate) fn windowed<'t, R, A, B>(
    text: &'t str,
    mut run: impl FnMut(Window<'t>, &mut R),
    lists: impl Fn(&mut R) -> (&mut Vec<A>, &mut Vec<B>),
    out: &mut R,
) where
    R: Default,
    A: Spanned,
    B: Spanned,
{
    // Records of each list are kept from these byte offsets on.
    let mut next_a = 0usize;
    let mut next_b = 0usize;
    let mut cursor = CharCursor::default();
    let mut forced_before = false;
    let mut found = R::default();
    loop {
        let from = next_a.min(next_b);
        if from >= text.len() {
            break;
        }
        let (cut, clean) = match cut_point(&text[from..]) {
            Cut::Clean(n) => (from + n, true),
            Cut::Forced(n) => (from + n, false),
        };
        let lo = if forced_before {
            floor_boundary(text, from.saturating_sub(CONTEXT_BEFORE_BYTES))
        } else {
            from
        };
        let mut after = if clean { 0 } else { CONTEXT_AFTER_BYTES };
        loop {
            let hi = ceil_boundary(text, cut.saturating_add(after));
            let window = Window {
                text: &text[lo..hi],
                base: cursor.span_at(text, lo),
                line_chars: line_chars_before(text, lo),
                run: crate::text::Run::before(text, lo),
            };
            run(window, &mut found);
            let (a, b) = lists(&mut found);
            a.retain(|r| r.span().start >= next_a && r.span().start < cut);
            b.retain(|r| r.span().start >= next_b && r.span().start < cut);
            let reaches_edge = |end: usize| end + EDGE_BYTES > hi;
            let more = !clean
                && hi < text.len()
                && after < PIECE_MAX_BYTES
                && (a.iter().any(|r| reaches_edge(r.span().end))
                    || b.iter().any(|r| reaches_edge(r.span().end)));
            if !more {
                break;
            }
            a.clear();
            b.clear();
            after = after.saturating_mul(16).min(PIECE_MAX_BYTES);
        }
        let (a, b) = lists(&mut found);
        next_a = a
            .iter()
            .map(|r| r.span().end)
            .fold(cut.max(next_a), usize::max);
        next_b = b
            .iter()
            .map(|r| r.span().end)
            .fold(cut.max(next_b), usize::max);
        let (out_a, out_b) = lists(out);
        out_a.append(a);
        out_b.append(b);
        forced_before = !clean;
    }
}

/// Char offsets of byte offsets, counted forward from the last one asked.
#[derive(Debug, Default)]
struct CharCursor {
    byte: usize,
    char: usize,
}

impl CharCursor {
    /// The empty span at byte `at` (a char boundary), with its char offset.
    fn span_at(&mut self, text: &str, at: usize) -> Span {
        let char_at = if at >= self.byte {
            self.char + text[self.byte..at].chars().count()
        } else {
            self.char - text[at..self.byte].chars().count()
        };
        self.byte = at;
        self.char = char_at;
        Span {
            start: at,
            end: at,
            char_start: char_at,
            char_end: char_at,
        }
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// How many characters of its line come before byte `at` (capped: the
/// view only compares it with a typical line width).
fn line_chars_before(text: &str, at: usize) -> usize {
    text[..at]
        .chars()
        .rev()
        .take(512)
        .take_while(|&c| c != '\n' && c != '\r')
        .filter(|&c| !crate::text::is_invisible(c))
        .count()
}

/// Cuts `text` into the pieces [`windowed`] reads, with no context around
/// them; yields (byte offset, piece).
#[cfg(test)]
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest_start = 0usize;
    std::iter::from_fn(move || {
        if rest_start >= text.len() {
            return None;
        }
        let rest = &text[rest_start..];
        let (Cut::Clean(cut) | Cut::Forced(cut)) = cut_point(rest);
        let piece = &rest[..cut];
        let at = rest_start;
        rest_start += cut;
        Some((at, piece))
    })
}

/// Where the first piece of `rest` ends (a char boundary, > 0), and whether
/// the cut is clean.
fn cut_point(rest: &str) -> Cut {
    if rest.len() <= PIECE_TARGET_BYTES {
        return Cut::Clean(rest.len());
    }
    // The last char that a soft line break would not skip.
    let mut solid: Option<char> = None;
    let mut previous: Option<char> = None;
    for (i, c) in rest.char_indices() {
        let after = i + c.len_utf8();
        if i >= PIECE_TARGET_BYTES {
            // A line break after a Han character or a digit may be a soft
            // one inside a name or a number (the view reads through it), so
            // it is no sentence end.
            let sentence_end = matches!(c, '。' | '！' | '？' | '；')
                || (c == '\n' && !solid.is_some_and(may_wrap));
            if sentence_end {
                return Cut::Clean(after);
            }
        }
        if i >= PIECE_SOFT_LIMIT_BYTES && is_clause_mark(c) {
            return Cut::Forced(after);
        }
        if i >= PIECE_HARD_LIMIT_BYTES
            && (i >= PIECE_MAX_BYTES || !(previous.is_some_and(in_run) && in_run(c)))
        {
            return Cut::Forced(i);
        }
        if !crate::text::is_break_space(c) {
            solid = Some(c);
        }
        previous = Some(c);
    }
    Cut::Clean(rest.len())
}

/// A line break after this char may be soft (see `View::rebuild_at`).
fn may_wrap(c: char) -> bool {
    let f = crate::text::fold(c);
    crate::text::is_han(c) || f.is_ascii_digit() || f == '.' || c == '·'
}

/// Marks between clauses, that no number or name runs through.
fn is_clause_mark(c: char) -> bool {
    is_cjk_punct(c) || matches!(c, '!' | '?' | ';' | '"' | '(' | ')' | '[' | ']' | '{' | '}')
}

/// Part of a number or a Latin word: digits, letters (full-width too),
/// Chinese numerals, the marks inside numbers.
fn in_run(c: char) -> bool {
    let f = crate::text::fold(c);
    f.is_ascii_alphanumeric()
        || matches!(f, '.' | ',' | '%')
        || crate::extract::numeral::is_numeral_char(c)
        // and the traditional forms it leaves out, `兆`, the decimal point.
        || matches!(c, '萬' | '億' | '兆' | '貳' | '參' | '陸' | '兩' | '点' | '點')
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '：' | '（' | '）' | '「' | '」' | '《' | '》' | '“' | '”'
    )
}

/// Options for an [`Extractor`]; start from [`Extractor::builder`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    entity_kinds: Vec<EntityKind>,
    quantity_kinds: Vec<QuantityKind>,
    user_words: Vec<(String, Option<usize>, Option<String>)>,
    model: Option<Arc<EntityModel>>,
    split_nested: bool,
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
            split_nested: false,
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

    /// Reports a place that leads an organization's name as an entity of
    /// its own (`宁波市` + `鄞州区总工会`), as the MSRA corpus annotates,
    /// instead of the outermost name (`宁波市鄞州区总工会`, the default);
    /// and keeps one-char short forms side by side as places (`中美` →
    /// `中`, `美`), which the default leaves out as People's Daily does.
    pub fn split_nested_names(mut self) -> Self {
        self.split_nested = true;
        self
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
        // The table of traditional chars is built here, not in the first
        // text read.
        crate::traditional::table();
        let user_words = &self.user_words;
        let (model, segmenter) = match self.model {
            Some(m) => (Some(m), Segmenter::with_words(user_words)),
            None if self.entity_kinds.is_empty() => (None, Segmenter::with_words(user_words)),
            None => {
                // The two big loads (jieba's dictionary, the entity model)
                // are independent: on a second core they overlap.
                std::thread::scope(|scope| {
                    let segmenter = std::thread::Builder::new()
                        .name("zh-extract-load".into())
                        .spawn_scoped(scope, || Segmenter::with_words(user_words));
                    let model = EntityModel::embedded();
                    let segmenter = match segmenter {
                        Ok(handle) => handle
                            .join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                        // No thread to be had: load in turn.
                        Err(_) => Segmenter::with_words(user_words),
                    };
                    model.map(|m| (Some(m), segmenter))
                })?
            }
        };
        Ok(Extractor {
            segmenter,
            model,
            entity_kinds: self.entity_kinds,
            quantity_kinds: self.quantity_kinds,
            split_nested: self.split_nested,
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
