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
}

/// An emission score as the decoder takes it: within [`CLAMP`].
pub(crate) trait Emission: Copy {
    fn score(self) -> i32;
}

/// The tagger's sums: always within the clamp, nothing to do.
impl Emission for i16 {
    #[inline(always)]
    fn score(self) -> i32 {
        i32::from(self)
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
    /// tag.
    ///
    /// The forward pass keeps only the best score of each state (eight
    /// lanes at a time); the way back recomputes the one argmax it needs
    /// per position.
    pub(crate) fn decode<E: Emission>(&mut self, emit: &[E], trans: &[i32], out: &mut Vec<u8>) {
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
        self.scores.push(normalised(first));
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
            self.scores.push(normalised(next));
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

/// Shifts scores so the best is 0, keeping every score above [`NEG`].
#[inline]
fn normalised(mut s: [i32; N_TAGS]) -> [i32; N_TAGS] {
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
                if let Some((o, s)) = open {
                    if o == ty {
                        f(ty, s, i + 1);
                    }
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

    #[test]
    fn table_matches_rule() {
        for p in 0..N_TAGS {
            for t in 0..N_TAGS as u8 {
                assert_eq!(ALLOWED[p][t as usize], allowed(p, t), "{p} -> {t}");
            }
        }
    }
}
