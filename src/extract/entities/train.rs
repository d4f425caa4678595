//! Training a model on BIO data: a CRF (AdaGrad, then feature selection)
//! or a structured averaged perceptron over the
//! features of `features.rs`, computed exactly as prediction does
//! (each sentence goes through the normalised view and jieba first).
//!
//! ```no_run
//! use zh_extract::EntityModel;
//! use zh_extract::train::{self, TrainOptions};
//!
//! let file = std::io::BufReader::new(std::fs::File::open("train.bio")?);
//! let sentences = train::read_bio(file)?;
//! let bytes = train::train(&sentences, &[], &TrainOptions::default())?;
//! let model = EntityModel::from_bytes(&bytes)?;
//! # Ok::<(), zh_extract::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::time::Instant;

use super::EntityModel;
use super::clusters::{Clusters, Learner, Settings as ClusterSettings};
use super::decode::{self, N_TAGS, Part, START, Viterbi};
use super::features::{Features, Mode, NoHash};
use super::lexicon::Lexicon;
use super::model::{self, Weights};
use crate::error::{Error, Result};
use crate::record::{EntityKind, Span};
use crate::segment::{Segmenter, Word};
use crate::text::{LineProfile, View};

/// A sentence of training or test data: its text and its entities
/// (`kind`, first char, one past the last char; char indices).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// Its entities, in char indices of `text`, sorted, not overlapping.
    pub entities: Vec<(EntityKind, usize, usize)>,
}

/// Reads BIO data: one `char<TAB>tag` (or `char tag`) per line, a blank
/// line between sentences. Tags are `O`, `B-X`, `I-X` (also `E-X`, `S-X`,
/// `M-X`), with X one of `PER`, `LOC`, `ORG`.
///
/// # Errors
///
/// [`Error::TrainingData`] naming the first line that cannot be read,
/// [`Error::Io`] if reading fails.
pub fn read_bio(reader: impl BufRead) -> Result<Vec<Sentence>> {
    let mut bio = Bio::default();
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            bio.end_sentence();
            continue;
        }
        bio.push_line(line).map_err(|reason| Error::TrainingData {
            line: i + 1,
            reason,
        })?;
    }
    bio.end_sentence();
    Ok(bio.out)
}

/// The sentences of BIO data read so far, and the one being read.
#[derive(Default)]
struct Bio {
    out: Vec<Sentence>,
    cur: Sentence,
    /// Chars of `cur` (entities are in char indices).
    n_chars: usize,
    /// The entity being read: its type and first char.
    open: Option<(u8, usize)>,
}

impl Bio {
    /// Ends the entity being read, if any, before char `end`.
    fn close(&mut self, end: usize) {
        if let Some((ty, s)) = self.open.take() {
            self.cur.entities.push((decode::kind(ty), s, end));
        }
    }

    /// A blank line, or the end of the data.
    fn end_sentence(&mut self) {
        self.close(self.n_chars);
        if !self.cur.text.is_empty() {
            self.out.push(std::mem::take(&mut self.cur));
        }
        self.n_chars = 0;
    }

    /// Reads a `char<TAB>tag` line; what is wrong with it if it cannot.
    fn push_line(&mut self, line: &str) -> std::result::Result<(), String> {
        let (c, label) = bio_line(line)?;
        let (prefix, ty) = bio_tag(label)?;
        let pos = self.n_chars;
        match (prefix, ty) {
            ("O", _) => self.close(pos),
            ("B", Some(ty)) => {
                self.close(pos);
                self.open = Some((ty, pos));
            }
            ("I" | "M", Some(ty)) => self.continue_entity(ty, pos),
            ("E", Some(ty)) => {
                self.continue_entity(ty, pos);
                self.close(pos + 1);
            }
            ("S", Some(ty)) => {
                self.close(pos);
                self.cur.entities.push((decode::kind(ty), pos, pos + 1));
            }
            _ => return Err(format!("unknown tag {label:?}")),
        }
        self.cur.text.push(c);
        self.n_chars += 1;
        Ok(())
    }

    /// An inside tag: it continues an open entity of type `ty`, or begins
    /// one at `pos` (data with a missing `B`).
    fn continue_entity(&mut self, ty: u8, pos: usize) {
        if self.open.is_none_or(|(o, _)| o != ty) {
            self.close(pos);
            self.open = Some((ty, pos));
        }
    }
}

/// The char and the tag of a BIO line.
fn bio_line(line: &str) -> std::result::Result<(char, &str), String> {
    let split = line.rfind('\t').or_else(|| line.rfind(' '));
    let Some(at) = split else {
        return Err(format!("expected `char<TAB>tag`, found {line:?}"));
    };
    let (ch, label) = (&line[..at], line[at + 1..].trim());
    let mut chars = ch.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err(format!(
            "expected one character before the tag, found {ch:?}"
        ));
    };
    Ok((c, label))
}

/// A tag's prefix (`O`, `B`, `I` ...) and entity type.
fn bio_tag(label: &str) -> std::result::Result<(&str, Option<u8>), String> {
    if label == "O" {
        return Ok(("O", None));
    }
    let Some((p, t)) = label.split_once(['-', '_']) else {
        return Err(format!("unknown tag {label:?}"));
    };
    let Some(ty) = decode::type_of_label(t) else {
        return Err(format!(
            "unknown entity type in tag {label:?} (expected PER, LOC or ORG)"
        ));
    };
    Ok((p, Some(ty)))
}

/// One training corpus: its sentences and how much they count.
#[derive(Clone, Copy, Debug)]
pub struct Corpus<'a> {
    /// A short name (for progress messages).
    pub name: &'a str,
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// How many times each sentence is seen per epoch, on average (`1.0`:
    /// once; `0.5`: half of them, drawn anew every epoch; `2.5`: twice,
    /// and a third time for half of them).
    pub weight: f32,
}

impl<'a> Corpus<'a> {
    /// A corpus of weight 1.
    pub fn new(name: &'a str, sentences: &'a [Sentence]) -> Corpus<'a> {
        Corpus {
            name,
            sentences,
            weight: 1.0,
        }
    }
}

/// Training settings.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times than this in the training data are dropped.
    pub min_count: u32,
    /// Seed of the sentence order shuffle.
    pub seed: u64,
    /// Weights whose magnitude (after quantisation to i16) is below this are zeroed.
    pub prune: i16,
    /// A first char of at least this many person names becomes a surname.
    pub surname_min: u32,
    /// Deflate-compress the model.
    pub compress: bool,
    /// Train a CRF (AdaGrad) instead of an averaged perceptron.
    pub crf: bool,
    /// CRF: after `epochs`, keep only this many features (those with the
    /// largest summed weight magnitude; 0 keeps all) ...
    pub max_features: usize,
    /// ... and train this many more epochs on the kept ones.
    pub refit_epochs: usize,
    /// CRF: weights of kept features smaller than this are zeroed (and
    /// stay zero) when features are selected.
    pub min_weight: f32,
    /// CRF: write the averaged weights.
    pub average: bool,
    /// AdaGrad learning rate of the CRF.
    pub learning_rate: f32,
    /// CRF: L2 penalty per feature occurrence (lazy: a feature's weights
    /// are pulled towards zero, by `l2 * w`, each time it fires; 0 is off).
    pub l2: f32,
    /// CRF: subtracted from the score of the O tag at every char (a
    /// recall/precision trade-off, folded into the transitions into O).
    pub o_bias: f32,
    /// CRF: feature augmentation across corpora (Daume 2007): every
    /// feature is learned once shared and once per corpus; only the shared
    /// copy is written to the model, so the corpus copies absorb what a
    /// single corpus's conventions add.
    pub augment: bool,
    /// With `augment`: the model's weights are the shared copy plus this
    /// share of each corpus's copy, in corpus order (empty: the shared
    /// copy alone).
    pub copy_mix: Vec<f32>,
    /// With `augment`: the corpus copies' L2 penalty is `l2` times this,
    /// so a copy learns only what its corpus does differently.
    pub copy_l2_factor: f32,
    /// Rewrite the training entities to the project's convention first
    /// (`../shared/docs/entities.md`, as the tagger's output is): no bare
    /// category nouns, no post after an organization's name, no span
    /// across a mark it does not pair.
    pub harmonise: bool,
    /// Word clusters learned from the training text (jieba's words of it)
    /// for the tagger's features: how many (0: none; at most 256) ...
    pub word_clusters: usize,
    /// ... of the words seen at least this many times.
    pub cluster_min_count: u32,
    /// CRF: train this many models, shuffled by consecutive seeds, and
    /// write the average of their weights (the `max_features` strongest
    /// of it); 1 trains one.
    pub ensemble: usize,
    /// Progress on standard error.
    pub verbose: bool,
}

