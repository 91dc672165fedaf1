"""Validates JSON documents against the workflow JSON Schema (draft 2020-12).

Reads {"schema": path, "documents": {name: document}} on stdin; prints {name: null | error}.
Run with tests/mirror's virtualenv (jsonschema pinned there)."""
import json
import sys

import jsonschema

request = json.load(sys.stdin)
with open(request["schema"]) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
out = {}
for name, doc in request["documents"].items():
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    out[name] = None if not errors else "/".join(map(str, errors[0].absolute_path)) + ": " + errors[0].message
json.dump(out, sys.stdout)
