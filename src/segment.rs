//! Word segmentation and part-of-speech tags, from jieba-rs.

use std::sync::{Arc, LazyLock};

use jieba_rs::Jieba;

/// The embedded jieba dictionary, parsed once per process and shared by
/// every extractor that adds no words of its own.
static DEFAULT_JIEBA: LazyLock<Arc<Jieba>> = LazyLock::new(|| Arc::new(Jieba::new()));

/// Every part-of-speech tag jieba's dictionary and HMM produce, sorted;
/// a word's tag is stored as its index here.
pub(crate) const TAGS: [&str; 65] = [
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "en", "eng", "f", "g", "h", "i",
    "in", "j", "jn", "k", "l", "ln", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt",
    "nz", "o", "p", "q", "qe", "qg", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj",
    "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
];

/// Index of `tag` in [`TAGS`]; unknown tags count as `x` (other).
///
/// Every word of every document goes through here: a table indexed by the
/// first two letters answers for tags of one or two letters, a match for
/// the three longer ones (a binary search over the strings cost 10% of
/// segmentation).
pub(crate) fn tag_id(tag: &str) -> u8 {
    let b = tag.as_bytes();
    match b.len() {
        1 | 2 => {
            let second = b.get(1).copied().unwrap_or(b'a' - 1);
            match short_tag_slot(b[0], second) {
                Some(slot) => TAG_TABLE[slot],
                None => TAG_OTHER,
            }
        }
        _ => match b {
            b"eng" => TAG_ENG,
            b"nrt" => TAG_NRT,
            b"nrfg" => TAG_NRFG,
            _ => TAG_OTHER,
        },
    }
}

/// Slot of a tag of one letter (`second` is `b'a' - 1`) or two in [`TAG_TABLE`].
const fn short_tag_slot(first: u8, second: u8) -> Option<usize> {
    if !first.is_ascii_lowercase() || !(second.is_ascii_lowercase() || second == b'a' - 1) {
        return None;
    }
    Some((first - b'a') as usize * 27 + (second + 1 - b'a') as usize)
}

/// [`TAGS`] index of each tag of one or two letters, by [`short_tag_slot`].
const TAG_TABLE: [u8; 26 * 27] = {
    let mut table = [TAG_OTHER; 26 * 27];
    let mut i = 0;
    while i < TAGS.len() {
        let b = TAGS[i].as_bytes();
        if b.len() <= 2 {
            let second = if b.len() == 2 { b[1] } else { b'a' - 1 };
            if let Some(slot) = short_tag_slot(b[0], second) {
                table[slot] = i as u8;
            }
        }
        i += 1;
    }
    table
};

const TAG_ENG: u8 = 12;
const TAG_NRFG: u8 = 29;
const TAG_NRT: u8 = 30;

/// Index of `x` in [`TAGS`].
pub(crate) const TAG_OTHER: u8 = 60;

/// A word of the normalised view, in view char indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'v> {
    /// The word (a slice of the view's text).
    pub text: &'v str,
    /// jieba's part-of-speech tag.
    pub tag: &'static str,
    /// Its index in [`TAGS`].
    pub tag_id: u8,
    /// First char in the view.
    pub start: usize,
    /// One past its last char in the view.
    pub end: usize,
}

/// Chars jieba always makes a word of their own (they are outside its
/// word-char class), so that text can be cut there without changing how
/// the rest is segmented. Not `.`, `%` or `-`, which can be inside words.
pub(crate) fn splits_clauses(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | '、' | ',' | ';' | ':' | '!' | '?'
    )
}

/// The segmenter an extractor uses.
#[derive(Clone, Debug)]
pub(crate) struct Segmenter {
    jieba: Arc<Jieba>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter {
            jieba: Arc::clone(&DEFAULT_JIEBA),
        }
    }
}

impl Segmenter {
    /// The default dictionary plus the user's words (`word`, frequency, tag).
    pub(crate) fn with_words(words: &[(String, Option<usize>, Option<String>)]) -> Segmenter {
        if words.is_empty() {
            return Segmenter::default();
        }
        let mut jieba = Jieba::clone(&DEFAULT_JIEBA);
        for (word, freq, tag) in words {
            jieba.add_word(word, *freq, tag.as_deref());
        }
        Segmenter {
            jieba: Arc::new(jieba),
        }
    }

