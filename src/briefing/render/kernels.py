"""Execute notebooks on a few long-lived kernels instead of one fresh kernel per notebook.

Why: starting a kernel and importing pandas, matplotlib and the package costs about two
seconds, which was most of each section notebook's run. Each worker thread keeps one kernel
for all the notebooks it takes and clears the kernel's namespace (`%reset -f`, figures
closed) between them, so a notebook still sees only what it defines itself; the imports stay
cached. Workers take notebooks from a shared queue, so the cores stay busy.

papermill still parameterises and executes each notebook (its engine is given the worker's
kernel manager); a failing cell stops the other workers from taking new notebooks and is
reported with the notebook's name, the cell and the error.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path

RESET = "%reset -f\nimport matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt"


class NotebookFailed(RuntimeError):
    """A notebook's cell raised: the message names the notebook, the cell and the error."""


def _clear_namespace(km) -> None:
    """Forget the previous notebook's variables and figures (modules stay imported)."""
    from jupyter_client import BlockingKernelClient

    kc = BlockingKernelClient()
    kc.load_connection_info(km.get_connection_info())
    kc.start_channels()
    try:
        reply = kc.execute_interactive(RESET, timeout=60, store_history=False)
        if reply["content"].get("status") != "ok":
            raise NotebookFailed(f"could not reset the kernel: {reply['content']}")
    finally:
        kc.stop_channels()


def _kernel_pid(km) -> int | None:
    provisioner = getattr(km, "provisioner", None)
    return getattr(provisioner, "pid", None)


def run_notebooks(
    jobs: list[tuple[Path, Path]],
    parameters: dict | Callable[[Path], dict],
    cwd: Path,
    workers: int,
    on_done: Callable[[str, float], None],
) -> None:
    """Execute each (source, target) notebook with `parameters` (or `parameters(source)`,
    when each notebook gets its own, e.g. its own figures folder); `on_done(name, seconds)`
    is called as each finishes. Raises NotebookFailed for a failed cell; on any exception
    (Ctrl-C included) no new notebook is started and every kernel is shut down."""
    if not jobs:
        return
    todo: queue.Queue[tuple[Path, Path]] = queue.Queue()
    for job in jobs:
        todo.put(job)
    stop = threading.Event()
    errors: list[BaseException] = []
    managers: list = []
    lock = threading.Lock()

    def worker() -> None:
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        km = AsyncKernelManager(kernel_name="python3")
        with lock:
            managers.append(km)
        try:
            while not stop.is_set():
                try:
                    source, target = todo.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                if km.has_kernel:
                    _clear_namespace(km)
                own = parameters(source) if callable(parameters) else parameters
                _execute(source, target, own, cwd, km)
                on_done(source.name, time.perf_counter() - started)
        except BaseException as exc:
            stop.set()
            with lock:
                errors.append(exc)
        finally:
            with contextlib.suppress(Exception):
                if km.has_kernel:
                    run_sync(km.shutdown_kernel)(now=True)

    threads = [
        threading.Thread(target=worker, name=f"notebooks-{i}", daemon=True)
        for i in range(max(1, min(workers, len(jobs))))
    ]
    for t in threads:
        t.start()
    try:
        while any(t.is_alive() for t in threads):
            for t in threads:
                t.join(timeout=0.2)  # short waits: Ctrl-C reaches the main thread at once
    except BaseException:
        stop.set()
        with lock:  # running notebooks are stopped, not waited for
            pids = [pid for pid in map(_kernel_pid, managers) if pid]
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        for t in threads:
            t.join(timeout=30)
        raise
    if errors:
        raise errors[0]


def _execute(source: Path, target: Path, parameters: dict, cwd: Path, km) -> None:
    import papermill as pm

    logging.getLogger("papermill").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            pm.execute_notebook(
                str(source),
                str(target),
                parameters=parameters,
                cwd=str(cwd),
                log_output=False,
                progress_bar=False,
                kernel_name="python3",
                km=km,
                request_save_on_cell_execute=False,  # written once, at the end or on error
            )
        except pm.PapermillExecutionError as exc:
            raise NotebookFailed(
                f"notebook {source.name} failed in cell {exc.cell_index}:\n{exc.source}\n"
                f"{exc.ename}: {exc.evalue}"
            ) from None
