"""From whatever the caller has to a ``str``: bytes decoding and type checks."""
from __future__ import annotations

import codecs
from typing import Union

from .errors import BinaryInputError, DecodingError, InputTypeError

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"GIF8", b"\xff\xd8\xff")


def to_text(data: Union[str, bytes, bytearray, memoryview]) -> str:
    """Return the text of ``data``.

    ``bytes`` are decoded as UTF-8 (with or without BOM), UTF-16 with BOM, or
    GB18030 (a superset of GBK and GB2312), in that order; anything else raises
    :class:`DecodingError`.  Binary files raise :class:`BinaryInputError`.
    """
    if isinstance(data, str):
        return data
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise InputTypeError(f"expected str or bytes, got {type(data).__name__}")
    if data.startswith(_BINARY_MAGIC):
        raise BinaryInputError("the input is a binary file (PDF, image, archive or Office file), not text")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):   # before UTF-16: FF FE 00 00
        return _decode(data, "utf-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if b"\x00" in data[:4096]:
        raise BinaryInputError("the input contains NUL bytes: not a text file (or UTF-16 without a BOM)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_at = e.start
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise DecodingError(
            f"bytes are neither UTF-8 (first bad byte at offset {utf8_at}) nor GB18030/GBK (first bad "
            f"byte at offset {e.start}); decode them yourself and pass a str") from None


def _decode(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise DecodingError(f"invalid {enc} at byte offset {e.start}") from None