    /// Tags `text` (HMM on, for unknown words), into `out`.
    pub(crate) fn tag_into<'v>(&self, text: &'v str, out: &mut Vec<Word<'v>>) {
        out.clear();
        self.tag_piece(text, 0, 0, out);
    }

    /// Tags `text[byte..]` (which starts at char `char_at`), appending words
    /// in the whole text's offsets.
    fn tag_piece<'v>(&self, text: &'v str, byte: usize, char_at: usize, out: &mut Vec<Word<'v>>) {
        let piece = &text[byte..];
        let tags = self.jieba.tag(piece, true);
        out.reserve(tags.len());
        for t in tags {
            let tag_id = tag_id(t.tag);
            out.push(Word {
                text: &piece[t.byte_start..t.byte_end],
                tag: TAGS[tag_id as usize],
                tag_id,
                start: char_at + t.start,
                end: char_at + t.end,
            });
        }
    }

    /// Like [`tag_into`](Self::tag_into), but only the clauses that hold a
    /// char for which `wanted` is true, each with the marks around it; the
    /// other clauses get no words. The words are the ones `tag_into` gives
    /// there: jieba cuts at every clause mark anyway, so a clause is
    /// segmented the same alone. Quantities need words only around their
    /// figures, and most clauses of prose have none.
    pub(crate) fn tag_clauses_into<'v>(
        &self,
        text: &'v str,
        wanted: impl Fn(char) -> bool,
        out: &mut Vec<Word<'v>>,
    ) {
        out.clear();
        // The piece being gathered: (byte, char) where it starts.
        let mut piece: Option<(usize, usize)> = None;
        // Where the current clause starts (just after a mark, or the
        // mark itself when the clause before was skipped).
        let mut clause = (0usize, 0usize);
        let mut clause_wanted = false;
        for (char_at, (byte, c)) in text.char_indices().enumerate() {
            clause_wanted |= wanted(c);
            if !splits_clauses(c) {
                continue;
            }
            let after = (byte + c.len_utf8(), char_at + 1);
            if clause_wanted {
                piece.get_or_insert(clause);
            } else if let Some((b, ch)) = piece.take() {
                // The piece ends with the mark that closes its last clause.
                self.tag_piece(&text[..clause.0], b, ch, out);
            }
            // The next clause starts at this mark: a piece includes the
            // mark before its first clause.
            clause = if piece.is_some() {
                after
            } else {
                (byte, char_at)
            };
            clause_wanted = false;
        }
        if clause_wanted {
            piece.get_or_insert(clause);
        }
        if let Some((b, ch)) = piece {
            self.tag_piece(text, b, ch, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn 只切含数字的分句_词与整段切分相同() {
        let newsletter = include_str!("../examples/data/newsletter.txt");
        let table = [
            "",
            "，",
            "没有数字的一句话",
            "共有3人。",
            "今年，全市新增就业岗位1,200个，同比增长5.6%；失业率下降。",
            "他说：“我们来了！”随后，三十余名党员赶到，现场约有200人。",
            "，，第一名，，",
            "市政府办公厅、财政局与统计局联合发布通知，各单位注意。",
            "价格：15元/斤，比上周贵2元；销量？不详",
            newsletter,
        ];
        let seg = Segmenter::default();
        let digit = |c: char| c.is_ascii_digit() || "一二三十百千万".contains(c);
        for text in table {
            let mut all = Vec::new();
            seg.tag_into(text, &mut all);
            let mut some = Vec::new();
            seg.tag_clauses_into(text, digit, &mut some);
            for w in &some {
                assert!(
                    all.contains(w),
                    "{text:?}: {w:?} is not a word of the whole"
                );
            }
            // Every char of a clause with a digit is in a word.
            let chars: Vec<char> = text.chars().collect();
            let mut covered = vec![false; chars.len()];
            for w in &some {
                covered[w.start..w.end].fill(true);
            }
            let mut clause_start = 0;
            for (i, &c) in chars.iter().enumerate() {
                if splits_clauses(c) || i + 1 == chars.len() {
                    let clause = clause_start..=i;
                    if chars[clause.clone()].iter().any(|&c| digit(c)) {
                        assert!(
                            covered[clause.clone()].iter().all(|&x| x),
                            "{text:?}: clause {clause:?} not covered"
                        );
                    }
                    clause_start = i + 1;
                }
            }
        }
    }

    #[test]
    fn tag_ids_match_the_sorted_list() {
        for (i, tag) in TAGS.iter().enumerate() {
            assert_eq!(tag_id(tag), i as u8, "{tag}");
        }
        for unknown in ["", "X", "zz", "nrx", "engl", "a1", "\u{4e00}"] {
            assert_eq!(tag_id(unknown), TAG_OTHER, "{unknown:?}");
        }
    }
}
