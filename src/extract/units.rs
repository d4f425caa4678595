//! A small lexicon type shared by the unit tables of the recognisers:
//! longest match at a position, with words that must not follow.

use std::collections::HashMap;

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

/// The forms that start with one char, as chars, longest first.
type Forms<T> = Vec<(Vec<char>, &'static UnitEntry<T>)>;

/// Entries indexed by first char, longest form first.
pub(crate) struct Lexicon<T: 'static> {
    by_first: HashMap<char, Forms<T>>,
}

impl<T: 'static> Lexicon<T> {
    pub(crate) fn new(entries: &'static [UnitEntry<T>]) -> Self {
        let mut by_first: HashMap<char, Forms<T>> = HashMap::new();
        for e in entries {
            let chars: Vec<char> = e.written.chars().collect();
            if let Some(&first) = chars.first() {
                by_first.entry(first).or_default().push((chars, e));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|form| std::cmp::Reverse(form.0.len()));
        }
        Lexicon { by_first }
    }

    /// The longest entry written at `chars[at..]` that is not directly
    /// followed by one of its `not_before` chars; with the index past it.
    pub(crate) fn longest_at(
        &self,
        chars: &[char],
        at: usize,
    ) -> Option<(&'static UnitEntry<T>, usize)> {
        let first = *chars.get(at)?;
        let list = self.by_first.get(&first)?;
        for (form, entry) in list {
            let end = at + form.len();
            if end <= chars.len() && chars[at..end] == form[..] {
                if chars
                    .get(end)
                    .is_some_and(|next| entry.not_before.contains(*next))
                {
                    continue;
                }
                // A Latin unit must not run on into more letters (`5kgs` is
                // fine to miss; `5GBT` is a code).
                if form.last().is_some_and(|c| c.is_ascii_alphabetic())
                    && chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
                return Some((entry, end));
            }
        }
        None
    }

    /// Whether some entry is written exactly as `chars`.
    pub(crate) fn contains(&self, chars: &[char]) -> bool {
        chars.first().is_some_and(|first| {
            self.by_first
                .get(first)
                .is_some_and(|list| list.iter().any(|(form, _)| form[..] == *chars))
        })
    }
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
