//! The features of each character, shared by training and prediction.
//!
//! Every feature is a 40-bit hash of a template id and its contents (chars,
//! tags, lengths); the model maps hashes to weight rows. Nothing here
//! allocates per character: the caller's [`Features`] buffer is reused.
//!
//! The char and char-pair templates are grouped, as vaporetto groups its
//! n-grams: the char at offset `k - 2` of a position is the char at offset
//! `0` of another, so each char (and pair) is hashed once, into a *group*
//! key, and the model keeps one block of rows per group, one row per
//! offset ([`slot_key`]). The tagger looks a group up once and adds its rows
//! to the positions around it: 9 lookups per char become 2.

use std::hash::{BuildHasher, Hasher};

use super::clusters::{MAX_CLUSTERS, text_key};
use super::lexicon::{self, CATEGORIES, Lexicon};
use crate::segment::Word;
use crate::text::is_han;

/// Bumped whenever the feature set changes: a model records it, and a model
/// trained with other features is refused.
pub(crate) const FEATURE_VERSION: u32 = 6;

/// Feature keys keep this many bits; the keys of grouped features have one
/// more, set ([`GROUP_BIT`]).
pub(crate) const KEY_BITS: u32 = 40;

/// Set in the keys of grouped features (and only in those).
pub(crate) const GROUP_BIT: u64 = 1 << KEY_BITS;

/// Rows in a group: five offsets of a char, four of a char pair.
pub(crate) const GROUP_SLOTS: usize = 5;

/// The feature key of slot `slot` (an offset) of group `group`: the group
/// key with the slot in bits 1..4.
#[inline]
pub(crate) fn slot_key(group: u64, slot: usize) -> u64 {
    group | ((slot as u64) << 1)
}

/// The group and slot of a grouped feature key.
#[inline]
pub(crate) fn split_slot_key(key: u64) -> (u64, usize) {
    (key & !0b1110, ((key >> 1) & 0b111) as usize)
}

/// A group key from a hash: [`GROUP_BIT`] set, slot bits clear.
#[inline]
fn group_key(h: u64) -> u64 {
    GROUP_BIT | (finish(h) & !0b1110)
}

/// A `BuildHasher` for keys that are already hashes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NoHash;

/// The hasher of [`NoHash`].
#[derive(Default)]
pub(crate) struct NoHasher(u64);

impl Hasher for NoHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl BuildHasher for NoHash {
    type Hasher = NoHasher;
    fn build_hasher(&self) -> NoHasher {
        NoHasher(0)
    }
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Starts a hash for template `t`.
#[inline]
pub(crate) const fn seed(t: u64) -> u64 {
    (t.wrapping_add(0x9E37_79B9_7F4A_7C15)).wrapping_mul(K)
}

/// Folds `x` into `h`.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// The key of the bias feature, the first key of every position.
pub(crate) const BIAS_KEY: u64 = finish(seed(0));

/// Finishes a hash into a nonzero feature key of [`KEY_BITS`] bits.
#[inline]
pub(crate) const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (h >> (64 - KEY_BITS)) | 1
}

/// Char stand-ins outside the sentence.
const BEFORE: u64 = 0x11_0001;
const AFTER: u64 = 0x11_0002;

/// Coarse class of a char: Han, digit, Latin, punctuation, space, other.
#[inline]
fn class(c: char) -> u8 {
    if is_han(c) {
        0
    } else if c.is_ascii_digit() || matches!(c, '零' | '〇') {
        1
    } else if c.is_ascii_alphabetic() || (c as u32) < 0x3000 && c.is_alphabetic() {
        2
    } else if c.is_whitespace() {
        4
    } else if c.is_ascii_punctuation()
        || (0x3000..0x3040).contains(&(c as u32))
        || (0xFF00..0xFF65).contains(&(c as u32))
        || (0x2000..0x2070).contains(&(c as u32))
    {
        3
    } else {
        5
    }
}

