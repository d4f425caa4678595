//! Dev-set regression: the embedded model on `../shared/data/msra/dev.bio`
//! (strict span match, person/place/organization), one sentence per
//! document, through the public extractor. MSRA tags a place that leads
//! an organization's name apart, so the extractor is asked to as well.

use std::path::PathBuf;

use zh_extract::Extractor;
use zh_extract::train::{self, Scores};

/// The floor the embedded model must keep on dev.bio (measured: see README).
const MIN_F1: f64 = 0.845;

#[test]
fn dev_set_f1() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/msra/dev.bio");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let sentences = train::read_bio(std::io::BufReader::new(file)).expect("dev.bio reads");
    assert!(sentences.len() > 1000);
    let extractor = Extractor::builder()
        .split_nested_names()
        .build()
        .expect("embedded model");
    let mut scores = Scores::new();
    for s in &sentences {
        let found = extractor.extract(&s.text);
        let triples: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.kind, e.span.char_start, e.span.char_end))
            .collect();
        scores.add(&s.entities, &triples);
    }
    for (kind, c) in &scores.by_kind {
        eprintln!(
            "{:<13} P {:.4} R {:.4} F1 {:.4}",
            kind.as_str(),
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    let f1 = scores.overall().f1();
    eprintln!("overall F1 {f1:.4}");
    assert!(f1 >= MIN_F1, "dev F1 {f1:.4} < {MIN_F1}");
}
