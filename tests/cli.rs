//! `examples/extract.rs` as a process: the command-line contract on hostile
//! byte streams (`../shared/docs/contract.md`).

#[path = "common/closed_pipe.rs"]
mod closed_pipe;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value as Json;

/// The example binary of the same profile as this test (`cargo test` builds
/// examples next to `deps/`); built on demand when a test was run alone.
fn binary() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe
            .parent()
            .and_then(|deps| deps.parent())
            .expect("target/<profile>");
        let path = profile_dir
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        if !path.exists() {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let mut build = Command::new(cargo);
            build.args(["build", "--example", "extract"]);
            build.current_dir(env!("CARGO_MANIFEST_DIR"));
            if profile_dir.file_name().is_some_and(|n| n == "release") {
                build.arg("--release");
            }
            let status = build.status().expect("cargo runs");
            assert!(status.success(), "building the example failed");
        }
        assert!(path.exists(), "no example binary at {}", path.display());
        path
    })
    .clone()
}

fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("the example finishes");
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    output
}

fn stdout_lines(output: &Output) -> Vec<Json> {
    let text = std::str::from_utf8(&output.stdout).expect("standard output is UTF-8");
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "output ends with a newline"
    );
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("standard error is UTF-8")
}

fn texts(object: &Json, list: &str) -> Vec<String> {
    object[list]
        .as_array()
        .unwrap_or_else(|| panic!("no {list} in {object}"))
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_owned())
        .collect()
}

const EMPTY: &str = r#"{"entities":[],"quantities":[]}"#;

#[test]
fn 整篇无效字节退出码一且无输出() {
    let output = run(
        &[],
        b"\xe8\xae\xbe\xe7\xab\x8b200\xe4\xb8\x87\xe5\x85\x83\xff tail",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "stdout: {:?}", output.stdout);
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(message, "extract: input is not valid UTF-8 at byte 15\n");
    // A truncated sequence at the very end.
    let output = run(
        &[],
        "设立3元"
            .as_bytes()
            .iter()
            .chain(b"\xe4\xb8")
            .copied()
            .collect::<Vec<_>>()
            .as_slice(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output),
        "extract: input is not valid UTF-8 at byte 10\n"
    );
}

#[test]
fn 逐行模式坏行不影响其他行() {
    let mut input = Vec::new();
    input.extend_from_slice("设立200万元\n".as_bytes());
    input.extend_from_slice(b"bad \xc3\x28 line\n");
    input.extend_from_slice("另有3元\r\n".as_bytes());
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"\xff\xfe\n");
    input.extend_from_slice("4万余人次".as_bytes());
    let output = run(&["--lines"], &input);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 6);
    assert_eq!(texts(&lines[0], "quantities"), ["200万元"]);
    assert_eq!(lines[0].get("error"), None);
    // The bad line: offset of its first bad byte in the whole input.
    let first_line = "设立200万元\n".len();
    assert_eq!(
        lines[1],
        serde_json::json!({"entities": [], "quantities": [],
            "error": format!("invalid UTF-8 at byte {}", first_line + 4)})
    );
    assert_eq!(texts(&lines[2], "quantities"), ["3元"]);
    assert_eq!(lines[2]["quantities"][0]["end"], 10);
    assert_eq!(lines[3], serde_json::from_str::<Json>(EMPTY).unwrap());
    assert!(
        lines[4]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid UTF-8 at byte ")
    );
    assert_eq!(texts(&lines[5], "quantities"), ["4万余人次"]);
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 2, "{message}");
    assert!(
        message.lines().next().unwrap().contains("line 2"),
        "{message}"
    );
}

#[test]
fn 宽松解码报告替换字节数() {
    let mut input = b"ab\xff\xfe".to_vec();
    input.extend_from_slice("设立200万元".as_bytes());
    let output = run(&["--lossy"], &input);
    assert_eq!(output.status.code(), Some(0));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(texts(&lines[0], "quantities"), ["200万元"]);
    // Offsets are into the decoded text: two U+FFFD of 3 bytes each.
    assert_eq!(lines[0]["quantities"][0]["start"], 2 + 6 + 6);
    assert_eq!(lines[0]["quantities"][0]["char_start"], 6);
    assert_eq!(
        stderr(&output),
        "extract: replaced 2 invalid UTF-8 byte(s) with U+FFFD, the first at byte 2\n"
    );
    let output = run(&["--lines", "--lossy"], b"1\xff\xff\xff\n2\n3\xc3\n");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout_lines(&output).len(), 3);
    assert_eq!(
        stderr(&output),
        "extract: replaced 4 invalid UTF-8 byte(s) with U+FFFD in 2 line(s), the first at byte 1\n"
    );
}

#[test]
fn 空输入与空行() {
    let output = run(&[], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{EMPTY}\n")
    );
    let output = run(&["--lines"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let output = run(&["--lines"], b"\n\r\n\n");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{EMPTY}\n").repeat(3)
    );
}

#[test]
fn 回车换行的偏移() {
    let output = run(&["--lines"], "设立200万元\r\n另有3元\r\n".as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 2);
    let q = &lines[0]["quantities"][0];
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(6), Some(15))
    );
    assert_eq!(texts(&lines[1], "quantities"), ["3元"]);
    // Whole-document mode keeps the CR in the document, outside the span.
    let output = run(&[], "合计\r\n200万元\r\n".as_bytes());
    let lines = stdout_lines(&output);
    let q = &lines[0]["quantities"][0];
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(8), Some(17))
    );
    assert_eq!(q["text"], "200万元");
}

#[test]
fn 巨大数值写成合法json() {
    let digits: String = "123456789".chars().cycle().take(200_000).collect();
    let output = run(&[], format!("{digits}元").as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(
        stdout.contains(r#""value":null,"value_text":"1.23456789123456789123e+199999","#),
        "{}",
        &stdout[stdout.len() - 200..]
    );
    let lower = stdout.to_ascii_lowercase();
    assert!(!lower.contains("nan") && !lower.contains("inf"));
    assert_eq!(stdout_lines(&output).len(), 1);
}

#[test]
fn 裸数字开关与未知参数() {
    let output = run(&["--numbers"], "共有123".as_bytes());
    let lines = stdout_lines(&output);
    assert_eq!(lines[0]["quantities"][0]["kind"], "number");
    assert_eq!(lines[0]["quantities"][0]["value"], 123);
    let output = run(&[], "共有123".as_bytes());
    assert_eq!(
        stdout_lines(&output)[0]["quantities"],
        serde_json::json!([])
    );
    let output = run(&["--bogus"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("--bogus"));
}

/// A reader that stops early (`| head -1`) ends the run quietly.
#[test]
fn 下游提前关闭不崩溃() {
    closed_pipe::ends_quietly(binary().as_os_str(), "{\"entities\"");
}