impl Default for TrainOptions {
    /// The settings of the embedded model but for the corpus options
    /// (`augment`, `copy_l2_factor`, `copy_mix`), which its command in
    /// `data/README.md` sets.
    fn default() -> Self {
        TrainOptions {
            epochs: 4,
            min_count: 2,
            seed: 0x5eed,
            prune: 32,
            surname_min: 8,
            compress: true,
            crf: true,
            max_features: 200_000,
            min_weight: 0.14,
            refit_epochs: 1,
            average: false,
            learning_rate: 0.1,
            l2: 0.0001,
            o_bias: 0.3,
            augment: false,
            copy_mix: Vec::new(),
            copy_l2_factor: 1.0,
            harmonise: false,
            word_clusters: 256,
            cluster_min_count: 5,
            ensemble: 1,
            verbose: false,
        }
    }
}

/// Strict span-match counts for one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities found with the right kind and span.
    pub true_positives: usize,
    /// Entities found that are not in the gold data.
    pub false_positives: usize,
    /// Gold entities not found.
    pub false_negatives: usize,
}

impl Counts {
    /// Precision (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        let d = self.true_positives + self.false_positives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        let d = self.true_positives + self.false_negatives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Counts) {
        self.true_positives += o.true_positives;
        self.false_positives += o.false_positives;
        self.false_negatives += o.false_negatives;
    }
}

/// Scores per kind (`person`, `place`, `organization`) and overall.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Per kind, in [`EntityKind::ALL`] order.
    pub by_kind: Vec<(EntityKind, Counts)>,
}

impl Scores {
    /// Empty counts for every kind.
    pub fn new() -> Scores {
        Scores {
            by_kind: EntityKind::ALL
                .iter()
                .map(|&k| (k, Counts::default()))
                .collect(),
        }
    }

    /// Adds one sentence: gold and found `(kind, start, end)` triples.
    pub fn add(
        &mut self,
        gold: &[(EntityKind, usize, usize)],
        found: &[(EntityKind, usize, usize)],
    ) {
        for (kind, c) in &mut self.by_kind {
            let g: Vec<_> = gold.iter().filter(|e| e.0 == *kind).collect();
            let f: Vec<_> = found.iter().filter(|e| e.0 == *kind).collect();
            let tp = f.iter().filter(|e| g.contains(e)).count();
            c.true_positives += tp;
            c.false_positives += f.len() - tp;
            c.false_negatives += g.len() - tp;
        }
    }

    /// Counts over all kinds.
    pub fn overall(&self) -> Counts {
        let mut all = Counts::default();
        for (_, c) in &self.by_kind {
            all.add(c);
        }
        all
    }
}

/// The dev sets the project measures on, as (name, path under
/// `../shared/data`): MSRA and the five corpora of `ner/`.
pub const DEV_SETS: [(&str, &str); 6] = [
    ("msra", "msra/dev.bio"),
    ("pd1998", "ner/pd1998/dev.bio"),
    ("boson", "ner/boson/dev.bio"),
    ("cluener", "ner/cluener/dev.bio"),
    ("weibo", "ner/weibo/dev.bio"),
    ("resume", "ner/resume/dev.bio"),
];

/// `sentences` as documents of `per_document` consecutive sentences (the
/// last one shorter), their entities shifted: a sentence that ends with a
/// sentence mark runs on into the next, as in prose; one that does not
/// ends its line. Dev sets come one sentence per line, but the text users
/// bring comes in documents, where the document pass (other mentions of a
/// name, aliases) has more to go on.
pub fn join_sentences(sentences: &[Sentence], per_document: usize) -> Vec<Sentence> {
    sentences
        .chunks(per_document.max(1))
        .map(|group| {
            let mut text = String::new();
            let mut entities = Vec::new();
            let mut at = 0usize;
            let mut ended = true;
            for s in group {
                if !ended {
                    text.push('\n');
                    at += 1;
                }
                let chars: Vec<char> = s.text.chars().collect();
                ended = super::ends_sentence(&chars);
                text.push_str(&s.text);
                entities.extend(s.entities.iter().map(|&(k, a, b)| (k, a + at, b + at)));
                at += s.text.chars().count();
            }
            Sentence { text, entities }
        })
        .collect()
}

/// Reads gold documents as JSON Lines, one object per line:
/// `{"text": ..., "entities": [{"kind": "person", "start": 0, "end": 3}, ...]}`
/// with `start`/`end` in chars of `text` (end exclusive); other fields are
/// ignored. Entities come back sorted.
///
/// # Errors
///
/// [`Error::TrainingData`] naming the first line that cannot be read (bad
/// JSON, an unknown kind, a span outside the text or overlapping another),
/// [`Error::Io`] if reading fails.
pub fn read_documents(reader: impl BufRead) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let document = gold_document(&line).map_err(|reason| Error::TrainingData {
            line: i + 1,
            reason,
        })?;
        out.push(document);
    }
    Ok(out)
}

/// One line of [`read_documents`].
fn gold_document(line: &str) -> std::result::Result<Sentence, String> {
    #[derive(serde::Deserialize)]
    struct Gold {
        kind: String,
        start: usize,
        end: usize,
    }
    #[derive(serde::Deserialize)]
    struct Document {
        text: String,
        #[serde(default)]
        entities: Vec<Gold>,
    }
    let d: Document = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let n = d.text.chars().count();
    let mut entities = Vec::with_capacity(d.entities.len());
    for g in d.entities {
        let kind = match g.kind.as_str() {
            "person" => EntityKind::Person,
            "organization" => EntityKind::Organization,
            "place" => EntityKind::Place,
            other => return Err(format!("unknown entity kind {other:?}")),
        };
        if g.start >= g.end || g.end > n {
            return Err(format!(
                "span {}..{} outside the text's {n} chars",
                g.start, g.end
            ));
        }
        entities.push((kind, g.start, g.end));
    }
    entities.sort_by_key(|&(_, a, b)| (a, b));
    if let Some(w) = entities.windows(2).find(|w| w[1].1 < w[0].2) {
        return Err(format!(
            "spans {}..{} and {}..{} overlap",
            w[0].1, w[0].2, w[1].1, w[1].2
        ));
    }
    Ok(Sentence {
        text: d.text,
        entities,
    })
}

