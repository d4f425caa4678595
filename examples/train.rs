//! Trains the entity model on BIO data and writes the model file.
//!
//! ```text
//! cargo run --release --example train -- TRAIN.bio [--out data/entities.model]
//!     [--dev DEV.bio] [--epochs N] [--min-count N] [--prune N] [--raw]
//!     [--perceptron] [--max-features N] [--min-weight X] [--refit-epochs N]
//!     [--average | --no-average] [--lr X] [--l2 X] [--o-bias X]
//! ```
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

fn read(path: &str) -> Result<Vec<train::Sentence>, Box<dyn std::error::Error>> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(train::read_bio(std::io::BufReader::new(file)).map_err(|e| format!("{path}: {e}"))?)
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut input = None;
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
            "-h" | "--help" => {
                eprintln!(
                    "usage: train TRAIN.bio [--out FILE] [--dev DEV.bio] [--epochs N] [--min-count N] [--prune N] [--raw] [--perceptron] [--max-features N] [--min-weight X] [--refit-epochs N] [--average|--no-average] [--lr X] [--l2 X] [--o-bias X]"
                );
                return Ok(());
            }
            _ if input.is_none() && !a.starts_with('-') => input = Some(a),
            _ => return Err(format!("unexpected argument {a:?}").into()),
        }
    }
    let input = input.ok_or("usage: train TRAIN.bio [--out FILE] [--dev DEV.bio]")?;
    let t0 = Instant::now();
    let sentences = read(&input)?;
    let dev = match dev {
        Some(d) => read(&d)?,
        None => Vec::new(),
    };
    eprintln!("{} training sentences", sentences.len());
    let bytes = train::train(&sentences, &dev, &options)?;
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes in {:.1} s",
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
