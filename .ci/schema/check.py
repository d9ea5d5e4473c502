"""Validates the example requests against the checked-in request schema.

Every example request must pass. Every bad example request that the parser
refuses while reading (its golden text starts with "invalid request") must
fail, except a duplicate key, which JSON Schema cannot see (a JSON object
has one value per key once parsed). Requests refused only when planning
(a hard limit, an undocumented schedule) are valid JSON requests and are
not checked here.
"""

import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "schemas" / "request.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failed = False
for path in sorted((root / "examples" / "requests").glob("*.json")):
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    if errors:
        failed = True
        print(f"{path.name}: INVALID: {errors[0].message}")
    else:
        print(f"{path.name}: valid")

checked = 0
for path in sorted((root / "examples" / "requests" / "bad").glob("*.json")):
    golden = (root / "tests" / "golden" / "examples" / "bad" / f"{path.stem}.txt").read_text()
    if not golden.startswith("invalid request") or "duplicate key" in golden:
        continue
    checked += 1
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    if errors:
        print(f"bad/{path.name}: fails as expected ({errors[0].message[:80]})")
    else:
        failed = True
        print(f"bad/{path.name}: PASSES, but the parser refuses it: {golden.strip()}")

if checked == 0:
    failed = True
    print("no parse-time bad request was checked")
sys.exit(1 if failed else 0)
