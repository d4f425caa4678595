//! The model file and the weight table.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic    "ZHXENT"                       6 bytes
//! version  u16 = 1
//! flags    u8: bit 0 = body is deflate-compressed
//! raw_len  u32: body length once decompressed
//! body:
//!   feature_version u32, n_tags u8 (13)
//!   lexicon: u32 byte length, then `flags word` lines (UTF-8)
//!   transitions: (n_tags + 1) * n_tags i32 (last row: from the start)
//!   n_features u32
//!   keys: n_features LEB128 varints, deltas of the sorted 40-bit keys
//!   masks: n_features u16, which of the n_tags weights are nonzero
//!   weights: one i16 per set mask bit, feature after feature
//! ```

use super::decode::N_TAGS;
use super::features::{
    FEATURE_VERSION, GROUP_BIT, GROUP_SLOTS, KEY_BITS, Small, finish, split_slot_key,
};
use super::lexicon::{CATEGORIES, Lexicon};
use crate::error::{Error, Result};

const MAGIC: &[u8; 6] = b"ZHXENT";
const VERSION: u16 = 1;
const HEADER: usize = 6 + 2 + 1 + 4;
/// Refuse bodies larger than this (a guard against garbage lengths).
const MAX_BODY: usize = 1 << 30;

/// A weight row as the table stores it: the `N_TAGS` weights requantised
/// to `i8` (see [`read`]) and 24 more bits of the key in the last lanes.
/// 16 bytes, aligned: four rows to a cache line, a lookup touches one, and
/// the row is summed sixteen lanes at a time.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
pub(crate) struct Row(pub [i8; LANES]);

/// Lanes of a [`Row`].
pub(crate) const LANES: usize = 16;
const _: () = assert!(N_TAGS + 3 <= LANES);

impl Row {
    #[inline]
    fn fingerprint(&self) -> u32 {
        u32::from_le_bytes([
            self.0[LANES - 3] as u8,
            self.0[LANES - 2] as u8,
            self.0[LANES - 1] as u8,
            0,
        ])
    }
}

/// An all-zero row, what a key missing from the model contributes.
static ZERO: Row = Row([0; LANES]);

/// Feature key -> weight row. Rows sit in buckets of four, one cache line
/// each; a key goes to one bucket (the next ones only when it is full, and
/// then the full bucket is marked as overflowed). A control byte per row
/// (0 empty, else 7 bits of the key and the high bit), four to a `u32` per
/// bucket, is compared all at once; that array and the overflow bits are
/// small enough to stay in cache. The common lookup (the key in its own
/// bucket, or no key of its bucket moved on) picks the row or the zero row
/// without a branch on the loaded data, so lookups overlap instead of
/// waiting on each other's cache misses.
#[derive(Debug)]
pub(crate) struct Table {
    /// Never empty (lookups need not check).
    control: Vec<u32>,
    /// Bit `b % 64` of word `b / 64`: a key of bucket `b` went on to a
    /// later bucket.
    overflowed: Vec<u64>,
    buckets: Vec<Bucket>,
}

impl Default for Table {
    fn default() -> Table {
        Table::with_capacity(0)
    }
}

/// Rows per bucket.
const WAYS: usize = 4;

#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Bucket([Row; WAYS]);

const ONES: u32 = 0x0101_0101;
const HIGHS: u32 = 0x8080_8080;

