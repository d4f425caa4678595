//! Scores the entity recogniser on BIO files (strict span match per type),
//! one table row per corpus, and optionally measures its speed beside
//! jieba-rs `tag` on the same text.
//!
//! ```text
//! cargo run --release --example evaluate -- --all [--data DIR]
//! cargo run --release --example evaluate -- DEV.bio [MORE.bio ...]
//! cargo run --release --example evaluate -- GOLD.jsonl [--lines | --flatten]
//!     [--model FILE] [--errors N] [--split-nested] [--speed] [--dump FILE.jsonl]
//! ```
//!
//! `--all` scores every dev set of `../shared/data` (MSRA and the five
//! corpora of `ner/`; `--data` names another directory) and prints their
//! macro average. `--split-nested` keeps a place that leads an
//! organization's name apart, as MSRA annotates (the library's default
//! reports the outermost name).
//!
//! Each sentence is one document for [`Extractor::extract`] (like the
//! `--lines` mode of `examples/extract.rs`); `--documents N` joins every N
//! consecutive sentences into one document, as prose runs (see
//! `train::join_sentences`), so the document pass is measured too. BIO lines are `char<TAB>tag`
//! or `char tag`, with a blank line between sentences.
//!
//! A `.jsonl` file holds whole gold documents (`train::read_documents`:
//! `{"text", "entities": [{"kind", "start", "end"}]}`, char offsets), each
//! one document for the extractor; `--lines` cuts them at every line break
//! first, as `examples/extract.rs --lines` reads text; `--flatten` turns
//! every line break into a space first, as a pipeline that puts each
//! document on one line does (`text.replace("\n", " ")`; offsets unchanged).
//! `--traditional` writes every text in traditional characters first
//! (OpenCC's `s2t` through `hanconv`; a text whose length that changes
//! is kept as it was), to score text from Hong Kong, Macao and Taiwan.

use std::process::ExitCode;
use std::time::Instant;

use zh_extract::train::{self, Sentence};
use zh_extract::{EntityKind, EntityModel, Extractor};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(1)
        }
    }
}

const USAGE: &str = "usage: evaluate (--all [--data DIR] | FILE.bio ...) [--model FILE] [--errors N] [--split-nested] [--documents N] [--lines | --flatten] [--traditional] [--speed] [--dump FILE.jsonl]";

/// BIO sentences, or gold documents from a `.jsonl` file.
fn read(path: &str) -> Result<Vec<Sentence>, Box<dyn std::error::Error>> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader = std::io::BufReader::new(file);
    let read = if path.ends_with(".jsonl") {
        train::read_documents(reader)
    } else {
        train::read_bio(reader)
    };
    Ok(read.map_err(|e| format!("{path}: {e}"))?)
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut all = false;
    let mut data = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").to_owned();
    let mut model_path = None;
    let mut show_errors = 0usize;
    let mut split_nested = false;
    let mut speed = false;
    let mut dump = None;
    let mut per_document = 1usize;
    let mut lines = false;
    let mut flatten = false;
    let mut traditional = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--all" => all = true,
            "--data" => data = args.next().ok_or("--data needs a directory")?,
            "--model" => model_path = Some(args.next().ok_or("--model needs a file")?),
            "--split-nested" => split_nested = true,
            "--speed" => speed = true,
            "--documents" => {
                per_document = args.next().ok_or("--documents needs a number")?.parse()?;
                if per_document == 0 {
                    return Err("--documents needs a number above 0".into());
                }
            }
            "--lines" => lines = true,
            "--flatten" => flatten = true,
            "--traditional" => traditional = true,
            "--dump" => dump = Some(args.next().ok_or("--dump needs a file")?),
            "--errors" => show_errors = args.next().ok_or("--errors needs a number")?.parse()?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if a.starts_with('-') => return Err(format!("unknown flag {a:?}; {USAGE}").into()),
            _ => files.push((a.clone(), a)),
        }
    }
    if lines && flatten {
        return Err("--lines and --flatten exclude each other".into());
    }
    if all {
        for (name, path) in train::DEV_SETS {
            files.push((name.to_owned(), format!("{data}/{path}")));
        }
    }
    if files.is_empty() {
        return Err(USAGE.into());
    }
    let t = Instant::now();
    let mut builder = Extractor::builder();
    if let Some(p) = &model_path {
        builder = builder.entity_model(EntityModel::from_path(p)?);
    }
    if split_nested {
        builder = builder.split_nested_names();
    }
    let extractor = builder.build()?;
    println!(
        "model: {}, loaded in {:.1} ms{}",
        model_path.as_deref().unwrap_or("embedded"),
        t.elapsed().as_secs_f64() * 1e3,
        if split_nested {
            "; nested names split"
        } else {
            ""
        }
    );

    let mut corpora = Vec::new();
    for (name, path) in &files {
        let mut sentences = read(path)?;
        if lines {
            sentences = train::split_lines(&sentences);
        }
        if flatten {
            sentences = train::flatten_lines(&sentences);
        }
        if traditional {
            let kept = in_traditional(&mut sentences);
            if kept > 0 {
                println!("{name}: {kept} texts kept in simplified (s2t changed their length)");
            }
        }
        corpora.push((
            name.as_str(),
            train::join_sentences(&sentences, per_document),
        ));
    }
    println!();
    println!(
        "| corpus | sentences | person P / R / F1 | place P / R / F1 | organization P / R / F1 | overall P | R | **F1** |"
    );
    println!("|---|---:|---|---|---|---:|---:|---:|");
    let mut f1s = Vec::new();
    for (name, sentences) in &corpora {
        let scores = train::score_extractor(&extractor, sentences);
        let kind = |k: EntityKind| {
            let c = scores.by_kind.iter().find(|(x, _)| *x == k).map(|x| x.1);
            let c = c.unwrap_or_default();
            format!("{:.3} / {:.3} / {:.3}", c.precision(), c.recall(), c.f1())
        };
        let o = scores.overall();
        println!(
            "| {name} | {} | {} | {} | {} | {:.3} | {:.3} | **{:.3}** |",
            sentences.len(),
            kind(EntityKind::Person),
            kind(EntityKind::Place),
            kind(EntityKind::Organization),
            o.precision(),
            o.recall(),
            o.f1()
        );
        f1s.push(o.f1());
    }
    if f1s.len() > 1 {
        let macro_f1 = f1s.iter().sum::<f64>() / f1s.len() as f64;
        println!("| macro average | | | | | | | **{macro_f1:.3}** |");
    }
    if let Some(path) = &dump {
        dump_found(path, &extractor, &corpora)?;
    }
    if show_errors > 0 {
        for (name, sentences) in &corpora {
            print_errors(name, &extractor, sentences, show_errors);
        }
    }
    if speed {
        let sentences: Vec<Sentence> = corpora.into_iter().flat_map(|c| c.1).collect();
        measure_speed(&extractor, &sentences)?;
    }
    Ok(())
}

