"""An interrupted build (Ctrl-C, or SIGTERM from a CI runner) leaves no half-written report.

The build makes the report's parts in PROCESSED/build/ and replaces OUT in one swap only at
the very end; this test interrupts it while notebooks run and checks that the previous report
is byte-identical, that no temporary folder is left behind, and that the next build, which
reruns the interrupted steps, succeeds.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_leaves_previous_report_untouched(tmp_path: Path, sig) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "briefing.html").write_text("<p>the previous report</p>", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "build", "--articles", str(REPO / "data/articles"),
         "--out", str(out), "--processed", str(tmp_path / "processed"), "--formats", "html"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    started = tmp_path / "processed" / "kernels.log"  # opened when the notebooks start
    while not started.exists() and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1].decode()
        time.sleep(0.05)
    assert started.exists(), "the build never started its notebooks"
    time.sleep(1.0)  # notebooks are running now
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode != 0
    assert "interrupted" in err.decode()
    assert (out / "briefing.html").read_text(encoding="utf-8") == "<p>the previous report</p>"
    assert sorted(p.name for p in out.iterdir()) == ["briefing.html"]
    assert not list(tmp_path.glob(".report.tmp-*"))
    again = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "build", "--articles", str(REPO / "data/articles"),
         "--out", str(out), "--processed", str(tmp_path / "processed"), "--formats", "html"],
        cwd=REPO, capture_output=True, check=False,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    assert "the previous report" not in (out / "briefing.html").read_text(encoding="utf-8")