/// Gold documents cut into training sentences as the extractor reads
/// them: the view of each document (soft line breaks read through,
/// full-width forms folded), cut after `。！？` and line breaks, spaces at
/// the ends trimmed (by `sentences`, as at run time). A sentence
/// that an entity runs out of (a name across a break the view keeps) is
/// left out, so no name is half learned.
pub fn training_sentences(documents: &[Sentence]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut view = View::default();
    for d in documents {
        view.rebuild(&d.text, LineProfile::of(&d.text));
        let chars = &view.chars;
        // The document char each view char comes from.
        let source: Vec<usize> = (0..chars.len())
            .map(|i| view.span(i, i + 1, Span::default()).char_start)
            .collect();
        let entities: Vec<_> = d
            .entities
            .iter()
            .map(|&(kind, s, e)| {
                let a = source.partition_point(|&c| c < s);
                (kind, a, source.partition_point(|&c| c < e))
            })
            .collect();
        for (s, e) in super::sentences(chars) {
            let crosses =
                |&(_, a, b): &(EntityKind, usize, usize)| a < e && s < b && (a < s || b > e);
            if s == e || entities.iter().any(crosses) {
                continue;
            }
            out.push(Sentence {
                text: chars[s..e].iter().collect(),
                entities: entities
                    .iter()
                    .filter(|&&(_, a, b)| s <= a && b <= e && a < b)
                    .map(|&(kind, a, b)| (kind, a - s, b - s))
                    .collect(),
            });
        }
    }
    out
}

/// `documents` cut at every line break, as the `--lines` mode of
/// `examples/extract.rs` reads them: each line one document, its entities
/// shifted; an entity that spans a break cannot be found so and stays in
/// the gold data of the line it starts on, cut at its end (a miss).
pub fn split_lines(documents: &[Sentence]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for d in documents {
        let mut at = 0usize;
        for line in d.text.split('\n') {
            let n = line.chars().count();
            let entities = d
                .entities
                .iter()
                .filter(|&&(_, a, _)| a >= at && a < at + n)
                .map(|&(k, a, b)| (k, a - at, b.min(at + n) - at))
                .collect();
            out.push(Sentence {
                text: line.to_owned(),
                entities,
            });
            at += n + 1;
        }
    }
    out
}

/// `documents` with every line break turned into a space, as a pipeline
/// that puts each document on one line does (`text.replace("\n", " ")`):
/// the same chars, so the same entity offsets.
pub fn flatten_lines(documents: &[Sentence]) -> Vec<Sentence> {
    documents
        .iter()
        .map(|d| Sentence {
            text: d.text.replace(['\n', '\r'], " "),
            entities: d.entities.clone(),
        })
        .collect()
}

/// Scores `extractor` on `sentences`, each one document (as the `--lines`
/// mode of `examples/extract.rs` reads them: document pass included),
/// on all cores with the `parallel` feature.
pub fn score_extractor(extractor: &crate::Extractor, sentences: &[Sentence]) -> Scores {
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let mut scores = Scores::new();
    for (s, found) in sentences.iter().zip(extractor.extract_batch(&texts)) {
        let triples: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.kind, e.span.char_start, e.span.char_end))
            .collect();
        scores.add(&s.entities, &triples);
    }
    scores
}

/// The view of one sentence, checked to map 1:1 onto its chars.
fn sentence_view(text: &str, view: &mut View) -> bool {
    view.rebuild(text, LineProfile::of(text));
    view.len() == text.chars().count()
}

/// Scores `model` on `sentences`, tagging each sentence alone as the
/// extractor tags a piece (view, jieba, tagger; no document pass).
pub fn evaluate(model: &EntityModel, sentences: &[Sentence]) -> Scores {
    let seg = Segmenter::default();
    let mut view = View::default();
    let mut found = Vec::new();
    let mut scores = Scores::new();
    let mut triples = Vec::new();
    for s in sentences {
        view.rebuild(&s.text, LineProfile::of(&s.text));
        let mut words = Vec::new();
        seg.tag_into(&view.text, &mut words);
        found.clear();
        model.find(&view, &words, false, &mut found);
        triples.clear();
        triples.extend(found.iter().map(|e| (e.kind, e.start, e.end)));
        scores.add(&s.entities, &triples);
    }
    scores
}

/// `sentence` with its entities as the project's convention has them
/// (what the tagger's output goes through).
pub fn harmonise(sentence: &Sentence) -> Sentence {
    let chars: Vec<char> = sentence.text.chars().collect();
    let entities = sentence
        .entities
        .iter()
        .filter_map(|&(kind, s, e)| {
            let (kind, s, e) = super::convention::name_span(&chars, kind, s, e)?;
            Some((kind, s, e))
        })
        .collect();
    Sentence {
        text: sentence.text.clone(),
        entities,
    }
}