/// The high bit of each byte of `x` that is zero, and only those.
#[inline]
fn zero_bytes(x: u32) -> u32 {
    !(((x & !HIGHS).wrapping_add(!HIGHS)) | x | !HIGHS)
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        // Two rows per bucket on average: one bucket in twenty overflows,
        // so a missing key is nearly always told apart in its own bucket.
        // Denser than that probes more; sparser spends memory (a third
        // more for 1.5 rows a bucket: 2-4% slower with the 300,000-feature
        // model, its table then past the TLB's reach).
        let buckets = (n / 2 + 1).min(u32::MAX as usize);
        Table {
            control: vec![0; buckets],
            overflowed: vec![0; buckets.div_ceil(64)],
            buckets: vec![Bucket::default(); buckets],
        }
    }

    /// Bucket, control byte and fingerprint of a key.
    #[inline]
    fn place(&self, key: u64) -> (usize, u8, u32) {
        // Keys are 40 random bits with bit 0 set: the bucket from the low
        // 32 (scaled to the table, no modulo), the rest from the high bits.
        let low = (key >> 1) as u32 as u64;
        let at = ((low * self.control.len() as u64) >> 32) as usize;
        let control = 0x80 | (key >> (KEY_BITS - 7)) as u8;
        // The fingerprint remixes the whole key: the bucket and control
        // bits alone would leave low bits unchecked.
        let fp = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as u32;
        (at, control, fp)
    }

    #[inline]
    fn next(&self, b: usize) -> usize {
        if b + 1 == self.control.len() {
            0
        } else {
            b + 1
        }
    }

    /// Adds a row (keys are unique: the reader checks they are increasing).
    fn insert(&mut self, key: u64, w: [i8; N_TAGS]) {
        let (mut b, control, fp) = self.place(key);
        loop {
            let free = zero_bytes(self.control[b]);
            if free != 0 {
                let lane = (free.trailing_zeros() / 8) as usize;
                self.control[b] |= u32::from(control) << (8 * lane);
                let row = &mut self.buckets[b].0[lane].0;
                row[..N_TAGS].copy_from_slice(&w);
                let [x, y, z, _] = fp.to_le_bytes();
                row[LANES - 3] = x as i8;
                row[LANES - 2] = y as i8;
                row[LANES - 1] = z as i8;
                return;
            }
            self.overflowed[b / 64] |= 1 << (b % 64);
            b = self.next(b);
        }
    }

    #[inline(always)]
    fn has_overflowed(&self, b: usize) -> bool {
        self.overflowed[b / 64] >> (b % 64) & 1 != 0
    }

    /// The weight row of `key`: lanes `0..N_TAGS` are the weights, the
    /// others must be ignored. A key the model lacks gets zeros.
    #[inline(always)]
    pub(crate) fn get(&self, key: u64) -> &Row {
        let (b, control, fp) = self.place(key);
        let c = self.control[b];
        let same = zero_bytes(c ^ (ONES * u32::from(control)));
        // The first candidate lane (lane 0 when there is none: its row is
        // then read for nothing and rejected below).
        let lane = ((same.trailing_zeros() / 8) as usize) & (WAYS - 1);
        let row = &self.buckets[b].0[lane];
        let found = same != 0 && row.fingerprint() == fp;
        let absent = same == 0 && !self.has_overflowed(b);
        if found | absent {
            return if found { row } else { &ZERO };
        }
        self.get_slow(b, control, fp)
    }

    /// The rest of a lookup: other candidates in the bucket, then the
    /// buckets after it.
    #[cold]
    fn get_slow(&self, mut b: usize, control: u8, fp: u32) -> &Row {
        for _ in 0..self.control.len() {
            let c = self.control[b];
            let mut same = zero_bytes(c ^ (ONES * u32::from(control)));
            while same != 0 {
                let lane = (same.trailing_zeros() / 8) as usize;
                let row = &self.buckets[b].0[lane];
                if row.fingerprint() == fp {
                    return row;
                }
                same &= same - 1;
            }
            if !self.has_overflowed(b) {
                return &ZERO;
            }
            b = self.next(b);
        }
        &ZERO
    }
}

/// The rows of grouped features (see `features`): group key -> its rows,
/// one per slot the model has (a char pair has one or two of its four
/// offsets), stored together so that one lookup and a line or two of
/// memory serve all of a char's offsets. Row 0 is all zeros: what every
/// missing slot reads, so the tagger adds a fixed number of rows per group
/// instead of branching on which slots are there.
#[derive(Debug)]
pub(crate) struct Groups {
    /// Group key -> a row holding where its rows start (lanes 0..4) and
    /// which slots they are (lane 4): the weight table's lookups have few
    /// branches on loaded data, so the lookups of a sentence overlap
    /// (a `HashMap`'s probe loop made each wait for the last).
    index: Table,
    rows: Vec<Row>,
    /// The group being filled (keys come sorted) and its `(start, mask)`.
    last: Option<(u64, u32, u8)>,
}