/// A feature of a template with few possible values (a char-class window,
/// a word's shape, a lexicon match length): the tagger reads its row from
/// a dense array built when the model loads, instead of hashing it and
/// searching the weight table. Training sees the same features as hashed
/// keys (the [`finish`]ed [`Small::hash`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Small {
    /// Char classes at offsets -2..=2 (each `0..7`).
    ClassWindow([u8; 5]),
    /// Position in the covering word (`0..4`) and its tag (`0..65`).
    Shape { pos: u8, tag: u8 },
    /// The same and the word's length, at most 6 (`1..=6`).
    ShapeLength { pos: u8, tag: u8, len: u8 },
    /// No word covers the char.
    NoWord,
    /// The longest listed word of a category beginning here (length at
    /// most 6, `1..=6`).
    LexiconBegin { category: u8, len: u8 },
    /// The same, ending here.
    LexiconEnd { category: u8, len: u8 },
    /// The categories of the longer listed words covering the char.
    LexiconInside(u16),
    /// Organization and place suffixes starting after the char (lengths
    /// `0..=16`, not both 0).
    SuffixAfter { organization: u8, place: u8 },
    /// Position in the covering word (`0..4`) and the word's cluster
    /// ([`CLUSTER_VALUES`]).
    WordCluster { pos: u8, cluster: u16 },
    /// The cluster of the word before the covering one.
    PrevCluster(u16),
    /// The cluster of the word after the covering one.
    NextCluster(u16),
}

/// Values of a word's cluster in a feature: a cluster, [`UNCLUSTERED`] or
/// [`NO_WORD`].
pub(crate) const CLUSTER_VALUES: usize = MAX_CLUSTERS + 2;
/// A word the cluster table does not have.
const UNCLUSTERED: u16 = MAX_CLUSTERS as u16;
/// No word (before the first, after the last).
const NO_WORD: u16 = MAX_CLUSTERS as u16 + 1;

const CLASSES: usize = 7;
const CLASS_WINDOWS: usize = CLASSES.pow(5);
const TAG_COUNT: usize = crate::segment::TAGS.len();
const SHAPES: usize = 4 * TAG_COUNT;
const MAX_LEX_LEN: usize = lexicon::MAX_WORD_CHARS;
// Where each template's block starts in the dense array.
const AT_SHAPE: usize = CLASS_WINDOWS;
const AT_SHAPE_LENGTH: usize = AT_SHAPE + SHAPES;
const AT_NO_WORD: usize = AT_SHAPE_LENGTH + SHAPES * 6;
const AT_LEXICON_BEGIN: usize = AT_NO_WORD + 1;
const AT_LEXICON_END: usize = AT_LEXICON_BEGIN + CATEGORIES * 6;
const AT_LEXICON_INSIDE: usize = AT_LEXICON_END + CATEGORIES * 6;
const AT_SUFFIX: usize = AT_LEXICON_INSIDE + (1 << CATEGORIES);
const AT_WORD_CLUSTER: usize = AT_SUFFIX + (MAX_LEX_LEN + 1) * (MAX_LEX_LEN + 1);
const AT_PREV_CLUSTER: usize = AT_WORD_CLUSTER + 4 * CLUSTER_VALUES;
const AT_NEXT_CLUSTER: usize = AT_PREV_CLUSTER + CLUSTER_VALUES;

impl Small {
    /// How many values all templates have: the dense array's length.
    pub(crate) const COUNT: usize = AT_NEXT_CLUSTER + CLUSTER_VALUES;

    /// The hash of this feature, [`finish`]ed into its key.
    pub(crate) fn hash(self) -> u64 {
        match self {
            Small::ClassWindow(classes) => {
                let mut h = seed(22);
                for c in classes {
                    h = mix(h, u64::from(c));
                }
                h
            }
            Small::Shape { pos, tag } => mix(mix(seed(30), u64::from(pos)), u64::from(tag)),
            Small::ShapeLength { pos, tag, len } => mix(
                mix(mix(seed(31), u64::from(pos)), u64::from(tag)),
                u64::from(len),
            ),
            Small::NoWord => seed(35),
            Small::LexiconBegin { category, len } => {
                mix(mix(seed(40), u64::from(category)), u64::from(len))
            }
            Small::LexiconEnd { category, len } => {
                mix(mix(seed(41), u64::from(category)), u64::from(len))
            }
            Small::LexiconInside(mask) => mix(seed(42), u64::from(mask)),
            Small::SuffixAfter {
                organization,
                place,
            } => mix(mix(seed(46), u64::from(organization)), u64::from(place)),
            Small::WordCluster { pos, cluster } => {
                mix(mix(seed(50), u64::from(pos)), u64::from(cluster))
            }
            Small::PrevCluster(cluster) => mix(seed(51), u64::from(cluster)),
            Small::NextCluster(cluster) => mix(seed(52), u64::from(cluster)),
        }
    }

