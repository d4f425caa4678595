//! People, organizations and places: a character tagger over the view.
//!
//! Each sentence of the normalised view is tagged with BIOES x {person,
//! place, organization} + O by a linear-chain CRF (or a structured
//! averaged perceptron; see [`train`]), decoded by Viterbi over valid tag
//! transitions. Features
//! ([`features`]) are characters and character n-grams around each char,
//! char classes, the jieba word covering it (position, part of speech,
//! neighbours), and lexicon matches (administrative divisions, name
//! suffixes, surnames learned from the training data, person cues).
//! [`document_pass`] then makes a whole document consistent, and places
//! that lead an organization's name are merged into it.

// Tag loops index several parallel arrays by tag.
#![allow(clippy::needless_range_loop)]

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::error::Result;
use crate::record::{Entity, EntityKind};
use crate::segment::{self, Word};
use crate::text::View;

mod clusters;
pub(crate) mod convention;
mod decode;
mod document;
mod features;
mod lexicon;
mod model;
pub mod train;

use decode::{N_TAGS, Viterbi};
use features::Features;
use lexicon::CATEGORIES;
use model::{LANES, Row};

/// An entity found in a view, in view char indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundEntity {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}

/// The model shipped with the crate (trained by `examples/train.rs` on
/// seven corpora, `data/README.md`), deflate-compressed.
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../data/entities.model");

static EMBEDDED: OnceLock<std::result::Result<Arc<EntityModel>, String>> = OnceLock::new();

/// A trained entity recogniser.
pub struct EntityModel {
    parts: model::Parts,
}

impl std::fmt::Debug for EntityModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityModel")
            .field("features", &self.parts.n_features)
            .finish()
    }
}

/// Buffers reused from one sentence to the next on a thread.
#[derive(Default)]
struct Scratch {
    features: Features,
    /// Weight sums of each position (i16 lanes, see `tag_sentence`).
    sums: Vec<[i16; LANES]>,
    emit: Vec<i16>,
    tags: Vec<u8>,
    viterbi: Viterbi,
    /// The hashed features of a sentence: position (padded) and key.
    keys: Vec<(u32, u64)>,
    /// The groups of a sentence, looked up (see `add_groups`).
    found: Vec<(u32, u8)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl EntityModel {
    /// The model embedded in the crate, loaded once per process.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Model`] if the embedded model cannot be read (a build defect).
    pub fn embedded() -> Result<Arc<EntityModel>> {
        let loaded = EMBEDDED.get_or_init(|| {
            EntityModel::from_bytes(EMBEDDED_BYTES)
                .map(Arc::new)
                .map_err(|e| e.to_string())
        });
        match loaded {
            Ok(m) => Ok(Arc::clone(m)),
            Err(reason) => Err(crate::Error::Model {
                reason: format!("embedded model: {reason}"),
                offset: 0,
            }),
        }
    }

    /// Reads a model written by `examples/train.rs` (or returned by [`train::train`]).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Model`] when the bytes are not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<EntityModel> {
        Ok(EntityModel {
            parts: model::read(bytes)?,
        })
    }

