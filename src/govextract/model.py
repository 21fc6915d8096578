"""The data model: plain dataclasses, JSON round-trip via dataclasses-json.

Every extracted object carries ``start``/``end``: character offsets into the
caller's original text (after bytes were decoded), so that
``text[obj.start:obj.end] == obj.evidence``.  Field names of the scored layers
follow ``shared/gold/SPEC.md``.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional, TypeVar

from dataclasses_json import DataClassJsonMixin, config

from . import _fromdict

__all__ = [
    "Span", "Meta", "Quantity", "Target", "Actual", "UnquantifiedTarget", "Project",
    "Responsibility", "Official", "Note", "Section", "Check", "Report",
]


def _dec_field(default: Optional[Decimal] = None) -> Any:
    """A Decimal stored as a string in JSON, so that 16.4亿 stays 1640000000 exactly."""
    return field(default=default, metadata=config(
        encoder=lambda d: None if d is None else str(d),
        decoder=lambda s: None if s is None else Decimal(str(s)),
    ))


_FIELDS: dict[type, tuple[str, ...]] = {}
_T = TypeVar("_T", bound="_Base")


def _encode(obj: Any) -> Any:
    t = type(obj)
    if t in (str, int, float, bool) or obj is None:
        return obj
    if t is list:
        return [_encode(x) for x in obj]
    if t is dict:
        return {k: _encode(v) for k, v in obj.items()}
    if t is Decimal:
        return str(obj)
    names = _FIELDS.get(t)
    if names is None:
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(obj))
    return {n: _encode(getattr(obj, n)) for n in names}


class _Base(DataClassJsonMixin):
    """JSON helpers shared by every model class."""

    def to_json(self, *, ensure_ascii: bool = False, indent: Optional[int] = None, **kw: Any) -> str:  # type: ignore[override]
        return json.dumps(self.to_dict(), ensure_ascii=ensure_ascii, indent=indent, **kw)

    def to_dict(self, encode_json: bool = True) -> dict[str, Any]:
        """Plain JSON-ready data (Decimal as str); the same as dataclasses-json's encoding,
        written out directly because it runs on every report of a corpus."""
        if not encode_json:
            return super().to_dict(encode_json=False)
        data: dict[str, Any] = _encode(self)
        return data

    @classmethod
    def from_dict(cls: type[_T], kvs: Any, *, infer_missing: bool = False) -> _T:
        """The object from ``to_dict()`` data (or parsed JSON): exact, nested classes and Decimals
        included. One decoder per class, derived from its fields once (``_fromdict``): loading a
        report costs less than extracting it. Missing keys take the field's default."""
        return _fromdict.load(cls, kvs)  # type: ignore[no-any-return]


@dataclass
class Span(_Base):
    """A stretch of the original text."""
    start: int
    end: int
    text: str


@dataclass
class Meta(_Base):
    region: Optional[str] = None
    level: Optional[str] = None          # national | province | city | county | district | None
    report_year: Optional[int] = None
    plan_year: Optional[int] = None
    speaker: Optional[str] = None
    speaker_title: Optional[str] = None
    session_date: Optional[str] = None   # ISO date of the congress session, when printed
    doc_type: str = "unknown"            # report | plan_excerpt | responsibility_notice | unknown
    title: Optional[str] = None
    evidence: dict[str, Span] = field(default_factory=dict)  # field name -> where it was read
    region_code: Optional[str] = None    # six-digit GB/T 2260 code valid in the report's year (region_codes.py)
    province: Optional[str] = None       # the province (省/自治区/直辖市) the region belongs to


@dataclass
class Quantity(_Base):
    """One numeric expression of the document with what it measures."""
    value: float
    unit: str                              # as written: "%", "个百分点", "亿元", "万吨" ...
    start: int
    end: int
    evidence: str                          # text[start:end]: the number, its unit and qualifier words
    value_high: Optional[float] = None     # high end of a range
    qualifier: str = "exact"               # exact | about | at_least | at_most | range
    unit_norm: Optional[str] = None        # "%", "pp", "CNY", "t", "count" ...
    amount: Optional[Decimal] = _dec_field()       # value scaled to unit_norm (Decimal-exact)
    amount_high: Optional[Decimal] = _dec_field()
    subject: Optional[str] = None          # the noun phrase measured, as written
    subject_start: Optional[int] = None
    subject_end: Optional[int] = None
    indicator: Optional[str] = None        # canonical id from the indicator vocabulary
    relation: Optional[str] = None         # the verb: 增长, 下降, 达到, 控制在 ...
    kind: Optional[str] = None             # growth | level | change_points
    direction: Optional[str] = None        # "down" for 下降/降低/减少, else None
    time: Optional[str] = None             # the time words: "2021年", "今年", "全年", "到2025年", "年均" ...
    year: Optional[int] = None
    role: str = "other"                    # target | outcome | multi_year_target | multi_year_outcome | other
    stretch: bool = False                  # introduced by 力争/争取/努力
    estimated: bool = False                # under 预计
    part: Optional[str] = None             # review | plan | other
    sentence_start: int = 0
    sentence_end: int = 0
    why: list[str] = field(default_factory=list)   # rules that decided it, in order (docs/extractors.md)