impl Default for Groups {
    fn default() -> Groups {
        Groups::with_capacity(0)
    }
}

/// `RANK[mask][k]`: the set bits of `mask` below bit `k`.
const RANK: [[u8; GROUP_SLOTS]; 1 << GROUP_SLOTS] = {
    let mut t = [[0; GROUP_SLOTS]; 1 << GROUP_SLOTS];
    let mut m = 0;
    while m < 1 << GROUP_SLOTS {
        let mut k = 0;
        while k < GROUP_SLOTS {
            t[m][k] = (m & ((1 << k) - 1)).count_ones() as u8;
            k += 1;
        }
        m += 1;
    }
    t
};

impl Groups {
    fn with_capacity(groups: usize) -> Groups {
        Groups {
            index: Table::with_capacity(groups),
            rows: vec![ZERO],
            last: None,
        }
    }

    /// Adds a row. Keys come sorted (the reader checks), so a group's slots
    /// come together and in order: its rows stay contiguous.
    fn insert(&mut self, key: u64, w: [i8; N_TAGS]) {
        let (group, slot) = split_slot_key(key);
        if slot >= GROUP_SLOTS {
            return;
        }
        let next = self.rows.len() as u32;
        match &mut self.last {
            Some((g, _, mask)) if *g == group => {
                if *mask >> slot != 0 {
                    return;
                }
                *mask |= 1 << slot;
            }
            _ => {
                self.finish();
                self.last = Some((group, next, 1 << slot));
            }
        }
        let mut row = Row::default();
        row.0[..N_TAGS].copy_from_slice(&w);
        self.rows.push(row);
    }

    /// Indexes the group being filled.
    fn finish(&mut self) {
        if let Some((group, start, mask)) = self.last.take() {
            let mut w = [0i8; N_TAGS];
            for (x, b) in w.iter_mut().zip(start.to_le_bytes()) {
                *x = b as i8;
            }
            w[4] = mask as i8;
            self.index.insert(group, w);
        }
    }

    /// Where the rows of `group` start and which slots they are (bit `k`
    /// for slot `k`); mask 0 when the model has none.
    #[inline(always)]
    pub(crate) fn find(&self, group: u64) -> (u32, u8) {
        let r = &self.index.get(group).0;
        let start = u32::from_le_bytes([r[0] as u8, r[1] as u8, r[2] as u8, r[3] as u8]);
        (start, r[4] as u8)
    }

    /// The row of slot `k` of a group [`found`](Self::find) at
    /// `(start, mask)`: the zero row when the group lacks it.
    #[inline(always)]
    pub(crate) fn row(&self, (start, mask): (u32, u8), k: usize) -> &Row {
        let mask = mask as usize & ((1 << GROUP_SLOTS) - 1);
        let k = k % GROUP_SLOTS;
        let at = if mask >> k & 1 != 0 {
            start as usize + RANK[mask][k] as usize
        } else {
            0
        };
        self.rows.get(at).unwrap_or(&ZERO)
    }
}

/// What a model holds, ready to use.
#[derive(Debug)]
pub(crate) struct Parts {
    pub table: Table,
    pub groups: Groups,
    /// The rows of [`Small`] features by [`Small::index`].
    pub small_rows: Vec<Row>,
    /// The rows of a category's [`Small::LexiconBegin`] and
    /// [`Small::LexiconEnd`] features summed, at [`lexicon_row`] (length
    /// 0: no feature).
    pub lexicon_rows: Vec<[i16; LANES]>,
    pub trans: Vec<i32>,
    pub lexicon: Lexicon,
    pub n_features: usize,
}

/// The weights of a trained model, before they are written.
pub(crate) struct Weights<'a> {
    pub lexicon: &'a Lexicon,
    pub trans: &'a [i32],
    /// Sorted by key, keys unique; rows with no nonzero weight are skipped.
    pub rows: &'a [(u64, [i16; N_TAGS])],
}

