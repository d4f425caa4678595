//! Regenerates `data/places.txt`, the place lexicon of the entity model,
//! from China's administrative divisions.
//!
//! ```text
//! cargo run --example gen_lexicon -- ../shared/data/china-divisions > data/places.txt
//! ```
//!
//! Every province, city, county-level area and township-level street or
//! town name is listed in full (`1 宁波市`) and, when a known suffix can be
//! taken off and at least two characters remain, in its short form
//! (`2 宁波`). Output is sorted and deduplicated, so the same input gives
//! the same file.

use std::collections::BTreeMap;
use std::path::Path;

/// Suffixes taken off to make the short form, longest first.
const SUFFIXES: &[&str] = &[
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "街道办事处",
    "街道",
    "地区",
    "新区",
    "林区",
    "矿区",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
    "盟",
    "旗",
];

/// Names that are administrative placeholders, not places.
const SKIP: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/china-divisions".to_owned());
    let dir = Path::new(&dir);
    let mut names: BTreeMap<String, u8> = BTreeMap::new();
    for file in ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("read a divisions file");
        for line in text.lines().skip(1) {
            if let Some(name) = line.split(',').nth(1) {
                add(&mut names, name.trim_matches('"'));
            }
        }
    }
    let json = std::fs::read_to_string(dir.join("HK-MO-TW.json")).expect("read HK-MO-TW.json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("HK-MO-TW.json is JSON");
    walk(&value, &mut names);
    for (name, flags) in &names {
        println!("{flags} {name}");
    }
}

fn walk(value: &serde_json::Value, names: &mut BTreeMap<String, u8>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                add(names, k);
                walk(v, names);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                walk(v, names);
            }
        }
        serde_json::Value::String(s) => add(names, s),
        _ => {}
    }
}

fn add(names: &mut BTreeMap<String, u8>, name: &str) {
    // `嘉模堂区（氹仔）`: keep the part before a bracket.
    let name = name.split(['（', '(']).next().unwrap_or("").trim();
    if name.chars().count() < 2 || SKIP.contains(&name) {
        return;
    }
    *names.entry(name.to_owned()).or_insert(0) |= 1;
    for suffix in SUFFIXES {
        if let Some(short) = name.strip_suffix(suffix) {
            if short.chars().count() >= 2 {
                *names.entry(short.to_owned()).or_insert(0) |= 2;
            }
            break;
        }
    }
}
