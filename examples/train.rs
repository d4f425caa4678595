//! Trains the entity model on BIO data and writes the model file.
//!
//! ```text
//! cargo run --release --example train -- TRAIN.bio[:WEIGHT] [MORE.bio[:WEIGHT] ...] [--out data/entities.model]
//!     [--dev DEV.bio] [--epochs N] [--min-count N] [--prune N] [--raw]
//!     [--perceptron] [--max-features N] [--min-weight X] [--refit-epochs N]
//!     [--average | --no-average] [--lr X] [--l2 X] [--o-bias X] [--augment] [--seed N] [--ensemble N]
//!     [--clusters N] [--cluster-min-count N]
//! ```
//!
//! Several training files are several corpora: `FILE:WEIGHT` sees each
//! sentence of FILE WEIGHT times per epoch on average (default 1), and
//! `--augment` learns every feature once shared and once per corpus,
//! keeping only the shared copy (feature augmentation, Daume 2007), or
//! the shared copy plus shares of the corpus copies (`--mix 0.5,0,...`,
//! one number per corpus in order).
//!
//! `TRAIN.bio`: `char<TAB>tag` (or `char tag`) per line, a blank line between
//! sentences, tags `O`/`B-X`/`I-X` with X in PER, LOC, ORG. The same input
//! gives the same bytes. `--dev` scores the model on DEV.bio after every
//! epoch (it does not change the model). Load the result with
//! `EntityModel::from_path` and `Extractor::builder().entity_model(..)`.

use std::process::ExitCode;
use std::time::Instant;

use zh_extract::train::{self, TrainOptions};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::from(1)
        }
    }
}

/// BIO sentences; or gold documents (a `.jsonl` file, or a directory of
/// them) cut into sentences as the extractor reads them.
fn read(path: &str) -> Result<Vec<train::Sentence>, Box<dyn std::error::Error>> {
    let open = |path: &std::path::Path| {
        std::fs::File::open(path)
            .map(std::io::BufReader::new)
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let documents = |path: &std::path::Path| -> Result<_, Box<dyn std::error::Error>> {
        Ok(train::read_documents(open(path)?).map_err(|e| format!("{}: {e}", path.display()))?)
    };
    let p = std::path::Path::new(path);
    if p.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(p)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        files.retain(|f| f.extension().is_some_and(|x| x == "jsonl"));
        files.sort();
        let mut all = Vec::new();
        for f in &files {
            all.extend(documents(f)?);
        }
        return Ok(train::training_sentences(&all));
    }
    if path.ends_with(".jsonl") {
        return Ok(train::training_sentences(&documents(p)?));
    }
    Ok(train::read_bio(open(p)?).map_err(|e| format!("{path}: {e}"))?)
}

/// `FILE` or `FILE:WEIGHT`.
fn weighted(arg: &str) -> Result<(String, f32), Box<dyn std::error::Error>> {
    match arg.rsplit_once(':') {
        Some((path, w)) if w.parse::<f32>().is_ok() => Ok((path.to_owned(), w.parse()?)),
        _ => Ok((arg.to_owned(), 1.0)),
    }
}

/// A corpus's name: its file's directory (`../ner/boson/train.bio` -> `boson`),
/// or the directory given (`data/team` -> `team`).
fn corpus_name(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_dir()
        && let Some(name) = p.file_name()
    {
        return name.to_string_lossy().into_owned();
    }
    p.parent()
        .and_then(|d| d.file_name())
        .or_else(|| p.file_stem())
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut inputs: Vec<(String, f32)> = Vec::new();
    let mut out = "data/entities.model".to_owned();
    let mut dev = None;
    let mut options = TrainOptions::default();
    options.verbose = true;
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--out" | "-o" => out = value("--out")?,
            "--dev" => dev = Some(value("--dev")?),
            "--epochs" => options.epochs = value("--epochs")?.parse()?,
            "--min-count" => options.min_count = value("--min-count")?.parse()?,
            "--prune" => options.prune = value("--prune")?.parse()?,
            "--surname-min" => options.surname_min = value("--surname-min")?.parse()?,
            "--raw" => options.compress = false,
            "--crf" => options.crf = true,
            "--perceptron" => options.crf = false,
            "--max-features" => options.max_features = value("--max-features")?.parse()?,
            "--refit-epochs" => options.refit_epochs = value("--refit-epochs")?.parse()?,
            "--average" => options.average = true,
            "--no-average" => options.average = false,
            "--min-weight" => options.min_weight = value("--min-weight")?.parse()?,
            "--lr" => options.learning_rate = value("--lr")?.parse()?,
            "--l2" => options.l2 = value("--l2")?.parse()?,
            "--o-bias" => options.o_bias = value("--o-bias")?.parse()?,
            "--augment" => options.augment = true,
            "--seed" => options.seed = value("--seed")?.parse()?,
            "--ensemble" => options.ensemble = value("--ensemble")?.parse()?,
            "--clusters" => options.word_clusters = value("--clusters")?.parse()?,
            "--cluster-min-count" => {
                options.cluster_min_count = value("--cluster-min-count")?.parse()?
            }
            "--harmonise" => options.harmonise = true,
            "--copy-l2-factor" => options.copy_l2_factor = value("--copy-l2-factor")?.parse()?,
            "--mix" => {
                options.copy_mix = value("--mix")?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()?
            }
            "-h" | "--help" => {
                eprintln!(
                    "usage: train TRAIN.bio[:WEIGHT] [...] [--augment] [--out FILE] [--dev DEV.bio] [--epochs N] [--min-count N] [--prune N] [--raw] [--perceptron] [--max-features N] [--min-weight X] [--refit-epochs N] [--average|--no-average] [--lr X] [--l2 X] [--o-bias X]"
                );
                return Ok(());
            }
            _ if !a.starts_with('-') => inputs.push(weighted(&a)?),
            _ => return Err(format!("unexpected argument {a:?}").into()),
        }
    }
    if inputs.is_empty() {
        return Err("usage: train TRAIN.bio[:WEIGHT] [...] [--out FILE] [--dev DEV.bio]".into());
    }
    let t0 = Instant::now();
    let mut read_corpora = Vec::new();
    for (path, weight) in &inputs {
        read_corpora.push((corpus_name(path), read(path)?, *weight));
    }
    let dev = match dev {
        Some(d) => read(&d)?,
        None => Vec::new(),
    };
    let corpora: Vec<train::Corpus<'_>> = read_corpora
        .iter()
        .map(|(name, sentences, weight)| {
            eprintln!(
                "{name}: {} training sentences, weight {weight}",
                sentences.len()
            );
            let mut corpus = train::Corpus::new(name, sentences);
            corpus.weight = *weight;
            corpus
        })
        .collect();
    let bytes = train::train_corpora(&corpora, &dev, &options)?;
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes in {:.1} s",
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