    /// Reads a model file.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Io`] if the file cannot be read, [`crate::Error::Model`]
    /// if it is not a model.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<EntityModel> {
        let bytes = std::fs::read(path)?;
        EntityModel::from_bytes(&bytes)
    }

    /// Number of weighted features.
    pub fn feature_count(&self) -> usize {
        self.parts.n_features
    }

    /// Appends the entities of `view` to `out`.
    /// With `outermost`, places leading an organization's name are merged
    /// into it.
    pub(crate) fn find(
        &self,
        view: &View,
        words: &[Word<'_>],
        outermost: bool,
        out: &mut Vec<FoundEntity>,
    ) {
        SCRATCH.with(|s| {
            let mut guard = s.borrow_mut();
            let scratch = &mut *guard;
            let chars = &view.chars;
            let lexicon = &self.parts.lexicon;
            let is_division = |name: &[char]| {
                lexicon
                    .get(lexicon::word_key(name))
                    .is_some_and(|(f, _)| f & lexicon::PLACE != 0)
            };
            let mut cuts = Vec::new();
            let found = out.len();
            // The last sentence with the `。` added (see below).
            let (mut marked, mut marked_words) = (Vec::new(), Vec::new());
            let mut w0 = 0usize;
            for (start, end) in sentences(chars) {
                while w0 < words.len() && words[w0].end <= start {
                    w0 += 1;
                }
                let mut w1 = w0;
                while w1 < words.len() && words[w1].start < end {
                    w1 += 1;
                }
                // The model learned from Chinese: a sentence without Han
                // characters (a log line, English) is not its business.
                if !chars[start..end].iter().any(|&c| crate::text::is_han(c)) {
                    continue;
                }
                // A text that stops without a sentence mark is tagged as if
                // `。` followed: a sentence then reads the same at the end of
                // a text as before a `。` (nothing reads across one).
                let open_end = !ends_sentence(&chars[start..end]);
                let (sentence, sentence_words) = if !open_end {
                    (&chars[start..end], &words[w0..w1])
                } else {
                    marked.clear();
                    marked.extend_from_slice(&chars[start..end]);
                    marked.push('。');
                    marked_words.clear();
                    marked_words.extend_from_slice(&words[w0..w1]);
                    marked_words.push(sentence_mark(end));
                    (&marked[..], &marked_words[..])
                };
                self.tag_sentence(sentence, sentence_words, start, scratch);
                let first = out.len();
                let mut taken = 0;
                decode::spans(&scratch.tags, |ty, s, e| {
                    // Names carry no spaces, commas, sentence marks or
                    // currency and percent signs: a span across one is a
                    // runaway (and would swallow the amounts in it). A
                    // space inside a Latin name or after a name's dot
                    // (`Philip Turner`) is part of the name.
                    if (s..e).any(|i| {
                        never_in_name(sentence[i]) && !inside_name_space(sentence, s, e, i)
                    }) {
                        return;
                    }
                    let Some((kind, s, e)) =
                        convention::name_span(sentence, decode::kind(ty), s, e)
                    else {
                        return;
                    };
                    // `上官|俊杰`: a compound surname the tagger left out.
                    let s = match kind {
                        EntityKind::Person => convention::with_compound_surname(sentence, s, e),
                        _ => s,
                    };
                    let e = match kind {
                        EntityKind::Person => {
                            let known = |name: &[char]| {
                                let flags = self.parts.lexicon.get(lexicon::word_key(name));
                                flags.is_some_and(|(f, _)| f & lexicon::GAZ_PERSON != 0)
                            };
                            convention::before_adverb(sentence, sentence_words, start, s, e, known)
                        }
                        _ => e,
                    };
                    // A place before its own government's formal name is
                    // that body (`雷山县人民政府`: the outermost name).
                    let (kind, e) = match convention::place_body_end(sentence, kind, e) {
                        Some(end) => (EntityKind::Organization, end),
                        None => (kind, e),
                    };
                    // `鄞州区第二医院`, `猎德街道办事处`: the end says body.
                    let kind = match kind {
                        EntityKind::Place if convention::ends_as_body(&sentence[s..e]) => {
                            EntityKind::Organization
                        }
                        _ => kind,
                    };
                    // A name the convention lengthened (`王某`) ends where
                    // the next may have begun.
                    let mut s = s.max(taken);
                    if s >= e {
                        return;
                    }
                    // Where a name of this kind may end: the tagger's span
                    // is cut back to one, and a joining word splits a span
                    // after one.
                    let ends_place = |k: usize| {
                        is_division(&sentence[s..k])
                            || convention::ends_as_division(&sentence[s..k])
                    };
                    let ends_name = |k: usize| match kind {
                        EntityKind::Organization => ends_with_org_suffix(lexicon, &sentence[s..k]),
                        _ => ends_place(k),
                    };
                    // A name runs no further than the name
                    // (`故宫博物院|文创团队合作设计包装`, `杭州|会展业`).
                    let end = convention::name_end(
                        sentence,
                        sentence_words,
                        start,
                        kind,
                        (s, e),
                        ends_name,
                    );
                    // An organization that ends as no name and holds none
                    // to cut back to is its leading places, if any
                    // (`甘南藏族自治州玛曲县|巡回医疗`); not one the end of
                    // a text cuts (`…惠山区人民医` on a PDF line read alone).
                    let cut_by_end = open_end && e + 1 == sentence.len();
                    let (kind, e) = match (end, kind) {
                        (Some(end), _) => (kind, end),
                        (None, EntityKind::Organization) if !cut_by_end => {
                            match convention::last_name_end(
                                sentence_words,
                                start,
                                (s, e),
                                ends_place,
                            ) {
                                Some(k) => (EntityKind::Place, k),
                                None => (kind, e),
                            }
                        }
                        (None, _) => (kind, e),
                    };
                    taken = e;
                    let mut push =
                        |part| push_name(out, first, sentence, start, part, is_division, &mut cuts);
                    // `联合县人社局`: the verb is no part of the name;
                    // `A局联合B部`, `A总工会和B总工会` are two.
                    if kind != EntityKind::Person {
                        // A bare category noun may act with a body too
                        // (`街道联合金水区人民医院`); it is dropped below.
                        let joins_after = |k: usize| {
                            ends_name(k) || convention::is_category_noun(&sentence[s..k])
                        };
                        if let Some((v, w)) =
                            convention::joining_word(sentence_words, start, s, e, joins_after)
                        {
                            if v > s {
                                push(Part { kind, s, e: v });
                            }
                            s = w;
                        }
                    }
                    // An event is no body, but the places in its name are
                    // places (`2024厦门马拉松`, `中国（寿光）…博览会`), as
                    // jieba reads them.
                    if kind == EntityKind::Organization && convention::is_event(&sentence[s..e]) {
                        let w0 = sentence_words.partition_point(|w| w.start < start + s);
                        for w in sentence_words[w0..]
                            .iter()
                            .take_while(|w| w.end <= start + e)
                        {
                            if w.tag == "ns" && w.end - w.start >= 2 {
                                let (s, e) = (w.start - start, w.end - start);
                                push(Part {
                                    kind: EntityKind::Place,
                                    s,
                                    e,
                                });
                            }
                        }
                        return;
                    }
                    push(Part { kind, s, e });
                });
                find_familiar_names(sentence, sentence_words, start, out, first);
                find_titled_names(sentence, sentence_words, start, lexicon, out, first);
                find_short_bodies(sentence, sentence_words, start, lexicon, out, first);
                complete_lists(sentence, start, out, first);
                if outermost {
                    merge_nested(out, first);
                    drop_short_form_runs(out, first);
                } else {
                    split_nested(sentence, start, out, first, is_division);
                }
            }
            // A text cut in the middle of a name's suffix (a PDF line read
            // alone: `…武汉港务集团有`) ends the name it began.
            if let Some(last) = out[found..].last_mut() {
                let mut rest = &chars[last.end..];
                while let [head @ .., c] = rest
                    && c.is_whitespace()
                {
                    rest = head;
                }
                if last.kind == EntityKind::Organization && lexicon::is_suffix_start(rest) {
                    last.end += rest.len();
                }
            }
        });
    }

    /// Tags one sentence into `scratch.tags`. Not inlined: inlined into
    /// its caller's closure it ran 3.6% more instructions (callgrind).
    #[inline(never)]
    fn tag_sentence(&self, chars: &[char], words: &[Word<'_>], base: usize, scratch: &mut Scratch) {
        let table = &self.parts.table;
        // A position's sum of a few dozen i8 weights fits an i16: sixteen
        // lanes in two registers. Every position starts with the bias
        // feature, looked up once.
        let mut bias = [0i16; LANES];
        add(&mut bias, table.get(features::BIAS_KEY));
        // Position i sums at i + PAD: the groups around the sentence's
        // ends add to the padding instead of branching on the bounds.
        let n = chars.len();
        let sums = &mut scratch.sums;
        sums.clear();
        sums.resize(n + 2 * PAD, bias);
        scratch.keys.clear();
        let mut sink = Summing {
            keys: &mut scratch.keys,
            small_rows: &self.parts.small_rows,
            lexicon_rows: &self.parts.lexicon_rows,
            sums,
            at: PAD,
            acc: bias,
        };
        let features = &mut scratch.features;
        features.compute_into(chars, words, base, &self.parts.lexicon, &mut sink);
        sink.flush();
        // The hashed features' rows, in a loop with no branch on what
        // they hold, so that their cache misses overlap (looked up as the
        // features are found, each waited for the last).
        for &(at, key) in &scratch.keys {
            if let Some(acc) = sums.get_mut(at as usize) {
                add(acc, table.get(key));
            }
        }
        // Grouped features: a char's (or pair's) block adds its slot k row
        // to the position k before the entry (see `Features::unigrams`):
        // entry e to sums e + PAD - k, always in the padded range.
        let groups = &self.parts.groups;
        let found = &mut scratch.found;
        add_groups::<5>(groups, &features.unigrams, found, sums);
        add_groups::<4>(groups, &features.bigrams, found, sums);
        scratch.emit.clear();
        for acc in &sums[PAD..PAD + n] {
            scratch.emit.extend_from_slice(&acc[..N_TAGS]);
        }
        // No name holds a column mark or a space between cells: only O may
        // be decoded there, so a span the tagger would run across one is
        // cut into its parts.
        for (i, row) in scratch.emit.chunks_exact_mut(N_TAGS).enumerate() {
            if !crate::text::is_han(chars[i]) && splits_names(chars, i) {
                row.fill(i16::MIN);
                row[usize::from(decode::O)] = i16::MAX;
            }
        }
        scratch
            .viterbi
            .decode(&scratch.emit, &self.parts.trans, &mut scratch.tags);
    }
}

/// Adds the rows of each group in `entries` (`SLOTS` offsets each) to the
/// padded sums around it; a fixed number of rows per group, so no branch
/// depends on which slots the model has. All groups are looked up first:
/// with no branch between them the lookups' cache misses overlap, and so
/// do the rows'.
#[inline(always)]
fn add_groups<const SLOTS: usize>(
    groups: &model::Groups,
    entries: &[u64],
    found: &mut Vec<(u32, u8)>,
    sums: &mut [[i16; LANES]],
) {
    found.clear();
    found.extend(entries.iter().map(|&group| groups.find(group)));
    for (e, &f) in found.iter().enumerate() {
        for k in 0..SLOTS {
            if let Some(acc) = sums.get_mut(e + PAD - k) {
                add(acc, groups.row(f, k));
            }
        }
    }
}

/// Sums kept before and after a sentence's (see `tag_sentence`).
const PAD: usize = 4;

/// Adds each feature's weight row to its position's sums as the features
/// are found.
struct Summing<'a> {
    /// The hashed features, summed after the others (see `tag_sentence`).
    keys: &'a mut Vec<(u32, u64)>,
    small_rows: &'a [Row],
    lexicon_rows: &'a [[i16; LANES]],
    sums: &'a mut [[i16; LANES]],
    /// The current position and its sum so far (stored at the next one).
    at: usize,
    acc: [i16; LANES],
}

