"""The worked notebook docs/examples/panel.ipynb runs from top to bottom (its last cell asserts)."""
import nbformat
import pytest

from conftest import ROOT

nbclient = pytest.importorskip("nbclient")    # the test extra installs it: never skips in CI

NOTEBOOK = ROOT / "docs" / "examples" / "panel.ipynb"


def test_notebook_runs_and_plots(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)            # the plot
    assert any('data-label="TARGET:gdp"' in o.get("data", {}).get("text/html", "") for o in outputs)  # the view
    panel_html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("莆田市" in h and "outcome" in h for h in panel_html)
    assert all(not c.get("outputs") for c in nbformat.read(NOTEBOOK, as_version=4).cells
               if c.cell_type == "code"), "commit the notebook without outputs"
