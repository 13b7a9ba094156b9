"""The distribution installs under one name, v2m.*, with its data files, as a wheel too."""

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_holds_only_v2m_and_its_data_and_runs_from_a_fresh_venv(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "dist"), str(ROOT)], check=True, capture_output=True, cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("v2m-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"v2m"}  # no generic `tools` or `agent`
    for module in ("v2m/tools/contract.py", "v2m/agent/cli.py", "v2m/prompts/templates.py",
                   "v2m/finetune/dataset.py", "v2m/tools/styles/jazz.yaml", "v2m/prompts/planner.yaml",
                   "v2m/agent/serve/static/studio.html", "v2m/agent/serve/static/studio.js"):
        assert module in names, module
    assert len([n for n in names if n.startswith("v2m/tools/styles/")]) >= 12

    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True)
    code = ("import v2m.tools.style as s, v2m.agent.cli, v2m.prompts.templates as t; "
            "print(len(s.style_names()), s.__file__, len(t.example_plans()))")
    out = subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    count, path, examples = out.split()
    assert int(count) >= 12 and str(env_dir) in path and int(examples) >= 3
    r = subprocess.run([str(env_dir / "bin" / "v2m"), "schema", "plan"], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and '"ScorePlan"' in r.stdout