impl Summing<'_> {
    /// Stores the current position's sum.
    #[inline(always)]
    fn flush(&mut self) {
        if let Some(s) = self.sums.get_mut(self.at) {
            *s = self.acc;
        }
    }
}

impl features::Sink for Summing<'_> {
    #[inline(always)]
    fn position(&mut self, i: usize) {
        if i > 0 {
            self.flush();
        }
        self.at = i + PAD;
        self.acc = self.sums.get(self.at).copied().unwrap_or_default();
    }
    #[inline(always)]
    fn hashed(&mut self, h: u64) {
        self.keys.push((self.at as u32, features::finish(h)));
    }
    #[inline(always)]
    fn small(&mut self, f: features::Small) {
        if let Some(row) = self.small_rows.get(f.index()) {
            add(&mut self.acc, row);
        }
    }
    #[inline(always)]
    fn lexicon(&mut self, begin: &[u8; CATEGORIES], end: &[u8; CATEGORIES]) {
        for cat in 0..CATEGORIES {
            let at = model::lexicon_row(cat, begin[cat], end[cat]);
            if let Some(row) = self.lexicon_rows.get(at) {
                for l in 0..LANES {
                    self.acc[l] = self.acc[l].wrapping_add(row[l]);
                }
            }
        }
    }
}

