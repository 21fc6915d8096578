"""The JSON Schema of ``Report.to_dict()`` / ``Report.to_json()``, derived from the model.

``govextract.json_schema()`` returns it as a dict (JSON Schema 2020-12, one ``$defs`` entry
per model class); ``docs/schema.json`` is the committed copy, kept equal by a test.
Regenerate it with ``python -m govextract.schema > docs/schema.json``.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal
from typing import Any, Union

from .model import Report

__all__ = ["json_schema"]

_DESCRIPTIONS = {
    "Decimal": "an exact decimal number written as a string (an amount of 1.64 billion is \"1640000000\")",
}


def _doc(cls: type) -> str:
    return " ".join((cls.__doc__ or cls.__name__).split())


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _type(args[0], defs) if len(args) == 1 else {"anyOf": [_type(a, defs) for a in args]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _type(typing.get_args(tp)[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(typing.get_args(tp)[1], defs)}
    if tp is Decimal:
        return {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?(E[+-]?[0-9]+)?$",
                "description": _DESCRIPTIONS["Decimal"]}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    return {}


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}        # placeholder: recursive classes (Section.children)
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    defs[cls.__name__] = {
        "type": "object",
        "description": _doc(cls),
        "properties": {f.name: _type(hints[f.name], defs) for f in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a report's JSON (``Report.to_dict()``)."""
    defs: dict[str, Any] = {}
    _define(Report, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "govextract Report",
        "$ref": "#/$defs/Report",
        "$defs": dict(sorted(defs.items())),
    }


def main() -> None:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
