//! The `zh-extract` binary as a process: inputs, output formats, errors
//! and exit status. Records must be exactly the library's (and so the
//! `extract` example's) for the same text.
#![cfg(feature = "cli")]

#[path = "common/closed_pipe.rs"]
mod closed_pipe;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::{Value as Json, json};
use zh_extract::Extractor;

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_zh-extract")
}

fn run_in(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zh-extract starts");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("zh-extract finishes");
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    output
}

fn run(args: &[&str], input: &[u8]) -> Output {
    run_in(Path::new(env!("CARGO_TARGET_TMPDIR")), args, input)
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("standard output is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("standard error is UTF-8")
}

fn json_lines(output: &Output) -> Vec<Json> {
    let text = stdout(output);
    assert!(text.is_empty() || text.ends_with('\n'), "{text}");
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// What the library finds in `text`, as the contract's JSON object.
fn expected(text: &str) -> Json {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    let found = EXTRACTOR.get_or_init(Extractor::new).extract(text);
    serde_json::to_value(&found).unwrap()
}

/// The object without the source fields the tool adds.
fn records_of(object: &Json, source_fields: &[&str]) -> Json {
    let mut object = object.as_object().expect("an object").clone();
    for field in source_fields {
        object.shift_remove(*field);
    }
    Json::Object(object)
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

const NEWS: &str =
    "宁波港集团有限公司工会主席王建国介绍，全年开展培训38场，带动职工参与4万余人次。";
const MONEY: &str = "公司设立200万元帮扶资金，茶叶一斤售价在15元。";
const PRICES: &str = "记者李明在杭州看到，3000多欧元的包卖了三十余个。";

#[test]
fn 帮助说明选项与退出码() {
    let output = run(&["--help"], b"");
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    for option in [
        "--lines",
        "--jsonl",
        "--field",
        "--glob",
        "--format",
        "--kinds",
        "--threads",
        "--numbers",
        "--lossy",
        "Exit status",
    ] {
        assert!(help.contains(option), "--help lacks {option}:\n{help}");
    }
    let output = run(&["--version"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("zh-extract "));
}

#[test]
fn 标准输入整篇即契约对象() {
    let text = format!("{NEWS}\n{MONEY}\r\n{PRICES}");
    let output = run(&[], text.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
    // Byte for byte what the contract's serialisation gives, no source fields.
    let want = format!("{}\n", serde_json::to_string(&expected(&text)).unwrap());
    assert_eq!(stdout(&output), want);
    // `-` is standard input too.
    let output = run(&["-"], text.as_bytes());
    assert_eq!(stdout(&output), want);
}

#[test]
fn 目录递归按名排序() {
    let dir = scratch("walk");
    write(&dir, "news/b.txt", MONEY.as_bytes());
    write(&dir, "news/a.txt", NEWS.as_bytes());
    write(&dir, "news/sub/c.txt", PRICES.as_bytes());
    write(&dir, "news/notes.md", "另有100元".as_bytes());
    write(&dir, "news/sub/deeper/d.txt", b"");
    let output = run_in(&dir, &["news"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let objects = json_lines(&output);
    let files: Vec<&str> = objects
        .iter()
        .map(|o| o["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "news/a.txt",
            "news/b.txt",
            "news/sub/c.txt",
            "news/sub/deeper/d.txt"
        ]
    );
    for (object, text) in objects.iter().zip([NEWS, MONEY, PRICES, ""]) {
        assert_eq!(records_of(object, &["file"]), expected(text));
        // The source comes first, then the contract's fields.
        let keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["file", "entities", "quantities"]);
    }
    // Another glob; a file named on the command line is read whatever its name.
    let output = run_in(&dir, &["--glob", "*.md", "news", "news/b.txt"], b"");
    let objects = json_lines(&output);
    let files: Vec<&str> = objects
        .iter()
        .map(|o| o["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["news/notes.md", "news/b.txt"]);
    assert_eq!(objects[0]["quantities"][0]["text"], "100元");
    let output = run_in(&dir, &["-g", "sub/**", "news"], b"");
    let files: Vec<String> = json_lines(&output)
        .iter()
        .map(|o| o["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(files, ["news/sub/c.txt", "news/sub/deeper/d.txt"]);
}

#[test]
fn 逐行模式带行号() {
    let dir = scratch("lines");
    write(
        &dir,
        "a.txt",
        format!("{NEWS}\r\n\n{MONEY}\n{PRICES}").as_bytes(),
    );
    let output = run_in(&dir, &["--lines", "a.txt"], b"");
    assert_eq!(output.status.code(), Some(0));
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 4, "one object per line, empty ones too");
    for (i, (object, text)) in objects.iter().zip([NEWS, "", MONEY, PRICES]).enumerate() {
        assert_eq!(object["file"], "a.txt");
        assert_eq!(object["line"], i + 1);
        assert_eq!(records_of(object, &["file", "line"]), expected(text));
    }
    // From standard input: the line number is the source.
    let output = run(&["--lines"], format!("{MONEY}\n{NEWS}\n").as_bytes());
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[1]["line"], 2);
    assert_eq!(objects[1].get("file"), None);
    assert_eq!(records_of(&objects[1], &["line"]), expected(NEWS));
}

#[test]
fn jsonl带id输入() {
    let input = [
        // Written by hand: numbers are carried exactly as written (1.50).
        format!(r#"{{"id": 17, "text": "{NEWS}", "meta": {{"lang": "zh", "n": 1.50}}}}"#),
        String::new(),
        json!({"text": MONEY, "id": "b-2"}).to_string(),
        r#"{"id": 3, "text": "#.to_owned(),
        json!({"id": 4, "body": MONEY}).to_string(),
        json!({"id": 5, "text": 12}).to_string(),
        json!(["not", "an", "object"]).to_string(),
        json!({"id": 6, "text": PRICES, "entities": "mine"}).to_string(),
    ]
    .join("\n");
    let output = run(&["--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1), "bad lines were skipped");
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 3);
    // Carried fields in input order, exactly as written, then the records.
    let keys: Vec<&String> = objects[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "meta", "entities", "quantities"]);
    assert!(stdout(&output).starts_with(r#"{"id":17,"meta":{"lang":"zh","n":1.50},"entities":"#));
    assert_eq!(records_of(&objects[0], &["id", "meta"]), expected(NEWS));
    assert_eq!(objects[1]["id"], "b-2");
    assert_eq!(records_of(&objects[1], &["id"]), expected(MONEY));
    assert_eq!(objects[2]["id"], 6);
    assert_eq!(records_of(&objects[2], &["id"]), expected(PRICES));
    let message = stderr(&output);
    for (line, says) in [
        (4, "not JSON"),
        (5, "no field \"text\""),
        (6, "field \"text\" is not a string"),
        (7, "not a JSON object"),
    ] {
        let prefix = format!("zh-extract: <stdin>:{line}: {says}");
        assert!(
            message.lines().any(|l| l.starts_with(&prefix)),
            "no {prefix:?} in\n{message}"
        );
    }
    assert!(message.contains(r#"input field "entities" is not carried"#));
    // Another text field.
    let output = run(&["--jsonl", "--field", "body"], input.as_bytes());
    let objects = json_lines(&output);
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["id"], 4);
    assert_eq!(records_of(&objects[0], &["id"]), expected(MONEY));
}

#[test]
fn csv引号逗号换行() {
    // A record text with a comma (1,234元) and one with a line break (a
    // PDF break inside a figure); an id with a comma, quotes and a line break.
    let text_a = "设立1,234元基金，另有12.8\n亿元投资。";
    let id = "x,\"y\"\nz";
    let input = format!(
        "{}\n{}\n",
        json!({"id": id, "text": text_a}),
        json!({"id": 2, "text": NEWS})
    );
    let output = run(&["--jsonl", "--format", "csv"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let raw = stdout(&output);
    assert!(raw.starts_with(
        "source,kind,text,start,end,char_start,char_end,value,unit,approx,min,max,per,object\n"
    ));
    assert!(
        raw.contains("\"x,\"\"y\"\"\nz\",money,\"1,234元\","),
        "{raw}"
    );
    assert!(raw.contains(",\"12.8\n亿元\","), "{raw}");
    let rows = parse_table(raw.as_bytes(), b',');
    check_rows(&rows, &[(id, text_a), ("2", NEWS)]);
    // TSV: tabs between fields, the same rows.
    let output = run(&["--jsonl", "-f", "tsv"], input.as_bytes());
    let raw = stdout(&output);
    assert!(raw.starts_with("source\tkind\ttext\tstart\t"));
    let rows = parse_table(raw.as_bytes(), b'\t');
    check_rows(&rows, &[(id, text_a), ("2", NEWS)]);
}

fn parse_table(bytes: &[u8], delimiter: u8) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.len(), 14);
    reader.records().map(|r| r.unwrap()).collect()
}

/// The rows are the library's records of each (source, text), sorted by
/// position, values as exact decimal text.
fn check_rows(rows: &[csv::StringRecord], documents: &[(&str, &str)]) {
    let mut want: Vec<Vec<String>> = Vec::new();
    for (source, text) in documents {
        let found = expected(text);
        let mut records: Vec<&Json> = found["entities"]
            .as_array()
            .unwrap()
            .iter()
            .chain(found["quantities"].as_array().unwrap())
            .collect();
        records.sort_by_key(|r| (r["start"].as_u64(), r.get("value").is_some()));
        for r in records {
            let field = |name: &str| match &r.get(name) {
                None | Some(Json::Null) => String::new(),
                Some(Json::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            };
            want.push(
                [
                    "kind",
                    "text",
                    "start",
                    "end",
                    "char_start",
                    "char_end",
                    "value",
                    "unit",
                    "approx",
                    "min",
                    "max",
                    "per",
                    "object",
                ]
                .iter()
                .map(|c| field(c))
                .fold(vec![(*source).to_owned()], |mut row, f| {
                    row.push(f);
                    row
                }),
            );
        }
    }
    let got: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect();
    assert!(!got.is_empty());
    assert_eq!(got, want);
}

#[test]
fn 坏文件不影响其他文件() {
    let dir = scratch("bad");
    write(&dir, "in/a.txt", MONEY.as_bytes());
    let mut bad = "设立3元".as_bytes().to_vec();
    bad.extend_from_slice(b"\xff\xfe tail");
    write(&dir, "in/b.txt", &bad);
    write(&dir, "in/c.txt", NEWS.as_bytes());
    let output = run_in(&dir, &["in", "missing.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    let objects = json_lines(&output);
    let files: Vec<&str> = objects
        .iter()
        .map(|o| o["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["in/a.txt", "in/c.txt"]);
    assert_eq!(records_of(&objects[1], &["file"]), expected(NEWS));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 2, "{message}");
    assert!(
        message.contains("zh-extract: in/b.txt: invalid UTF-8 at byte 10; skipped\n"),
        "{message}"
    );
    assert!(message.contains("zh-extract: missing.txt: "), "{message}");
    // Per line: only the bad line is skipped; the offset is into the file.
    let output = run_in(&dir, &["--lines", "in/c.txt", "in/b.txt", "in/a.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json_lines(&output).len(), 2);
    assert_eq!(
        stderr(&output),
        "zh-extract: in/b.txt:1: invalid UTF-8 at byte 10 (byte 10 of the line); skipped\n"
    );
    // --lossy reads it, says what it replaced, and succeeds.
    let output = run_in(&dir, &["--lossy", "in/b.txt"], b"");
    assert_eq!(output.status.code(), Some(0));
    let objects = json_lines(&output);
    assert_eq!(objects[0]["quantities"][0]["text"], "3元");
    assert_eq!(
        stderr(&output),
        "zh-extract: in/b.txt: replaced 2 invalid UTF-8 byte(s) with U+FFFD, the first at byte 10\n"
    );
}

#[test]
fn 种类过滤() {
    let text = format!("{NEWS}{MONEY}{PRICES}");
    let all = json_lines(&run(&[], text.as_bytes())).remove(0);
    let output = run(&["--kinds", "person,money"], text.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let some = json_lines(&output).remove(0);
    let keep = |list: &str, kinds: &[&str]| -> Vec<Json> {
        all[list]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| kinds.contains(&r["kind"].as_str().unwrap()))
            .cloned()
            .collect()
    };
    let people = keep("entities", &["person"]);
    let money = keep("quantities", &["money"]);
    assert!(!people.is_empty() && !money.is_empty());
    assert_eq!(some["entities"], Json::Array(people));
    assert_eq!(some["quantities"], Json::Array(money.clone()));
    // Quantities only (no entity recogniser), in CSV.
    let output = run(&["-k", "money", "-f", "csv"], text.as_bytes());
    let rows = parse_table(&output.stdout, b',');
    let kinds: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(kinds, vec!["money"; money.len()]);
    // Bare numbers on request.
    let output = run(&["-k", "number"], "共有123".as_bytes());
    assert_eq!(json_lines(&output)[0]["quantities"][0]["kind"], "number");
    let output = run(&["--numbers"], "共有123".as_bytes());
    assert_eq!(json_lines(&output)[0]["quantities"][0]["value"], 123);
    let output = run(&["--kinds", "person,bogus"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("bogus"));
}

#[test]
fn 用法错误退出码二() {
    for args in [
        &["--bogus"][..],
        &["--lines", "--jsonl"],
        &["--field", "body"],
        &["-j", "0"],
        &["-f", "xml"],
    ] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!stderr(&output).is_empty(), "{args:?}");
    }
    let output = run(&["--user-dict", "no-such-dict.txt"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no-such-dict.txt"));
}

#[test]
fn 多线程保持输入顺序() {
    // Many more lines than one batch, each with its own figure.
    let input: String = (0..5000)
        .map(|i| format!("第{}批：{}名职工领到{}元。\n", i, i + 1, i * 10 + 7))
        .collect();
    let one = run(&["--lines", "-j", "1"], input.as_bytes());
    let two = run(&["--lines", "-j", "2"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(stderr(&one), "", "no progress bar off a terminal");
    assert_eq!(one.stdout, two.stdout);
    let objects = json_lines(&two);
    assert_eq!(objects.len(), 5000);
    for (i, object) in objects.iter().enumerate() {
        assert_eq!(object["line"], i + 1);
        let values: Vec<String> = object["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["value"].to_string())
            .collect();
        assert_eq!(values, [(i + 1).to_string(), (i * 10 + 7).to_string()]);
    }
}

/// A reader that stops early (`| head -1`) ends the run quietly.
#[test]
fn 下游提前关闭不崩溃() {
    closed_pipe::ends_quietly(std::ffi::OsStr::new(binary()), "{\"line\":1,\"entities\"");
}
