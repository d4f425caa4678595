//! A small lexicon type for the word tables of the recognisers (units,
//! approximation words, set phrases): longest match at a position, with
//! words that must not follow.
//!
//! The scanner asks it at most positions of a text, and almost every ask
//! is a miss; the first char is found in a small open-addressed table with
//! a multiplicative hash (a `HashMap<char, _>` with SipHash cost a quarter
//! of the quantity scanner).

/// One written form of a unit and what it means.
#[derive(Debug)]
pub(crate) struct UnitEntry<T: 'static> {
    /// The form as written (after folding).
    pub written: &'static str,
    /// What it means.
    pub meaning: T,
    /// Characters that must not follow directly: the unit would be the
    /// start of another word (`元旦`, `分钟`, `米饭`).
    pub not_before: &'static str,
}

/// One form: its chars, its entry, and whether it ends in a Latin letter.
struct Form<T: 'static> {
    chars: Box<[char]>,
    entry: &'static UnitEntry<T>,
    latin_end: bool,
}

/// A slot of the first-char table: the char and its forms, `forms[start..end]`.
#[derive(Clone, Copy)]
struct Slot {
    first: u32,
    start: u32,
    end: u32,
}

/// No char has this code.
const EMPTY: u32 = u32::MAX;

/// Entries grouped by first char, longest form first in each group.
pub(crate) struct Lexicon<T: 'static> {
    forms: Vec<Form<T>>,
    /// Open addressing, linear probing; a power of two, at most a quarter full.
    slots: Vec<Slot>,
    shift: u32,
}

impl<T: 'static> Lexicon<T> {
    pub(crate) fn new(entries: impl IntoIterator<Item = &'static UnitEntry<T>>) -> Self {
        let mut forms: Vec<Form<T>> = entries
            .into_iter()
            .filter(|e| !e.written.is_empty())
            .map(|e| {
                let chars: Box<[char]> = e.written.chars().collect();
                let latin_end = chars.last().is_some_and(|c| c.is_ascii_alphabetic());
                Form {
                    chars,
                    entry: e,
                    latin_end,
                }
            })
            .collect();
        // By first char, then longest first; stable, so equal forms keep
        // the table's order.
        forms.sort_by_key(|f| (f.chars[0], std::cmp::Reverse(f.chars.len())));
        let groups = forms.chunk_by(|a, b| a.chars[0] == b.chars[0]).count();
        let bits = (groups.max(1) * 4).next_power_of_two().trailing_zeros();
        let mut slots = vec![
            Slot {
                first: EMPTY,
                start: 0,
                end: 0,
            };
            1 << bits
        ];
        let mask = slots.len() - 1;
        let shift = 32 - bits;
        let mut start = 0;
        for group in forms.chunk_by(|a, b| a.chars[0] == b.chars[0]) {
            let first = group[0].chars[0] as u32;
            let mut i = slot_of(first, shift);
            while slots[i].first != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = Slot {
                first,
                start: start as u32,
                end: (start + group.len()) as u32,
            };
            start += group.len();
        }
        Lexicon {
            forms,
            slots,
            shift,
        }
    }

    /// The forms that start with `first`, longest first.
    #[inline]
    fn group(&self, first: char) -> &[Form<T>] {
        let first = first as u32;
        let mask = self.slots.len() - 1;
        let mut i = slot_of(first, self.shift);
        loop {
            let slot = self.slots[i];
            if slot.first == first {
                return &self.forms[slot.start as usize..slot.end as usize];
            }
            if slot.first == EMPTY {
                return &[];
            }
            i = (i + 1) & mask;
        }
    }

    /// The longest entry written at `chars[at..]` that is not directly
    /// followed by one of its `not_before` chars; with the index past it.
    #[inline]
    pub(crate) fn longest_at(
        &self,
        chars: &[char],
        at: usize,
    ) -> Option<(&'static UnitEntry<T>, usize)> {
        self.longest_where(chars, at, |_| true)
    }

    /// [`longest_at`](Lexicon::longest_at) among the entries whose meaning
    /// `keep` accepts.
    #[inline]
    pub(crate) fn longest_where(
        &self,
        chars: &[char],
        at: usize,
        keep: impl Fn(&T) -> bool,
    ) -> Option<(&'static UnitEntry<T>, usize)> {
        // Almost every ask is a miss: answer those inline.
        let group = self.group(*chars.get(at)?);
        if group.is_empty() {
            return None;
        }
        Self::longest_in(group, chars, at, keep)
    }

    /// [`longest_where`](Lexicon::longest_where) among `group`, the forms
    /// that start with `chars[at]`.
    #[inline(never)]
    fn longest_in(
        group: &[Form<T>],
        chars: &[char],
        at: usize,
        keep: impl Fn(&T) -> bool,
    ) -> Option<(&'static UnitEntry<T>, usize)> {
        for form in group {
            if !keep(&form.entry.meaning) {
                continue;
            }
            let end = at + form.chars.len();
            if end <= chars.len() && chars[at..end] == form.chars[..] {
                if chars
                    .get(end)
                    .is_some_and(|next| form.entry.not_before.contains(*next))
                {
                    continue;
                }
                // A Latin unit must not run on into more letters (`5kgs` is
                // fine to miss; `5GBT` is a code).
                if form.latin_end && chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
                    continue;
                }
                return Some((form.entry, end));
            }
        }
        None
    }

    /// Whether some entry is written exactly as `chars`.
    pub(crate) fn contains(&self, chars: &[char]) -> bool {
        self.contains_where(chars, |_| true)
    }

    /// Whether some entry whose meaning `keep` accepts is written exactly
    /// as `chars`.
    pub(crate) fn contains_where(&self, chars: &[char], keep: impl Fn(&T) -> bool) -> bool {
        chars.first().is_some_and(|&first| {
            self.group(first)
                .iter()
                .any(|f| f.chars[..] == *chars && keep(&f.entry.meaning))
        })
    }
}