/// The first `n` sentences of a corpus where the extractor and the gold
/// data disagree.
fn print_errors(name: &str, extractor: &Extractor, sentences: &[Sentence], n: usize) {
    println!("\n## {name}: first {n} differences");
    let mut shown = 0usize;
    for s in sentences {
        if shown >= n {
            break;
        }
        let found = extractor.extract(&s.text);
        let triples: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.kind, e.span.char_start, e.span.char_end))
            .collect();
        if triples == s.entities {
            continue;
        }
        shown += 1;
        let chars: Vec<char> = s.text.chars().collect();
        let show = |v: &[(EntityKind, usize, usize)]| {
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
}

/// Writes one JSON line per sentence: corpus, text, gold and found
/// entities as `[kind, char_start, char_end]`.
fn dump_found(
    path: &str,
    extractor: &Extractor,
    corpora: &[(&str, Vec<Sentence>)],
) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (name, sentences) in corpora {
        let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        for (s, found) in sentences.iter().zip(extractor.extract_batch(&texts)) {
            let triples = |v: &mut dyn Iterator<Item = (EntityKind, usize, usize)>| {
                v.map(|(k, a, b)| serde_json::json!([k.as_str(), a, b]))
                    .collect::<Vec<_>>()
            };
            let line = serde_json::json!({
                "corpus": name,
                "text": s.text,
                "gold": triples(&mut s.entities.iter().copied()),
                "found": triples(&mut found
                    .entities
                    .iter()
                    .map(|e| (e.kind, e.span.char_start, e.span.char_end))),
            });
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// One thread: jieba-rs `tag`, quantities only and the full extract over
/// the same sentences.
fn measure_speed(
    extractor: &Extractor,
    sentences: &[Sentence],
) -> Result<(), Box<dyn std::error::Error>> {
    let chars: usize = sentences.iter().map(|s| s.text.chars().count()).sum();
    let bytes: usize = sentences.iter().map(|s| s.text.len()).sum();
    let quantities_only = Extractor::builder().entity_kinds([]).build()?;
    let jieba = jieba_rs::Jieba::new();
    let time = |f: &mut dyn FnMut() -> usize| {
        let t = Instant::now();
        std::hint::black_box(f());
        t.elapsed().as_secs_f64()
    };
    let full = time(&mut || {
        sentences
            .iter()
            .map(|s| extractor.extract(&s.text).entities.len())
            .sum()
    });
    let jieba_s = time(&mut || {
        sentences
            .iter()
            .map(|s| jieba.tag(&s.text, true).len())
            .sum()
    });
    let quant_s = time(&mut || {
        sentences
            .iter()
            .map(|s| quantities_only.extract(&s.text).quantities.len())
            .sum()
    });
    let rate = |secs: f64| {
        format!(
            "{:>9.0} chars/s {:>6.2} MB/s ({:.2} s)",
            chars as f64 / secs,
            bytes as f64 / secs / 1e6,
            secs
        )
    };
    println!("\nspeed (one thread, same text, {chars} chars):");
    println!("  jieba-rs tag (HMM on)        {}", rate(jieba_s));
    println!("  extract, quantities only     {}", rate(quant_s));
    println!("  extract, entities+quantities {}", rate(full));
    println!(
        "  full extract / jieba tag throughput: {:.2}",
        jieba_s / full
    );
    Ok(())
}

/// Writes every sentence in traditional characters (OpenCC `s2t`), where
/// that keeps its length in chars (the gold is in char offsets); returns
/// how many it kept as they were.
fn in_traditional(sentences: &mut [Sentence]) -> usize {
    let mut kept = 0;
    for s in sentences {
        let t = hanconv::s2t(&s.text);
        if t.chars().count() == s.text.chars().count() {
            s.text = t;
        } else {
            kept += 1;
        }
    }
    kept
}
