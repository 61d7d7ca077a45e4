"""Replacing a whole folder at once: write a new one beside it, then swap, so no reader sees half a release."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError

__all__ = ["replace_folder"]

logger = logging.getLogger(__name__)


def _check_replaceable(target: Path, allowed: Collection[str]) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise InputError(f"{target} exists and is not a folder; choose another --output")
    strangers = sorted(p.name for p in target.iterdir() if p.name not in allowed)
    if strangers:
        shown = ", ".join(strangers[:5]) + (" …" if len(strangers) > 5 else "")
        raise InputError(
            f"{target} holds files that are not release files ({shown}); "
            "it would be replaced as a whole, so choose an empty or new --output folder, or remove them"
        )


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
def replace_folder(target: Path, /, *, allowed: Collection[str]) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``target``; on success it replaces ``target``.

    If the body raises, the temporary folder is removed and ``target`` is left as it was. The
    swap is two renames on the same file system, so ``target`` is missing for an instant at
    most; it is never half written.

    :param allowed: the file names ``target`` may already hold; anything else means ``target`` is
        not a previous release, and replacing it would delete someone's files.
    :raises InputError: if ``target`` is a file, or a folder holding files not in ``allowed``.
    """
    target = target.resolve()
    _check_replaceable(target, allowed)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield work
        os.chmod(work, 0o755)  # noqa: S103 - a release is meant to be read by everyone
        for path in work.iterdir():
            os.chmod(path, 0o644)
        _swap(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