/// Adds a weight row to a position's sums, all sixteen lanes at once.
#[inline(always)]
fn add(acc: &mut [i16; LANES], row: &Row) {
    for l in 0..LANES {
        acc[l] = acc[l].wrapping_add(i16::from(row.0[l]));
    }
}

/// Whether char `i` parts cells of a row (`1 麻佳琪 兰州大学`), so the
/// decoder tags it O: a column mark, or a space that is not inside a Latin
/// name (`Philip Turner`) or after a name's dot (`斯特凡· 卡普费雷尔`).
fn splits_names(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if crate::text::is_column_separator(c) {
        return true;
    }
    if !c.is_whitespace() {
        return false;
    }
    let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let dot = |c: Option<&char>| c.is_some_and(|&c| matches!(c, '·' | '•' | '-' | '－'));
    let (before, after) = (
        i.checked_sub(1).and_then(|j| chars.get(j)),
        chars.get(i + 1),
    );
    !(latin(before) && latin(after) || dot(before) || dot(after))
}

/// Whether char `i` of the span `s..e` is one space inside a name: after
/// a name's dot (`斯特凡· 卡普费雷尔`), or between Latin words the next of
/// which is capitalised (`Philip Turner`; not English prose, `for I have`).
fn inside_name_space(chars: &[char], s: usize, e: usize, i: usize) -> bool {
    if chars[i] != ' ' || i == s || i + 1 >= e {
        return false;
    }
    let (before, after) = (chars[i - 1], chars[i + 1]);
    matches!(before, '·' | '•') && !after.is_whitespace()
        || before.is_ascii_alphanumeric() && after.is_ascii_uppercase()
}

/// Characters no name contains.
fn never_in_name(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | '，'
                | '、'
                | '。'
                | ';'
                | '；'
                | ':'
                | '：'
                | '!'
                | '！'
                | '?'
                | '？'
                | '%'
                | '％'
                | '$'
                | '¥'
                | '￥'
                | '€'
                | '£'
        )
}

/// Nested names, outermost wins: places right before an organization are
/// part of its name (`宁波市` `鄞州区总工会` -> `宁波市鄞州区总工会`). The
/// MSRA training data tags the leading place separately, so the tagger
/// often splits such names; entities from `first` on are rewritten.
fn merge_nested(out: &mut Vec<FoundEntity>, first: usize) {
    let mut write = first;
    let mut read = first;
    while read < out.len() {
        let mut last = read;
        while out[last].kind == EntityKind::Place
            && last + 1 < out.len()
            && out[last + 1].start == out[last].end
            && matches!(
                out[last + 1].kind,
                EntityKind::Place | EntityKind::Organization
            )
        {
            last += 1;
        }
        let merged = if last > read && out[last].kind == EntityKind::Organization {
            FoundEntity {
                kind: EntityKind::Organization,
                start: out[read].start,
                end: out[last].end,
            }
        } else {
            last = read;
            out[read]
        };
        out[write] = merged;
        write += 1;
        read = last + 1;
    }
    out.truncate(write);
}

/// `中美`, `京津冀`: one-char short forms side by side name a relation or
/// a region, not places the text is about. entities.md allows them;
/// People's Daily 1998 tags none of them (and MSRA every one), so the
/// default leaves them out and the MSRA-style `split_nested_names()`
/// keeps them. A short form alone (`访华`) stays. Entities from `first`
/// on are rewritten.
fn drop_short_form_runs(out: &mut Vec<FoundEntity>, first: usize) {
    let side_by_side = |a: &FoundEntity, b: &FoundEntity| {
        let short = |e: &FoundEntity| e.kind == EntityKind::Place && e.end - e.start == 1;
        short(a) && short(b) && a.end == b.start
    };
    let mut previous: Option<FoundEntity> = None;
    let mut write = first;
    for read in first..out.len() {
        let e = out[read];
        let after = previous.is_some_and(|p| side_by_side(&p, &e));
        let before = out.get(read + 1).is_some_and(|n| side_by_side(&e, n));
        previous = Some(e);
        if !(after || before) {
            out[write] = e;
            write += 1;
        }
    }
    out.truncate(write);
}

