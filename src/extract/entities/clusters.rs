//! Word clusters: jieba words grouped by the words they follow, learned
//! from the unlabelled text of the training data.
//!
//! A name's words are mostly rare, and a rare word's own features are
//! learned from few examples; its cluster is shared with many words that
//! stand in the same places (`北京` with other cities, `记者` with other
//! titles), so what the tagger learns of one carries to the others, across
//! corpora too.
//!
//! The clusters are those of a predictive class bigram model,
//! `P(w | v) = P(w | class(w)) P(class(w) | v)`, found by the exchange
//! algorithm (Uszkoreit and Brants 2008, "Distributed word clustering for
//! large scale class-based language modeling in machine translation"):
//! each word in turn moves to the class that most raises the likelihood of
//! the text, until no word moves or the passes run out. Deterministic: the
//! same text gives the same clusters.

use std::collections::HashMap;

use super::features::{NoHash, mix, seed};

/// Most clusters a table may have; a feature's cluster value is
/// `0..=MAX_CLUSTERS` (the last: no cluster).
pub(crate) const MAX_CLUSTERS: usize = 256;

/// The hash of a word's text as the cluster table keys it.
#[inline]
pub(crate) fn text_key(text: &str) -> u64 {
    let mut h = seed(0xC1);
    for c in text.chars() {
        h = mix(h, c as u64);
    }
    h
}

/// Words and their clusters.
#[derive(Clone, Debug, Default)]
pub(crate) struct Clusters {
    map: HashMap<u64, u16, NoHash>,
    /// Every word and its cluster, sorted by word (what the model stores).
    entries: Vec<(String, u16)>,
}

