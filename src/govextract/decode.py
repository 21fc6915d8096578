"""From whatever the caller has to a ``str``: bytes decoding and type checks."""
from __future__ import annotations

import codecs
import os
import pathlib
import unicodedata
from typing import Optional, Union

from .errors import BinaryInputError, DecodingError, InputTypeError

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"GIF8", b"\xff\xd8\xff")


def to_text(data: Union[str, bytes, bytearray, memoryview]) -> str:
    """Return the text of ``data``.

    ``bytes`` are decoded as UTF-8 (with or without BOM), UTF-32 or UTF-16 with BOM, UTF-16
    without BOM (told from the NUL bytes its ASCII characters hold), or GB18030 (a superset
    of GBK and GB2312); anything else raises :class:`DecodingError`.  Binary files raise
    :class:`BinaryInputError`. A ``pathlib.Path`` raises :class:`InputTypeError`: read files
    with ``govextract.extract_file(path)``.
    """
    if isinstance(data, str):
        return data
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if isinstance(data, os.PathLike):
        raise InputTypeError(f"expected str or bytes, got {type(data).__name__}: to read a file, use "
                             "govextract.extract_file(path)")
    if not isinstance(data, bytes):
        raise InputTypeError(f"expected str or bytes, got {type(data).__name__}")
    if data.startswith(_BINARY_MAGIC):
        raise BinaryInputError("the input is a binary file (PDF, image, archive or Office file), not text")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):   # before UTF-16: FF FE 00 00
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            pass             # FF FE 00 00 is also a UTF-16 BOM followed by U+0000
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if b"\x00" in data[:_SAMPLE]:
        enc = _utf16_without_bom(data)
        if enc is None:
            raise BinaryInputError("the input contains NUL bytes: not a text file (nor UTF-16 text)")
        return _decode(data, enc)
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


_SAMPLE = 4096          # bytes looked at to tell UTF-16 without a BOM from a binary file
_PLAUSIBLE = 0.9        # share of a sample's characters that must be text for UTF-16 to be accepted


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` reads as text in one of them, else None.

    NUL bytes come from the ASCII characters (digits, years) of UTF-16 text; a binary file has
    them too. Both byte orders are decoded on a sample; the one whose characters are almost
    all text wins. Read in the wrong order, an ASCII character becomes U+xx00 and an
    ideograph a Yi syllable, Hangul or an unassigned code point: neither counts as text.
    """
    if len(data) % 2:
        return None           # UTF-16 has two bytes a code unit
    sample = data[:_SAMPLE]
    best, best_score = None, _PLAUSIBLE * (len(sample) // 2)
    for enc in ("utf-16-le", "utf-16-be"):
        score = sum(map(_is_text_char, sample.decode(enc, errors="replace")))
        if score >= best_score and score > 0:
            best, best_score = enc, score + 1     # ties go to little-endian (Windows' UTF-16)
    return best


def _is_text_char(ch: str) -> bool:
    o = ord(ch)
    if o >= 0x100 and o & 0xFF == 0 or ch == "\ufffd":
        return False          # an ASCII character read in the wrong byte order, or a decoding error
    cat = unicodedata.category(ch)
    if cat[0] in "LNPSZ":
        return cat != "Lo" or _is_cjk(ch)        # other letters: CJK only (wrong byte order gives Yi, Hangul)
    return ch in "\n\r\t\x00"                   # a text may start with U+0000


# Code-point ranges of CJK text: unified ideographs, extension A, CJK punctuation and kana.
_CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x3000, 0x30FF))


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _CJK_RANGES)


def read_file(path: Union[str, "os.PathLike[str]"]) -> str:
    """The text of the file at ``path``: its bytes decoded as :func:`to_text` decodes bytes."""
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"expected a path (str or os.PathLike), got {type(path).__name__}")
    return to_text(pathlib.Path(path).read_bytes())


def _decode(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise DecodingError(f"invalid {enc} at byte offset {e.start}") from None
