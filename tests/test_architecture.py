"""The package's shape, checked: the import layers (import-linter's contracts in pyproject.toml), no private
name used across modules, imports at the top (but for optional or slow packages), and no index of the
compiled model's JSON outside the engine and the Model class."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src" / "gaischema"
MODULES = sorted(p for p in SRC.rglob("*.py") if p.name not in ("datamodel.py", "pydantic_models.py"))
STEMS = {p.stem for p in MODULES if p.stem != "__init__"}
# imported inside a function on purpose: optional extras, or slow to import and needed by few commands
LATE_IMPORTS = {"openpyxl", "pypdfium2", "duckdb", "jsonschema", "jsonschema_rs", "linkml", "matplotlib",
                "linkml_runtime", "yaml_rs", "gaischema.extract", "gaischema.report.daskworker", "jinja2", "tqdm",
                "distributed",
                "numpy", "cv2", "rapidocr_onnxruntime", "PIL"}  # the ocr extra


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def test_import_layers_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.skip("import-linter is in the test extra")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_private_name_crosses_modules(path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gaischema"):
            private = [a.name for a in node.names if a.name.startswith("_") and a.name != "__version__"]
            assert not private, f"{path.name} imports {private} from {node.module}"
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            base = node.value
            if isinstance(base, ast.Name) and base.id in STEMS | {"ex", "out"}:
                pytest.fail(f"{path.name}:{node.lineno} uses {base.id}.{node.attr}")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_at_the_top(path):
    tree = _tree(path)
    for fn in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for node in ast.walk(fn):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                late = [n for n in names if n.split(".")[0] not in LATE_IMPORTS and n not in LATE_IMPORTS]
                assert not late, f"{path.name}:{node.lineno} imports {late} inside {fn.name}()"


@pytest.mark.parametrize("path", [p for p in MODULES if p.name not in ("engine.py", "model.py", "build.py",
                                                                         "resources.py")], ids=lambda p: str(p.relative_to(SRC)))
def test_nobody_indexes_the_compiled_model_by_hand(path):
    text = path.read_text(encoding="utf-8")
    for key in ('["classes"]', '["cells"]', '["enums"]', 'resources.model()['):
        assert key not in text, f"{path.name} indexes the compiled model with {key}: ask Model"
