"""Typed errors and warnings: everything govextract raises on purpose derives from GovextractError."""
from __future__ import annotations


class GovextractError(Exception):
    """Base class of the library's own errors."""


class InputError(GovextractError, ValueError):
    """The input cannot be read as the text of a document."""


class InputTypeError(InputError, TypeError):
    """The input is neither ``str`` nor ``bytes``."""


class DecodingError(InputError):
    """Bytes that are not UTF-8, UTF-16 with BOM, or GB18030/GBK text."""


class BinaryInputError(InputError):
    """The input looks like a binary file (PDF, image, archive), not text."""


class InputTooLargeError(InputError):
    """The input is larger than the pipeline's ``max_chars``."""


class MultipleReportsWarning(UserWarning):
    """``extract()`` was given a text holding several reports; only the first was extracted."""
