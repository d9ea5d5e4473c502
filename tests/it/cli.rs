//! The command line (issue #13): subcommands, exit codes, one-line errors
//! naming the JSON path, and a closed pipe that ends it quietly.

#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_calcinosis-dosing"))
}

fn request(name: &str) -> String {
    format!(
        "{}/examples/requests/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Source: the documented exit codes: 0 a plan, 1 refused, 2 usage, 3 I/O.
#[test]
fn exit_codes_and_one_line_errors() {
    let ok = bin()
        .args(["plan", &request("diltiazem-adult-70kg")])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("60 mg (1 tablet of 60 mg) 3 times daily")
    );

    let dup = bin()
        .args(["plan", &request("bad/diltiazem-duplicate-weight")])
        .output()
        .unwrap();
    assert_eq!(dup.status.code(), Some(1));
    let err = String::from_utf8_lossy(&dup.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("at patient.weight"), "{err}");

    let missing = bin().args(["plan", "no-such-file.json"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(3));
    let usage = bin().arg("--bogus").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    for args in [
        &["batch", "--jobs", "0"][..],
        &["batch", "--jobs", "65"],
        &["plan", "--format", "fhir", "--subject", ""],
        &["plan", "--subject", "Patient/1"],
    ] {
        let out = bin()
            .args(args)
            .arg(request("diltiazem-adult-70kg"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?} is a usage error");
        assert!(out.stdout.is_empty());
    }
    let mut child = bin()
        .arg("plan")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\xff\xfe{\"regimen\"")
        .unwrap();
    let binary = child.wait_with_output().unwrap();
    assert_eq!(
        binary.status.code(),
        Some(1),
        "bytes that are not UTF-8 are a bad request"
    );
    let no_subject = bin()
        .args(["plan", "--format", "fhir", &request("diltiazem-adult-70kg")])
        .output()
        .unwrap();
    assert_eq!(no_subject.status.code(), Some(2), "FHIR needs a subject");
    assert!(no_subject.stdout.is_empty());
}

/// Source: every subcommand writes what it says, on standard input too.
#[test]
fn subcommands_write_their_output() {
    let fhir = bin()
        .args([
            "plan",
            "--format",
            "fhir",
            "--subject",
            "Patient/9",
            &request("topical-6-year-old-forearm"),
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&fhir.stdout).unwrap();
    assert_eq!(v["subject"]["reference"], "Patient/9");
    let schema = bin().arg("schema").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let catalogue = bin()
        .args(["catalogue", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&catalogue.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);

    let line = std::fs::read_to_string(request("diltiazem-adult-70kg"))
        .unwrap()
        .replace('\n', "");
    let mut child = bin()
        .args(["batch", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{line}\n\n{{bad\n{line}").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "an error line");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 3, 4]);
}

/// Source: issue #13 — a closed pipe (`| head`) ends the batch quietly,
/// with one worker or several.
#[test]
fn a_closed_pipe_ends_quietly() {
    let line = std::fs::read_to_string(request("diltiazem-adult-70kg"))
        .unwrap()
        .replace('\n', "");
    for jobs in ["1", "2", "4"] {
        let mut child = bin()
            .args(["batch", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let line = line.clone();
        let writer = std::thread::spawn(move || {
            for _ in 0..20_000 {
                if writeln!(stdin, "{line}").is_err() {
                    break;
                }
            }
        });
        let mut first = [0_u8; 64];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout);
        // A hang here is the defect: give it 60 s, then fail.
        let (done, wait) = std::sync::mpsc::channel();
        let waiter = std::thread::spawn(move || {
            let status = child.wait().unwrap();
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            let _ = done.send((status, err));
        });
        let (status, err) = wait
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| {
                panic!("--jobs {jobs}: the batch did not end after its pipe closed")
            });
        waiter.join().unwrap();
        writer.join().unwrap();
        assert_eq!(status.code(), Some(0), "--jobs {jobs}: {err}");
        assert!(err.is_empty(), "--jobs {jobs}: {err}");
    }
}

/// Source: issue #13, "done when" — the binary on every example request in
/// every format: a plan exits 0 and writes its format, a refused request
/// exits 1 with one line on stderr naming the field.
#[test]
fn every_example_request_in_every_format() {
    let dir = format!("{}/examples/requests", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for (sub, good) in [("", true), ("/bad", false)] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{dir}{sub}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            for format in ["text", "json", "fhir", "svg"] {
                let mut command = bin();
                command.args(["plan", "--format", format]);
                if format == "fhir" {
                    command.args(["--subject", "Patient/1"]);
                }
                let out = command.arg(&file).output().unwrap();
                let (stdout, stderr) = (
                    String::from_utf8(out.stdout).unwrap(),
                    String::from_utf8(out.stderr).unwrap(),
                );
                let what = format!("{} as {format}: {stderr}", file.display());
                if good {
                    assert_eq!(out.status.code(), Some(0), "{what}");
                    assert!(stderr.is_empty(), "{what}");
                    match format {
                        "text" => assert!(stdout.contains("Alerts"), "{what}"),
                        "svg" => {
                            let doc = roxmltree::Document::parse(&stdout).unwrap();
                            assert_eq!(doc.root_element().tag_name().name(), "svg", "{what}");
                        }
                        "json" => {
                            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                            assert_eq!(v["schema_version"], 1, "{what}");
                        }
                        _ => {
                            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                            assert!(
                                ["MedicationRequest", "Bundle"]
                                    .contains(&v["resourceType"].as_str().unwrap()),
                                "{what}"
                            );
                        }
                    }
                } else {
                    assert_eq!(out.status.code(), Some(1), "{what}");
                    assert!(stdout.is_empty(), "{what}");
                    assert_eq!(stderr.lines().count(), 1, "{what}");
                }
                seen += 1;
            }
        }
    }
    assert_eq!(seen, 4 * 25, "every example request, four formats");
}

/// Source: issue #13, "done when" — an NDJSON file mixing good, bad,
/// malformed, duplicate-key, blank and over-long lines gives exactly one
/// output line per non-blank input line, in input order, with one worker
/// or several.
#[test]
fn a_mixed_batch_keeps_count_and_order() {
    let mut input = std::fs::read_to_string(format!(
        "{}/examples/batch/mixed.ndjson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    input.push_str("{\"regimen\":\"");
    input.push_str(&"x".repeat(70_000));
    input.push_str("\"}\n");
    let expected: [(u64, &str); 10] = [
        (1, "plan"),
        (2, "plan"),
        (4, "error"), // rate above the documented range
        (5, "error"), // malformed
        (6, "error"), // duplicate key
        (7, "plan"),
        (8, "plan"),
        (10, "error"), // under 2 years
        (11, "plan"),
        (12, "error"), // over-long
    ];
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "3"] {
        let mut child = bin()
            .args(["batch", "--jobs", jobs, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let text = input.clone();
        let feeder = std::thread::spawn(move || stdin.write_all(text.as_bytes()).unwrap());
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        assert_eq!(out.status.code(), Some(1), "error lines give exit 1");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let got: Vec<(u64, String)> = stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let o = v.as_object().unwrap();
                assert_eq!(o.len(), 2, "{l}");
                let key = if o.contains_key("plan") {
                    "plan"
                } else {
                    "error"
                };
                (v["line"].as_u64().unwrap(), key.to_owned())
            })
            .collect();
        let want: Vec<(u64, String)> = expected
            .iter()
            .map(|(n, k)| (*n, (*k).to_owned()))
            .collect();
        assert_eq!(got, want, "--jobs {jobs}");
        let v: serde_json::Value = serde_json::from_str(stdout.lines().nth(4).unwrap()).unwrap();
        assert_eq!(
            v["error"]["field"], "patient.weight",
            "the duplicate key is named"
        );
        outputs.push(stdout);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}
