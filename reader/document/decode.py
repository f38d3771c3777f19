"""Turn a file's bytes into text without guessing wrong silently.

Order: byte-order marks (UTF-8, UTF-16, UTF-32), strict UTF-8, UTF-16 without a BOM (told by
its pattern of NUL bytes), then charset-normalizer for legacy encodings. Anything with NUL
bytes left over, or that no encoding explains, is refused as binary.
"""

from __future__ import annotations

import codecs

from reader.errors import ReaderError

MAX_BYTES = 64 * 1024 * 1024
"""Largest article accepted (64 MiB, about 20 times War and Peace); larger files are refused."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFileError(ReaderError):
    """The bytes are not text in any encoding we can tell."""


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by NULs in every other byte of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    for encoding, nuls, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nuls >= 0.6 * half and other <= 0.05 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode ``data`` to ``str``; raise :class:`BinaryFileError` naming ``name`` when it is not text."""
    return decode_text(data, name)[0]


def decode_text(data: bytes, name: str = "input") -> tuple[str, bytes | None]:
    """:func:`decode_bytes`'s text, with its UTF-8 when that is ``data`` itself (strict UTF-8 without
    a byte-order mark, most files), for a caller that would otherwise encode the text again
    (see :func:`reader.sanitize.clean_text`); else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise BinaryFileError(f"{name}: not valid {encoding.upper()} despite its byte-order mark") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if b"\x00" in data:  # (the same test as on the text, for valid UTF-8: a byte search is faster)
            utf16 = _utf16_without_bom(data)
            if utf16 is not None:
                return utf16, None
            raise BinaryFileError(f"{name}: looks like a binary file (it contains NUL bytes), not an article")
        return text, data
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16, None
        raise BinaryFileError(f"{name}: looks like a binary file (it contains NUL bytes), not an article")
    from charset_normalizer import from_bytes  # imported late: it is only needed for legacy encodings

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise BinaryFileError(f"{name}: could not tell its text encoding; is it a binary file?")
    try:
        return data.decode(best.encoding), None
    except (UnicodeDecodeError, LookupError):
        return data.decode(best.encoding, errors="replace"), None
