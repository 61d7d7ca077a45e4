"""Replacing a release folder at once (:func:`nmdkg.atomic.new_folder`), only if it holds nothing but release files."""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..atomic import new_folder
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


@contextmanager
def replace_folder(target: Path, /, *, allowed: Collection[str]) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``target``; on success it replaces ``target``, readable by all.

    :param allowed: the file names ``target`` may already hold; anything else means ``target`` is
        not a previous release, and replacing it would delete someone's files.
    :raises InputError: if ``target`` is a file, or a folder holding files not in ``allowed``.
    """
    target = target.resolve()
    _check_replaceable(target, allowed)
    with new_folder(target) as work:
        yield work
        os.chmod(work, 0o755)  # noqa: S103 - a release is meant to be read by everyone
        for path in work.iterdir():
            os.chmod(path, 0o644)