    /// Its index in the dense array (`0..COUNT`, one per value).
    #[inline(always)]
    pub(crate) fn index(self) -> usize {
        match self {
            Small::ClassWindow(c) => c.iter().fold(0, |a, &x| a * CLASSES + x as usize),
            Small::Shape { pos, tag } => AT_SHAPE + pos as usize * TAG_COUNT + tag as usize,
            Small::ShapeLength { pos, tag, len } => {
                AT_SHAPE_LENGTH + (pos as usize * TAG_COUNT + tag as usize) * 6 + len as usize - 1
            }
            Small::NoWord => AT_NO_WORD,
            Small::LexiconBegin { category, len } => {
                AT_LEXICON_BEGIN + category as usize * 6 + len as usize - 1
            }
            Small::LexiconEnd { category, len } => {
                AT_LEXICON_END + category as usize * 6 + len as usize - 1
            }
            Small::LexiconInside(mask) => AT_LEXICON_INSIDE + mask as usize,
            Small::SuffixAfter {
                organization,
                place,
            } => AT_SUFFIX + organization as usize * (MAX_LEX_LEN + 1) + place as usize,
            Small::WordCluster { pos, cluster } => {
                AT_WORD_CLUSTER + pos as usize * CLUSTER_VALUES + cluster as usize
            }
            Small::PrevCluster(cluster) => AT_PREV_CLUSTER + cluster as usize,
            Small::NextCluster(cluster) => AT_NEXT_CLUSTER + cluster as usize,
        }
    }

    /// Every value of every template.
    pub(crate) fn all() -> impl Iterator<Item = Small> {
        let windows = (0..CLASS_WINDOWS).map(|mut i| {
            let mut c = [0u8; 5];
            for x in c.iter_mut().rev() {
                *x = (i % CLASSES) as u8;
                i /= CLASSES;
            }
            Small::ClassWindow(c)
        });
        let shapes = (0..4u8).flat_map(|pos| (0..TAG_COUNT as u8).map(move |tag| (pos, tag)));
        let lex =
            (0..CATEGORIES as u8).flat_map(|category| (1..=6u8).map(move |len| (category, len)));
        let suffixes =
            (0..=MAX_LEX_LEN as u8).flat_map(|o| (0..=MAX_LEX_LEN as u8).map(move |p| (o, p)));
        windows
            .chain(shapes.clone().map(|(pos, tag)| Small::Shape { pos, tag }))
            .chain(shapes.flat_map(|(pos, tag)| {
                (1..=6u8).map(move |len| Small::ShapeLength { pos, tag, len })
            }))
            .chain([Small::NoWord])
            .chain(
                lex.clone()
                    .map(|(category, len)| Small::LexiconBegin { category, len }),
            )
            .chain(lex.map(|(category, len)| Small::LexiconEnd { category, len }))
            .chain((0..1u16 << CATEGORIES).map(Small::LexiconInside))
            .chain(suffixes.map(|(organization, place)| Small::SuffixAfter {
                organization,
                place,
            }))
            .chain((0..4u8).flat_map(|pos| {
                (0..CLUSTER_VALUES as u16).map(move |cluster| Small::WordCluster { pos, cluster })
            }))
            .chain((0..CLUSTER_VALUES as u16).map(Small::PrevCluster))
            .chain((0..CLUSTER_VALUES as u16).map(Small::NextCluster))
    }
}

/// Where the features of each position go, as [`Features::compute_into`]
/// finds them: into lists (training, tests) or straight into weight sums
/// (tagging, which then never stores a key).
pub(crate) trait Sink {
    /// Position `i` begins (positions come in order, from 0); its bias
    /// feature ([`BIAS_KEY`]) is implied.
    fn position(&mut self, i: usize);
    /// A hashed feature of the current position (not yet [`finish`]ed).
    fn hashed(&mut self, h: u64);
    /// A small-domain feature of the current position.
    fn small(&mut self, f: Small);
    /// The lexicon features of the current position: the longest listed
    /// word of each category beginning and ending at it (0: none, longer
    /// than 6 counts as 6), as [`Small::LexiconBegin`] and
    /// [`Small::LexiconEnd`] features, category after category.
    #[inline(always)]
    fn lexicon(&mut self, begin: &[u8; CATEGORIES], end: &[u8; CATEGORIES]) {
        for cat in 0..CATEGORIES {
            let category = cat as u8;
            if begin[cat] > 0 {
                let len = begin[cat].min(6);
                self.small(Small::LexiconBegin { category, len });
            }
            if end[cat] > 0 {
                let len = end[cat].min(6);
                self.small(Small::LexiconEnd { category, len });
            }
        }
    }
}

