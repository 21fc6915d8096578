"""What each language-data file may hold, and the checks a file must pass.

The schema of every file in ``data/`` is declared here, as dateparser declares the schema of
its language files: a key is a list of words (``WORDS``), a mapping from a word to one of a
closed set of values (``Map``), or a free-form table checked by a function of its own. A
file may not hold a key its schema does not declare, a list may not hold an empty or a
repeated entry, and the word lists that contradict each other (``DISJOINT``) may not share a
word: a word that reads as growth *and* as decline would make a rule's outcome depend on
which list the code happens to read first.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Optional, Union

import regex


class LanguageDataError(ValueError):
    """A language-data file does not fit its schema."""


@dataclass(frozen=True)
class Words:
    """A list of distinct, non-empty words (or phrase shapes, when ``pattern`` is true)."""
    pattern: bool = False        # entries are regular-expression fragments: they must compile
    optional: bool = False


@dataclass(frozen=True)
class Map:
    """A mapping from a word to one of ``values`` (any string when ``values`` is empty)."""
    values: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Table:
    """Free-form data checked by ``check`` (raises LanguageDataError)."""
    check: Callable[[str, Any], None]
    optional: bool = False


Spec = Union[Words, Map, Table]
WORDS = Words()
OPTIONAL_WORDS = Words(optional=True)
PATTERNS = Words(pattern=True)

_QUALIFIER_VALUES = ("about", "at_least", "at_most")


def _decimal_strings(where: str, value: Any) -> None:
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty mapping")
    for k, v in value.items():
        try:
            Decimal(str(v))
        except InvalidOperation:
            raise LanguageDataError(f"{where}: {k!r} has no decimal factor ({v!r})") from None


def _units(where: str, value: Any) -> None:
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty mapping")
    for k, v in value.items():
        if not k or not isinstance(v, dict) or set(v) != {"norm", "factor"} or not v["norm"]:
            raise LanguageDataError(f"{where}: unit {k!r} needs exactly 'norm' and 'factor'")
        _decimal_strings(f"{where}.{k}", {"factor": v["factor"]})


def _string_map(where: str, value: Any) -> None:
    if not isinstance(value, dict) or any(not k or not isinstance(v, str) or not v for k, v in value.items()):
        raise LanguageDataError(f"{where}: expected a mapping of non-empty strings")


def _text(where: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise LanguageDataError(f"{where}: expected a non-empty text")


def _indicators(where: str, value: Any) -> None:
    """Indicator entries: unique ids, a name, aliases that name one indicator only."""
    if not isinstance(value, list) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty list of indicators")
    allowed = {"id", "zh", "en", "aliases", "headline", "growth_aliases", "split", "about"}
    owner: dict[str, str] = {}
    for i, ind in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(ind, dict) or not ind.get("id") or not ind.get("zh"):
            raise LanguageDataError(f"{at}: an indicator needs an 'id' and a 'zh' name")
        unknown = set(ind) - allowed
        if unknown:
            raise LanguageDataError(f"{at} ({ind['id']}): unknown keys {sorted(unknown)}")
        names = [ind["zh"], *ind.get("aliases", []), *ind.get("growth_aliases", [])]
        for name in names:
            if not isinstance(name, str) or not name.strip():
                raise LanguageDataError(f"{at} ({ind['id']}): empty name")
            prev = owner.setdefault(name, ind["id"])
            if prev != ind["id"]:
                raise LanguageDataError(f"{where}: {name!r} names both {prev!r} and {ind['id']!r}")


# The ``about`` text every file opens with says what the concept is and which rules read it.
ABOUT = Table(_text)

SCHEMAS: dict[str, dict[str, Spec]] = {
    "subjects.json": {
        "about": ABOUT, "scope_prefixes": WORDS, "time_words": WORDS, "trailing_noise": WORDS,
        "post_subject_stops": WORDS, "adverbs": WORDS, "prepositions": WORDS, "verb_object_nouns": WORDS,
        "clause_lead_words": WORDS, "light_verbs": WORDS, "noun_makers": WORDS, "generic_totals": WORDS,
        "attributive_particles": WORDS, "bare_prepositions": WORDS, "ratio_suffixes": WORDS,
        "growth_rate_suffixes": WORDS, "text_stripped_suffixes": WORDS, "threshold_words": WORDS,
        "generic_heads": WORDS,
    },
    "relations.json": {
        "about": ABOUT, "growth_up": WORDS, "growth_down": WORDS, "level": WORDS, "fillers": WORDS,
        "rate_of_change_suffixes": WORDS, "copulas": WORDS, "level_endings": WORDS, "change_starts": WORDS,
    },
    "verbs.json": {"about": ABOUT, "transitive": WORDS},
    "horizons.json": {
        "about": ABOUT, "multi_year_markers": WORDS, "estimate_markers": WORDS, "five_year_openers": WORDS,
        "plan_period_suffixes": WORDS, "since_words": WORDS, "year_block_openers": WORDS, "year_openers": WORDS,
        "dated_remark_followers": WORDS, "time_words": WORDS, "by_year_prefixes": WORDS,
        "review_year_openers": WORDS, "review_year_time_words": WORDS, "decade_words": WORDS,
        "cumulative_markers": WORDS,
    },
    "comparisons.json": {
        "about": ABOUT, "markers": WORDS, "words_ending_in_a_marker": WORDS, "words_starting_with_a_marker": WORDS, "references": WORDS, "change_heads": WORDS,
        "standalone": WORDS, "share_copulas": WORDS, "locatives": WORDS, "year_not_after": WORDS,
        "year_not_before": WORDS,
    },
    "clauses.json": {
        "about": ABOUT, "list_joiners": WORDS, "qualifier_list_joiners": WORDS, "list_split_words": WORDS,
        "respectively": WORDS, "each": WORDS, "verb_joiners": WORDS, "address": WORDS, "enumeration_comma": WORDS,
    },
    "qualifiers.json": {
        "about": ABOUT, "after": Map(_QUALIFIER_VALUES), "inner": Map(_QUALIFIER_VALUES),
        "before": Map(_QUALIFIER_VALUES), "stretch": WORDS, "negations": WORDS, "verb_bounds": WORDS,
        "not_after": WORDS, "range_separators": WORDS,
    },
    "units.json": {
        "about": ABOUT, "magnitudes": Table(_decimal_strings), "units": Table(_units), "percent_prefixes": WORDS,
        "chinese_numeral_units": WORDS, "ordinal_prefixes": WORDS, "duration_prefixes": WORDS,
    },
    "debris.json": {"about": ABOUT, "line_keywords": WORDS, "footer_keywords": WORDS},
    "projects.json": {
        "about": ABOUT, "investment_verbs": WORDS, "construction_verbs": WORDS, "project_heads": WORDS,
        "not_names": WORDS, "not_investment_before": WORDS, "generic_heads": WORDS,
    },
    "responsibility.json": {"about": ABOUT, "labels": Table(lambda w, v: _labels(w, v))},
    "regions.json": {
        "about": ABOUT, "ambiguous": WORDS, "ambiguous_note": ABOUT, "provinces": WORDS, "municipalities": WORDS,
        "prefecture_level_cities": WORDS, "prefecture_level_other": WORDS, "county_level_cities": WORDS,
        "parents": Table(_string_map),
    },
}

# Files that are one table rather than a mapping of keys.
WHOLE_FILE_TABLES: dict[str, Callable[[str, Any], None]] = {"indicators.json": _indicators}

# Word lists that contradict each other: no word may stand in both.
DISJOINT: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (("relations.json", "growth_up"), ("relations.json", "growth_down")),
    (("relations.json", "growth_up"), ("relations.json", "level")),
    (("relations.json", "growth_down"), ("relations.json", "level")),
    (("relations.json", "copulas"), ("relations.json", "growth_up")),
    (("relations.json", "copulas"), ("relations.json", "growth_down")),
    (("qualifiers.json", "before"), ("qualifiers.json", "after")),
    (("horizons.json", "multi_year_markers"), ("horizons.json", "review_year_time_words")),
    (("horizons.json", "five_year_openers"), ("horizons.json", "year_openers")),
    (("horizons.json", "five_year_openers"), ("horizons.json", "year_block_openers")),
    (("regions.json", "provinces"), ("regions.json", "prefecture_level_cities")),
    (("regions.json", "prefecture_level_cities"), ("regions.json", "county_level_cities")),
]


def _labels(where: str, value: Any) -> None:
    if not isinstance(value, dict) or set(value) != {"leaders", "lead_units", "units"}:
        raise LanguageDataError(f"{where}: expected the fields leaders, lead_units, units")
    seen: dict[str, str] = {}
    for field_name, words in value.items():
        check_words(f"{where}.{field_name}", words, WORDS)
        for w in words:
            if seen.setdefault(w, field_name) != field_name:
                raise LanguageDataError(f"{where}: {w!r} labels both {seen[w]} and {field_name}")


def check_words(where: str, value: Any, spec: Words) -> None:
    if not isinstance(value, list) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty list of words")
    seen: set[str] = set()
    for w in value:
        if not isinstance(w, str) or not w.strip() or w != w.strip():
            raise LanguageDataError(f"{where}: empty or padded entry {w!r}")
        if w in seen:
            raise LanguageDataError(f"{where}: {w!r} is listed twice")
        seen.add(w)
        if spec.pattern:
            try:
                regex.compile(w)
            except regex.error as e:
                raise LanguageDataError(f"{where}: shape {w!r} does not compile ({e})") from None


def check_map(where: str, value: Any, spec: Map) -> None:
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty mapping")
    for k, v in value.items():
        if not k or k != k.strip():
            raise LanguageDataError(f"{where}: empty or padded word {k!r}")
        if spec.values and v not in spec.values:
            raise LanguageDataError(f"{where}: {k!r} maps to {v!r}, not one of {spec.values}")


def check_file(name: str, data: Any) -> None:
    """Raise LanguageDataError when ``data`` (the parsed file ``name``) does not fit its schema."""
    if name in WHOLE_FILE_TABLES:
        WHOLE_FILE_TABLES[name](name, data)
        return
    schema: Optional[dict[str, Spec]] = SCHEMAS.get(name)
    if schema is None:
        raise LanguageDataError(f"{name}: no schema is declared for this file (govextract/lang/schema.py)")
    if not isinstance(data, dict):
        raise LanguageDataError(f"{name}: expected a mapping of keys")
    unknown = set(data) - set(schema)
    if unknown:
        raise LanguageDataError(f"{name}: unknown keys {sorted(unknown)}")
    for key, spec in schema.items():
        where = f"{name}.{key}"
        if key not in data:
            if not spec.optional:
                raise LanguageDataError(f"{where}: missing")
            continue
        if isinstance(spec, Words):
            check_words(where, data[key], spec)
        elif isinstance(spec, Map):
            check_map(where, data[key], spec)
        else:
            spec.check(where, data[key])


def check_disjoint(files: dict[str, Any]) -> None:
    for (fa, ka), (fb, kb) in DISJOINT:
        a, b = files.get(fa, {}).get(ka, []), files.get(fb, {}).get(kb, [])
        both = sorted(set(a) & set(b))
        if both:
            raise LanguageDataError(f"{fa}.{ka} and {fb}.{kb} contradict each other and share {both}")