/// Nested names apart, as MSRA annotates them: a listed division that
/// leads an organization's name is a place of its own (`北京市` +
/// `海淀区人民法院`) when the rest begins with a division of its own and
/// still names a body, not a bare category (`宁波港集团` and
/// `宁波市总工会` stay whole). Entities from `first` on are the
/// sentence's, in view offsets; the sentence starts at `start`.
fn split_nested(
    sentence: &[char],
    start: usize,
    out: &mut Vec<FoundEntity>,
    first: usize,
    is_division: impl Fn(&[char]) -> bool,
) {
    let mut i = first;
    while i < out.len() {
        let name = out[i];
        let (s, e) = (name.start - start, name.end - start);
        if name.kind == EntityKind::Organization && e >= s + 4 {
            // The rest begins with a division of its own (`海淀区…`, not
            // `宁波|港集团`) and names more than a category.
            let cut = (s + 2..=e - 2).rev().find(|&k| {
                is_division(&sentence[s..k])
                    && (k + 2..e).any(|j| is_division(&sentence[k..j]))
                    && !convention::is_category_noun(&sentence[k..e])
            });
            if let Some(k) = cut {
                out[i] = FoundEntity {
                    kind: EntityKind::Place,
                    start: name.start,
                    end: start + k,
                };
                let body = FoundEntity {
                    kind: EntityKind::Organization,
                    start: start + k,
                    end: name.end,
                };
                out.insert(i + 1, body);
                i += 1;
            }
        }
        i += 1;
    }
}

/// A name found in a sentence: its kind and chars.
#[derive(Clone, Copy)]
struct Part {
    kind: EntityKind,
    s: usize,
    e: usize,
}

/// Appends the name `part` of `sentence` (which starts at `start` in the
/// view) to `out`, whose entities from `first` on are the sentence's: a
/// branch right after its company lengthens it (`…有限公司宁波市分公司`),
/// and a chain of divisions is places, one each, whatever the tag
/// (`首南街道|日丽社区`).
fn push_name(
    out: &mut Vec<FoundEntity>,
    first: usize,
    sentence: &[char],
    start: usize,
    part: Part,
    is_division: impl Fn(&[char]) -> bool,
    cuts: &mut Vec<usize>,
) {
    let Part { mut kind, s, e } = part;
    if kind == EntityKind::Organization
        && let Some(last) = out[first..].last_mut()
    {
        let branch = convention::is_branch(&sentence[s..e]);
        if branch && last.kind == kind && last.end == start + s {
            last.end = start + e;
            return;
        }
    }
    // A part a joining word left may be a bare category noun (`…和公司`);
    // a line may begin with the rest of a name cut by a break (`限公司`).
    if kind == EntityKind::Organization
        && (convention::is_category_noun(&sentence[s..e])
            || (s == 0 || !crate::text::is_han(sentence[s - 1]))
                && lexicon::is_suffix_fragment(&sentence[s..e]))
    {
        return;
    }
    cuts.clear();
    if kind != EntityKind::Person {
        convention::division_cuts(sentence, s, e, is_division, cuts);
    }
    if !cuts.is_empty() {
        kind = EntityKind::Place;
    }
    let mut from = s;
    for &k in cuts.iter().chain(std::iter::once(&e)) {
        out.push(FoundEntity {
            kind,
            start: start + from,
            end: start + k,
        });
        from = k;
    }
}

/// Whether `name` ends with a word that ends organization names (`公司`,
/// `总工会`, `局`), as the lexicon lists them.
fn ends_with_org_suffix(lexicon: &lexicon::Lexicon, name: &[char]) -> bool {
    (1..=name.len().min(6)).any(|k| {
        lexicon
            .get(lexicon::word_key(&name[name.len() - k..]))
            .is_some_and(|(f, _)| f & lexicon::ORG_SUFFIX != 0)
    })
}