fn model_err(reason: impl Into<String>, offset: usize) -> Error {
    Error::Model {
        reason: reason.into(),
        offset,
    }
}

/// Writes a model file (deterministic: same weights, same bytes).
pub(crate) fn write(w: &Weights<'_>, compress: bool) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    body.push(N_TAGS as u8);
    let lex = w.lexicon.serialize();
    body.extend_from_slice(&(lex.len() as u32).to_le_bytes());
    body.extend_from_slice(lex.as_bytes());
    for &t in w.trans {
        body.extend_from_slice(&t.to_le_bytes());
    }
    let rows: Vec<&(u64, [i16; N_TAGS])> = w
        .rows
        .iter()
        .filter(|(_, r)| r.iter().any(|&x| x != 0))
        .collect();
    body.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut prev = 0u64;
    for (k, _) in &rows {
        let mut d = k - prev;
        prev = *k;
        loop {
            let b = (d & 0x7f) as u8;
            d >>= 7;
            if d == 0 {
                body.push(b);
                break;
            }
            body.push(b | 0x80);
        }
    }
    for (_, r) in &rows {
        let mut m = 0u16;
        for (t, &x) in r.iter().enumerate() {
            if x != 0 {
                m |= 1 << t;
            }
        }
        body.extend_from_slice(&m.to_le_bytes());
    }
    // Low bytes, then high bytes: the high bytes are mostly 0 or 0xff.
    let values: Vec<i16> = rows
        .iter()
        .flat_map(|(_, r)| r.iter().copied().filter(|&x| x != 0))
        .collect();
    body.extend(values.iter().map(|v| *v as u16 as u8));
    body.extend(values.iter().map(|v| (*v as u16 >> 8) as u8));

    let mut out = Vec::with_capacity(body.len() / 2 + HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(u8::from(compress));
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    if compress {
        out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&body, 10));
    } else {
        out.extend_from_slice(&body);
    }
    out
}

