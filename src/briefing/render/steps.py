"""One protocol for every build step: inputs, outputs, how to run, one rule for "dirty".

Why: the build used to keep three cache-key schemes and stamp files, each blind to a
different way a cache goes stale (a truncated facts.csv was reused silently). Here every
step, extraction, claims, section tables, each notebook, rendering, exports, is a `Step`:
the files and folders it reads, the ones it writes, the parameters that shape its output,
and a function that runs it. After a step runs, a record of what it read and wrote (size,
mtime, SHA-256 of every file) is kept; before it runs again, `why_dirty` compares:

* stat first: a file whose size and mtime match the record is taken as unchanged, so a
  no-op build reads no file's content;
* content hash only when the stats differ: a `touch`, a fresh clone or a copied folder
  costs one hash per file and reruns nothing whose bytes are the same;
* an output that is missing, truncated or edited since the step wrote it makes the step
  run again, so a damaged cache never reaches the report.

Records live in one folder (`<processed>/.steps/`), one JSON file per step.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# folder entries that are never a step's data: caches of Python, editors and the OS
_IGNORED_NAMES = frozenset({"__pycache__", ".DS_Store", ".ipynb_checkpoints", ".steps"})


@dataclass(frozen=True)
class Step:
    """One node of the build graph.

    `inputs` and `outputs` are files or folders (a folder stands for every file under it,
    so adding or removing a file counts). `params` are values that shape the outputs
    besides the files (the exchange rate, the title). `run` writes every output.
    """

    name: str
    inputs: tuple[Path, ...]
    outputs: tuple[Path, ...]
    run: Callable[[], None]
    params: Mapping[str, object] = field(default_factory=dict)
    kind: str = ""  # steps of one kind may be run together (notebooks share two kernels)


def _walk(path: Path) -> Iterable[Path]:
    if path.is_file():
        yield path
        return
    if not path.is_dir():
        return
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        if entry.name in _IGNORED_NAMES or entry.name.endswith((".pyc", ".tmp")):
            continue
        if entry.is_dir(follow_symlinks=True):
            yield from _walk(Path(entry.path))
        elif entry.is_file(follow_symlinks=True):
            yield Path(entry.path)


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (tables may be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def params_hash(params: Mapping[str, object]) -> str:
    """SHA-256 of parameters as sorted JSON (values that are not JSON go through str)."""
    data = json.dumps(dict(params), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def snapshot(paths: Iterable[Path], known: Mapping[str, list] | None = None) -> dict[str, list]:
    """{file: [size, mtime_ns, sha256]} for every file under `paths`; a file whose size and
    mtime equal its entry in `known` keeps that entry's hash without being read."""
    known = known or {}
    files: dict[str, list] = {}
    for root in paths:
        for path in _walk(Path(root)):
            st = path.stat()
            old = known.get(str(path))
            if old and old[0] == st.st_size and old[1] == st.st_mtime_ns:
                files[str(path)] = old
            else:
                files[str(path)] = [st.st_size, st.st_mtime_ns, sha256_file(path)]
    return files


def _same_content(now: dict[str, list], then: Mapping[str, list]) -> bool:
    return now.keys() == then.keys() and all(now[k][2] == then[k][2] for k in now)


@dataclass(frozen=True)
class StepStore:
    """Where the records of what each step read and wrote are kept (one JSON per step)."""

    folder: Path

    def _path(self, step: Step) -> Path:
        return self.folder / f"{step.name}.json"

    def load(self, step: Step) -> dict | None:
        try:
            return json.loads(self._path(step).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save(self, step: Step, record: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self._path(step).with_suffix(".json.tmp")
        tmp.write_text(json.dumps(record, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self._path(step))

    def forget(self, step: Step) -> None:
        self._path(step).unlink(missing_ok=True)

    def why_dirty(self, step: Step) -> str:
        """Why `step` must run ("" when its record still holds). Refreshes the record's
        stats when only they changed, so the next check reads no file again."""
        record = self.load(step)
        if record is None:
            return "never run"
        if record.get("params") != params_hash(step.params):
            return "parameters changed"
        outputs = snapshot(step.outputs, record.get("outputs"))
        if not _same_content(outputs, record.get("outputs", {})):
            return "an output is missing or was changed"
        inputs = snapshot(step.inputs, record.get("inputs"))
        if not _same_content(inputs, record.get("inputs", {})):
            return "inputs changed"
        if inputs != record.get("inputs") or outputs != record.get("outputs"):
            self.save(step, {**record, "inputs": inputs, "outputs": outputs})
        return ""

    def record(self, step: Step) -> None:
        """Note what `step` just read and wrote (called after it ran without error)."""
        self.save(
            step,
            {
                "params": params_hash(step.params),
                "inputs": snapshot(step.inputs),
                "outputs": snapshot(step.outputs),
            },
        )


def check_graph(steps: list[Step]) -> None:
    """Refuse a graph whose order runs a step before the step that writes its input."""
    written: dict[Path, str] = {}
    names: set[str] = set()
    for step in steps:
        if step.name in names:
            raise ValueError(f"two steps are named {step.name!r}")
        names.add(step.name)
        for out in step.outputs:
            written[out] = step.name
    seen: set[str] = set()
    for step in steps:
        for inp in step.inputs:
            producer = next(
                (name for out, name in written.items() if out == inp or out in inp.parents),
                None,
            )
            if producer and producer not in seen and producer != step.name:
                raise ValueError(f"step {step.name!r} reads {inp}, written later by {producer!r}")
        seen.add(step.name)


def run_graph(
    steps: list[Step],
    store: StepStore,
    say: Callable[[str], None],
    run_many: Mapping[str, Callable[[list[Step]], None]] | None = None,
) -> list[str]:
    """Run the dirty steps of `steps` in order; returns the names of those that ran.

    Consecutive steps of a `kind` found in `run_many` are checked together and their dirty
    ones handed to that runner at once (notebooks run on two kernels side by side). A step
    whose run raises gets no record, so it runs again next time.
    """
    check_graph(steps)
    ran: list[str] = []
    i = 0
    while i < len(steps):
        batch = [steps[i]]
        runner = (run_many or {}).get(steps[i].kind)
        if runner:
            while i + len(batch) < len(steps) and steps[i + len(batch)].kind == steps[i].kind:
                batch.append(steps[i + len(batch)])
        todo = []
        for step in batch:
            reason = store.why_dirty(step)
            if reason:
                store.forget(step)
                todo.append(step)
                say(f"{step.name}: runs ({reason})")
            else:
                say(f"{step.name}: unchanged, reused")
        if todo:
            started = time.perf_counter()
            if runner:
                runner(todo)
            else:
                todo[0].run()
            for step in todo:
                store.record(step)
                ran.append(step.name)
            names = todo[0].name if len(todo) == 1 else f"{len(todo)} {todo[0].kind} steps"
            say(f"{names}: done in {time.perf_counter() - started:.1f} s")
        i += len(batch)
    return ran
