//! Scoring of the quantity extractor against a gold JSON Lines file
//! (`tests/data/heldout_quantities.jsonl`), shared by
//! `examples/score_quantities.rs` and `tests/heldout_quantities.rs`.
//!
//! Spans match on (kind, text); the first unused prediction with the same
//! kind and text is taken, in document order. Among matched spans every
//! field is compared; `note` fields of the gold are ignored.

use serde_json::Value;
use zh_extract::Extractor;

/// Fields compared on matched spans, in report order.
pub const FIELDS: [&str; 6] = ["value", "unit", "approx", "min/max", "per", "object"];

#[derive(Default)]
pub struct Score {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    /// Correct count per entry of [`FIELDS`].
    pub field_correct: [usize; 6],
    /// Matched spans whose value and unit are both right.
    pub value_unit_correct: usize,
    /// One human-readable line (or block) per mismatch.
    pub mismatches: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn value_unit_accuracy(&self) -> f64 {
        ratio(self.value_unit_correct, self.matched)
    }
    pub fn field_accuracy(&self, i: usize) -> f64 {
        ratio(self.field_correct[i], self.matched)
    }

    pub fn summary(&self) -> String {
        let mut s = format!(
            "documents {}  gold {}  predicted {}  matched {}\n\
             span (kind, text): precision {:.4}  recall {:.4}  F1 {:.4}\n\
             on matched spans: value+unit {:.4}",
            self.documents,
            self.gold,
            self.predicted,
            self.matched,
            self.precision(),
            self.recall(),
            self.f1(),
            self.value_unit_accuracy()
        );
        for (i, name) in FIELDS.iter().enumerate() {
            s.push_str(&format!(
                "  {name} {:.4} ({}/{})",
                self.field_accuracy(i),
                self.field_correct[i],
                self.matched
            ));
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores every non-empty line of `gold_jsonl`.
pub fn score(gold_jsonl: &str) -> Result<Score, String> {
    let extractor = Extractor::builder()
        .entity_kinds([])
        .build()
        .map_err(|e| format!("building the extractor: {e}"))?;
    let mut score = Score::default();
    for (line_no, line) in gold_jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", line_no + 1))?;
        let text = doc["text"]
            .as_str()
            .ok_or(format!("line {}: no text", line_no + 1))?;
        let gold = doc["quantities"].as_array().cloned().unwrap_or_default();
        let found = extractor.extract(text);
        let found = serde_json::to_value(&found).map_err(|e| e.to_string())?;
        let predicted = found["quantities"].as_array().cloned().unwrap_or_default();
        score_document(&mut score, line_no + 1, text, &gold, &predicted);
    }
    Ok(score)
}

fn score_document(score: &mut Score, line: usize, text: &str, gold: &[Value], pred: &[Value]) {
    score.documents += 1;
    score.gold += gold.len();
    score.predicted += pred.len();
    let mut used = vec![false; pred.len()];
    let mut missing = Vec::new();
    let mut problems = Vec::new();
    for g in gold {
        let hit = pred
            .iter()
            .enumerate()
            .position(|(i, p)| !used[i] && p["kind"] == g["kind"] && p["text"] == g["text"]);
        let Some(i) = hit else {
            missing.push(g);
            continue;
        };
        used[i] = true;
        score.matched += 1;
        let p = &pred[i];
        let checks = [
            same_number(&g["value"], &p["value"]),
            g["unit"] == p["unit"],
            g["approx"] == p["approx"],
            same_number(&g["min"], &p["min"]) && same_number(&g["max"], &p["max"]),
            same_str(&g["per"], &p["per"]),
            same_str(&g["object"], &p["object"]),
        ];
        for (k, ok) in checks.iter().enumerate() {
            if *ok {
                score.field_correct[k] += 1;
            }
        }
        if checks[0] && checks[1] {
            score.value_unit_correct += 1;
        }
        if checks.iter().any(|ok| !ok) {
            let wrong: Vec<&str> = FIELDS
                .iter()
                .zip(checks)
                .filter(|(_, ok)| !ok)
                .map(|(name, _)| *name)
                .collect();
            problems.push(format!(
                "  WRONG {}  [{}]\n    gold {}\n    got  {}",
                show(&g["text"]),
                wrong.join(", "),
                brief(g),
                brief(p)
            ));
        }
    }
    for g in missing {
        problems.push(format!("  MISSING {}", brief(g)));
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            problems.push(format!("  EXTRA   {}", brief(p)));
        }
    }
    if !problems.is_empty() {
        score.mismatches.push(format!(
            "line {line}: {}\n{}",
            text.replace('\n', "⏎"),
            problems.join("\n")
        ));
    }
}

/// Numbers compare by value (relative tolerance 1e-9); absent and null are
/// the same.
fn same_number(a: &Value, b: &Value) -> bool {
    match (number(a), number(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().or_else(|| n.to_string().parse().ok()),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Strings compare exactly; absent, null and "" are the same.
fn same_str(a: &Value, b: &Value) -> bool {
    a.as_str().unwrap_or("") == b.as_str().unwrap_or("")
}

fn show(v: &Value) -> String {
    format!("{:?}", v.as_str().unwrap_or("")).replace("\\n", "⏎")
}

/// One quantity on one line: kind, text and the compared fields.
fn brief(q: &Value) -> String {
    let mut s = format!("{} {}", q["kind"].as_str().unwrap_or("?"), show(&q["text"]));
    for key in ["value", "unit", "approx", "min", "max", "per", "object"] {
        match &q[key] {
            Value::Null if key == "value" => s.push_str(" value=null"),
            Value::Null => {}
            Value::String(x) => s.push_str(&format!(" {key}={x}")),
            other => s.push_str(&format!(" {key}={other}")),
        }
    }
    s
}
