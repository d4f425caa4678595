//! Tags (BIOES x {PER, LOC, ORG} + O) and Viterbi decoding restricted to
//! valid tag transitions.

use crate::record::EntityKind;

/// Number of tags.
pub(crate) const N_TAGS: usize = 13;
/// The outside tag.
pub(crate) const O: u8 = 0;
/// Index of the start state in a transition table of `N_TAGS + 1` rows.
pub(crate) const START: usize = N_TAGS;

/// Position inside an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    B = 0,
    I = 1,
    E = 2,
    S = 3,
}

/// The tag of `part` of an entity of type `ty` (0 person, 1 place, 2 organization).
#[inline]
pub(crate) fn tag(ty: u8, part: Part) -> u8 {
    1 + ty * 4 + part as u8
}

/// The entity type (0 person, 1 place, 2 organization) and part of a tag; `None` for O.
#[inline]
pub(crate) fn split(tag: u8) -> Option<(u8, Part)> {
    if tag == O || tag as usize >= N_TAGS {
        return None;
    }
    let t = tag - 1;
    let part = match t % 4 {
        0 => Part::B,
        1 => Part::I,
        2 => Part::E,
        _ => Part::S,
    };
    Some((t / 4, part))
}

/// The kind of an entity type.
pub(crate) fn kind(ty: u8) -> EntityKind {
    match ty {
        0 => EntityKind::Person,
        1 => EntityKind::Place,
        _ => EntityKind::Organization,
    }
}

/// The type index of a BIO label suffix (`PER`, `LOC`, `ORG`, and common aliases).
pub(crate) fn type_of_label(label: &str) -> Option<u8> {
    match label {
        "PER" | "PERSON" | "NR" | "nr" | "person" => Some(0),
        "LOC" | "PLACE" | "GPE" | "NS" | "ns" | "place" => Some(1),
        "ORG" | "ORGANIZATION" | "NT" | "nt" | "organization" => Some(2),
        _ => None,
    }
}

/// Whether `to` may follow `from` (`START` for the first tag).
pub(crate) fn allowed(from: usize, to: u8) -> bool {
    let prev = if from == START {
        None
    } else {
        split(from as u8)
    };
    let next = split(to);
    let open = matches!(prev, Some((_, Part::B | Part::I)));
    match next {
        None | Some((_, Part::B | Part::S)) => !open,
        Some((ty, Part::I | Part::E)) => open && prev.is_some_and(|(pt, _)| pt == ty),
    }
}

/// Whether a sentence may end with `tag`.
pub(crate) fn may_end(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Part::B | Part::I)))
}

/// Reusable Viterbi buffers.
#[derive(Debug, Default)]
pub(crate) struct Viterbi {
    /// The scores of every position, shifted so each position's best is 0.
    scores: Vec<[i32; N_TAGS]>,
    /// The same for the i16 decoder.
    positions: Vec<Position>,
    /// The i16 decoder's transition tables and the transitions they were
    /// built from (a tagger decodes with the same ones every time).
    tables: Option<(Box<[i32]>, Tables)>,
}

/// An emission score as the decoder takes it: within [`CLAMP`].
pub(crate) trait Emission: Copy {
    fn score(self) -> i32;

    /// [`Viterbi::decode`] for this type: the exact i32 decoder unless a
    /// faster one gives the same result.
    fn decode(viterbi: &mut Viterbi, emit: &[Self], trans: &[i32], out: &mut Vec<u8>) {
        viterbi.decode_i32(emit, trans, out);
    }
}

/// The tagger's sums: always within the clamp, nothing to do.
impl Emission for i16 {
    #[inline(always)]
    fn score(self) -> i32 {
        i32::from(self)
    }

    fn decode(viterbi: &mut Viterbi, emit: &[i16], trans: &[i32], out: &mut Vec<u8>) {
        viterbi.decode_i16(emit, trans, out);
    }
}

/// The trainer's scores: any `i32`.
impl Emission for i32 {
    #[inline(always)]
    fn score(self) -> i32 {
        self.clamp(-CLAMP, CLAMP)
    }
}

