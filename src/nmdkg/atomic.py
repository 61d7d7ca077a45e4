"""Writing files and folders so that a reader never sees half of one and a failure leaves the old one intact."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["atomic_write", "new_folder", "write_bytes", "write_text"]


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file beside ``path``; on success move it over ``path`` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": "\n"})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_write(path) as handle:
        handle.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_write(path, "wb") as handle:
        handle.write(data)


def _swap(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; the old ``target`` survives if the move fails."""
    if not target.exists():
        new.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def new_folder(target: Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``target``; when the body succeeds, it replaces ``target``.

    If the body raises, the temporary folder is removed and ``target`` is left as it was. The swap is
    two renames on the same file system, so ``target`` is missing for an instant at most; it is never
    half written. Callers check first that ``target`` is theirs to replace.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield work
        _swap(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
