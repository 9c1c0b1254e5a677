"""Folder exports written beside their target and swapped in only when complete.

A folder format (brat) writes into a hidden sibling ``.<name>.<pid>.<random>.part``; on
success the old folder is moved aside (``.<name>.<pid>.<random>.old``), the new one takes its
name, and of the old folder's entries those the writer says are its own (an earlier export's
files) are deleted while everything else (hidden files, the user's notes) is moved into the new
folder. So an interrupted
export never leaves a half folder under the real name, and a re-export deletes nothing of the
earlier one until the new one is whole. A process killed outright leaves its hidden siblings;
the next export into the same folder clears a ``.part`` and completes an ``.old`` (moving it
back when the swap was cut between its two renames) once the process that wrote it is gone.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import ExportError
from annotator.formats.selection import _UMASK, _alive, part_prefix

#: The names, in a finished or earlier export folder, that the export itself wrote.
Owned = Callable[[Path], set[str]]


@contextmanager
def staged_folder(folder: Path, owned: Owned) -> Iterator[Path]:
    """Yield a new hidden sibling of ``folder`` to write into; swap it in when the block ends.

    Call :func:`recover_stale` first, before looking at what ``folder`` holds.
    """
    folder = Path(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=part_prefix(folder), suffix=".part", dir=folder.parent)
        )
    except OSError as exc:
        raise ExportError(f"cannot write {folder}: {exc.strerror or exc}") from None
    try:
        yield staging
        _swap_in(staging, folder, owned)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"cannot write {folder}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, folder: Path, owned: Owned) -> None:
    mode = stat.S_IMODE(folder.stat().st_mode) if folder.is_dir() else 0o777 & ~_UMASK
    os.chmod(staging, mode)
    if not folder.exists():
        os.rename(staging, folder)
        return
    old = staging.with_name(staging.name.removesuffix(".part") + ".old")
    os.rename(folder, old)
    os.rename(staging, folder)
    _merge_old(old, folder, owned)


def _merge_old(old: Path, folder: Path, owned: Owned) -> None:
    """Delete the earlier export's own files in ``old``, move the rest into ``folder``.

    Owned names are paths relative to the folder (``politics/hussain.ann``): a sub-folder both
    exports have is merged the same way, one level at a time."""
    _merge_level(old, folder, owned(old), "")
    try:
        old.rmdir()
    except OSError:
        pass  # a folder of the user's with the name of a new one: kept aside, never deleted


def _merge_level(old: Path, folder: Path, ours: set[str], prefix: str) -> None:
    for entry in list(old.iterdir()):
        name = prefix + entry.name
        target = folder / entry.name
        if name in ours and not entry.is_dir():
            entry.unlink()
        elif not os.path.lexists(target):
            os.rename(entry, target)
        elif entry.is_dir() and not entry.is_symlink() and target.is_dir():
            _merge_level(entry, target, ours, name + "/")
            try:
                entry.rmdir()
            except OSError:
                pass  # holds something of the user's that the new export also names
        elif not entry.is_dir():
            entry.unlink()  # a file of the user's with the name of a new export file: replaced


def recover_stale(folder: Path, owned: Owned) -> None:
    """Clean what a killed export into ``folder`` left beside it (see the module docstring)."""
    prefix = f".{folder.name}."
    try:
        siblings = sorted(folder.parent.iterdir()) if folder.parent.is_dir() else []
    except OSError as exc:
        raise ExportError(f"cannot read {folder.parent}: {exc.strerror}") from None
    for entry in siblings:
        if not entry.name.startswith(prefix) or not entry.is_dir() or entry.is_symlink():
            continue
        pid = entry.name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue  # an export still being written (another process)
        if entry.name.endswith(".part"):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.endswith(".old"):
            try:
                if not folder.exists():
                    os.rename(entry, folder)  # killed between the two renames: the old is back
                else:
                    _merge_old(entry, folder, owned)
            except OSError as exc:
                raise ExportError(f"cannot tidy {entry}: {exc.strerror or exc}") from None