/// Surnames: first chars of at least `min` person names of 2 to 4 chars.
fn learn_surnames(sentences: &[&Sentence], min: u32) -> Vec<String> {
    let mut counts: BTreeMap<char, u32> = BTreeMap::new();
    for s in sentences {
        let chars: Vec<char> = s.text.chars().collect();
        for &(k, a, b) in &s.entities {
            if k == EntityKind::Person && (2..=4).contains(&(b - a)) {
                *counts.entry(crate::text::fold(chars[a])).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(c, n)| n >= min && crate::text::is_han(c))
        .map(|(c, _)| c.to_string())
        .collect()
}

/// A common word occurs this often in the training text ...
const COMMON_MIN_COUNT: u32 = 10;
/// ... and at most this share of its occurrences overlap a name.
const COMMON_MAX_IN_NAMES: f64 = 0.02;

/// Words of two to four Han chars, as jieba cuts the training text, that
/// are frequent and seldom overlap a name.
fn common_words(sentences: &[&Sentence], seg: &Segmenter) -> Vec<(String, u16)> {
    use super::lexicon::COMMON_WORD;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    let mut view = View::default();
    for s in sentences {
        if !sentence_view(&s.text, &mut view) {
            continue;
        }
        let mut words = Vec::new();
        seg.tag_into(&view.text, &mut words);
        for w in &words {
            let len = w.end - w.start;
            if !(2..=4).contains(&len)
                || !view.chars[w.start..w.end]
                    .iter()
                    .all(|&c| crate::text::is_han(c))
            {
                continue;
            }
            let in_name = s.entities.iter().any(|&(_, a, b)| a < w.end && w.start < b);
            let c = counts
                .entry(view.chars[w.start..w.end].iter().collect())
                .or_default();
            c.0 += 1;
            c.1 += u32::from(in_name);
        }
    }
    let mut common: Vec<(String, u16)> = counts
        .into_iter()
        .filter(|(_, (n, named))| {
            *n >= COMMON_MIN_COUNT && f64::from(*named) <= COMMON_MAX_IN_NAMES * f64::from(*n)
        })
        .map(|(w, _)| (w, COMMON_WORD))
        .collect();
    common.sort_unstable();
    common
}

/// The text of a training sentence as the tagger reads it: with a `。`
/// after a sentence that stops without a mark (see `EntityModel::find`).
fn closed_text(s: &Sentence) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = s.text.chars().collect();
    if super::ends_sentence(&chars) {
        std::borrow::Cow::Borrowed(s.text.as_str())
    } else {
        std::borrow::Cow::Owned(format!("{}。", s.text))
    }
}

/// Clusters of the words of the training text, as jieba cuts it
/// ([`TrainOptions::word_clusters`]); the entities are not looked at.
fn word_clusters(sentences: &[&Sentence], seg: &Segmenter, options: &TrainOptions) -> Clusters {
    if options.word_clusters == 0 {
        return Clusters::default();
    }
    let mut learner = Learner::default();
    let mut view = View::default();
    for s in sentences {
        if !sentence_view(&closed_text(s), &mut view) {
            continue;
        }
        let mut words = Vec::new();
        seg.tag_into(&view.text, &mut words);
        learner.add(words.iter().map(|w| w.text));
    }
    let settings = ClusterSettings {
        clusters: options.word_clusters,
        min_count: options.cluster_min_count,
        passes: CLUSTER_PASSES,
    };
    Clusters::from_entries(learner.learn(&settings))
}

/// The word clusters training learns from `sentences` with `options`
/// ([`TrainOptions::word_clusters`]): `(word, cluster)`, sorted by word.
pub fn learn_clusters(sentences: &[Sentence], options: &TrainOptions) -> Vec<(String, u16)> {
    let all: Vec<&Sentence> = sentences.iter().collect();
    word_clusters(&all, &Segmenter::default(), options)
        .entries()
        .to_vec()
}

/// Most passes of the cluster exchange algorithm.
const CLUSTER_PASSES: usize = 15;

/// Folds of the training data for its name lexicon.
const FOLDS: usize = 5;

/// The names of the training data (all sentences, or those outside fold `k`).
fn gazetteer(sentences: &[&Sentence], skip_fold: Option<usize>) -> Vec<(String, u16)> {
    use super::lexicon::{GAZ_ORG, GAZ_PERSON, GAZ_PLACE};
    let mut names: BTreeMap<String, u16> = BTreeMap::new();
    for (si, s) in sentences.iter().enumerate() {
        if skip_fold == Some(si % FOLDS) {
            continue;
        }
        let chars: Vec<char> = s.text.chars().map(crate::text::fold).collect();
        for &(k, a, b) in &s.entities {
            if b <= chars.len() && (2..=16).contains(&(b - a)) {
                let f = match k {
                    EntityKind::Person => GAZ_PERSON,
                    EntityKind::Place => GAZ_PLACE,
                    _ => GAZ_ORG,
                };
                *names.entry(chars[a..b].iter().collect()).or_default() |= f;
            }
        }
    }
    names.into_iter().collect()
}

/// BIOES tags of a sentence of `n` chars.
fn gold_tags(s: &Sentence, n: usize) -> Vec<u8> {
    let mut tags = vec![decode::O; n];
    for &(kind, a, b) in &s.entities {
        if a >= b || b > n {
            continue;
        }
        let ty = match kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            _ => 2,
        };
        if b - a == 1 {
            tags[a] = decode::tag(ty, Part::S);
        } else {
            tags[a] = decode::tag(ty, Part::B);
            for t in &mut tags[a + 1..b - 1] {
                *t = decode::tag(ty, Part::I);
            }
            tags[b - 1] = decode::tag(ty, Part::E);
        }
    }
    tags
}

/// A training sentence as feature ids.
#[derive(Clone)]
struct Prepared {
    ids: Vec<u32>,
    start: Vec<u32>,
    gold: Vec<u8>,
    /// Index of its corpus.
    corpus: usize,
}

impl Prepared {
    /// Drops the features that `keep` does not keep.
    fn keep_only(&mut self, keep: &[bool]) {
        let mut ids = Vec::with_capacity(self.ids.len());
        let mut start = Vec::with_capacity(self.start.len());
        for i in 0..self.start.len() - 1 {
            start.push(ids.len() as u32);
            ids.extend(
                self.ids[self.start[i] as usize..self.start[i + 1] as usize]
                    .iter()
                    .filter(|&&f| keep[f as usize]),
            );
        }
        start.push(ids.len() as u32);
        self.ids = ids;
        self.start = start;
    }
}

/// The keys of each position followed by their copies for `corpus`.
fn with_corpus_copies(keys: &[u64], start: &[u32], corpus: usize) -> (Vec<u64>, Vec<u32>) {
    let mut out = Vec::with_capacity(keys.len() * 2);
    let mut out_start = Vec::with_capacity(start.len());
    for w in start.windows(2) {
        out_start.push(out.len() as u32);
        let own = &keys[w[0] as usize..w[1] as usize];
        out.extend_from_slice(own);
        out.extend(own.iter().map(|&k| corpus_copy(k, corpus)));
    }
    out_start.push(out.len() as u32);
    (out, out_start)
}

/// The sentences of one epoch, shuffled: each as many times as its
/// corpus's weight says (the fraction drawn at random).
fn epoch_order(data: &[Prepared], weights: &[f32], rng: &mut u64) -> Vec<usize> {
    let mut order = Vec::with_capacity(data.len());
    for (si, p) in data.iter().enumerate() {
        let w = weights.get(p.corpus).copied().unwrap_or(1.0);
        let mut times = w.floor() as usize;
        if next_random(rng) as f64 / u64::MAX as f64 > 1.0 - f64::from(w - w.floor()) {
            times += 1;
        }
        order.extend(std::iter::repeat_n(si, times));
    }
    for i in (1..order.len()).rev() {
        order.swap(i, (next_random(rng) % (i as u64 + 1)) as usize);
    }
    order
}

