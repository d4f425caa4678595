//! Traditional characters and their simplified forms, one char for one:
//! OpenCC's table of single characters (`TSCharacters`, through the
//! `hanconv` crate), its first reading of each, less the chars that
//! simplified text writes too (keys of OpenCC's simplified-to-traditional
//! table, `麽`, `苧`, and [`KEPT`]). Built once, at first use.

use std::sync::LazyLock;

use hanconv::RawDictionary;

const HAN_FIRST: usize = 0x4E00;
const HAN_LAST: usize = 0x9FFF;
const BITMAP_WORDS: usize = (HAN_LAST - HAN_FIRST) / 64 + 1;

/// Chars of the table kept as written. `乾` and `薹` are among their own
/// readings in OpenCC and simplified text writes them (`乾隆`, `乾坤`,
/// `蒜薹`: 48 and 1 times in the six training sets; the other five such
/// chars, `於`, `徵`, ..., at most twice, and they fold). `參` is also the
/// financial form of three (`參萬元`), which the numeral reader reads as
/// written.
const KEPT: &str = "乾薹參";

/// The traditional chars and their simplified forms.
pub(crate) struct Table {
    /// Which chars of the common CJK block are traditional: the view's
    /// fast path for runs of Han characters asks this of every char.
    bits: [u64; BITMAP_WORDS],
    /// (traditional, simplified), sorted by the first.
    pairs: Vec<(char, char)>,
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

/// The table, built at the first call.
#[inline]
pub(crate) fn table() -> &'static Table {
    &TABLE
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    chars.next().filter(|_| chars.next().is_none())
}

impl Table {
    fn build() -> Table {
        let mut simplified_keys: Vec<char> = RawDictionary::STCharacters
            .iter()
            .filter_map(|(k, _)| single(k))
            .collect();
        simplified_keys.sort_unstable();
        let mut pairs: Vec<(char, char)> = RawDictionary::TSCharacters
            .iter()
            .filter_map(|(t, s)| Some((single(t)?, single(s)?)))
            .filter(|&(t, s)| {
                t != s && !KEPT.contains(t) && simplified_keys.binary_search(&t).is_err()
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut bits = [0u64; BITMAP_WORDS];
        for &(t, _) in &pairs {
            let i = (t as usize).wrapping_sub(HAN_FIRST);
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
        Table { bits, pairs }
    }

    /// Whether `c`, a char of the common CJK block (U+4E00 to U+9FFF), is
    /// traditional; false for any other char.
    #[inline]
    pub(crate) fn is_traditional(&self, c: char) -> bool {
        let i = (c as usize).wrapping_sub(HAN_FIRST);
        self.bits
            .get(i / 64)
            .is_some_and(|&word| word >> (i % 64) & 1 != 0)
    }

    /// The simplified form of traditional `c`, if it has one.
    pub(crate) fn simplified(&self, c: char) -> Option<char> {
        let i = self.pairs.binary_search_by_key(&c, |&(t, _)| t).ok()?;
        Some(self.pairs[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn 繁体位图与表一致() {
        let t = table();
        assert!(t.pairs.windows(2).all(|w| w[0].0 < w[1].0));
        for c in (0x4E00..=0x9FFF).filter_map(char::from_u32) {
            assert_eq!(t.is_traditional(c), t.simplified(c).is_some(), "{c}");
        }
        assert!(!t.is_traditional('a') && !t.is_traditional('\u{10FFFF}'));
    }

    /// Traditional chars fold to their simplified forms; simplified ones,
    /// and chars both scripts write, have none.
    #[test]
    fn 繁体字的简体() {
        // (char, its simplified form)
        let cases = [
            ('圓', Some('圆')),
            ('萬', Some('万')),
            ('區', Some('区')),
            ('別', Some('别')),
            ('積', Some('积')),
            ('電', Some('电')),
            ('臺', Some('台')),
            ('後', Some('后')),
            ('圆', None),
            ('区', None),
            ('著', None),
            ('乾', None),
            ('薹', None),
            ('參', None),
            ('麽', None),
            ('於', Some('于')),
            ('a', None),
        ];
        for (c, want) in cases {
            assert_eq!(table().simplified(c), want, "{c}");
        }
    }
}
