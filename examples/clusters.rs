//! Prints the word clusters that training learns from BIO files (the
//! model stores its own; this is for looking at them):
//!
//! ```text
//! cargo run --release --example clusters -- TRAIN.bio [MORE.bio ...] [--clusters N] [--min-count N] > clusters.txt
//! ```
//!
//! Each cluster is one line: its number, its size, then its words (sorted).

use std::process::ExitCode;
use std::time::Instant;

use zh_extract::train::{self, TrainOptions};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clusters: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut options = TrainOptions::default();
    let mut sentences = Vec::new();
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--clusters" => options.word_clusters = value("--clusters")?.parse()?,
            "--min-count" => options.cluster_min_count = value("--min-count")?.parse()?,
            path => {
                let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
                let read = train::read_bio(std::io::BufReader::new(file))
                    .map_err(|e| format!("{path}: {e}"))?;
                sentences.extend(read);
            }
        }
    }
    if sentences.is_empty() {
        return Err("no training files given".into());
    }
    let t = Instant::now();
    let clusters = train::learn_clusters(&sentences, &options);
    eprintln!(
        "{} words in {} clusters, {:.1}s",
        clusters.len(),
        options.word_clusters,
        t.elapsed().as_secs_f64()
    );
    let mut by_cluster: Vec<Vec<&str>> = vec![Vec::new(); options.word_clusters.max(1)];
    for (w, c) in &clusters {
        if let Some(list) = by_cluster.get_mut(usize::from(*c)) {
            list.push(w);
        }
    }
    for (c, words) in by_cluster.iter().enumerate() {
        println!("{c}\t{}\t{}", words.len(), words.join(" "));
    }
    Ok(())
}