/// The features of each position as lists: position `i` has keys
/// `keys[start[i]..start[i + 1]]` (the bias first) and, in [`Mode::Dense`],
/// small-domain features `smalls[smalls_start[i]..smalls_start[i + 1]]`.
#[derive(Debug, Default)]
struct KeyList {
    /// [`Mode::Dense`]: small-domain features apart from the keys.
    dense: bool,
    keys: Vec<u64>,
    start: Vec<u32>,
    smalls: Vec<u32>,
    smalls_start: Vec<u32>,
}

impl KeyList {
    fn clear(&mut self, mode: Mode) {
        self.dense = mode == Mode::Dense;
        self.keys.clear();
        self.start.clear();
        self.smalls.clear();
        self.smalls_start.clear();
    }

    fn close(&mut self) {
        self.start.push(self.keys.len() as u32);
        self.smalls_start.push(self.smalls.len() as u32);
    }
}

impl Sink for KeyList {
    #[inline]
    fn position(&mut self, _: usize) {
        self.start.push(self.keys.len() as u32);
        self.smalls_start.push(self.smalls.len() as u32);
        self.keys.push(BIAS_KEY);
    }
    #[inline]
    fn hashed(&mut self, h: u64) {
        self.keys.push(finish(h));
    }
    #[inline]
    fn small(&mut self, f: Small) {
        if self.dense {
            self.smalls.push(f.index() as u32);
        } else {
            self.keys.push(finish(f.hash()));
        }
    }
}

/// The features of every position of a sentence, and the scratch buffers
/// computing them takes (reused).
#[derive(Debug, Default)]
pub(crate) struct Features {
    list: KeyList,
    /// Positions of the last [`Features::compute_into`].
    n: usize,
    word_of: Vec<u32>,
    /// The cluster of each word.
    cluster_of: Vec<u16>,
    lex_begin: Vec<[u8; CATEGORIES]>,
    lex_end: Vec<[u8; CATEGORIES]>,
    lex_in: Vec<u16>,
    class_of: Vec<u8>,
    padded: Vec<u64>,
    /// The char groups: entry `j + 2` for the char at `j` (`-2..n + 2`,
    /// with stand-ins outside the sentence). Position `i` uses entries
    /// `i..i + 5`, slot `k` of entry `i + k`.
    pub unigrams: Vec<u64>,
    /// The char-pair groups: entry `j + 2` for the pair at `j, j + 1`
    /// (`-2..n + 1`). Position `i` uses entries `i..i + 4`, slot `k` of
    /// entry `i + k`.
    pub bigrams: Vec<u64>,
}

/// How [`Features::compute`] gives the [`Small`] features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// As keys, like every other feature (training).
    Keys,
    /// Apart, as indexes into a dense array (tagging).
    Dense,
}

impl Features {
    /// Number of positions.
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// The dense indexes of the [`Small`] features of position `i` (after
    /// [`Features::compute`] in [`Mode::Dense`]).
    #[cfg(test)]
    pub(crate) fn smalls_at(&self, i: usize) -> &[u32] {
        let l = &self.list;
        &l.smalls[l.smalls_start[i] as usize..l.smalls_start[i + 1] as usize]
    }

    /// The keys of position `i` (after [`Features::compute`]).
    #[inline]
    pub(crate) fn at(&self, i: usize) -> &[u64] {
        let l = &self.list;
        &l.keys[l.start[i] as usize..l.start[i + 1] as usize]
    }

    /// Every key of every position, grouped ones included (as the trainer
    /// sees them): into `keys`, position `i` at `start[i]..start[i + 1]`.
    pub(crate) fn expanded(&self, keys: &mut Vec<u64>, start: &mut Vec<u32>) {
        keys.clear();
        start.clear();
        for i in 0..self.len() {
            start.push(keys.len() as u32);
            keys.extend((0..GROUP_SLOTS).map(|k| slot_key(self.unigrams[i + k], k)));
            keys.extend((0..GROUP_SLOTS - 1).map(|k| slot_key(self.bigrams[i + k], k)));
            keys.extend_from_slice(self.at(i));
        }
        start.push(keys.len() as u32);
    }