/// Score of an unreachable state; scores are kept above it.
const NEG: i32 = -(1 << 29);
/// Transition and emission scores are clamped to this magnitude, so the
/// sums below cannot overflow whatever a model file holds.
const CLAMP: i32 = 1 << 24;

/// Tags that close nothing before them: O, E-x and S-x, as 8 lanes.
const CLOSED_LANES: [usize; 8] = [0, 3, 4, 7, 8, 11, 12, 0];

impl Viterbi {
    /// The best tag sequence given per-position scores (`emit[i * N_TAGS + t]`)
    /// and transition scores (`trans[from * N_TAGS + to]`, `N_TAGS + 1` rows,
    /// the last one from the start); written to `out`. Ties go to the lower
    /// tag. The tagger's i16 sums take [`Viterbi::decode_i16`].
    pub(crate) fn decode<E: Emission>(&mut self, emit: &[E], trans: &[i32], out: &mut Vec<u8>) {
        E::decode(self, emit, trans, out);
    }

    /// [`Viterbi::decode`] in i32, exact for any scores within [`CLAMP`].
    ///
    /// The forward pass keeps only the best score of each state (eight
    /// lanes at a time); the way back recomputes the one argmax it needs
    /// per position.
    fn decode_i32<E: Emission>(&mut self, emit: &[E], trans: &[i32], out: &mut Vec<u8>) {
        out.clear();
        let n = emit.len() / N_TAGS;
        if n == 0 || trans.len() < (N_TAGS + 1) * N_TAGS {
            return;
        }
        let tr = |from: usize, to: usize| trans[from * N_TAGS + to].clamp(-CLAMP, CLAMP);
        // For each closed tag (O, E-x, S-x), the transitions into the
        // openers (O, B-x, S-x), in `OPENERS` order: the openers' best
        // scores are then seven 8-lane max-adds, lane j for opener j.
        let mut into_openers = [[NEG; 8]; 7];
        for (row, &p) in into_openers.iter_mut().zip(&CLOSED_LANES[..7]) {
            for (x, &t) in row.iter_mut().zip(&OPENERS) {
                *x = tr(p, t as usize);
            }
        }
        let mut into = [[0i32; N_TAGS]; N_TAGS];
        for (to, row) in into.iter_mut().enumerate() {
            for (from, x) in row.iter_mut().enumerate() {
                *x = tr(from, to);
            }
        }
        let emission = |i: usize| -> [i32; N_TAGS] {
            let mut e = [0; N_TAGS];
            for (x, &v) in e.iter_mut().zip(&emit[i * N_TAGS..(i + 1) * N_TAGS]) {
                *x = v.score();
            }
            e
        };

        self.scores.clear();
        self.scores.reserve(n);
        let mut first = [NEG; N_TAGS];
        let e = emission(0);
        for t in 0..N_TAGS {
            if allowed(START, t as u8) {
                first[t] = tr(START, t) + e[t];
            }
        }
        self.scores.push(normalised_i32(first));
        for i in 1..n {
            let score = &self.scores[i - 1];
            let e = emission(i);
            let mut open = [NEG; 8];
            for (row, &p) in into_openers.iter().zip(&CLOSED_LANES[..7]) {
                let s = score[p];
                for (o, &x) in open.iter_mut().zip(row) {
                    *o = (*o).max(s + x);
                }
            }
            let mut next = [NEG; N_TAGS];
            for (&t, &o) in OPENERS.iter().zip(&open) {
                next[t as usize] = o + e[t as usize];
            }
            for ty in 0..3 {
                let b = 1 + 4 * ty;
                for t in [b + 1, b + 2] {
                    let best = (score[b] + into[t][b]).max(score[b + 1] + into[t][b + 1]);
                    next[t] = best + e[t];
                }
            }
            self.scores.push(normalised_i32(next));
        }

        let last_scores = &self.scores[n - 1];
        let mut best = i32::MIN;
        let mut last = O;
        for t in 0..N_TAGS {
            if may_end(t as u8) && last_scores[t] > best {
                best = last_scores[t];
                last = t as u8;
            }
        }
        out.resize(n, O);
        out[n - 1] = last;
        for i in (1..n).rev() {
            let t = out[i] as usize;
            let prev = &self.scores[i - 1];
            let candidates: &[usize] = match split(t as u8) {
                Some((_, Part::I | Part::E)) => {
                    let b = t - (t - 1) % 4;
                    &[b, b + 1][..]
                }
                _ => &CLOSED_LANES[..7],
            };
            let mut arg = candidates[0];
            let mut best = prev[arg] + into[t][arg];
            for &p in &candidates[1..] {
                let s = prev[p] + into[t][p];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            out[i - 1] = arg as u8;
        }
    }
}

/// The i16 decoder clamps transitions to this magnitude...
const TRANS_BOUND: i16 = 1024;
/// ...and emissions to this one. Within both its result is the i32
/// decoder's; beyond, it is the best path for the clamped scores.
///
/// Why no sum wraps and no score is cut: every tag reaches every tag in
/// exactly three steps, so a position's reachable tags score within
/// 6 * (1024 + 2048) = 18432 of its best, above [`FLOOR`]. Each position
/// is shifted so its best is 0, and that best is a tag: a padding lane (at
/// most [`NONE`] + 2048 = -4096) stays below the successors of the best
/// before (at least -3072). So every lane is in [`FLOOR`, 0], a `score +
/// transition` in [-26624, 1024], a new score in [-28672, 3072] and, less
/// the best, in [-31744, 6144]. Padding lanes feed only padding lanes; the
/// unreachable first I-x and E-x (at most `FLOOR` + 3072 once shifted) give
/// sums below -16384, under those of the reachable first tags (at least
/// -7168).
///
/// The shipped model on every sentence of MSRA train and dev: emissions
/// -892..=460 (at most 1261 apart at one position), transitions -113..=109,
/// a position's scores at most 2177 below its best.
const EMIT_BOUND: i16 = 2048;
/// The lowest score the i16 decoder keeps.
const FLOOR: i16 = -20480;
/// The i16 decoder's transition into a padding lane.
const NONE: i16 = -6144;

/// A lane of the i16 decoder that holds no tag.
const PAD: u8 = u8::MAX;
/// The i16 decoder's lanes: the tags in pairs (O B-P, I-P E-P, S-P B-L, ...),
/// the even pairs first, so emissions move into place as 32-bit units. The
/// first eight are the tags that open nothing; then I-x and E-x.
const LANE_TAGS: [u8; 16] = [0, 1, 4, 5, 8, 9, 12, PAD, 2, 3, 6, 7, 10, 11, PAD, PAD];
/// The lane of each tag.
const TAG_LANES: [usize; N_TAGS] = [0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6];
/// The lanes of the closed tags (O, E-x, S-x), in tag order.
const CLOSED_SOURCES: [usize; 7] = [0, 9, 2, 11, 4, 13, 6];

/// The i16 decoder's transitions, clamped to [`TRANS_BOUND`], laid out
/// for its lanes; [`NONE`] into a padding lane.
#[derive(Debug)]
#[repr(C, align(16))]
struct Tables {
    /// From each of [`CLOSED_SOURCES`] into the first eight lanes.
    into_openers: [[i16; 8]; 7],
    /// From the start into the first eight lanes.
    from_start: [i16; 8],
    /// From B-x, and from I-x, into the lanes 8.. (I-x, E-x).
    from_begin: [i16; 8],
    from_inside: [i16; 8],
    /// `into_openers` transposed, for the way back.
    into_opener: [[i16; 7]; 8],
}

impl Tables {
    fn new(trans: &[i32]) -> Tables {
        let bound = i32::from(TRANS_BOUND);
        let tr = |from: usize, to: u8| -> i16 {
            if to == PAD {
                return NONE;
            }
            trans
                .get(from * N_TAGS + to as usize)
                .map_or(NONE, |&x| x.clamp(-bound, bound) as i16)
        };
        let mut openers = [0u8; 8];
        openers.copy_from_slice(&LANE_TAGS[..8]);
        let mut into_openers = [[NONE; 8]; 7];
        let mut into_opener = [[NONE; 7]; 8];
        for (c, &lane) in CLOSED_SOURCES.iter().enumerate() {
            for (k, &t) in openers.iter().enumerate() {
                into_openers[c][k] = tr(LANE_TAGS[lane] as usize, t);
                into_opener[k][c] = into_openers[c][k];
            }
        }
        let from = |part: Part| {
            let mut row = [NONE; 8];
            for (x, &t) in row.iter_mut().zip(&LANE_TAGS[8..]) {
                if let Some((ty, _)) = split(t) {
                    *x = tr(tag(ty, part) as usize, t);
                }
            }
            row
        };
        Tables {
            into_openers,
            from_start: openers.map(|t| tr(START, t)),
            from_begin: from(Part::B),
            from_inside: from(Part::I),
            into_opener,
        }
    }
}

/// A position of the i16 decoder.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(16))]
struct Position {
    /// The best score of each lane's tag, the best shifted to 0.
    scores: [i16; 16],
    /// For the first eight lanes, the best `score + transition` from the
    /// position before: what the way back looks for.
    open: [i16; 8],
}

impl Viterbi {
    /// [`Viterbi::decode`] in i16 lanes, eight at a time even on baseline
    /// x86-64 (which has no i32 max): the i32 decoder's result within
    /// [`TRANS_BOUND`] and [`EMIT_BOUND`], the best path for the clamped
    /// scores beyond.
    fn decode_i16(&mut self, emit: &[i16], trans: &[i32], out: &mut Vec<u8>) {
        out.clear();
        let n = emit.len() / N_TAGS;
        let Some(trans) = trans.get(..(N_TAGS + 1) * N_TAGS) else {
            return;
        };
        if n == 0 {
            return;
        }
        if !matches!(&self.tables, Some((from, _)) if **from == *trans) {
            self.tables = Some((trans.into(), Tables::new(trans)));
        }
        let Some((_, tables)) = &self.tables else {
            return;
        };
        let positions = &mut self.positions;
        positions.clear();
        positions.resize(
            n,
            Position {
                scores: [FLOOR; 16],
                open: [FLOOR; 8],
            },
        );
        let Some((first, later)) = positions.split_first_mut() else {
            return;
        };
        let e = emission_lanes(&padded(emit));
        let mut prev = [FLOOR; 16];
        for k in 0..8 {
            prev[k] = tables.from_start[k].wrapping_add(e[k]);
        }
        prev = normalised(prev);
        first.scores = prev;
        // The emissions from the next position on, read sixteen at a time
        // while there are (the last three fill padding lanes).
        let mut rest = emit.get(N_TAGS..).unwrap_or_default();
        for next in later {
            let e = match rest.get(..16) {
                Some(tags) => emission_lanes(tags),
                None => emission_lanes(&padded(rest)),
            };
            rest = rest.get(N_TAGS..).unwrap_or_default();
            let (scores, open) = step(tables, &prev, &e);
            *next = Position { scores, open };
            prev = scores;
        }

        out.resize(n, O);
        let Some(last) = positions.last() else {
            return;
        };
        let mut closed = CLOSED_SOURCES.map(|lane| last.scores[lane]);
        if n == 1 {
            // E-x may not follow the start.
            for k in [1, 3, 5] {
                closed[k] = i16::MIN;
            }
        }
        let mut t = CLOSED_LANES[first_max(closed)] as u8;
        let mut slots = out.iter_mut().rev();
        if let Some(slot) = slots.next() {
            *slot = t;
        }
        let mut pairs = positions.windows(2);
        let from_first = pairs.next();
        for (pair, slot) in pairs.rev().zip(slots.by_ref()) {
            if let [before, at] = pair {
                t = best_before(tables, &before.scores, &at.open, t, false);
                *slot = t;
            }
        }
        if let (Some([before, at]), Some(slot)) = (from_first, slots.next()) {
            *slot = best_before(tables, &before.scores, &at.open, t, true);
        }
    }
}

/// The best tag before `t` given the scores `prev` of its position (the
/// first one if `first`) and the best `open` sums into `t`'s: the i32
/// decoder's argmax, ties to the lower tag.
#[inline(always)]
fn best_before(tables: &Tables, prev: &[i16; 16], open: &[i16; 8], t: u8, first: bool) -> u8 {
    let lane = TAG_LANES.get(t as usize).copied().unwrap_or(0);
    if let (Some(&target), Some(row)) = (open.get(lane), tables.into_opener.get(lane)) {
        // The first closed tag reaching the best sum, usually O.
        for (c, (&src, &x)) in CLOSED_SOURCES.iter().zip(row).enumerate() {
            // E-x (odd) may not follow the start.
            if prev[src].wrapping_add(x) == target && !(first && c % 2 == 1) {
                return CLOSED_LANES[c] as u8;
            }
        }
        return O;
    }
    // I-x or E-x, from B-x or I-x.
    let k = lane % 8;
    let (begin, inside) = (1 + k / 2 * 2, 8 + k / 2 * 2);
    let b = prev[begin].wrapping_add(tables.from_begin[k]);
    let i = prev[inside].wrapping_add(tables.from_inside[k]);
    // Only B-x may follow the start.
    LANE_TAGS[if i > b && !first { inside } else { begin }]
}

/// One forward step of the i16 decoder: from the scores of the position
/// before and the emissions `e`, the scores of this position and the best
/// sums into its first eight lanes.
#[inline(always)]
fn step(tables: &Tables, prev: &[i16; 16], e: &[i16; 16]) -> ([i16; 16], [i16; 8]) {
    let mut open = [i16::MIN; 8];
    for (row, &lane) in tables.into_openers.iter().zip(&CLOSED_SOURCES) {
        let c = prev[lane];
        for (o, &x) in open.iter_mut().zip(row) {
            *o = (*o).max(c.wrapping_add(x));
        }
    }
    let mut next = [0i16; 16];
    for k in 0..8 {
        next[k] = open[k].wrapping_add(e[k]);
    }
    for k in 0..8 {
        // B-x and I-x, each twice.
        let (b, i) = (prev[1 + k / 2 * 2], prev[8 + k / 2 * 2]);
        let from_b = b.wrapping_add(tables.from_begin[k]);
        let from_i = i.wrapping_add(tables.from_inside[k]);
        next[8 + k] = from_b.max(from_i).wrapping_add(e[8 + k]);
    }
    (normalised(next), open)
}

/// The first thirteen of `tags` (a position's emissions) in the i16
/// decoder's lanes, clamped to [`EMIT_BOUND`]; the padding lanes get the
/// rest.
#[inline(always)]
fn emission_lanes(tags: &[i16]) -> [i16; 16] {
    let tags: [i16; 16] = tags.try_into().unwrap_or([0; 16]);
    let tags = tags.map(|x| x.clamp(-EMIT_BOUND, EMIT_BOUND));
    // LANE_TAGS, with the padding as tags 13..16.
    let mut lanes = [0i16; 16];
    for (pair, k) in lanes.chunks_exact_mut(2).zip([0, 4, 8, 12, 2, 6, 10, 14]) {
        pair[0] = tags[k];
        pair[1] = tags[k + 1];
    }
    lanes
}

/// The first position's emissions in `emit`, zero-padded to sixteen.
fn padded(emit: &[i16]) -> [i16; 16] {
    let mut tags = [0; 16];
    for (x, &v) in tags.iter_mut().zip(emit.get(..N_TAGS).unwrap_or_default()) {
        *x = v;
    }
    tags
}

/// The first lane holding the largest value (ties go to the lower tag).
#[inline(always)]
fn first_max(v: [i16; 7]) -> usize {
    let top = v.into_iter().max().unwrap_or(i16::MIN);
    v.into_iter().position(|x| x == top).unwrap_or(0)
}

/// Shifts lanes so the best is 0, none below [`FLOOR`].
#[inline(always)]
fn normalised(s: [i16; 16]) -> [i16; 16] {
    let top = s.into_iter().max().unwrap_or(0);
    s.map(|x| x.wrapping_sub(top).max(FLOOR))
}

/// Shifts scores so the best is 0, keeping every score above [`NEG`].
#[inline]
fn normalised_i32(mut s: [i32; N_TAGS]) -> [i32; N_TAGS] {
    let top = s.iter().copied().max().unwrap_or(0);
    for x in &mut s {
        *x = (*x - top).max(NEG);
    }
    s
}

/// Tags that open nothing: O, B-x and S-x.
const OPENERS: [u8; 7] = [0, 1, 4, 5, 8, 9, 12];

/// Tags that may come before O, B-x and S-x: O, E-*, S-*.
#[cfg(test)]
const CLOSED: &[u8] = &[0, 3, 4, 7, 8, 11, 12];

/// For each tag, the tags that may come before it (the rule `decode` unrolls).
#[cfg(test)]
static PREDECESSORS: [&[u8]; N_TAGS] = [
    CLOSED,
    CLOSED,
    &[1, 2],
    &[1, 2],
    CLOSED,
    CLOSED,
    &[5, 6],
    &[5, 6],
    CLOSED,
    CLOSED,
    &[9, 10],
    &[9, 10],
    CLOSED,
];

#[cfg(test)]
/// `allowed` as a table over tags (not the start state).
static ALLOWED: [[bool; N_TAGS]; N_TAGS] = {
    let mut table = [[false; N_TAGS]; N_TAGS];
    let mut p = 0;
    while p < N_TAGS {
        let mut t = 0;
        while t < N_TAGS {
            // Same rule as `allowed`, in const form.
            let p_open = p != 0 && ((p - 1) % 4 == 0 || (p - 1) % 4 == 1);
            let t_cont = t != 0 && ((t - 1) % 4 == 1 || (t - 1) % 4 == 2);
            table[p][t] = if t_cont {
                p_open && (p - 1) / 4 == (t - 1) / 4
            } else {
                !p_open
            };
            t += 1;
        }
        p += 1;
    }
    table
};

/// The entities of a tag sequence: (type, start, end) with `end` exclusive.
pub(crate) fn spans(tags: &[u8], mut f: impl FnMut(u8, usize, usize)) {
    let mut open: Option<(u8, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            Some((ty, Part::S)) => {
                open = None;
                f(ty, i, i + 1);
            }
            Some((ty, Part::B)) => open = Some((ty, i)),
            Some((ty, Part::I)) => {
                if open.is_none_or(|(o, _)| o != ty) {
                    open = None;
                }
            }
            Some((ty, Part::E)) => {
                if let Some((o, s)) = open
                    && o == ty
                {
                    f(ty, s, i + 1);
                }
                open = None;
            }
            None => open = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predecessors_match_rule() {
        for t in 0..N_TAGS {
            let want: Vec<u8> = (0..N_TAGS as u8)
                .filter(|&p| allowed(p as usize, t as u8))
                .collect();
            assert_eq!(PREDECESSORS[t], &want[..], "into {t}");
            assert_eq!(OPENERS.contains(&(t as u8)), want == CLOSED, "into {t}");
        }
    }

    /// Score of a tag path, or `None` if it breaks the rule.
    fn path_score(path: &[u8], emit: &[i32], trans: &[i32]) -> Option<i64> {
        let mut from = START;
        let mut total = 0i64;
        for (i, &t) in path.iter().enumerate() {
            if !allowed(from, t) {
                return None;
            }
            total += i64::from(trans[from * N_TAGS + t as usize]);
            total += i64::from(emit[i * N_TAGS + t as usize]);
            from = t as usize;
        }
        may_end(*path.last()?).then_some(total)
    }

    #[test]
    fn 维特比与穷举同分() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |range: i32| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % (2 * range as u64 + 1)) as i32 - range
        };
        let mut viterbi = Viterbi::default();
        for round in 0..300 {
            let n = 1 + round % 4;
            let emit: Vec<i32> = (0..n * N_TAGS).map(|_| next(2000)).collect();
            let trans: Vec<i32> = (0..(N_TAGS + 1) * N_TAGS).map(|_| next(1500)).collect();
            let mut got = Vec::new();
            viterbi.decode(&emit, &trans, &mut got);
            let got_score = path_score(&got, &emit, &trans).expect("a valid path");
            // Every path of length n, by counting in base N_TAGS.
            let mut best = i64::MIN;
            let mut path = vec![0u8; n];
            'all: loop {
                if let Some(s) = path_score(&path, &emit, &trans) {
                    best = best.max(s);
                }
                for slot in path.iter_mut() {
                    *slot += 1;
                    if (*slot as usize) < N_TAGS {
                        continue 'all;
                    }
                    *slot = 0;
                }
                break;
            }
            assert_eq!(got_score, best, "round {round}: {got:?}");
        }
    }

    /// Whether `path` is a valid tag sequence (allowed transitions, may end).
    fn valid(path: &[u8]) -> bool {
        let mut from = START;
        for &t in path {
            if !allowed(from, t) {
                return false;
            }
            from = t as usize;
        }
        path.last().is_none_or(|&t| may_end(t))
    }

    /// Uniform in `-range..=range`, or only the two ends if `ends`.
    fn draw(x: &mut u64, range: i32, ends: bool) -> i32 {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        if ends {
            if (*x).is_multiple_of(2) {
                -range
            } else {
                range
            }
        } else {
            (*x % (2 * range as u64 + 1)) as i32 - range
        }
    }

    #[test]
    fn 十六位解码与三十二位同径() {
        let emit_bound = i32::from(EMIT_BOUND);
        let trans_bound = i32::from(TRANS_BOUND);
        // (what, emission magnitude, transition magnitude, longest, only the ends)
        let cases = [
            ("模型量级", 900, 120, 80, false),
            ("界内", emit_bound, trans_bound, 60, false),
            ("界端", emit_bound, trans_bound, 40, true),
            ("平局多", 2, 1, 30, false),
            ("转移为主", 8, trans_bound, 50, false),
            ("单字", emit_bound, trans_bound, 1, false),
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        // One decoder for all: its transition tables must follow each change.
        let mut viterbi = Viterbi::default();
        let (mut got, mut want) = (Vec::new(), Vec::new());
        for (what, emit_range, trans_range, longest, ends) in cases {
            for round in 0..300 {
                let n = 1 + round % longest;
                let emit: Vec<i16> = (0..n * N_TAGS)
                    .map(|_| draw(&mut x, emit_range, ends) as i16)
                    .collect();
                let trans: Vec<i32> = (0..(N_TAGS + 1) * N_TAGS)
                    .map(|_| draw(&mut x, trans_range, ends))
                    .collect();
                viterbi.decode(&emit, &trans, &mut got);
                let wide: Vec<i32> = emit.iter().map(|&e| i32::from(e)).collect();
                viterbi.decode(&wide, &trans, &mut want);
                assert_eq!(got, want, "{what}, round {round}");
            }
        }
    }

    #[test]
    fn 越界输入得截断后的最优合法路径() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut viterbi = Viterbi::default();
        let (mut got, mut want) = (Vec::new(), Vec::new());
        for round in 0..2000 {
            // Any length, not always whole positions.
            let len = round % 300;
            let emit: Vec<i16> = (0..len)
                .map(|_| draw(&mut x, 32767, round % 3 == 0) as i16)
                .collect();
            let trans: Vec<i32> = (0..(N_TAGS + 1) * N_TAGS)
                .map(|_| match draw(&mut x, 3, false) {
                    -3 => i32::MIN,
                    3 => i32::MAX,
                    _ => draw(&mut x, 1 << 20, false),
                })
                .collect();
            viterbi.decode(&emit, &trans, &mut got);
            assert_eq!(got.len(), len / N_TAGS, "round {round}");
            assert!(valid(&got), "round {round}: {got:?}");
            // The exact decoder on the clamped scores finds the same path.
            let emit_bound = i32::from(EMIT_BOUND);
            let trans_bound = i32::from(TRANS_BOUND);
            let clamped: Vec<i32> = emit
                .iter()
                .map(|&e| i32::from(e).clamp(-emit_bound, emit_bound))
                .collect();
            let trans: Vec<i32> = trans
                .iter()
                .map(|&t| t.clamp(-trans_bound, trans_bound))
                .collect();
            viterbi.decode(&clamped, &trans, &mut want);
            assert_eq!(got, want, "round {round}");
        }
        // Too few transitions: nothing, as from the exact decoder.
        viterbi.decode(&[0i16; N_TAGS], &[0; N_TAGS], &mut got);
        assert!(got.is_empty());
    }

    #[test]
    fn table_matches_rule() {
        for p in 0..N_TAGS {
            for t in 0..N_TAGS as u8 {
                assert_eq!(ALLOWED[p][t as usize], allowed(p, t), "{p} -> {t}");
            }
        }
    }
}
