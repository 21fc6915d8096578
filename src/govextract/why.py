"""Rule names: what ``Quantity.why``, ``Target.why`` and ``Actual.why`` record.

Every rule that decides something about a number (its relation, subject, kind, time, role,
or how a figure was split) has a stable snake_case name, declared once with :func:`rule`::

    SUBJECT_INHERITED = rule("subject_inherited_from_previous_clause")
    ...
    q.why.append(SUBJECT_INHERITED)

:data:`RULES` holds every declared name; docs/extractors.md lists each with an example
sentence, and a test checks that the two agree. A component of one's own may declare rules
too (they are documented by whoever declares them).
"""
from __future__ import annotations

import re
from typing import Protocol

__all__ = ["RULES", "rule", "because"]

RULES: dict[str, str] = {}     # rule name -> the module that declared it
_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def rule(name: str, module: str = "") -> str:
    """Declare a rule name (idempotent) and return it."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"a rule name is snake_case: {name!r}")
    RULES.setdefault(name, module)
    return name


class HasWhy(Protocol):
    why: list[str]


def because(obj: HasWhy, name: str) -> None:
    """Record that rule ``name`` decided something about ``obj``."""
    obj.why.append(name)
