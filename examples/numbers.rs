//! Prints every numeral of each line of standard input with its value.
//!
//! ```text
//! echo 两千三百人和1,234只羊 | cargo run --release --example numbers
//! ```

use std::io::{self, BufRead};

fn main() -> io::Result<()> {
    for line in io::stdin().lock().lines() {
        let line = line?;
        let found: Vec<String> = zh_extract::find_numbers(&line)
            .iter()
            .map(|(span, value)| format!("{}={}", &line[span.range()], value))
            .collect();
        println!("{}", found.join(" "));
    }
    Ok(())
}
