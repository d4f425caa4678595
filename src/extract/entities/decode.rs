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
    back: Vec<[u8; N_TAGS]>,
}

const NEG: i64 = i64::MIN / 4;

impl Viterbi {
    /// The best tag sequence given per-position scores (`emit[i * N_TAGS + t]`)
    /// and transition scores (`trans[from * N_TAGS + to]`, `N_TAGS + 1` rows,
    /// the last one from the start); written to `out`.
    pub(crate) fn decode<T: Copy + Into<i64>>(
        &mut self,
        emit: &[T],
        trans: &[T],
        out: &mut Vec<u8>,
    ) {
        out.clear();
        let n = emit.len() / N_TAGS;
        if n == 0 {
            return;
        }
        self.back.clear();
        self.back.resize(n, [0; N_TAGS]);
        let mut score = [NEG; N_TAGS];
        for t in 0..N_TAGS {
            if allowed(START, t as u8) {
                score[t] = trans[START * N_TAGS + t].into() + emit[t].into();
            }
        }
        for i in 1..n {
            let mut next = [NEG; N_TAGS];
            for t in 0..N_TAGS {
                let mut best = NEG;
                let mut arg = 0u8;
                for &p in PREDECESSORS[t] {
                    let p = p as usize;
                    let s = score[p] + trans[p * N_TAGS + t].into();
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                if best > NEG / 2 {
                    next[t] = best + emit[i * N_TAGS + t].into();
                    self.back[i][t] = arg;
                }
            }
            score = next;
        }
        let mut best = NEG;
        let mut last = O;
        for t in 0..N_TAGS {
            if may_end(t as u8) && score[t] > best {
                best = score[t];
                last = t as u8;
            }
        }
        out.resize(n, O);
        out[n - 1] = last;
        for i in (1..n).rev() {
            out[i - 1] = self.back[i][out[i] as usize];
        }
    }
}

/// Tags that may come before O, B-x and S-x: O, E-*, S-*.
const CLOSED: &[u8] = &[0, 3, 4, 7, 8, 11, 12];

/// For each tag, the tags that may come before it.
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