    /// Computes the features of `chars` (a sentence: view chars
    /// `base..base + chars.len()`), given the words of the view that
    /// overlap it (in view char indices) and the lexicon, as lists
    /// ([`Features::at`], [`Features::smalls_at`]).
    pub(crate) fn compute(
        &mut self,
        chars: &[char],
        words: &[Word<'_>],
        base: usize,
        lex: &Lexicon,
        mode: Mode,
    ) {
        let mut list = std::mem::take(&mut self.list);
        list.clear(mode);
        self.compute_into(chars, words, base, lex, &mut list);
        list.close();
        self.list = list;
    }

    /// Computes the features of `chars` as [`Features::compute`] does, the
    /// grouped ones into [`Features::unigrams`] and [`Features::bigrams`],
    /// the others into `sink`, position after position.
    // Inlined into the tagger so that the sink's calls fold into its loop:
    // 3% of the extract workload's instructions (benches/icount.sh) since
    // the cluster features made this too large for LLVM to inline alone.
    #[inline(always)]
    pub(crate) fn compute_into<S: Sink>(
        &mut self,
        chars: &[char],
        words: &[Word<'_>],
        base: usize,
        lex: &Lexicon,
        sink: &mut S,
    ) {
        let n = chars.len();
        self.n = n;

        // The word covering each char.
        self.word_of.clear();
        self.word_of.resize(n, u32::MAX);
        for (wi, w) in words.iter().enumerate() {
            let s = w.start.max(base);
            let e = w.end.min(base + n);
            for j in s..e {
                self.word_of[j - base] = wi as u32;
            }
        }

        // The words' clusters.
        self.cluster_of.clear();
        self.cluster_of.extend(
            words
                .iter()
                .map(|w| lex.clusters.get(text_key(w.text)).unwrap_or(UNCLUSTERED)),
        );

        // Lexicon matches: for each category, the longest match beginning
        // and ending at each char, and whether a match covers it.
        self.lex_begin.clear();
        self.lex_begin.resize(n, [0; CATEGORIES]);
        self.lex_end.clear();
        self.lex_end.resize(n, [0; CATEGORIES]);
        self.lex_in.clear();
        self.lex_in.resize(n, 0);
        let max_len = lex.max_len;
        for s in 0..n {
            let mut h = seed(0xA5);
            for len in 1..=max_len.min(n - s) {
                h = mix(h, chars[s + len - 1] as u64);
                let Some((f, more)) = lex.get(h) else {
                    break;
                };
                if f == 0 {
                    if more {
                        continue;
                    }
                    break;
                }
                let e = s + len - 1;
                // Without a branch per category: which categories a word
                // has is what the branch predictor cannot guess.
                let l: [u8; CATEGORIES] =
                    std::array::from_fn(|cat| (f >> cat & 1) as u8 * len as u8);
                for (x, &l) in self.lex_begin[s].iter_mut().zip(&l) {
                    *x = (*x).max(l);
                }
                for (x, &l) in self.lex_end[e].iter_mut().zip(&l) {
                    *x = (*x).max(l);
                }
                if len > 2 {
                    for j in s + 1..e {
                        self.lex_in[j] |= f & ((1 << CATEGORIES) - 1);
                    }
                }
                if !more {
                    break;
                }
            }
        }

        // The chars with two stand-ins on each side: char `i` (from -2 to
        // n + 1) is entry `i + 2`.
        self.padded.clear();
        self.padded.extend([BEFORE; 2]);
        self.padded.extend(chars.iter().map(|&c| c as u64));
        self.padded.extend([AFTER; 2]);
        let padded = &self.padded;
        // Their classes, padded alike (6: outside the sentence).
        self.class_of.clear();
        self.class_of.extend([6; 2]);
        self.class_of.extend(chars.iter().map(|&c| class(c)));
        self.class_of.extend([6; 2]);
        let class_of = &self.class_of;

        self.unigrams.clear();
        self.unigrams
            .extend(padded.iter().map(|&c| group_key(mix(seed(1), c))));
        self.bigrams.clear();
        self.bigrams.extend(
            padded
                .windows(2)
                .map(|p| group_key(mix(mix(seed(10), p[0]), p[1]))),
        );

        let mut cached_word = u32::MAX;
        let mut word_text: [Option<u64>; 4] = [None; 4];
        for i in 0..n {
            sink.position(i);
            macro_rules! push {
                ($h:expr) => {
                    sink.hashed($h)
                };
            }
            macro_rules! small {
                ($f:expr) => {
                    sink.small($f)
                };
            }
            let c: [u64; 5] = std::array::from_fn(|k| padded[i + k]);
            // Chars and char pairs around: grouped (see `unigrams`).
            // The skip bigram. (A trigram around the char was dropped in
            // feature set 4: retrained without it, dev F1 0.8481 against
            // 0.8474, one lookup per char less.)
            push!(mix(mix(seed(21), c[1]), c[3]));
            // Char classes in the window.
            small!(Small::ClassWindow(std::array::from_fn(|k| class_of[i + k])));

            // The word covering the char.
            let wi = self.word_of[i];
            if wi != u32::MAX {
                let w = &words[wi as usize];
                let wlen = w.end - w.start;
                let at = base + i;
                // 0 a one-char word, 1 its first char, 2 inside, 3 last;
                // looked up rather than branched on.
                let pos: u64 =
                    [2, 1, 3, 0][usize::from(at == w.start) | usize::from(at + 1 == w.end) << 1];
                let tag = w.tag_id as u64;
                let prev_tag = if wi > 0 {
                    words[wi as usize - 1].tag_id as u64
                } else {
                    99
                };
                let next_tag = words.get(wi as usize + 1).map_or(99, |w| w.tag_id as u64);
                let (pos8, tag8) = (pos as u8, w.tag_id);
                small!(Small::Shape {
                    pos: pos8,
                    tag: tag8
                });
                small!(Small::ShapeLength {
                    pos: pos8,
                    tag: tag8,
                    len: wlen.min(6) as u8
                });
                // The word's text, hashed once per word and position: a long word (200k
                // digits) would otherwise cost its length at every char.
                if cached_word != wi {
                    cached_word = wi;
                    word_text = [None; 4];
                }
                let h = *word_text[pos as usize].get_or_insert_with(|| {
                    let mut h = mix(seed(32), pos);
                    for &x in &chars[w.start.max(base) - base..w.end.min(base + n) - base] {
                        h = mix(h, x as u64);
                    }
                    h
                });
                push!(h);
                push!(mix(mix(mix(mix(seed(33), pos), prev_tag), tag), next_tag));
                push!(mix(mix(mix(seed(34), pos), tag), c[2]));
                // The clusters of the word and its neighbours.
                let wi = wi as usize;
                let cluster = self.cluster_of[wi];
                small!(Small::WordCluster { pos: pos8, cluster });
                let prev = if wi > 0 {
                    self.cluster_of[wi - 1]
                } else {
                    NO_WORD
                };
                small!(Small::PrevCluster(prev));
                let next = self.cluster_of.get(wi + 1).copied().unwrap_or(NO_WORD);
                small!(Small::NextCluster(next));
            } else {
                small!(Small::NoWord);
            }

            // Lexicon (most chars begin and end no listed word).
            let (begin, end) = (&self.lex_begin[i], &self.lex_end[i]);
            if begin.iter().chain(end).any(|&l| l > 0) {
                sink.lexicon(begin, end);
            }
            if self.lex_in[i] != 0 {
                small!(Small::LexiconInside(self.lex_in[i]));
            }
            // A surname at the char, with the char after it.
            if self.lex_begin[i][4] > 0 {
                push!(mix(mix(seed(43), c[3]), self.lex_begin[i][4] as u64));
            }
            // A person cue just before or after the char.
            if i > 0 && self.lex_end[i - 1][5] > 0 {
                push!(mix(seed(44), c[2]));
            }
            if i + 1 < n && self.lex_begin[i + 1][5] > 0 {
                push!(mix(seed(45), c[2]));
            }
            // Organization / place suffix after the char.
            if i + 1 < n {
                let org = self.lex_begin[i + 1][2];
                let pl = self.lex_begin[i + 1][3];
                if org > 0 || pl > 0 {
                    small!(Small::SuffixAfter {
                        organization: org,
                        place: pl
                    });
                }
            }
        }
        let _ = lexicon::PLACE;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn 小特征的下标一一对应() {
        let mut seen = vec![false; Small::COUNT];
        let mut n = 0;
        for f in Small::all() {
            let i = f.index();
            assert!(i < Small::COUNT, "{f:?} -> {i}");
            assert!(!seen[i], "{f:?} -> {i} twice");
            seen[i] = true;
            n += 1;
        }
        assert_eq!(n, Small::COUNT);
    }
}