/// Adds the familiar forms `小` or `老` + a surname, and a surname +
/// `某` (`冯某`, `张某某`), that the tagger left out (`“小徐，快去休息”`,
/// `叫他老周，`, `民警抓获冯某。`) as persons, as entities.md has them:
/// jieba reads the name as one word or one per char, and a mark, the end
/// or an act follows. Keeps `out[first..]` sorted.
fn find_familiar_names(
    sentence: &[char],
    words: &[Word<'_>],
    base: usize,
    out: &mut Vec<FoundEntity>,
    first: usize,
) {
    let word_ends = |p: usize| {
        let i = words.partition_point(|w| w.end < p);
        words.get(i).is_some_and(|w| w.end == p)
    };
    let found = out.len();
    for i in 0..sentence.len().saturating_sub(1) {
        // Cheap tests first: this runs at every char.
        let n = match sentence[i + 1] {
            '某' => match convention::withheld_name_len(sentence, i) {
                Some(n) => n,
                None => continue,
            },
            _ if convention::familiar_name_at(sentence, i) => 2,
            _ => continue,
        };
        let (s, e) = (base + i, base + i + n);
        if convention::word_at(words, s).is_none() || !word_ends(e) {
            continue;
        }
        let after = sentence.get(i + n).copied();
        // Before more Han chars, only before an act (`小刘也说`, `老何来自`).
        let acts =
            || convention::word_at(words, e).is_some_and(|w| convention::follows_name(w.tag));
        if after.is_some_and(|c| crate::text::is_han(c) || c.is_alphanumeric()) && !acts() {
            continue;
        }
        push_if_free(out, first, found, person(s, e));
    }
    if out.len() > found {
        out[first..].sort_by_key(|x| x.start);
    }
}

/// Adds `name` unless one of the tagger's names (`out[first..found]`,
/// sorted) overlaps it.
fn push_if_free(out: &mut Vec<FoundEntity>, first: usize, found: usize, name: FoundEntity) {
    // The one that might overlap is the last to begin before the end.
    let j = first + out[first..found].partition_point(|x| x.start < name.end);
    if j > first && out[j - 1].end > name.start {
        return;
    }
    out.push(name);
}

/// A person at `s..e`.
fn person(s: usize, e: usize) -> FoundEntity {
    FoundEntity {
        kind: EntityKind::Person,
        start: s,
        end: e,
    }
}

/// Adds the short names of a division's bodies that the tagger left out
/// (`省水利厅`, `市科技局`, `省分行`; entities.md's `市科协`): jieba reads
/// the division's char as a word of its own, and the next word ends as a
/// body's name. Not after a determiner (`各县教育局`). Keeps
/// `out[first..]` sorted.
fn find_short_bodies(
    sentence: &[char],
    words: &[Word<'_>],
    base: usize,
    lexicon: &lexicon::Lexicon,
    out: &mut Vec<FoundEntity>,
    first: usize,
) {
    let found = out.len();
    let w0 = words.partition_point(|w| w.end <= base);
    for (i, pair) in words[w0..].windows(2).enumerate() {
        let (w, next) = (&pair[0], &pair[1]);
        if w.end - w.start != 1
            || !matches!(w.text, "省" | "市" | "县" | "区" | "州")
            || next.start != w.end
            || next.end - next.start < 2
        {
            continue;
        }
        let before = (w0 + i).checked_sub(1).map(|k| words[k].text);
        if before.is_some_and(convention::is_determiner) {
            continue;
        }
        let name = sentence.get(next.start - base..next.end - base);
        if name.is_some_and(|name| ends_with_org_suffix(lexicon, name)) {
            let body = FoundEntity {
                kind: EntityKind::Organization,
                start: w.start,
                end: next.end,
            };
            push_if_free(out, first, found, body);
        }
    }
    if out.len() > found {
        out[first..].sort_by_key(|x| x.start);
    }
}

/// Adds a name that a role introduces and the tagger left out, as
/// `机修工应国庆自…`, `护士长应雪说`: a surname right after the role and one
/// or two more chars up to where jieba begins a verb, an adverb, a
/// preposition, a conjunction or a time word, or a mark. Surnames that are
/// also common words (`应`, `党`, `查`) are seldom names in the training
/// data: a role before them is the evidence. Keeps `out[first..]` sorted.
fn find_titled_names(
    sentence: &[char],
    words: &[Word<'_>],
    base: usize,
    lexicon: &lexicon::Lexicon,
    out: &mut Vec<FoundEntity>,
    first: usize,
) {
    let is_surname = |c: &[char]| {
        convention::is_listed_surname(c)
            || c.len() == 2
                && lexicon
                    .get(lexicon::word_key(c))
                    .is_some_and(|(f, _)| f & lexicon::SURNAME != 0)
    };
    let found = out.len();
    let w0 = words.partition_point(|w| w.end <= base);
    let end = words[w0..].partition_point(|w| w.end <= base + sentence.len());
    // Cheapest tests first: this runs at every word.
    for pair in words[w0..w0 + end].windows(2) {
        let (w, next) = (&pair[0], &pair[1]);
        // Jieba reads the surname as a word of its own or the start of a
        // name (`应当`, `顾问` are no names).
        let one = next.end - next.start == 1;
        if next.start != w.end || !(one || next.tag.starts_with("nr")) {
            continue;
        }
        let s = w.end - base;
        let surname = if !one && is_surname(&sentence[s..(s + 2).min(sentence.len())]) {
            2
        } else if is_surname(&sentence[s..s + 1]) {
            1
        } else {
            continue;
        };
        if next.end - next.start != surname && !next.tag.starts_with("nr")
            || !convention::is_role(w.text)
        {
            continue;
        }
        let ends_here = |e: usize| match sentence.get(e) {
            None => true,
            Some(&c) if !crate::text::is_han(c) => !c.is_alphanumeric(),
            Some(_) => convention::word_at(words, base + e)
                .is_some_and(|w| convention::follows_name(w.tag)),
        };
        let Some(e) = (surname + 1..=surname + 2)
            .map(|n| s + n)
            .find(|&e| e <= sentence.len() && ends_here(e))
        else {
            continue;
        };
        if !sentence[s..e].iter().all(|&c| crate::text::is_han(c)) {
            continue;
        }
        push_if_free(out, first, found, person(base + s, base + e));
    }
    if out.len() > found {
        out[first..].sort_by_key(|x| x.start);
    }
}

/// Completes lists of names: the items between two persons (or two
/// places) in a list cut by `、` are persons (places) too (`…、傅莱、…`
/// among the members of a committee; `智利、乌拉圭、巴拉圭、阿根廷`),
/// whether the tagger left them out or read them as another kind; the
/// last name may follow `和`, `与` or `及`, and a note in brackets may
/// follow a name (`刘新香（女）、`, `乌兰（蒙古族）、`). Persons are two or
/// three chars, places up to eight; an item that is not one name or one
/// such run of Han chars ends the list. Keeps `out[first..]` sorted.
fn complete_lists(sentence: &[char], base: usize, out: &mut Vec<FoundEntity>, first: usize) {
    let at = |p: usize| sentence.get(p.wrapping_sub(base)).copied();
    // After a note in brackets (`刘新香（女）、`, `乌兰（蒙古族）、`).
    let note_end = |p: usize| {
        if matches!(at(p), Some('（' | '('))
            && let Some(q) = (p + 1..p + 6).find(|&q| matches!(at(q), Some('）' | ')')))
        {
            return q + 1;
        }
        p
    };
    let found = out.len();
    let mut i = first;
    while i < found {
        let head = out[i];
        let longest = match head.kind {
            EntityKind::Person => 3,
            EntityKind::Place => 8,
            _ => {
                i += 1;
                continue;
            }
        };
        // Walk the list after `head`: each item is the next name if it
        // begins right after the `、`, else the Han run up to the next `、`.
        // `items` holds (start, end, index in `out` if a name).
        let mut items: Vec<(usize, usize, Option<usize>)> = Vec::new();
        let (mut end, mut j) = (note_end(head.end), i + 1);
        while at(end) == Some('、') {
            let s = end + 1;
            let e = if j < found && out[j].start == s {
                items.push((s, out[j].end, Some(j)));
                j += 1;
                out[j - 1].end
            } else {
                let limit = if j < found {
                    out[j].start
                } else {
                    base + sentence.len()
                };
                let e = (s..limit)
                    .find(|&p| matches!(at(p), Some('、' | '（' | '(')))
                    .unwrap_or(limit);
                let han = (s..e).all(|p| at(p).is_some_and(crate::text::is_han));
                if !han || !(2..=longest).contains(&(e - s)) || at(note_end(e)) != Some('、') {
                    break;
                }
                items.push((s, e, None));
                e
            };
            end = note_end(e);
        }
        // `…、巴拉圭和阿根廷`: a conjunction before the last name.
        if !items.is_empty()
            && matches!(at(end), Some('和' | '与' | '及'))
            && j < found
            && out[j].start == end + 1
        {
            items.push((end + 1, out[j].end, Some(j)));
        }
        // Up to the last item of the head's kind.
        let last = items
            .iter()
            .rposition(|&(_, _, k)| k.is_some_and(|k| out[k].kind == head.kind));
        let Some(last) = last else {
            i += 1;
            continue;
        };
        for &(s, e, k) in &items[..last] {
            match k {
                Some(k) => out[k].kind = head.kind,
                None => out.push(FoundEntity {
                    kind: head.kind,
                    start: s,
                    end: e,
                }),
            }
        }
        // The list may go on after its last name of this kind.
        i = items[last].2.unwrap_or(i + 1);
    }
    if out.len() > found {
        out[first..].sort_by_key(|x| x.start);
    }
}

/// Whether `sentence` ends with a sentence mark, closing quotes and
/// brackets aside.
pub(super) fn ends_sentence(sentence: &[char]) -> bool {
    sentence
        .iter()
        .rev()
        .find(|c| !is_closing(**c))
        .is_some_and(|c| matches!(c, '。' | '！' | '？' | '\n'))
}

/// Quotes and brackets that close, kept with the sentence before them.
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '）' | ')' | '"' | '』')
}

/// The word jieba makes of a `。` at view char `at`.
fn sentence_mark(at: usize) -> Word<'static> {
    let tag_id = segment::tag_id("x");
    Word {
        text: "。",
        tag: segment::TAGS[tag_id as usize],
        tag_id,
        start: at,
        end: at + 1,
    }
}

