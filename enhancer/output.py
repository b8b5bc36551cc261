"""Writing the workbook whole or not at all.

The workbook is written to a temporary file beside the output and renamed
into place once complete, so a failure or Ctrl-C leaves no half-written file
and an existing output stays as it was.
"""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from enhancer import errors


def check_output(output: Path, inputs: list, force: bool) -> None:
    """Refuse an output that is an input, exists without --force, or has
    no folder to go in."""
    for path in inputs:
        if path.exists() and output.exists() and output.samefile(path):
            raise errors.OutputIsInput(path=output.name)
        if output.resolve() == path.resolve():
            raise errors.OutputIsInput(path=output.name)
    if output.is_dir():
        raise errors.OutputIsFolder(path=str(output))
    if output.exists() and not force:
        raise errors.OutputExists(path=str(output))
    if not output.parent.is_dir():
        raise errors.OutputFolderMissing(path=str(output.parent))


@contextmanager
def atomic_output(output: Path):
    """A temporary path to write to, renamed to ``output`` on success."""
    try:
        handle, name = tempfile.mkstemp(
            prefix=".~" + output.stem + "-", suffix=".xlsx", dir=output.parent
        )
    except OSError as error:
        raise errors.OutputNotWritable(
            path=str(output.parent), reason=error.strerror
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp's private mode would lock colleagues out of a shared folder.
        os.chmod(temporary, 0o666 & ~_umask())
        _replace(temporary, output)
    finally:
        temporary.unlink(missing_ok=True)


def _replace(temporary: Path, output: Path) -> None:
    try:
        os.replace(temporary, output)
    except PermissionError:
        raise errors.OutputInUse(path=str(output)) from None
    except OSError as error:
        raise errors.OutputNotWritable(
            path=str(output.parent), reason=error.strerror
        ) from None


def _umask() -> int:
    # The umask can only be read by setting it; set it straight back.
    mask = os.umask(0)
    os.umask(mask)
    return mask