impl Clusters {
    /// A table of these words; clusters at or above [`MAX_CLUSTERS`],
    /// words across a line break and repeated words (after the first) are
    /// left out.
    pub(crate) fn from_entries(words: impl IntoIterator<Item = (String, u16)>) -> Clusters {
        let mut entries: Vec<(String, u16)> = words
            .into_iter()
            .filter(|(w, c)| {
                !w.is_empty() && !w.contains(['\n', '\r']) && usize::from(*c) < MAX_CLUSTERS
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        let map = entries.iter().map(|(w, c)| (text_key(w), *c)).collect();
        Clusters { map, entries }
    }

    /// The cluster of the word with this [`text_key`].
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u16> {
        self.map.get(&key).copied()
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Every word and its cluster, sorted by word.
    pub(crate) fn entries(&self) -> &[(String, u16)] {
        &self.entries
    }
}

/// Settings of [`learn`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    /// Number of clusters (at most [`MAX_CLUSTERS`]).
    pub clusters: usize,
    /// Words seen fewer times are left out.
    pub min_count: u32,
    /// Most passes over the words.
    pub passes: usize,
}

/// Gathers the text to learn clusters from, one sentence at a time.
#[derive(Debug, Default)]
pub(crate) struct Learner {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    /// Word ids, sentences one after the other, [`u32::MAX`] between them.
    text: Vec<u32>,
}

/// Marks the end of a sentence in [`Learner::text`].
const END: u32 = u32::MAX;

impl Learner {
    /// Adds a sentence, as its words.
    pub(crate) fn add<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        for w in words {
            let id = match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(w.to_owned(), id);
                    self.words.push(w.to_owned());
                    id
                }
            };
            self.text.push(id);
        }
        self.text.push(END);
    }

    /// The clusters of the words seen at least `min_count` times: `(word,
    /// cluster)`, sorted by word.
    pub(crate) fn learn(&self, settings: &Settings) -> Vec<(String, u16)> {
        let k = settings.clusters.clamp(1, MAX_CLUSTERS);
        let (count, vocab) = self.vocabulary(settings.min_count);
        let n = vocab.len();
        if n == 0 {
            return Vec::new();
        }
        let preds = self.predecessors(&vocab);
        let total: u64 = (0..n).map(|w| u64::from(count[vocab[w] as usize])).sum();
        let flogf = x_ln_x(total);
        let mut exchange = Exchange::new(n, k, &preds);
        for _ in 0..settings.passes {
            if exchange.pass(&preds, &flogf) == 0 {
                break;
            }
        }
        let mut out: Vec<(String, u16)> = (0..n)
            .map(|w| (self.words[vocab[w] as usize].clone(), exchange.class[w]))
            .collect();
        out.sort();
        out
    }

    /// Each word's count, and the words to cluster, most frequent first
    /// (ties by text: the order must not depend on the hash map's).
    fn vocabulary(&self, min_count: u32) -> (Vec<u32>, Vec<u32>) {
        let mut count = vec![0u32; self.words.len()];
        for &id in self.text.iter().filter(|&&id| id != END) {
            count[id as usize] += 1;
        }
        let mut vocab: Vec<u32> = (0..self.words.len() as u32)
            .filter(|&id| count[id as usize] >= min_count)
            .collect();
        vocab.sort_by(|&a, &b| {
            count[b as usize]
                .cmp(&count[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        (count, vocab)
    }

    /// The predecessors of each word of `vocab` (by rank), with counts.
    fn predecessors(&self, vocab: &[u32]) -> Predecessors {
        let n = vocab.len();
        // Each word's rank; the other words share one predecessor id, and
        // a sentence's start is another.
        let rare = n as u32;
        let start = n as u32 + 1;
        let mut rank = vec![rare; self.words.len()];
        for (r, &id) in vocab.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        // Bigram counts (predecessor, clustered word).
        let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
        let mut prev = start;
        for &id in &self.text {
            if id == END {
                prev = start;
                continue;
            }
            let r = rank[id as usize];
            if r != rare {
                *bigrams.entry((prev, r)).or_default() += 1;
            }
            prev = r;
        }
        let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
        pairs.sort_unstable_by_key(|&((v, w), _)| (w, v));
        let mut pred_start = vec![0usize; n + 1];
        let mut preds: Vec<(u32, u32)> = Vec::with_capacity(pairs.len());
        for &((v, w), c) in &pairs {
            pred_start[w as usize + 1] += 1;
            preds.push((v, c));
        }
        for w in 0..n {
            pred_start[w + 1] += pred_start[w];
        }
        Predecessors {
            start: pred_start,
            list: preds,
        }
    }
}

/// `x ln x` for every `x` up to `total`, looked up.
fn x_ln_x(total: u64) -> Vec<f64> {
    (0..=total)
        .map(|x| {
            if x == 0 {
                0.0
            } else {
                x as f64 * (x as f64).ln()
            }
        })
        .collect()
}

/// The predecessors of each clustered word, with counts: word `w`'s are
/// `list[start[w]..start[w + 1]]`.
struct Predecessors {
    start: Vec<usize>,
    list: Vec<(u32, u32)>,
}

impl Predecessors {
    #[inline]
    fn of(&self, w: usize) -> &[(u32, u32)] {
        &self.list[self.start[w]..self.start[w + 1]]
    }
}

/// The exchange algorithm's state: each word's class and the counts the
/// likelihood is computed from.
struct Exchange {
    k: usize,
    class: Vec<u16>,
    /// Count of (predecessor, class).
    by_pred: Vec<u32>,
    /// Count of each class.
    by_class: Vec<u32>,
    /// Per class: the gain of putting the current word there.
    gain: Vec<f64>,
}

impl Exchange {
    /// Words dealt to the `k` classes in frequency order.
    fn new(n: usize, k: usize, preds: &Predecessors) -> Exchange {
        let class: Vec<u16> = (0..n).map(|w| (w % k) as u16).collect();
        let n_pred = n + 2;
        let mut by_pred = vec![0u32; n_pred * k];
        let mut by_class = vec![0u32; k];
        for w in 0..n {
            let c = class[w] as usize;
            for &(v, m) in preds.of(w) {
                by_pred[v as usize * k + c] += m;
                by_class[c] += m;
            }
        }
        Exchange {
            k,
            class,
            by_pred,
            by_class,
            gain: vec![0f64; k],
        }
    }

    /// Moves each word in turn to the class that most raises the
    /// likelihood; how many words moved.
    fn pass(&mut self, preds: &Predecessors, flogf: &[f64]) -> usize {
        let k = self.k;
        let mut moved = 0usize;
        for w in 0..self.class.len() {
            let from = self.class[w] as usize;
            let ps = preds.of(w);
            let nw: u32 = ps.iter().map(|&(_, m)| m).sum();
            for &(v, m) in ps {
                self.by_pred[v as usize * k + from] -= m;
            }
            self.by_class[from] -= nw;
            self.gains(ps, nw, flogf);
            // The best class; the word stays unless another is better.
            let mut best = from;
            for (c, &g) in self.gain.iter().enumerate() {
                if g > self.gain[best] + 1e-9 {
                    best = c;
                }
            }
            if best != from {
                moved += 1;
            }
            for &(v, m) in ps {
                self.by_pred[v as usize * k + best] += m;
            }
            self.by_class[best] += nw;
            self.class[w] = best as u16;
        }
        moved
    }

    /// The gain of putting a word (out of every class, seen `nw` times
    /// after the predecessors `ps`) in each class.
    fn gains(&mut self, ps: &[(u32, u32)], nw: u32, flogf: &[f64]) {
        let k = self.k;
        for (c, g) in self.gain.iter_mut().enumerate() {
            let b = self.by_class[c] as usize;
            *g = flogf[b] - flogf[b + nw as usize];
        }
        for &(v, m) in ps {
            let row = &self.by_pred[v as usize * k..(v as usize + 1) * k];
            for (g, &x) in self.gain.iter_mut().zip(row) {
                *g += flogf[(x + m) as usize] - flogf[x as usize];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learn(sentences: &[&str], clusters: usize, min_count: u32) -> HashMap<String, u16> {
        let mut learner = Learner::default();
        for s in sentences {
            learner.add(s.split(' '));
        }
        let settings = Settings {
            clusters,
            min_count,
            passes: 20,
        };
        learner.learn(&settings).into_iter().collect()
    }

    /// Words that follow the same words share a cluster; words that
    /// follow others do not.
    #[test]
    fn 同样位置的词同一类() {
        let mut text = Vec::new();
        for city in ["北京", "上海", "广州", "深圳"] {
            for verb in ["来到", "去", "住在"] {
                text.push(format!("他 {verb} {city} 。"));
            }
        }
        for title in ["记者", "主任", "教授", "书记"] {
            for name in ["王明", "李华"] {
                text.push(format!("{name} {title} 说 。"));
            }
        }
        let texts: Vec<&str> = text.iter().map(String::as_str).collect();
        let c = learn(&texts, 6, 1);
        let same = [
            ("北京", "上海"),
            ("上海", "深圳"),
            ("记者", "主任"),
            ("教授", "书记"),
        ];
        for (a, b) in same {
            assert_eq!(c[a], c[b], "{a} {b}: {c:?}");
        }
        let apart = [("北京", "记者"), ("上海", "王明"), ("说", "北京")];
        for (a, b) in apart {
            assert_ne!(c[a], c[b], "{a} {b}: {c:?}");
        }
    }

    /// Rare words are left out; the same text gives the same table.
    #[test]
    fn 罕见词不聚类_结果可重现() {
        let texts = [
            "他 去 北京 。",
            "他 去 上海 。",
            "她 去 北京 。",
            "他 去 拉萨 。",
        ];
        let a = learn(&texts, 3, 2);
        let mut words: Vec<&str> = a.keys().map(String::as_str).collect();
        words.sort();
        assert_eq!(words, ["。", "他", "北京", "去"]);
        assert_eq!(a, learn(&texts, 3, 2));
    }

    #[test]
    fn 表按词查类() {
        let table = Clusters::from_entries([
            ("北京".to_owned(), 3),
            ("上海".to_owned(), 3),
            ("记者".to_owned(), 7),
            ("太大".to_owned(), MAX_CLUSTERS as u16),
        ]);
        let cases = [
            ("北京", Some(3)),
            ("记者", Some(7)),
            ("太大", None),
            ("拉萨", None),
        ];
        for (word, cluster) in cases {
            assert_eq!(table.get(text_key(word)), cluster, "{word}");
        }
        assert_eq!(table.len(), 3);
    }
}