/// xorshift64.
fn next_random(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

/// Trains a model on `sentences`; returns the model file's bytes. `dev`
/// (may be empty) is scored after every epoch when `verbose` is on.
///
/// # Errors
///
/// [`Error::TrainingData`] when there is nothing to learn from.
pub fn train(sentences: &[Sentence], dev: &[Sentence], options: &TrainOptions) -> Result<Vec<u8>> {
    train_corpora(&[Corpus::new("train", sentences)], dev, options)
}

/// Marks the corpus copies of features ([`TrainOptions::augment`]): they
/// are learned, never written to the model.
const CORPUS_COPY: u64 = 1 << 62;

/// The copy of feature `key` that only sentences of corpus `corpus` have.
fn corpus_copy(key: u64, corpus: usize) -> u64 {
    super::features::finish(super::features::mix(key, 0xC0_0000 + corpus as u64)) | CORPUS_COPY
}

/// Trains a model on several corpora, each seen as often as its weight
/// says; returns the model file's bytes. `dev` (may be empty) is scored
/// after every epoch when `verbose` is on.
///
/// # Errors
///
/// [`Error::TrainingData`] when there is nothing to learn from.
pub fn train_corpora(
    corpora: &[Corpus<'_>],
    dev: &[Sentence],
    options: &TrainOptions,
) -> Result<Vec<u8>> {
    let t0 = Instant::now();
    let log = |msg: String| {
        if options.verbose {
            eprintln!("[{:7.1}s] {msg}", t0.elapsed().as_secs_f64());
        }
    };
    // Every sentence with its corpus.
    let harmonised = harmonised_corpora(corpora, options);
    let sentences = with_corpus_index(corpora, &harmonised, options);
    let all: Vec<&Sentence> = sentences.iter().map(|&(_, s)| s).collect();
    let seg = Segmenter::default();
    let (lexicon, folds) = lexicons(&all, &seg, options, &log);

    let copies = options.augment && corpora.len() > 1;
    let (raw, counts, skipped) = sentence_keys(&sentences, &seg, &folds, copies);
    if raw.is_empty() {
        return Err(Error::TrainingData {
            line: 0,
            reason: "no sentences to learn from".into(),
        });
    }
    let n_chars: usize = raw.iter().map(|r| r.2.len()).sum();
    let n_keys: usize = raw.iter().map(|r| r.0.len()).sum();
    log(format!(
        "{} sentences ({} skipped), {} distinct features, {:.1} keys per char",
        raw.len(),
        skipped,
        counts.len(),
        n_keys as f64 / n_chars.max(1) as f64
    ));
    let keys = kept_keys(counts, options.min_count);
    let data = with_feature_ids(raw, &keys);
    let nf = keys.len();
    log(format!(
        "{nf} features kept (seen at least {} times)",
        options.min_count
    ));
    let weights: Vec<f32> = corpora.iter().map(|c| c.weight.max(0.0)).collect();
    let trained = Trained {
        keys: &keys,
        lexicon: &lexicon,
        weights: &weights,
        dev,
        options,
        log: &log,
    };
    if options.crf {
        trained.crf(data)
    } else {
        trained.perceptron(&data)
    }
}

/// The corpora's sentences brought to one convention, with
/// [`TrainOptions::harmonise`] (else empty: the sentences are used as
/// they are).
fn harmonised_corpora(corpora: &[Corpus<'_>], options: &TrainOptions) -> Vec<Vec<Sentence>> {
    corpora
        .iter()
        .map(|c| match options.harmonise {
            true => c.sentences.iter().map(harmonise).collect(),
            false => Vec::new(),
        })
        .collect()
}

/// Every training sentence with the index of its corpus.
fn with_corpus_index<'s>(
    corpora: &[Corpus<'s>],
    harmonised: &'s [Vec<Sentence>],
    options: &TrainOptions,
) -> Vec<(usize, &'s Sentence)> {
    corpora
        .iter()
        .zip(harmonised)
        .enumerate()
        .flat_map(|(c, (corpus, h))| {
            let s = if options.harmonise {
                &h[..]
            } else {
                corpus.sentences
            };
            s.iter().map(move |s| (c, s))
        })
        .collect()
}

/// The lexicon the model is written with, and one per fold for training.
fn lexicons(
    all: &[&Sentence],
    seg: &Segmenter,
    options: &TrainOptions,
    log: &dyn Fn(String),
) -> (Lexicon, Vec<Lexicon>) {
    let surnames = learn_surnames(all, options.surname_min);
    log(format!("{} surnames learned", surnames.len()));
    // Names of the training data are a lexicon too. Each training sentence
    // sees only the names of the other folds (as unseen text would).
    let common = common_words(all, seg);
    log(format!("{} common words", common.len()));
    let with_common = |mut names: Vec<(String, u16)>| {
        names.extend(common.iter().cloned());
        names
    };
    let clusters = word_clusters(all, seg, options);
    log(format!("{} words clustered", clusters.len()));
    let lexicon_of = |skip_fold| {
        let mut lexicon = Lexicon::standard(&surnames, &with_common(gazetteer(all, skip_fold)));
        lexicon.clusters = clusters.clone();
        lexicon
    };
    let lexicon = lexicon_of(None);
    let folds: Vec<Lexicon> = (0..FOLDS).map(|k| lexicon_of(Some(k))).collect();
    log(format!("lexicons built ({} entries)", lexicon.len()));
    (lexicon, folds)
}

/// Per sentence: feature keys, where each position's keys start, gold
/// tags and the corpus.
type Raw = (Vec<u64>, Vec<u32>, Vec<u8>, usize);

/// The feature keys of every sentence that has a view (with their corpus
/// copies if `copies`), how often each key occurs, and how many sentences
/// were skipped.
fn sentence_keys(
    sentences: &[(usize, &Sentence)],
    seg: &Segmenter,
    folds: &[Lexicon],
    copies: bool,
) -> (Vec<Raw>, HashMap<u64, u32, NoHash>, usize) {
    // Features of every sentence, through the view and jieba.
    let mut view = View::default();
    let mut feats = Features::default();
    let mut raw: Vec<Raw> = Vec::with_capacity(sentences.len());
    let mut counts: HashMap<u64, u32, NoHash> = HashMap::default();
    let mut skipped = 0usize;
    for (si, &(corpus, s)) in sentences.iter().enumerate() {
        // Tagged as the extractor tags it.
        if !sentence_view(&closed_text(s), &mut view) {
            skipped += 1;
            continue;
        }
        let mut words: Vec<Word<'_>> = Vec::new();
        seg.tag_into(&view.text, &mut words);
        feats.compute(&view.chars, &words, 0, &folds[si % FOLDS], Mode::Keys);
        let (mut keys, mut start) = (Vec::new(), Vec::new());
        feats.expanded(&mut keys, &mut start);
        if copies {
            (keys, start) = with_corpus_copies(&keys, &start, corpus);
        }
        for &k in &keys {
            *counts.entry(k).or_default() += 1;
        }
        raw.push((keys, start, gold_tags(s, view.len()), corpus));
    }
    (raw, counts, skipped)
}

/// The keys seen at least `min_count` times, sorted: a key's index is its
/// feature id.
fn kept_keys(counts: HashMap<u64, u32, NoHash>, min_count: u32) -> Vec<u64> {
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|&(_, &n)| n >= min_count)
        .map(|(&k, _)| k)
        .collect();
    keys.sort_unstable();
    keys
}

/// The sentences with their kept keys as feature ids.
fn with_feature_ids(raw: Vec<Raw>, keys: &[u64]) -> Vec<Prepared> {
    let id_of: HashMap<u64, u32, NoHash> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    raw.into_iter()
        .map(|(ks, st, gold, corpus)| {
            let mut ids = Vec::with_capacity(ks.len());
            let mut start = Vec::with_capacity(st.len());
            for i in 0..st.len() - 1 {
                start.push(ids.len() as u32);
                for &k in &ks[st[i] as usize..st[i + 1] as usize] {
                    if let Some(&id) = id_of.get(&k) {
                        ids.push(id);
                    }
                }
            }
            start.push(ids.len() as u32);
            Prepared {
                ids,
                start,
                gold,
                corpus,
            }
        })
        .collect()
}

/// What the learners share: the features, the lexicon to write, the
/// corpus weights, the dev set and the options.
struct Trained<'t> {
    keys: &'t [u64],
    lexicon: &'t Lexicon,
    weights: &'t [f32],
    dev: &'t [Sentence],
    options: &'t TrainOptions,
    log: &'t dyn Fn(String),
}

impl Trained<'_> {
    /// Trains the CRF, or the [`TrainOptions::ensemble`] of them; the model
    /// file's bytes.
    fn crf(&self, data: Vec<Prepared>) -> Result<Vec<u8>> {
        let options = self.options;
        if options.ensemble <= 1 {
            return Ok(self.crf_member(data, options.seed)?.1);
        }
        let mut sum: Option<(Vec<f32>, Vec<f32>)> = None;
        for m in 0..options.ensemble {
            let seed = options.seed.wrapping_add(2 * m as u64);
            let (crf, _) = self.crf_member(data.clone(), seed)?;
            let (w, tw) = self.final_weights(&crf, options);
            (self.log)(format!(
                "ensemble member {} of {} trained",
                m + 1,
                options.ensemble
            ));
            sum = Some(match sum {
                None => (w, tw),
                Some((mut sw, mut stw)) => {
                    sw.iter_mut().zip(&w).for_each(|(a, b)| *a += b);
                    stw.iter_mut().zip(&tw).for_each(|(a, b)| *a += b);
                    (sw, stw)
                }
            });
        }
        let (mut w, mut tw) = sum.unwrap_or_default();
        let k = options.ensemble as f32;
        w.iter_mut().chain(tw.iter_mut()).for_each(|x| *x /= k);
        self.keep_strongest(&mut w);
        let bytes = finish(self.keys, &w, &tw, self.lexicon, options);
        if options.verbose && !self.dev.is_empty() {
            self.report_dev(&bytes)?;
        }
        Ok(bytes)
    }

    /// Zeroes all but the [`TrainOptions::max_features`] shared features
    /// with the largest summed weight magnitude (an ensemble's members
    /// each keep their own).
    fn keep_strongest(&self, w: &mut [f32]) {
        let max = self.options.max_features;
        if max == 0 {
            return;
        }
        for f in by_strength(self.keys, w).into_iter().skip(max) {
            w[f * N_TAGS..(f + 1) * N_TAGS].fill(0.0);
        }
    }

    /// Trains one CRF with shuffle seed `seed`: the CRF and its model file.
    fn crf_member(&self, mut data: Vec<Prepared>, seed: u64) -> Result<(Crf, Vec<u8>)> {
        let (keys, options, log) = (self.keys, self.options, self.log);
        let mut crf = Crf::new(keys.len());
        let mut rng = seed | 1;
        let mut bytes = Vec::new();
        let shared = keys.iter().filter(|&&k| k & CORPUS_COPY == 0).count();
        // Corpus copies sort last (their high bit).
        let l2_copies = (shared as u32, options.l2 * options.copy_l2_factor);
        let select = options.max_features > 0 && options.max_features < shared;
        let total = options.epochs.max(1) + if select { options.refit_epochs } else { 0 };
        for epoch in 0..total {
            if select && epoch == options.epochs.max(1) {
                self.select_features(&mut crf, &mut data);
            }
            for si in epoch_order(&data, self.weights, &mut rng) {
                crf.step(&data[si], options.learning_rate, options.l2, l2_copies);
            }
            log(format!("crf epoch {}", epoch + 1));
            if epoch + 1 >= total && options.verbose && !self.dev.is_empty() {
                self.sweeps(&crf)?;
            }
            let last = epoch + 1 >= total;
            if last || (options.verbose && !self.dev.is_empty()) {
                bytes = self.crf_model(&crf, options);
                if options.verbose && !self.dev.is_empty() {
                    self.report_dev(&bytes)?;
                }
            }
        }
        Ok((crf, bytes))
    }

    /// The model file for the CRF's weights as they stand.
    fn crf_model(&self, crf: &Crf, o: &TrainOptions) -> Vec<u8> {
        let (w, tw) = self.final_weights(crf, o);
        finish(self.keys, &w, &tw, self.lexicon, o)
    }

    /// The weights a model file gets from `crf`: averaged or as they stand,
    /// the corpus copies mixed in (features, transitions).
    fn final_weights(&self, crf: &Crf, o: &TrainOptions) -> (Vec<f32>, Vec<f32>) {
        let (w, tw) = if o.average {
            crf.averaged()
        } else {
            (crf.w.clone(), crf.tw.clone())
        };
        (mix_copies(self.keys, w, &o.copy_mix), tw)
    }

    /// Keeps the strongest features; the others are dropped and the kept
    /// ones trained on without them.
    fn select_features(&self, crf: &mut Crf, data: &mut [Prepared]) {
        let (keys, options, log) = (self.keys, self.options, self.log);
        let nf = keys.len();
        let mut keep: Vec<bool> = keys.iter().map(|&k| k & CORPUS_COPY != 0).collect();
        for f in by_strength(keys, &crf.w)
            .into_iter()
            .take(options.max_features)
        {
            keep[f] = true;
        }
        let mut zeroed = 0usize;
        for (j, x) in crf.w.iter_mut().enumerate() {
            if keep[j / N_TAGS] && x.abs() < options.min_weight {
                // Zeroed and frozen (an infinite AdaGrad sum).
                *x = 0.0;
                crf.g[j] = f32::INFINITY;
                crf.acc[j] = 0.0;
                zeroed += 1;
            }
        }
        log(format!("{zeroed} small weights of kept features zeroed"));
        for f in 0..nf {
            if !keep[f] {
                crf.w[f * N_TAGS..(f + 1) * N_TAGS].fill(0.0);
                crf.acc[f * N_TAGS..(f + 1) * N_TAGS].fill(0.0);
            }
        }
        for p in data.iter_mut() {
            p.keep_only(&keep);
        }
        log(format!("kept {} of {nf} features", options.max_features));
    }

    /// The sweeps asked for in the environment, on the final weights:
    /// dev scores by `o_bias` and by pruning, model files by mix.
    fn sweeps(&self, crf: &Crf) -> Result<()> {
        let (options, dev, log) = (self.options, self.dev, self.log);
        if let Ok(sweep) = std::env::var("ZHX_OBIAS_SWEEP") {
            for ob in sweep.split(',').filter_map(|x| x.parse::<f32>().ok()) {
                let mut o = options.clone();
                o.o_bias = ob;
                let b = self.crf_model(crf, &o);
                let m = EntityModel::from_bytes(&b)?;
                let o = evaluate(&m, dev).overall();
                log(format!(
                    "  o_bias {ob}: dev P {:.4} R {:.4} F1 {:.4}",
                    o.precision(),
                    o.recall(),
                    o.f1()
                ));
            }
        }
        // `name=m0,m1,..;name=..`: a model file per mix of the corpus copies.
        if let Ok(sweep) = std::env::var("ZHX_MIX_SWEEP") {
            for item in sweep.split(';') {
                let Some((path, mix)) = item.split_once('=') else {
                    continue;
                };
                let mut o = options.clone();
                o.copy_mix = mix.split(',').filter_map(|x| x.parse().ok()).collect();
                let _ = std::fs::write(path, self.crf_model(crf, &o));
                log(format!("  wrote {path} (mix {mix})"));
            }
        }
        if let Ok(sweep) = std::env::var("ZHX_PRUNE_SWEEP") {
            for p in sweep.split(',').filter_map(|x| x.parse::<i16>().ok()) {
                let mut o = options.clone();
                o.prune = p;
                let b = self.crf_model(crf, &o);
                let m = EntityModel::from_bytes(&b)?;
                let f = evaluate(&m, dev).overall().f1();
                log(format!(
                    "  prune {p}: dev F1 {f:.4}; model {} bytes, {} features",
                    b.len(),
                    m.feature_count()
                ));
            }
        }
        Ok(())
    }

    /// Logs the dev scores of the model file `bytes`.
    fn report_dev(&self, bytes: &[u8]) -> Result<()> {
        let m = EntityModel::from_bytes(bytes)?;
        let o = evaluate(&m, self.dev).overall();
        (self.log)(format!(
            "  dev P {:.4} R {:.4} F1 {:.4}; model {} bytes, {} features",
            o.precision(),
            o.recall(),
            o.f1(),
            bytes.len(),
            m.feature_count()
        ));
        Ok(())
    }

    /// Trains the averaged perceptron; the model file's bytes.
    fn perceptron(&self, data: &[Prepared]) -> Result<Vec<u8>> {
        let options = self.options;
        let mut perceptron = Perceptron::new(self.keys.len());
        let mut rng = options.seed | 1;
        let mut bytes = Vec::new();
        for epoch in 0..options.epochs.max(1) {
            let order = epoch_order(data, self.weights, &mut rng);
            let mut errors = 0usize;
            for &si in &order {
                if perceptron.step(&data[si]) {
                    errors += 1;
                }
            }
            (self.log)(format!(
                "epoch {}: {} of {} sentences wrong",
                epoch + 1,
                errors,
                data.len()
            ));
            let last = epoch + 1 >= options.epochs.max(1);
            if last || (options.verbose && !self.dev.is_empty()) {
                bytes = perceptron.model(self.keys, self.lexicon, options);
                if options.verbose && !self.dev.is_empty() {
                    self.report_dev(&bytes)?;
                }
            }
        }
        Ok(bytes)
    }
}

