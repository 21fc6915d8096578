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


class PathAsTextError(InputError):
    """``extract(text)`` was given a string that names an existing file: read it with ``extract_file(path)``."""


class ConfigurationError(GovextractError, ValueError):
    """A pipeline or vocabulary was given a bad setting; raised when it is set, naming the bad value."""


class ConfigurationTypeError(ConfigurationError, TypeError):
    """A setting of the wrong type (``Pipeline(max_chars="10")``, ``Pipeline(vocab=42)``)."""


class UnknownComponentError(ConfigurationError, KeyError):
    """A component name that is neither registered nor in the pipeline."""

    def __str__(self) -> str:          # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(ConfigurationError):
    """A component requires something (``Contract.requires``) that no component before it sets."""


class MultipleReportsWarning(UserWarning):
    """``extract()`` was given a text holding several reports; only the first was extracted."""
