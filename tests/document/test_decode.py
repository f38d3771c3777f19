"""Decoding bytes: every encoding an article arrives in, and refusing binary files."""

from __future__ import annotations

import codecs

import pytest

from reader.document.decode import BinaryFileError, decode_bytes, decode_text

TEXT = "Zoë Łukasz said “ça va” – naïve café\nsecond line"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-native", "utf32le-bom"],
)
def test_unicode_encodings_round_trip(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT.encode("utf-16"), TEXT.encode("cp1252",
                                                                                                     "replace")],
    ids=["utf8", "utf8-bom", "utf16", "cp1252"])
def test_the_utf8_decode_text_gives_is_the_texts_own(data: bytes) -> None:
    """What it hands on as the text's UTF-8 (for clean_text) is exactly that, or None."""
    text, utf8 = decode_text(data)
    assert text == decode_bytes(data)
    assert utf8 is None or utf8 == text.encode("utf-8")
    assert (utf8 is not None) == (data == TEXT.encode("utf-8"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding: str) -> None:
    text = "The minister said the talks would resume on Monday.\n" * 5
    assert decode_bytes(text.encode(encoding)) == text


def test_latin1_is_decoded() -> None:
    text = "Le ministre a déclaré que la réunion était terminée. Très bien, a-t-il ajouté. " * 4
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_quotes_are_decoded() -> None:
    text = "He said \u201cwe will not negotiate\u201d and left \u2013 for good. " * 6
    assert decode_bytes(text.encode("cp1252")) == text


def test_binary_data_is_refused_with_the_name() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(BinaryFileError, match="picture.png"):
        decode_bytes(png, "picture.png")


def test_text_with_nul_bytes_is_refused() -> None:
    with pytest.raises(BinaryFileError, match="NUL"):
        decode_bytes(b"hello\x00world, this is not an article\x00\x01\x02")


def test_empty_input_decodes_to_empty_text() -> None:
    assert decode_bytes(b"") == ""