/// The home slot of a char code (Fibonacci hashing: the top bits of the
/// product).
#[inline]
fn slot_of(code: u32, shift: u32) -> usize {
    (code.wrapping_mul(0x9E37_79B9) >> shift) as usize
}

/// Shorthand for table rows.
pub(crate) const fn unit<T>(
    written: &'static str,
    meaning: T,
    not_before: &'static str,
) -> UnitEntry<T> {
    UnitEntry {
        written,
        meaning,
        not_before,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: &[UnitEntry<u8>] = &[
        unit("米", 1, "饭"),
        unit("平方米", 2, ""),
        unit("平米", 3, ""),
        unit("kg", 4, ""),
        unit("米", 5, ""),
    ];

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn longest_form_first_and_words_that_must_not_follow() {
        let lexicon = Lexicon::new(TABLE);
        let found = |s: &str, at| {
            lexicon
                .longest_at(&chars(s), at)
                .map(|(e, end)| (e.meaning, end))
        };
        assert_eq!(found("3平方米", 1), Some((2, 4)));
        assert_eq!(found("3平米", 1), Some((3, 3)));
        assert_eq!(found("3米", 1), Some((1, 2)));
        // 米饭: the first 米 may not stand before 饭, the second may.
        assert_eq!(found("3米饭", 1), Some((5, 2)));
        assert_eq!(found("5kg", 1), Some((4, 3)));
        assert_eq!(found("5kgs", 1), None);
        assert_eq!(found("5斤", 1), None);
        assert_eq!(found("5", 1), None);
        assert!(lexicon.contains(&chars("平米")));
        assert!(!lexicon.contains(&chars("平")));
        assert!(!lexicon.contains(&[]));
    }

    #[test]
    fn every_first_char_is_found_in_a_crowded_table() {
        static MANY: LazyLock<Vec<UnitEntry<u32>>> = LazyLock::new(|| {
            (0x4E00u32..0x4E00 + 300)
                .map(|c| UnitEntry {
                    written: String::from(char::from_u32(c).unwrap()).leak(),
                    meaning: c,
                    not_before: "",
                })
                .collect()
        });
        let lexicon = Lexicon::new(MANY.iter());
        for c in 0x4E00u32..0x4E00 + 300 {
            let ch = [char::from_u32(c).unwrap()];
            assert_eq!(lexicon.longest_at(&ch, 0).map(|(e, _)| e.meaning), Some(c));
        }
        assert!(lexicon.longest_at(&['a'], 0).is_none());
    }

    use std::sync::LazyLock;
}