/// Sentences of a view: cut after `。！？` and line breaks (what the
/// training sentences look like), as `(start, end)` char ranges without
/// the spaces at their ends (a range may be empty).
pub(super) fn sentences(chars: &[char]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        if at >= chars.len() {
            return None;
        }
        let start = at;
        let mut end = chars.len();
        let mut i = start;
        while i < chars.len() {
            let c = chars[i];
            if matches!(c, '。' | '！' | '？' | '\n') {
                // Keep closing quotes and brackets with the sentence.
                let mut j = i + 1;
                while j < chars.len() && is_closing(chars[j]) {
                    j += 1;
                }
                end = j;
                break;
            }
            i += 1;
        }
        at = end;
        // The break or spaces that end a line, and the indent that begins
        // one, are no part of its sentence: a line that stops without a
        // mark then gets its `。` right after its last char, in training
        // as at run time.
        let mut start = start;
        while start < end && chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        Some((start, end))
    })
}

/// Document-level consistency over the entities of a whole document.
pub(crate) fn document_pass<'a>(
    model: &EntityModel,
    segmenter: &segment::Segmenter,
    text: &'a str,
    entities: &mut Vec<Entity<'a>>,
) {
    document::pass(model, segmenter, text, entities);
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::segment::Segmenter;

    /// A span is kept across a space only inside a name: between Latin
    /// words the next of which is capitalised, or after a name's dot.
    #[test]
    fn 名称里的空格() {
        let cases: &[(&str, bool)] = &[
            ("Philip Turner", true),
            ("Goldman Sachs", true),
            ("3G GSM", true),
            ("斯特凡· 卡普费雷尔", true),
            ("for I have", false),
            ("love today", false),
            ("1 柯文静", false),
            ("柯文静 兰州大学", false),
            ("Philip  Turner", false),
        ];
        for &(text, inside) in cases {
            let chars: Vec<char> = text.chars().collect();
            let all = (0..chars.len())
                .filter(|&i| chars[i].is_whitespace())
                .all(|i| inside_name_space(&chars, 0, chars.len(), i));
            assert_eq!(all, inside, "{text}");
        }
    }

    /// The row sums of each position with the small features apart (as
    /// the tagger reads them) equal the sums with them as keys (as the
    /// trainer sees them).
    #[test]
    fn 小特征查表与哈希同分() {
        let model = EntityModel::embedded().unwrap();
        let parts = &model.parts;
        let seg = Segmenter::default();
        let texts = [
            "宁波港集团有限公司工会主席王建国在余姚市梁弄镇横坎头村调研。",
            "记者李明 通讯员张华报道：3月5日，中华全国总工会召开会议。",
            "ABC公司与北京大学签约，Mike Smith出席。",
            "他说",
            include_str!("../../../examples/data/newsletter.txt"),
        ];
        let sum = |keys: &[u64], smalls: &[u32]| {
            let mut acc = [0i16; LANES];
            for &k in keys {
                add(&mut acc, parts.table.get(k));
            }
            for &f in smalls {
                add(&mut acc, &parts.small_rows[f as usize]);
            }
            acc
        };
        let mut checked = 0;
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            let mut words = Vec::new();
            seg.tag_into(text, &mut words);
            let (mut dense, mut keyed) = (Features::default(), Features::default());
            dense.compute(&chars, &words, 0, &parts.lexicon, features::Mode::Dense);
            keyed.compute(&chars, &words, 0, &parts.lexicon, features::Mode::Keys);
            assert_eq!(dense.len(), chars.len());
            for i in 0..chars.len() {
                assert!(!dense.smalls_at(i).is_empty());
                assert_eq!(
                    sum(dense.at(i), dense.smalls_at(i)),
                    sum(keyed.at(i), &[]),
                    "{text:?} at {i}"
                );
                checked += 1;
            }
        }
        assert!(checked > 300);
    }

    /// The tagger's sums (lexicon rows pre-summed, groups and hashed rows
    /// added apart) equal the sums of every key as the trainer sees them;
    /// a space between cells decodes as O only.
    #[test]
    fn 标注求和与逐键求和一致() {
        let model = EntityModel::embedded().unwrap();
        let parts = &model.parts;
        let seg = Segmenter::default();
        let mut scratch = Scratch::default();
        let texts = [
            "宁波港集团有限公司工会主席王建国在余姚市梁弄镇横坎头村调研。",
            "记者李明 通讯员张华报道：3月5日，中华全国总工会召开会议。",
            "他说",
            include_str!("../../../examples/data/newsletter.txt"),
        ];
        let (mut keys, mut start) = (Vec::new(), Vec::new());
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            let mut words = Vec::new();
            seg.tag_into(text, &mut words);
            model.tag_sentence(&chars, &words, 0, &mut scratch);
            let mut keyed = Features::default();
            keyed.compute(&chars, &words, 0, &parts.lexicon, features::Mode::Keys);
            keyed.expanded(&mut keys, &mut start);
            for i in 0..chars.len() {
                let mut acc = [0i16; LANES];
                for &k in &keys[start[i] as usize..start[i + 1] as usize] {
                    let row = if k & features::GROUP_BIT != 0 {
                        let (group, slot) = features::split_slot_key(k);
                        parts.groups.row(parts.groups.find(group), slot)
                    } else {
                        parts.table.get(k)
                    };
                    add(&mut acc, row);
                }
                let emit = &scratch.emit[i * N_TAGS..(i + 1) * N_TAGS];
                if splits_names(&chars, i) {
                    // A space between cells: only O may be decoded.
                    assert_eq!(emit[usize::from(decode::O)], i16::MAX, "{text:?} at {i}");
                    assert!(emit[1..].iter().all(|&x| x == i16::MIN), "{text:?} at {i}");
                } else {
                    assert_eq!(&acc[..N_TAGS], emit, "{text:?} at {i}");
                }
            }
        }
    }

    /// The `。` added at the end of a text is the word jieba makes of one.
    #[test]
    fn 补上的句号与分词一致() {
        let seg = Segmenter::default();
        let mut words = Vec::new();
        seg.tag_into("该公司工会主席表示。", &mut words);
        let mark = words.last().unwrap();
        let added = sentence_mark(mark.start);
        assert_eq!(
            (mark.text, mark.tag, mark.tag_id, mark.start, mark.end),
            (added.text, added.tag, added.tag_id, added.start, added.end)
        );
    }

    #[test]
    fn 句末标记() {
        let cases = [
            ("他说。", true),
            ("他说：“好。”", true),
            ("他说！）", true),
            ("第一行\n", true),
            ("他说", false),
            ("他说“好”", false),
            ("", false),
        ];
        for (text, ends) in cases {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(ends_sentence(&chars), ends, "{text}");
        }
    }
}
