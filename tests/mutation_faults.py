"""Deliberate faults in the reference implementation, and whether the conformance suite catches each.

A fault is a small change to the source of one module of gaischema (``(old, new)`` replacements, each ``old``
found exactly once): the kind of bug a second implementation written from docs/rule-language.md could have. Each
fault runs in a fresh process: the module is re-executed from the changed source, every other gaischema module that
imported one of its names is pointed at the new object, then every case of the suite (generated/conformance/) is
run and compared. A fault is *caught* when at least one case fails.

    python tests/mutation_faults.py            # every fault; prints a line each and the score; exit 1 if one escapes
    python tests/mutation_faults.py FAULT-ID   # one fault, as JSON (what the test runs)

tests/test_mutations.py runs it (in CI, with the rest of the tests) and requires every fault caught.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

E, C, V = "gaischema.engine", "gaischema.corpus", "gaischema.validate"

_UNSURE = "    findings.append(make_finding(rule, path, self.labels.cell(path, version), "  # READ-UNRELIABLE's

# (id, module, [(old, new)], what the fault is)
FAULTS = [
    ("digest-threshold-65", E, [("len(obj) > 64", "len(obj) > 65")],
     "a text of 65 characters kept as text (the digest from 66)"),
    ("digest-threshold-64", E, [("len(obj) > 64", "len(obj) >= 64")],
     "a text of exactly 64 characters digested"),
    ("digest-full-sha1", E, [("hexdigest()[:16]", "hexdigest()")],
     "the digest with all 40 hexadecimal digits, not the first 16"),
    ("digest-sha256", E, [("hashlib.sha1(obj.encode('utf-8'))", "hashlib.sha256(obj.encode('utf-8'))")],
     "the digest by SHA-256 (64 hexadecimal digits), not SHA-1"),
    ("organ-no-nfkc", C, [('unicodedata.normalize("NFKC", organ)', "organ")],
     "organ names compared without NFKC (a full-width digit differs)"),
    ("organ-spaces-kept", C, [('r"[\\s\\u3000·•', 'r"[\\u3000·•')],
     "spaces left in organ names"),
    ("organ-invisible-kept", C, [('name = engine().invisible_pattern.sub("", unicodedata.normalize("NFKC", organ))',
                                  'name = unicodedata.normalize("NFKC", organ)')],
     "invisible characters left in organ names"),
    ("invisible-not-noted", E, [("        findings.extend(self.invisible(instance, version, rejected))\n", "")],
     "invisible characters in the organ name left out of the key but not noted (INPUT-INVISIBLE)"),
    ("invisible-codes-unsorted", E, [("found = sorted({ord(ch) for ch in pattern.findall(value)})",
                                      "found = list(dict.fromkeys(ord(ch) for ch in pattern.findall(value)))")],
     "the invisible characters reported in the order of the name, not of their code points"),
    ("organ-punctuation-kept", C, [('·•.,，。、（）()《》', '.,，。、《》')],
     "the middle dot and brackets left in organ names"),
    ("dates-as-strings", E, [("            return _dt.date.fromisoformat(v)", "            return v"),
                             ("            return _dt.date(int(y), int(m), int(d))",
                              '            return f"{int(y)}-{int(m)}-{int(d)}"')],
     "dates compared as text, a computed date written without zero padding (2023-1-1)"),
    ("greater-as-greater-or-equal", E, [('ast.Gt: ">"', 'ast.Gt: ">="')],
     "> evaluated as >= (a report dated 12-31 of its year is 'after the year')"),
    ("sum-leaves-out-a-term", E, [('return "(" + " + ".join(terms) + ")" if terms else "0"',
                                   'return "(" + " + ".join(terms[:-1] or terms) + ")" if terms else "0"')],
     "sum() leaves out its last term"),
    ("invalid-version-as-v2021", E, [("            return []  # the JSON Schema reports it; without a version",
                                      "            version = 'v2021'  # ")],
     "the v2021 rules applied when format_version is no permissible value"),
    ("blank-reported-as-zero", E, [("            findings.append(self._finding(rule, path, version))",
                                    "            findings.append(self._finding(rule, path, version, 0))")],
     "a blank cell's finding reports 0, not null"),
    ("any-of-not-looked-into", V, [('    if error.validator in ("anyOf", "oneOf") and error.context:',
                                    '    if False:')],
     "an anyOf error reported as itself (SCHEMA-OTHER) instead of the errors of its branches"),
    ("unknown-field-at-the-object", V, [("                path = path + (extra[0],) if extra else path",
                                         "                path = path")],
     "an unknown field's finding at the object, not at the field"),
    ("required-at-the-missing-key", V, [("            if err.validator == \"additionalProperties\":",
                                         "            if err.validator == \"required\":\n"
                                         "                path = path + (err.validator_value[0],)\n"
                                         "            if err.validator == \"additionalProperties\":")],
     "a missing field's finding at the missing key, not at the object"),
    ("similarity-one-decimal", E, [("round(sim, 2)", "round(sim, 1)")],
     "the similarity rounded to one decimal"),
    ("rejected-value-evaluated", E, [("            if rejected and _touches(spec.variables, rejected):\n                continue",
                                      "            pass")],
     "a check that reads a value the JSON Schema rejected (22.5 in a count) evaluated all the same"),
    ("missing-note-ignored", E, [("        not_found = self._not_found(instance)", "        not_found = []")],
     "a row the extractor did not find (a missing note) reported as the organ's blank (T2-BLANK), not READ-NOT-FOUND"),
    ("blank-table-not-opened", E, [("                stack.extend(reversed(v.children[k]))",
                                    "                findings.append(self._finding(rule, path, version))")],
     "a table blank as a whole above rows not found reported as one blank (T4-BLANK), not opened into its rows"),
    ("low-confidence-note-ignored", E, [("        unreliable = self._unreliable(instance)", "        unreliable = []")],
     "a cell OCR read unreliably (a low_confidence note) reported as the organ's blank (T3-BLANK)"),
    ("low-confidence-raw-dropped", E, [(f"{_UNSURE}raw, None, (\n                    f\"{{read[0]}}",
                                        f"{_UNSURE}None, None, (\n                    f\"{{read[0]}}")],
     "READ-UNRELIABLE without the text OCR read as its reported value"),
]


def _apply(module_name: str, edits: list[tuple[str, str]]) -> None:
    """Re-execute a module from its changed source, and point every gaischema module at the new objects."""
    module = importlib.import_module(module_name)
    path = Path(module.__file__)
    source = path.read_text(encoding="utf-8")
    for old, new in edits:
        if source.count(old) != 1:
            raise SystemExit(f"fault: {old!r} is found {source.count(old)} times in {path.name}, not once")
        source = source.replace(old, new)
    before = dict(vars(module))
    exec(compile(source, str(path), "exec"), vars(module))
    after = vars(module)
    for other in [m for n, m in list(sys.modules.items()) if n.startswith("gaischema") and m is not module]:
        for name, value in list(vars(other).items()):
            for key, old in before.items():
                if value is old and key in after and after[key] is not old:
                    setattr(other, name, after[key])
                    break


def run_one(fault_id: str) -> dict:
    """In this process: apply one fault, run the suite; the cases that fail."""
    import gaischema.conformance as conformance  # everything imported before the fault is applied

    _, module, edits, what = next(f for f in FAULTS if f[0] == fault_id)
    _apply(module, edits)
    failing = []
    for p in conformance.case_paths():
        case = json.loads(p.read_text(encoding="utf-8"))
        try:
            ok = conformance.compare(conformance.run_case(case), case)
        except Exception as exc:  # noqa: BLE001 - a fault that crashes is caught by the case it crashes on
            ok, p = False, p.with_name(f"{p.stem} ({type(exc).__name__})")
        if not ok:
            failing.append(p.stem)
    return {"fault": fault_id, "what": what, "caught": bool(failing), "failing": failing}


def run_all(jobs: int = 2) -> list[dict]:
    """Every fault, each in a fresh process."""
    def one(fault_id):
        proc = subprocess.run([sys.executable, __file__, fault_id], capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            return {"fault": fault_id, "caught": False, "failing": [], "error": proc.stderr[-2000:]}
        return json.loads(proc.stdout)

    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(one, [f[0] for f in FAULTS]))


def main(argv: list[str]) -> int:
    if argv:
        print(json.dumps(run_one(argv[0]), ensure_ascii=False))
        return 0
    results = run_all()
    for r in results:
        print(f"{'caught ' if r['caught'] else 'ESCAPED'} {r['fault']:32} {len(r['failing']):3} case(s) fail"
              + (f"  ({r['error'].strip().splitlines()[-1]})" if r.get("error") else ""))
    caught = sum(r["caught"] for r in results)
    print(f"mutation score: {caught}/{len(results)} faults caught by the conformance suite")
    return 0 if caught == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
