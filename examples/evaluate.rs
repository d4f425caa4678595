//! Scores the entity recogniser on BIO files (strict span match per type)
//! and measures its speed beside jieba-rs `tag` on the same text.
//!
//! ```text
//! cargo run --release --example evaluate -- DEV.bio [MORE.bio ...] [--model FILE] [--errors N] [--split-nested]
//! ```
//!
//! `--split-nested` keeps a place that leads an organization's name apart,
//! as MSRA annotates (the library's default reports the outermost name).
//!
//! Each sentence is one document for [`Extractor::extract`] (like the
//! `--lines` mode of `examples/extract.rs`). BIO lines are `char<TAB>tag`
//! or `char tag`, with a blank line between sentences.

use std::process::ExitCode;
use std::time::Instant;

use zh_extract::train::{self, Scores, Sentence};
use zh_extract::{EntityModel, Extractor};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut model_path = None;
    let mut show_errors = 0usize;
    let mut split_nested = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model_path = Some(args.next().ok_or("--model needs a file")?),
            "--split-nested" => split_nested = true,
            "--errors" => show_errors = args.next().ok_or("--errors needs a number")?.parse()?,
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return Err(
            "usage: evaluate FILE.bio [...] [--model FILE] [--errors N] [--split-nested]".into(),
        );
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    for f in &files {
        let file = std::fs::File::open(f).map_err(|e| format!("{f}: {e}"))?;
        sentences.extend(
            train::read_bio(std::io::BufReader::new(file)).map_err(|e| format!("{f}: {e}"))?,
        );
    }
    let chars: usize = sentences.iter().map(|s| s.text.chars().count()).sum();
    let bytes: usize = sentences.iter().map(|s| s.text.len()).sum();

    let t = Instant::now();
    let model = match &model_path {
        Some(p) => std::sync::Arc::new(EntityModel::from_path(p)?),
        None => EntityModel::embedded()?,
    };
    let load = t.elapsed();
    println!(
        "model: {} ({} features), loaded in {:.1} ms",
        model_path.as_deref().unwrap_or("embedded"),
        model.feature_count(),
        load.as_secs_f64() * 1e3
    );
    let mut builder = Extractor::builder();
    if let Some(p) = &model_path {
        builder = builder.entity_model(EntityModel::from_path(p)?);
    }
    if split_nested {
        builder = builder.split_nested_names();
    }
    let extractor = builder.build()?;
    let quantities_only = Extractor::builder().entity_kinds([]).build()?;

    // Accuracy, one sentence per document.
    let mut scores = Scores::new();
    let mut shown = 0usize;
    let t = Instant::now();
    for s in &sentences {
        let found = extractor.extract(&s.text);
        let triples: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.kind, e.span.char_start, e.span.char_end))
            .collect();
        if shown < show_errors && triples != s.entities {
            shown += 1;
            let chars: Vec<char> = s.text.chars().collect();
            let show = |v: &[(zh_extract::EntityKind, usize, usize)]| {
                v.iter()
                    .map(|&(k, a, b)| {
                        format!("{}:{}", k.as_str(), chars[a..b].iter().collect::<String>())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            println!(
                "--- {}\n  gold {}\n  got  {}",
                s.text,
                show(&s.entities),
                show(&triples)
            );
        }
        scores.add(&s.entities, &triples);
    }
    let first = t.elapsed().as_secs_f64();
    // Timed again, warm.
    let t = Instant::now();
    let mut m = 0usize;
    for s in &sentences {
        m += extractor.extract(&s.text).entities.len();
    }
    let full = t.elapsed().as_secs_f64();
    std::hint::black_box(m);
    println!("accuracy pass (cold, with scoring): {first:.2} s");

    println!(
        "{} sentences, {} chars from {}",
        sentences.len(),
        chars,
        files.join(", ")
    );
    println!(
        "{:<14} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "type", "precision", "recall", "F1", "gold", "found"
    );
    let row = |name: &str, c: &train::Counts| {
        println!(
            "{:<14} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_positives + c.false_negatives,
            c.true_positives + c.false_positives
        );
    };
    for (k, c) in &scores.by_kind {
        row(k.as_str(), c);
    }
    row("overall", &scores.overall());

    // Speed: jieba tag alone, quantities only, and the full extract.
    let jieba = jieba_rs::Jieba::new();
    let t = Instant::now();
    let mut n = 0usize;
    for s in &sentences {
        n += jieba.tag(&s.text, true).len();
    }
    let jieba_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for s in &sentences {
        n += quantities_only.extract(&s.text).quantities.len();
    }
    let quant_s = t.elapsed().as_secs_f64();
    std::hint::black_box(n);
    let rate = |secs: f64| {
        format!(
            "{:>9.0} chars/s {:>6.2} MB/s ({:.2} s)",
            chars as f64 / secs,
            bytes as f64 / secs / 1e6,
            secs
        )
    };
    println!("speed (one thread, same text):");
    println!("  jieba-rs tag (HMM on)        {}", rate(jieba_s));
    println!("  extract, quantities only     {}", rate(quant_s));
    println!("  extract, entities+quantities {}", rate(full));
    println!(
        "  full extract / jieba tag throughput: {:.2}; entity tagger alone ~ {:.2}x jieba tag time",
        jieba_s / full,
        (full - quant_s).max(0.0) / jieba_s
    );
    Ok(())
}
