//! Held-out evaluation of the quantity extractor: 150 news-like documents
//! outside the union-newsletter genre (`tests/data/heldout_quantities.jsonl`).
//! The thresholds are floors, not targets; the figures are printed.

#[path = "common/heldout_score.rs"]
mod heldout_score;

const GOLD: &str = include_str!("data/heldout_quantities.jsonl");

#[test]
fn heldout_quantities_meet_the_floors() {
    let score = heldout_score::score(GOLD).expect("gold set parses");
    println!("{}", score.summary());
    assert_eq!(score.documents, 150);
    assert!(score.f1() >= 0.85, "span F1 {:.4} < 0.85", score.f1());
    assert!(
        score.value_unit_accuracy() >= 0.90,
        "value+unit accuracy on matched spans {:.4} < 0.90",
        score.value_unit_accuracy()
    );
}
