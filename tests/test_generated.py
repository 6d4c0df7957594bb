"""generated/ is exactly what the schema produces; the installed package carries every artifact."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

GENERATED = ROOT / "generated"


def test_generated_artifacts_do_not_drift_from_the_schema(tmp_path):
    from gaischema.build import generate

    out = tmp_path / "generated"
    generate(out)
    fresh = {p.relative_to(out) for p in out.rglob("*") if p.is_file()}
    committed = {p.relative_to(GENERATED) for p in GENERATED.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert fresh == committed, "files added or removed: run python3 dev.py generate"
    stale = [str(p) for p in sorted(fresh) if (out / p).read_bytes() != (GENERATED / p).read_bytes()]
    assert not stale, f"generated/ differs from the schema in {stale}: run python3 dev.py generate"


def test_non_editable_install_carries_models_and_schemas(tmp_path):
    """`pip install .` (a built wheel, not editable) into a clean target, used from another folder."""
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--target", str(target), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    code = """
import json, gaischema, pathlib
from gaischema.datamodel import AnnualReport
from gaischema.pydantic_models import AnnualReport as PydanticReport
from gaischema import resources, validate_file
assert str(pathlib.Path(gaischema.__file__)).startswith(%r), gaischema.__file__
print(json.dumps({
  "schema_yaml": resources.schema_path().read_text(encoding="utf-8").startswith("id: https://w3id.org/gaischema"),
  "json_schema": json.loads(resources.json_schema_path().read_text())["$id"],
  "dataclass": AnnualReport.__name__, "pydantic": PydanticReport.__name__,
  "valid": validate_file(%r).valid,
}))
""" % (str(target), str(ROOT / "examples" / "valid" / "AnnualReport-beilun-2023.yaml"))
    env = dict(os.environ, PYTHONPATH=str(target))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout)
    assert got == {"schema_yaml": True, "json_schema": "https://w3id.org/gaischema", "dataclass": "AnnualReport",
                   "pydantic": "AnnualReport", "valid": True}