/// A structured averaged perceptron: feature weights and transitions.
struct Perceptron {
    w: Vec<i32>,
    /// Sum over updates of step number x change (for averaging).
    acc: Vec<i64>,
    tw: Vec<i32>,
    tacc: Vec<i64>,
    /// Steps taken, plus one.
    c: i64,
    // Per-sentence buffers.
    emit: Vec<i32>,
    pred: Vec<u8>,
    viterbi: Viterbi,
}

impl Perceptron {
    fn new(nf: usize) -> Perceptron {
        let nt = (N_TAGS + 1) * N_TAGS;
        Perceptron {
            w: vec![0i32; nf * N_TAGS],
            acc: vec![0i64; nf * N_TAGS],
            tw: vec![0i32; nt],
            tacc: vec![0i64; nt],
            c: 1,
            emit: Vec::new(),
            pred: Vec::new(),
            viterbi: Viterbi::default(),
        }
    }

    /// Tags sentence `s` and, if it is wrong, moves the weights towards
    /// the gold tags; whether it was wrong.
    fn step(&mut self, s: &Prepared) -> bool {
        let n = s.gold.len();
        self.emit.clear();
        self.emit.resize(n * N_TAGS, 0);
        for i in 0..n {
            let row = &mut self.emit[i * N_TAGS..(i + 1) * N_TAGS];
            for &f in &s.ids[s.start[i] as usize..s.start[i + 1] as usize] {
                let wr = &self.w[f as usize * N_TAGS..(f as usize + 1) * N_TAGS];
                for t in 0..N_TAGS {
                    row[t] += wr[t];
                }
            }
        }
        self.viterbi.decode(&self.emit, &self.tw, &mut self.pred);
        let wrong = self.pred != s.gold;
        if wrong {
            self.update(s);
        }
        self.c += 1;
        wrong
    }

