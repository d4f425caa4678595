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
pub(crate) fn tag_id(tag: &str) -> u8 {
    match TAGS.binary_search(&tag) {
        Ok(i) => i as u8,
        Err(_) => TAG_OTHER,
    }
}

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
        for t in self.jieba.tag(text, true) {
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
