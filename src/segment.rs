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

    /// Tags `text` (HMM on, for unknown words), appending to `out`.
    pub(crate) fn tag_into<'v>(&self, text: &'v str, out: &mut Vec<Word<'v>>) {
        out.clear();
        let tags = self.jieba.tag(text, true);
        out.reserve(tags.len());
        for t in tags {
            let tag_id = tag_id(t.tag);
            out.push(Word {
                text: &text[t.byte_start..t.byte_end],
                tag: TAGS[tag_id as usize],
                tag_id,
                start: t.start,
                end: t.end,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
