"""The Dask recipe of docs/dask.md runs on a local cluster of two worker processes."""
import importlib.util
import json

import pandas as pd
import pytest

from conftest import FIXTURES, ROOT

distributed = pytest.importorskip("distributed")   # the test extra installs it: never skips in CI

RECIPE = ROOT / "docs" / "examples" / "dask_recipe.py"


def load_recipe():
    spec = importlib.util.spec_from_file_location("dask_recipe", RECIPE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_doc_shows_the_tested_recipe():
    doc = (ROOT / "docs" / "dask.md").read_text(encoding="utf-8")
    assert RECIPE.read_text(encoding="utf-8").strip() in doc


def test_recipe_on_a_local_cluster(tmp_path):
    import govextract
    recipe = load_recipe()
    folder = tmp_path / "reports"
    folder.mkdir()
    for p in sorted((FIXTURES / "panel").glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.txt").write_bytes(b"%PDF-1.5")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        targets, panel = recipe.run(folder, tmp_path / "out", client)
    local = list(govextract.extract_many(sorted(folder.glob("*.txt"))))
    # shards concatenated: same rows and values (categoricals of different shards become objects)
    pd.testing.assert_frame_equal(targets, govextract.to_frame(local, "targets"), check_dtype=False,
                                  check_categorical=False)
    records = [json.loads(line) for f in sorted((tmp_path / "out").glob("reports-*.jsonl"))
               for line in f.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["source"] for r in records) == sorted(str(p) for p in folder.glob("*.txt"))
    assert [r["error"] for r in records if "error" in r] == [
        "BinaryInputError: the input is a binary file (PDF, image, archive or Office file), not text"]
    pd.testing.assert_frame_equal(panel, govextract.panel(local))
