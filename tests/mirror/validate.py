"""Validates live mirror REST responses against the official mirror-node OpenAPI spec.

stdin: JSON list of {"url", "template", "status"}: the URL to GET, the spec path it answers
(e.g. "/api/v1/accounts/{idOrAliasOrEvmAddress}") and the HTTP status expected. Each response's
body is validated with openapi-schema-validator (OpenAPI 3.0 rules, the spec's own $refs) against
the schema the spec gives for that path and status. Prints one line per check and a summary;
exits 1 if any check fails.
"""

import json
import sys
import urllib.error
import urllib.request

import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPEC_URI = "urn:mirror-openapi"


def main(spec_path):
    with open(spec_path) as f:
        spec = yaml.safe_load(f)
    registry = Registry().with_resource(SPEC_URI, Resource(contents=spec, specification=DRAFT4))
    checks = json.load(sys.stdin)
    failed = 0
    for check in checks:
        problems = run(spec, registry, check)
        status = "ok" if not problems else "FAIL"
        print(f"{status} {check['status']} {check['url']}")
        for p in problems:
            print(f"    {p}")
        failed += bool(problems)
    print(f"{len(checks) - failed} valid, {failed} invalid")
    sys.exit(1 if failed else 0)


def response_schema(spec, template, status):
    operation = spec["paths"][template]["get"]
    response = operation["responses"].get(status) or operation["responses"].get(str(status))
    if response is None:
        return None
    while "$ref" in response:
        name = response["$ref"].split("/")[-1]
        response = spec["components"]["responses"][name]
    return response["content"]["application/json"]["schema"]


def run(spec, registry, check):
    try:
        with urllib.request.urlopen(check["url"]) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    problems = []
    if status != check["status"]:
        problems.append(f"status {status}, expected {check['status']}")
    schema = response_schema(spec, check["template"], status)
    if schema is None:
        return problems + [f"the spec defines no {status} response for {check['template']}"]
    # Local refs ("#/components/...") resolve against the whole spec document.
    schema = {"$ref": SPEC_URI + schema["$ref"]} if "$ref" in schema else schema
    try:
        instance = json.loads(body)
    except ValueError as e:
        return problems + [f"not JSON: {e}"]
    validator = OAS30Validator(schema, registry=registry)
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
        path = "/".join(str(p) for p in error.path)
        problems.append(f"at /{path}: {error.message[:300]}")
    return problems


if __name__ == "__main__":
    main(sys.argv[1])