    /// Moves every weight where the prediction and the gold tags differ.
    fn update(&mut self, s: &Prepared) {
        let (pred, c) = (&self.pred, self.c);
        for i in 0..s.gold.len() {
            let (g, p) = (s.gold[i] as usize, pred[i] as usize);
            if g != p {
                for &f in &s.ids[s.start[i] as usize..s.start[i + 1] as usize] {
                    let b = f as usize * N_TAGS;
                    self.w[b + g] += 1;
                    self.acc[b + g] += c;
                    self.w[b + p] -= 1;
                    self.acc[b + p] -= c;
                }
            }
            let gp = if i == 0 {
                START
            } else {
                s.gold[i - 1] as usize
            };
            let pp = if i == 0 { START } else { pred[i - 1] as usize };
            if (gp, g) != (pp, p) {
                self.tw[gp * N_TAGS + g] += 1;
                self.tacc[gp * N_TAGS + g] += c;
                self.tw[pp * N_TAGS + p] -= 1;
                self.tacc[pp * N_TAGS + p] -= c;
            }
        }
    }

    /// The model file for the averaged weights.
    fn model(&self, keys: &[u64], lexicon: &Lexicon, options: &TrainOptions) -> Vec<u8> {
        finish(
            keys,
            &average(&self.w, &self.acc, self.c),
            &average(&self.tw, &self.tacc, self.c),
            lexicon,
            options,
        )
    }
}

/// The shared features, strongest first: by the summed magnitude of
/// their weights in `w`, ties by id.
fn by_strength(keys: &[u64], w: &[f32]) -> Vec<usize> {
    let mut score: Vec<(f32, usize)> = (0..keys.len())
        .filter(|&f| keys[f] & CORPUS_COPY == 0)
        .map(|f| {
            (
                w[f * N_TAGS..(f + 1) * N_TAGS]
                    .iter()
                    .map(|x| x.abs())
                    .sum(),
                f,
            )
        })
        .collect();
    score.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    score.into_iter().map(|(_, f)| f).collect()
}

/// The shared weights plus `mix[c]` times corpus `c`'s copies.
fn mix_copies(keys: &[u64], mut w: Vec<f32>, mix: &[f32]) -> Vec<f32> {
    if mix.iter().all(|&m| m == 0.0) {
        return w;
    }
    for (i, &k) in keys.iter().enumerate() {
        if k & CORPUS_COPY != 0 {
            continue;
        }
        for (c, &m) in mix.iter().enumerate().filter(|&(_, &m)| m != 0.0) {
            if let Ok(j) = keys.binary_search(&corpus_copy(k, c)) {
                for t in 0..N_TAGS {
                    w[i * N_TAGS + t] += m * w[j * N_TAGS + t];
                }
            }
        }
    }
    w
}

/// Quantises to i16, prunes and writes the model.
fn finish(
    keys: &[u64],
    w: &[f32],
    tw: &[f32],
    lexicon: &Lexicon,
    options: &TrainOptions,
) -> Vec<u8> {
    let max = keys
        .iter()
        .enumerate()
        .filter(|&(_, &k)| k & CORPUS_COPY == 0)
        .flat_map(|(i, _)| &w[i * N_TAGS..(i + 1) * N_TAGS])
        .fold(0f32, |m, x| m.max(x.abs())) as f64;
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    if options.verbose {
        eprintln!("weights: max {max:.4}, quantum {:.6}", 1.0 / scale);
    }
    let trans: Vec<i32> = tw
        .iter()
        .enumerate()
        .map(|(j, &x)| {
            let x = if j % N_TAGS == decode::O as usize {
                x - options.o_bias
            } else {
                x
            };
            (x as f64 * scale).round() as i32
        })
        .collect();
    let mut rows = Vec::with_capacity(keys.len());
    for (i, &k) in keys.iter().enumerate() {
        if k & CORPUS_COPY != 0 {
            continue;
        }
        let mut r = [0i16; N_TAGS];
        let mut any = false;
        for t in 0..N_TAGS {
            let q = (w[i * N_TAGS + t] as f64 * scale).round() as i16;
            if q.unsigned_abs() >= options.prune.unsigned_abs() {
                r[t] = q;
                any |= q != 0;
            }
        }
        if any {
            rows.push((k, r));
        }
    }
    model::write(
        &Weights {
            lexicon,
            trans: &trans,
            rows: &rows,
        },
        options.compress,
    )
}

/// Averaged perceptron weights.
fn average(w: &[i32], acc: &[i64], c: i64) -> Vec<f32> {
    w.iter()
        .zip(acc)
        .map(|(&x, &a)| (x as f64 - a as f64 / c as f64) as f32)
        .collect()
}

/// A linear-chain CRF trained by AdaGrad; feature weights and transitions.
struct Crf {
    /// Sum over updates of step number x change (for averaging).
    acc: Vec<f64>,
    tacc: Vec<f64>,
    /// Steps taken, plus one.
    c: f64,
    w: Vec<f32>,
    g: Vec<f32>,
    tw: Vec<f32>,
    tg: Vec<f32>,
    // Per-sentence buffers.
    psi: Vec<f32>,
    alpha: Vec<f32>,
    beta: Vec<f32>,
    scale: Vec<f32>,
}

