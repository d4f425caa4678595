//! A reader that stops early (`| head -1`) must end a `--lines` run
//! quietly: shared by the tests of `examples/extract` and `zh-extract`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// Runs `program --lines`, reads one line of its output (which must start
/// with `first_prefix`), closes the pipe and checks the program exits 0
/// without a panic.
pub fn ends_quietly(program: &std::ffi::OsStr, first_prefix: &str) {
    let mut child = Command::new(program)
        .arg("--lines")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = "设立200万元，带动职工参与4万余人次。\n".repeat(1000);
        for _ in 0..50 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with(first_prefix), "{first}");
    // The reader is dropped here: the pipe closes.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(output.status.code(), Some(0), "{message}");
}
