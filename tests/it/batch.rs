//! NDJSON batches (issue #13): one output line per input line, in order,
//! whatever the number of jobs; bad lines are error lines and the batch
//! goes on.

#![cfg(feature = "serde")]

use calcinosis_dosing::{BatchOptions, MAX_LINE_BYTES, run_batch};
use serde_json::Value;

fn good(kg: u32) -> String {
    format!(
        r#"{{"regimen":"diltiazem","patient":{{"weight":{{"value":{kg},"unit":"kg"}},"age":{{"value":50,"unit":"a"}}}},"rate":{{"value":3,"unit":"mg/kg/d"}},"formulation":"oral_suspension"}}"#
    )
}

fn run(input: &[u8], jobs: usize) -> (Vec<Value>, calcinosis_dosing::BatchSummary) {
    let mut out = Vec::new();
    let summary = run_batch(
        input,
        &mut out,
        &BatchOptions {
            jobs,
            ..BatchOptions::default()
        },
    )
    .unwrap();
    let lines = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, summary)
}

/// Source: issue #13 — exactly one output line per non-blank input line,
/// in input order; a malformed line, a duplicate key, an over-long line
/// and a line that is not UTF-8 are error lines; blank lines are skipped;
/// the last line needs no newline.
#[test]
fn every_line_gets_one_answer_in_order() {
    let mut input = Vec::new();
    input.extend(good(70).as_bytes());
    input.extend(b"\n\n{not json\n");
    input.extend(
        good(20)
            .replace(r#""age""#, r#""weight":{"value":60,"unit":"kg"},"age""#)
            .as_bytes(),
    );
    input.push(b'\n');
    input.extend(vec![b' '; MAX_LINE_BYTES + 10]);
    input.extend(b"x\n");
    input.extend(b"\xff\xfe\n");
    // An over-long line of white space is blank, skipped.
    input.extend(vec![b' '; MAX_LINE_BYTES + 10]);
    input.push(b'\n');
    input.extend(good(40).as_bytes());
    for jobs in [1, 2, 4] {
        let (lines, summary) = run(&input, jobs);
        let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
        assert_eq!(numbers, [1, 3, 4, 5, 6, 8], "jobs {jobs}");
        assert!(lines[0]["plan"].is_object());
        assert_eq!(lines[1]["error"]["kind"], "invalid_json");
        assert!(
            lines[2]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("duplicate key")
        );
        assert!(
            lines[3]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("longer than")
        );
        assert!(
            lines[4]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("UTF-8")
        );
        assert!(lines[5]["plan"].is_object());
        assert_eq!(
            (summary.lines, summary.plans, summary.errors, summary.blank),
            (8, 2, 4, 2),
            "jobs {jobs}"
        );
    }
}

/// Source: issue #13 — `--jobs` keeps the order: 2,000 lines planned by 4
/// workers come out in input order, each the plan of its own line.
#[test]
fn many_lines_keep_their_order_with_jobs() {
    let input: String = (0..2_000).map(|i| good(3 + i % 140) + "\n").collect();
    let (lines, summary) = run(input.as_bytes(), 4);
    assert_eq!(summary.plans + summary.errors, 2_000);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["line"].as_u64().unwrap(), i as u64 + 1);
        if let Some(plan) = line.get("plan") {
            assert_eq!(
                plan["weight"]["value"].as_u64().unwrap(),
                3 + (i as u64) % 140
            );
        }
    }
}

/// An output that fails after a few lines, as a full disk does.
struct FailsAfter(usize);

impl std::io::Write for FailsAfter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        #[allow(clippy::naive_bytecount, reason = "a test helper on short buffers")]
        let lines = buf.iter().filter(|&&b| b == b'\n').count();
        if self.0 < lines {
            return Err(std::io::Error::other("no space left on device"));
        }
        self.0 -= lines;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Source: review of issue #13 — an output error stops the batch and is
/// returned, with one worker or many; it never hangs waiting for workers
/// that stopped.
#[test]
fn an_output_error_stops_the_batch() {
    let input: String = (0..5_000).map(|i| good(30 + i % 40) + "\n").collect();
    for jobs in [1, 2, 8] {
        let (done, wait) = std::sync::mpsc::channel();
        let input = input.clone();
        std::thread::spawn(move || {
            let result = run_batch(
                input.as_bytes(),
                FailsAfter(3),
                &BatchOptions {
                    jobs,
                    ..BatchOptions::default()
                },
            );
            let _ = done.send(result.map_err(|e| e.to_string()));
        });
        let result = wait
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("jobs {jobs}: the batch hung after its output failed"));
        assert_eq!(
            result.unwrap_err(),
            "no space left on device",
            "jobs {jobs}"
        );
    }
}
