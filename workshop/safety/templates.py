"""PowerPoint template checks, run before python-pptx opens the file.

A template comes from a designer's machine or an e-mail: it may be no zip at
all, a truncated one, a zip bomb, a macro-enabled deck, or XML that declares
entities, points at external files or does not hang together
(``workshop.safety.package``). Each is refused with the reason.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from workshop.errors import Location, WorkshopError
from workshop.safety.package import check_package

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 5_000


def check_template_bytes(data: bytes, name: str) -> None:
    """Raise a WorkshopError naming the problem, or return when the template is safe to open.

    A build reads the same template in several stages; bytes that passed once
    (by their SHA-256) are not checked again in this process.
    """
    digest = hashlib.sha256(data).digest()
    if digest in _PASSED:
        return
    _check(data, name)
    if len(_PASSED) >= 32:
        _PASSED.clear()
    _PASSED.add(digest)


_PASSED: set[bytes] = set()


def _check(data: bytes, name: str) -> None:
    where = Location(name)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise WorkshopError(f"the template is larger than {MAX_TEMPLATE_BYTES // 1024 // 1024} MB", where)
    if not data.startswith(b"PK\x03\x04"):
        raise WorkshopError(
            "the template is not a PowerPoint file (.pptx is a zip archive; this is not one)", where,
            hint="save it from PowerPoint as 'PowerPoint Template' or 'PowerPoint Presentation' (.pptx/.potx)",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkshopError(f"the template is a damaged zip archive ({exc})", where,
                            hint="open and save it again in PowerPoint") from None
    if len(members) > MAX_MEMBERS:
        raise WorkshopError(f"the template holds {len(members)} files; the limit is {MAX_MEMBERS}", where)
    total = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    if total > MAX_UNPACKED or total / packed > MAX_RATIO:
        raise WorkshopError(
            f"the template unpacks to {total / 1024 / 1024:.0f} MB from {packed / 1024 / 1024:.1f} MB; "
            "that looks like a zip bomb", where,
        )
    names = [m.filename for m in members]
    if "[Content_Types].xml" not in names:
        raise WorkshopError("the template has no [Content_Types].xml; it is not an Office file", where)
    content_types = _read(archive, "[Content_Types].xml", name)
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise WorkshopError(
            "the template contains macros (.pptm/.potm); macros are never used", where,
            hint="save it as a .pptx or .potx without macros",
        )
    for member in members:  # every member once, so a damaged one (bad CRC) is found here, not by a renderer
        if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            _read(archive, member.filename, name)
    check_package(lambda member: _read(archive, member, name), names, name)


def _read(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise WorkshopError(f"the template is damaged: cannot read '{member}' ({exc})", Location(name)) from None


def read_template(path: Path) -> bytes:
    """Read and check a template file; returns the bytes to hand to python-pptx."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    check_template_bytes(data, str(path))
    return data