@dataclass
class _Figure(_Base):
    indicator: Optional[str]
    text: str
    kind: str
    value: float
    unit: str
    qualifier: str = "exact"
    value_high: Optional[float] = None
    direction: Optional[str] = None
    year: Optional[int] = None
    start: int = 0                         # offsets of the number evidence
    end: int = 0
    evidence: str = ""
    text_start: Optional[int] = None       # offsets of ``text`` (the subject as written)
    text_end: Optional[int] = None
    sentence_start: int = 0
    sentence_end: int = 0
    quantity: Optional[int] = None         # index into Report.quantities


@dataclass
class Target(_Figure):
    """A target the report sets for ``year``."""
    tier: Optional[int] = None             # 2 for second-tier/stretch targets, else None (= tier 1)
    headline: bool = True                  # part of the main expected targets list
    why: list[str] = field(default_factory=list)   # rules that decided it, in order (docs/extractors.md)


@dataclass
class Actual(_Figure):
    """A headline outcome of the previous year stated in the review part."""
    estimated: Optional[bool] = None       # True under 预计
    why: list[str] = field(default_factory=list)   # rules that decided it, in order (docs/extractors.md)


@dataclass
class UnquantifiedTarget(_Base):
    """An item of the headline list without a number (增速高于…, 基本同步), or a target explicitly not set."""
    text: str
    start: int
    end: int
    indicator: Optional[str] = None
    status: str = "qualitative"            # qualitative | not_set
    year: Optional[int] = None


@dataclass
class Project(_Base):
    """A named investment project with its own amount, or a batch of projects (kind == 'group')."""
    name: str
    amount: float
    unit: str
    start: int
    end: int
    evidence: str
    name_start: int = 0
    name_end: int = 0
    amount_yuan: Optional[Decimal] = _dec_field()
    kind: str = "project"                  # project | group
    count: Optional[int] = None            # number of projects in a group
    task_id: Optional[str] = None          # the numbered task it is written in, when any


@dataclass
class Responsibility(_Base):
    """One numbered task or target line with the people and units made responsible."""
    id: str
    leaders: list[str]
    lead_units: list[str]
    units: list[str]
    task: str = ""
    start: int = 0
    end: int = 0
    assignment_start: int = 0              # offsets of the bracketed 责任领导… block
    assignment_end: int = 0
    target: Optional[int] = None           # index into Report.targets when the line is a target


@dataclass
class Official(_Base):
    name: str
    role: Optional[str] = None
    task_ids: list[str] = field(default_factory=list)


@dataclass
class Note(_Base):
    """An inline footnote (``[[[]三类资金:是指…]]``) with the term it explains."""
    term: str
    text: str
    start: int
    end: int
    anchor_start: Optional[int] = None
    anchor_end: Optional[int] = None


@dataclass
class Section(_Base):
    number: str                            # as printed: "一", "(三)", "12"
    level: int                             # 1 for 一、, 2 for (一), 3 for 1., 4 for (1)
    title: str
    start: int                             # where the heading starts
    end: int                               # where the section ends (next heading of same or higher level)
    title_start: int = 0
    title_end: int = 0
    part: str = "other"                    # review | plan | other
    horizon: Optional[str] = None          # year | multi_year | None
    year: Optional[int] = None
    children: list[Section] = field(default_factory=list)


@dataclass
class Check(_Base):
    """A finding about what the library could not read, or may have read wrong.

    ``severity`` is ``error`` when something is surely missing or wrong (the report needs a
    person's review) and ``warning`` when something may be wrong. ``code`` is stable (see
    ``docs/checks.md``); ``start``/``end`` are offsets into the original text of what the
    check is about (both 0 when it is about the whole report).
    """
    code: str
    severity: str                          # error | warning
    message: str
    start: int = 0
    end: int = 0


@dataclass
class Report(_Base):
    meta: Meta = field(default_factory=Meta)
    targets: list[Target] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
    unquantified_targets: list[UnquantifiedTarget] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    project_groups: list[Project] = field(default_factory=list)   # 总投资…的38个…项目: batches, kind "group"
    responsibilities: list[Responsibility] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    start: int = 0                         # the report's extent in the text given to extract()
    end: int = 0

    def _repr_html_(self) -> str:
        """Jupyter's view: metadata, targets, outcomes and checks as tables, the source text
        (when kept) with every extraction highlighted; see :func:`govextract.render_html`."""
        from .html import report_fragment
        return report_fragment(self)

    def to_frame(self, layer: str = "targets") -> Any:
        """The objects of ``layer`` as a pandas DataFrame (needs ``govextract[pandas]``);
        see :mod:`govextract.frames` and ``docs/frames.md``."""
        from .frames import report_frame
        return report_frame(self, layer)

    @property
    def needs_review(self) -> bool:
        """True when any ``error`` check fired: a person should look at this report."""
        return any(c.severity == "error" for c in self.checks)