impl Crf {
    fn new(nf: usize) -> Crf {
        let nt = (N_TAGS + 1) * N_TAGS;
        Crf {
            acc: vec![0.0; nf * N_TAGS],
            tacc: vec![0.0; nt],
            c: 1.0,
            w: vec![0.0; nf * N_TAGS],
            g: vec![0.0; nf * N_TAGS],
            tw: vec![0.0; nt],
            tg: vec![0.0; nt],
            psi: Vec::new(),
            alpha: Vec::new(),
            beta: Vec::new(),
            scale: Vec::new(),
        }
    }

    /// The averaged weights (features, transitions).
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], acc: &[f64]| -> Vec<f32> {
            w.iter()
                .zip(acc)
                .map(|(&x, &a)| (x as f64 - a / self.c) as f32)
                .collect()
        };
        (avg(&self.w, &self.acc), avg(&self.tw, &self.tacc))
    }

    /// One AdaGrad step on sentence `s`.
    /// `l2` is the penalty of features below id `l2_copies.0`, the corpus
    /// copies (ids from there on) have `l2_copies.1`.
    fn step(&mut self, s: &Prepared, lr: f32, l2: f32, l2_copies: (u32, f32)) {
        self.c += 1.0;
        let n = s.gold.len();
        if n == 0 {
            return;
        }
        self.emissions(s);
        let phi = self.transition_factors();
        let end: [f32; N_TAGS] =
            std::array::from_fn(|t| if decode::may_end(t as u8) { 1.0 } else { 0.0 });
        let Some(z) = self.forward_backward(n, &phi, &end) else {
            return;
        };
        self.update_features(s, z, lr, l2, l2_copies);
        self.update_transitions(s, &phi, z, lr);
    }

    /// `psi`: each position's emission factors, relative to its largest.
    fn emissions(&mut self, s: &Prepared) {
        let (n, nt) = (s.gold.len(), N_TAGS);
        self.psi.clear();
        self.psi.resize(n * nt, 0.0);
        for i in 0..n {
            let row = &mut self.psi[i * nt..(i + 1) * nt];
            for &f in &s.ids[s.start[i] as usize..s.start[i + 1] as usize] {
                let wr = &self.w[f as usize * nt..(f as usize + 1) * nt];
                for t in 0..nt {
                    row[t] += wr[t];
                }
            }
            let m = row.iter().fold(f32::MIN, |a, &b| a.max(b));
            for x in row.iter_mut() {
                *x = (*x - m).exp();
            }
        }
    }

    /// The transition factors (zero where a transition is not allowed).
    fn transition_factors(&self) -> [f32; (N_TAGS + 1) * N_TAGS] {
        let nt = N_TAGS;
        let mut phi = [0f32; (N_TAGS + 1) * N_TAGS];
        for from in 0..=N_TAGS {
            for to in 0..N_TAGS {
                if decode::allowed(from, to as u8) {
                    phi[from * nt + to] = self.tw[from * nt + to].clamp(-50.0, 50.0).exp();
                }
            }
        }
        phi
    }

    /// Scaled forward and backward sums over the `n` positions; the
    /// partition function, `None` when it is not a positive number.
    fn forward_backward(
        &mut self,
        n: usize,
        phi: &[f32; (N_TAGS + 1) * N_TAGS],
        end: &[f32; N_TAGS],
    ) -> Option<f32> {
        let nt = N_TAGS;
        self.alpha.clear();
        self.alpha.resize(n * nt, 0.0);
        self.beta.clear();
        self.beta.resize(n * nt, 0.0);
        self.scale.clear();
        self.scale.resize(n, 1.0);
        for i in 0..n {
            let mut sum = 0f32;
            for t in 0..nt {
                let a = if i == 0 {
                    phi[START * nt + t]
                } else {
                    let mut a = 0f32;
                    for p in 0..nt {
                        a += self.alpha[(i - 1) * nt + p] * phi[p * nt + t];
                    }
                    a
                } * self.psi[i * nt + t];
                self.alpha[i * nt + t] = a;
                sum += a;
            }
            let sum = if sum > 0.0 { sum } else { 1e-30 };
            self.scale[i] = sum;
            for t in 0..nt {
                self.alpha[i * nt + t] /= sum;
            }
        }
        for t in 0..nt {
            self.beta[(n - 1) * nt + t] = end[t];
        }
        for i in (0..n - 1).rev() {
            for p in 0..nt {
                let mut b = 0f32;
                for t in 0..nt {
                    b += phi[p * nt + t] * self.psi[(i + 1) * nt + t] * self.beta[(i + 1) * nt + t];
                }
                self.beta[i * nt + p] = b / self.scale[i + 1];
            }
        }
        let z: f32 = (0..nt).map(|t| self.alpha[(n - 1) * nt + t] * end[t]).sum();
        if z.is_nan() || z <= 0.0 || !z.is_finite() {
            return None;
        }
        Some(z)
    }

    /// AdaGrad on the weights of the features of `s`.
    fn update_features(&mut self, s: &Prepared, z: f32, lr: f32, l2: f32, l2_copies: (u32, f32)) {
        let nt = N_TAGS;
        let mut grad = [0f32; N_TAGS];
        for i in 0..s.gold.len() {
            let gold = s.gold[i] as usize;
            for t in 0..nt {
                grad[t] = self.alpha[i * nt + t] * self.beta[i * nt + t] / z;
            }
            grad[gold] -= 1.0;
            for &f in &s.ids[s.start[i] as usize..s.start[i + 1] as usize] {
                let b = f as usize * nt;
                let l2 = if f >= l2_copies.0 { l2_copies.1 } else { l2 };
                for t in 0..nt {
                    let g = grad[t] + l2 * self.w[b + t];
                    if g.abs() > 1e-4 {
                        self.g[b + t] += g * g;
                        let d = lr * g / self.g[b + t].sqrt();
                        self.w[b + t] -= d;
                        self.acc[b + t] -= self.c * d as f64;
                    }
                }
            }
        }
    }

    /// AdaGrad on the transition weights.
    fn update_transitions(
        &mut self,
        s: &Prepared,
        phi: &[f32; (N_TAGS + 1) * N_TAGS],
        z: f32,
        lr: f32,
    ) {
        let nt = N_TAGS;
        let mut tgrad = [0f32; (N_TAGS + 1) * N_TAGS];
        for t in 0..nt {
            tgrad[START * nt + t] += self.alpha[t] * self.beta[t] / z;
        }
        tgrad[START * nt + s.gold[0] as usize] -= 1.0;
        for i in 1..s.gold.len() {
            let k = 1.0 / (self.scale[i] * z);
            for p in 0..nt {
                let a = self.alpha[(i - 1) * nt + p];
                if a == 0.0 {
                    continue;
                }
                for t in 0..nt {
                    let ph = phi[p * nt + t];
                    if ph != 0.0 {
                        tgrad[p * nt + t] +=
                            a * ph * self.psi[i * nt + t] * self.beta[i * nt + t] * k;
                    }
                }
            }
            tgrad[s.gold[i - 1] as usize * nt + s.gold[i] as usize] -= 1.0;
        }
        for (j, &g) in tgrad.iter().enumerate() {
            if g != 0.0 {
                self.tg[j] += g * g;
                let d = lr * g / self.tg[j].sqrt();
                self.tw[j] -= d;
                self.tacc[j] -= self.c * d as f64;
            }
        }
    }
}