/// A cursor over the body that reports the offset of whatever is wrong.
struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        if self.b.len() - self.at < n {
            return Err(model_err(format!("truncated in {what}"), HEADER + self.at));
        }
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self, what: &str) -> Result<u32> {
        let s = self.take(4, what)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

/// Reads a model file.
pub(crate) fn read(bytes: &[u8]) -> Result<Parts> {
    if bytes.len() < HEADER || &bytes[..6] != MAGIC {
        return Err(model_err("not a zh-extract entity model (bad magic)", 0));
    }
    let version = u16::from_le_bytes([bytes[6], bytes[7]]);
    if version != VERSION {
        return Err(model_err(
            format!("model format version {version}, expected {VERSION}"),
            6,
        ));
    }
    let flags = bytes[8];
    if flags > 1 {
        return Err(model_err(format!("unknown flags {flags:#x}"), 8));
    }
    let raw_len = u32::from_le_bytes([bytes[9], bytes[10], bytes[11], bytes[12]]) as usize;
    if raw_len > MAX_BODY {
        return Err(model_err("body length too large", 9));
    }
    let inflated;
    let body: &[u8] = if flags & 1 != 0 {
        let buf = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes[HEADER..], raw_len)
            .map_err(|e| model_err(format!("cannot decompress: {e}"), HEADER))?;
        inflated = buf;
        &inflated
    } else {
        &bytes[HEADER..]
    };
    if body.len() != raw_len {
        return Err(model_err(
            format!("body is {} bytes, header says {raw_len}", body.len()),
            9,
        ));
    }
    let mut c = Cursor { b: body, at: 0 };
    let fv = c.u32("feature version")?;
    if fv != FEATURE_VERSION {
        return Err(model_err(
            format!(
                "trained with feature set {fv}, this build computes feature set {FEATURE_VERSION}"
            ),
            HEADER,
        ));
    }
    let n_tags = c.take(1, "tag count")?[0] as usize;
    if n_tags != N_TAGS {
        return Err(model_err(
            format!("{n_tags} tags, expected {N_TAGS}"),
            HEADER + 4,
        ));
    }
    let lex_len = c.u32("lexicon length")? as usize;
    let lex_at = HEADER + c.at;
    let lex_bytes = c.take(lex_len, "lexicon")?;
    let lex_text =
        std::str::from_utf8(lex_bytes).map_err(|_| model_err("lexicon is not UTF-8", lex_at))?;
    let lexicon =
        Lexicon::deserialize(lex_text).ok_or_else(|| model_err("bad lexicon line", lex_at))?;
    let mut trans = Vec::with_capacity((N_TAGS + 1) * N_TAGS);
    for _ in 0..(N_TAGS + 1) * N_TAGS {
        trans.push(c.u32("transitions")? as i32);
    }
    let n = c.u32("feature count")? as usize;
    if n > body.len() {
        return Err(model_err(
            "feature count larger than the model",
            HEADER + c.at - 4,
        ));
    }
    let mut keys = Vec::with_capacity(n);
    let mut prev = 0u64;
    for _ in 0..n {
        let mut d = 0u64;
        let mut shift = 0;
        loop {
            let b = c.take(1, "keys")?[0];
            if shift > 56 {
                return Err(model_err("key varint too long", HEADER + c.at));
            }
            d |= ((b & 0x7f) as u64) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        prev = prev.wrapping_add(d);
        if prev == 0 || prev >> (KEY_BITS + 1) != 0 || (d == 0 && !keys.is_empty()) {
            return Err(model_err("bad feature key", HEADER + c.at));
        }
        keys.push(prev);
    }
    let masks_at = c.at;
    let masks = c.take(2 * n, "masks")?;
    let mut total = 0usize;
    for i in 0..n {
        let m = u16::from_le_bytes([masks[2 * i], masks[2 * i + 1]]);
        if m >> N_TAGS != 0 {
            return Err(model_err("bad weight mask", HEADER + masks_at + 2 * i));
        }
        total += m.count_ones() as usize;
    }
    let lo = c.take(total, "weights")?;
    let hi = c.take(total, "weights")?;
    if c.at != body.len() {
        return Err(model_err("trailing bytes", HEADER + c.at));
    }
    // Requantise to i8, one step for the whole model: a tagger's scores
    // need no more (dev F1 unchanged) and the table halves, which is what
    // the lookups cost. Transitions are divided by the same step.
    let weight = |v: usize| i16::from_le_bytes([lo[v], hi[v]]);
    let max = (0..total)
        .map(|v| weight(v).unsigned_abs())
        .max()
        .unwrap_or(0);
    let step = f64::from(max.div_ceil(127).max(1));
    let requantise = |x: f64| (x / step).round();
    for t in &mut trans {
        *t = requantise(f64::from(*t)) as i32;
    }
    let n_grouped = keys.iter().filter(|&&k| k & GROUP_BIT != 0).count();
    let mut table = Table::with_capacity(n - n_grouped);
    // A group's keys differ only in the slot bits: they are adjacent.
    let n_groups = keys
        .iter()
        .filter(|&&k| k & GROUP_BIT != 0)
        .map(|&k| split_slot_key(k).0)
        .fold((0, 0), |(n, last), g| (n + usize::from(g != last), g))
        .0;
    let mut groups = Groups::with_capacity(n_groups);
    let mut v = 0usize;
    for (i, &key) in keys.iter().enumerate() {
        let m = u16::from_le_bytes([masks[2 * i], masks[2 * i + 1]]);
        let mut w = [0i8; N_TAGS];
        for (t, x) in w.iter_mut().enumerate() {
            if m & (1 << t) != 0 {
                *x = requantise(f64::from(weight(v))) as i8;
                v += 1;
            }
        }
        if key & GROUP_BIT != 0 {
            groups.insert(key, w);
        } else {
            table.insert(key, w);
        }
    }
    groups.finish();
    // The small-domain features' rows, at their dense indexes.
    let mut small_rows = vec![Row::default(); Small::COUNT];
    for f in Small::all() {
        if let Some(row) = small_rows.get_mut(f.index()) {
            *row = *table.get(finish(f.hash()));
        }
    }
    let lexicon_rows = lexicon_rows(&small_rows);
    Ok(Parts {
        table,
        groups,
        small_rows,
        lexicon_rows,
        trans,
        lexicon,
        n_features: n,
    })
}

/// Where the summed rows of a category's longest words beginning and
/// ending at a char (`0..=6` chars each) are in [`Parts::lexicon_rows`].
#[inline(always)]
pub(crate) fn lexicon_row(category: usize, begin: u8, end: u8) -> usize {
    (category * 7 + usize::from(begin.min(6))) * 7 + usize::from(end.min(6))
}

/// [`Parts::lexicon_rows`]: one row instead of two, and none to skip, per
/// category (which categories a char begins or ends is what a branch
/// predictor cannot guess).
fn lexicon_rows(small_rows: &[Row]) -> Vec<[i16; LANES]> {
    let row = |f: Small| small_rows.get(f.index()).copied().unwrap_or_default();
    let mut rows = vec![[0i16; LANES]; CATEGORIES * 49];
    for cat in 0..CATEGORIES {
        let category = cat as u8;
        for begin in 0..=6u8 {
            for end in 0..=6u8 {
                let mut sum = [0i16; LANES];
                let b = (begin > 0).then(|| {
                    row(Small::LexiconBegin {
                        category,
                        len: begin,
                    })
                });
                let e = (end > 0).then(|| row(Small::LexiconEnd { category, len: end }));
                for r in b.iter().chain(&e) {
                    for (s, &x) in sum.iter_mut().zip(&r.0) {
                        *s = s.wrapping_add(i16::from(x));
                    }
                }
                rows[lexicon_row(cat, begin, end)] = sum;
            }
        }
    }
    rows
}

#[cfg(test)]
mod table_tests {
    use super::*;

    /// Keys as the features make them: 40 bits, bit 0 set.
    fn keys(n: usize, seed: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> (64 - KEY_BITS)) | 1
            })
            .collect()
    }

    #[test]
    fn 每个键取回自己的行_缺的键取回零() {
        let present = keys(50_000, 0x1234_5678);
        let mut table = Table::with_capacity(present.len());
        for (i, &k) in present.iter().enumerate() {
            let mut w = [0i8; N_TAGS];
            w[i % N_TAGS] = (i % 127) as i8 + 1;
            table.insert(k, w);
        }
        for (i, &k) in present.iter().enumerate() {
            let row = &table.get(k).0;
            assert_eq!(row[i % N_TAGS], (i % 127) as i8 + 1, "key {i}");
            assert_eq!(row[..N_TAGS].iter().filter(|&&x| x != 0).count(), 1);
        }
        let set: std::collections::HashSet<u64> = present.iter().copied().collect();
        let absent: Vec<u64> = keys(200_000, 0x9abc_def0)
            .into_iter()
            .filter(|k| !set.contains(k))
            .collect();
        let wrong = absent
            .iter()
            .filter(|&&k| table.get(k).0[..N_TAGS].iter().any(|&x| x != 0))
            .count();
        // 31 bits checked: a stray match is rarer than one in a million
        // per present key.
        assert!(wrong <= 2, "{wrong} absent keys found a row");
    }

    #[test]
    fn 满桶溢出到后面的桶_末桶绕回开头() {
        // Capacity for 4 keys is 3 buckets, 12 rows: 12 keys fill every
        // bucket, so most go on to later ones, some past the last.
        let present = keys(12, 0x0bad_cafe);
        let mut table = Table::with_capacity(4);
        for (i, &k) in present.iter().enumerate() {
            let mut w = [0i8; N_TAGS];
            w[0] = i as i8 + 1;
            table.insert(k, w);
        }
        assert!(table.overflowed[0] != 0, "no bucket overflowed");
        for (i, &k) in present.iter().enumerate() {
            assert_eq!(table.get(k).0[0], i as i8 + 1, "key {i}");
        }
        for k in keys(1000, 0x5eed) {
            if !present.contains(&k) {
                assert_eq!(table.get(k).0[..N_TAGS], [0; N_TAGS], "{k:x}");
            }
        }
    }
}
