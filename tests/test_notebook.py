"""notebooks/quickstart.ipynb runs top to bottom (nbclient), with every network call but loopback refused."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "quickstart.ipynb"

# Run first in the kernel: any connection to a host other than loopback raises.
NO_NETWORK = '''
import socket
_connect = socket.socket.connect
def _loopback_only(self, address, *args):
    host = address[0] if isinstance(address, tuple) else address
    if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
        raise OSError(f"network access refused in this test: {address}")
    return _connect(self, address, *args)
socket.socket.connect = _loopback_only
socket.getaddrinfo = lambda host, *a, _real=socket.getaddrinfo, **k: (
    _real(host, *a, **k) if host in ("127.0.0.1", "::1", "localhost", None)
    else (_ for _ in ()).throw(OSError(f"name lookup refused in this test: {host}")))
'''


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.append(data.get("text/html", "") + data.get("text/plain", ""))
    return "".join(parts)


def test_the_quickstart_notebook_runs_offline_from_another_folder(tmp_path, monkeypatch):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs"
    notebook.cells.insert(0, nbformat.v4.new_code_cell(NO_NETWORK))
    monkeypatch.setenv("GRAPHBUILD_SEEDS", str(NOTEBOOK.parent.parent / "seeds"))
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",  # the kernel starts in tmp_path
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    cells = [c for c in notebook.cells if c.cell_type == "code"][1:]
    outputs = [_text(c) for c in cells]
    assert not any(o.get("output_type") == "error" for c in cells for o in c.get("outputs", []))
    build, _helper, supports, meetings, accusations, analysis, viewer = outputs
    assert "documents: 2 built" in build
    assert "<table>" in supports and "sovereignty" in supports
    assert "<table>" in meetings and "Dar" in meetings
    assert "<table>" in accusations and "accuses" in accusations
    assert "most central entities:" in analysis and "Pakistan" in analysis
    assert "<iframe" in viewer and "srcdoc=" in viewer
