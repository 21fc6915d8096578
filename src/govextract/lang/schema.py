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
# Meta.level values (model.Meta.level); the data that maps names and titles to levels uses these.
LEVELS = ("national", "province", "city", "county", "district")


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


def _code_units(where: str, value: Any) -> None:
    """[code, name, first year, last year] rows of the administrative-division code list."""
    if not isinstance(value, list) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty list of units")
    for row in value:
        if not (isinstance(row, list) and len(row) == 4 and isinstance(row[0], str) and len(row[0]) == 6
                and row[0].isdigit() and isinstance(row[1], str) and row[1] and isinstance(row[2], int)
                and isinstance(row[3], int) and row[2] <= row[3]):
            raise LanguageDataError(f"{where}: bad unit row {row!r}")


def _bounds(where: str, value: Any) -> None:
    """{key: [low, high]} with numbers and low <= high."""
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty mapping of bounds")
    for k, v in value.items():
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v) and v[0] <= v[1]):
            raise LanguageDataError(f"{where}: {k!r} needs [low, high], not {v!r}")


def _year_pair(where: str, value: Any) -> None:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(y, int) for y in value)):
        raise LanguageDataError(f"{where}: expected [first year, last year]")


# The ``about`` text every file opens with says what the concept is and which rules read it.
ABOUT = Table(_text)

SCHEMAS: dict[str, dict[str, Spec]] = {
    "subjects.json": {
        "about": ABOUT, "scope_prefixes": WORDS, "time_words": WORDS, "trailing_noise": WORDS,
        "post_subject_stops": WORDS, "adverbs": WORDS, "prepositions": WORDS, "verb_object_nouns": WORDS,
        "clause_lead_words": WORDS, "light_verbs": WORDS, "noun_makers": WORDS, "generic_totals": WORDS,
        "attributive_particles": WORDS, "bare_prepositions": WORDS, "ratio_suffixes": WORDS,
        "growth_rate_suffixes": WORDS, "text_stripped_suffixes": WORDS, "threshold_words": WORDS,
        "generic_heads": WORDS, "note_parentheticals": WORDS,
    },
    "relations.json": {
        "about": ABOUT, "growth_up": WORDS, "growth_down": WORDS, "level": WORDS, "fillers": WORDS,
        "rate_of_change_suffixes": WORDS, "copulas": WORDS, "level_endings": WORDS, "change_starts": WORDS,
        # the indicator matcher's words (docs/vocabularies.md, "How a subject is matched"):
        # 增长率 ends a rate of change (规上工业增加值增长率) and an indicator's own name
        # (人口自然增长率): stripped for matching only, never read as "names a rate" for kind
        "ambiguous_rate_suffixes": WORDS,
        # endings and joining words of a ratio written out (X占Y比重, X与Y之比, X相当于Y的比例)
        "ratio_suffixes": WORDS, "ratio_connectors": WORDS,
        # the words that end a sector name (服务业, 工业): a word before a name that opens with a
        # sector name makes a sub-sector (租赁和商务服务业增加值 is not 服务业增加值)
        "sector_suffixes": WORDS,
    },
    "verbs.json": {"about": ABOUT, "transitive": WORDS},
    "horizons.json": {
        "about": ABOUT, "multi_year_markers": WORDS, "estimate_markers": WORDS, "five_year_openers": WORDS,
        "plan_period_suffixes": WORDS, "since_words": WORDS, "year_block_openers": WORDS, "year_openers": WORDS,
        "dated_remark_followers": WORDS, "time_words": WORDS, "by_year_prefixes": WORDS,
        "review_year_openers": WORDS, "review_year_time_words": WORDS, "decade_words": WORDS,
        "cumulative_markers": WORDS, "before_year_suffixes": WORDS, "year_copulas": WORDS,
        "previous_year_words": WORDS, "this_year_words": WORDS,
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
    "parts.json": {
        "about": ABOUT, "review": WORDS, "plan": WORDS, "multi_year": WORDS, "one_year": WORDS, "title_end": WORDS,
        "report_title": WORDS, "part_nouns": WORDS, "attachment_words": WORDS, "title_joiners": WORDS,
    },
    "target_lists.json": {
        "about": ABOUT, "lead_required_modifiers": WORDS, "lead_optional_modifiers": WORDS, "lead_heads": WORDS,
        "lead_standalone_nouns": WORDS, "lead_verbs": WORDS, "lead_copulas": WORDS, "binding_nouns": WORDS,
        "second_tier": WORDS, "recap_markers": WORDS, "recall_markers": WORDS, "quoted_plan_markers": WORDS,
        "not_set_shapes": PATTERNS, "item_subject_heads": WORDS,
        "five_year_item_markers": WORDS, "lead_noun_joiners": WORDS, "lead_item_ids": WORDS,
        "item_number_suffixes": WORDS, "figure_prefixes": WORDS, "qualitative_subject_ends": WORDS,
    },
    "summing_up.json": {
        "about": ABOUT, "turn_words": WORDS, "measure_openers": WORDS, "bullets": WORDS, "sub_item_markers": WORDS,
        "whole_year_openers": WORDS, "five_year_openers": WORDS, "sub_item_headline_ids": WORDS,
        "year_stretch_openers": WORDS, "addresses": WORDS, "stretch_opener_prefixes": WORDS,
        "comparative_words": WORDS, "sub_region_suffixes": WORDS,
    },
    "plausibility.json": {"about": ABOUT, "by_unit_kind": Table(_bounds), "by_indicator": Table(_bounds)},
    "qualifiers.json": {
        "about": ABOUT, "after": Map(_QUALIFIER_VALUES), "inner": Map(_QUALIFIER_VALUES),
        "before": Map(_QUALIFIER_VALUES), "stretch": WORDS, "negations": WORDS, "verb_bounds": WORDS,
        "not_after": WORDS, "range_separators": WORDS,
    },
    "units.json": {
        "about": ABOUT, "magnitudes": Table(_decimal_strings), "units": Table(_units), "percent_prefixes": WORDS,
        "chinese_numeral_units": WORDS, "ordinal_prefixes": WORDS, "duration_prefixes": WORDS,
    },
    "debris.json": {
        "about": ABOUT, "line_keywords": WORDS, "footer_keywords": WORDS, "page_header_labels": WORDS,
        "page_nouns": WORDS, "page_total_words": WORDS, "keep_words": WORDS,
    },
    "scripts.json": {"about": ABOUT, "traditional_markers": WORDS},
    "projects.json": {
        "about": ABOUT, "investment_verbs": WORDS, "amount_links": WORDS, "construction_verbs": WORDS,
        "project_heads": WORDS, "strong_heads": WORDS, "not_names": WORDS, "not_project_ends": WORDS,
        "bad_name_starts": WORDS, "not_investment_before": WORDS, "level_verbs": WORDS, "generic_heads": WORDS,
        "class_words": WORDS, "set_words": WORDS, "threshold_after": WORDS, "threshold_before": WORDS,
        "per_project_verbs": WORDS, "clause_adverbs": WORDS, "predicates": WORDS, "after_head_predicates": WORDS,
        "conjunctions": WORDS,
        "list_end": WORDS, "name_lead_words": WORDS, "count_classifiers": WORDS, "phase_marks": WORDS,
        "attributive": WORDS, "aspect_marks": WORDS,
    },
    "responsibility.json": {"about": ABOUT, "labels": Table(lambda w, v: _labels(w, v))},
    "region_codes.json": {
        "about": ABOUT, "built": ABOUT, "years": Table(_year_pair), "short_forms_note": ABOUT,
        "short_forms": Map(), "units": Table(_code_units),
    },
    "regions.json": {
        "about": ABOUT, "ambiguous": WORDS, "ambiguous_note": ABOUT, "provinces": WORDS, "municipalities": WORDS,
        "prefecture_level_cities": WORDS, "prefecture_level_other": WORDS, "county_level_cities": WORDS,
        "parents": Table(_string_map),
    },
    # report metadata (extractors/meta.py)
    "speakers.json": {
        "about": ABOUT, "titles": WORDS, "acting_prefixes": WORDS, "deputy_prefixes": WORDS,
        "title_levels": Table(lambda w, v: _title_levels(w, v)), "honorifics": WORDS, "name_dots": WORDS,
        "not_in_names": WORDS, "not_name_words": WORDS, "after_name": WORDS, "name_layout": WORDS,
    },
    "datelines.json": {
        "about": ABOUT, "congress_words": WORDS, "national_markers": WORDS, "term_words": WORDS,
        "session_words": WORDS, "meeting_words": WORDS, "meeting_endings": WORDS, "at_words": WORDS,
        "address_words": WORDS, "caption_anchors": WORDS, "title_words": WORDS, "day_parts": WORDS,
        "clause_marks": WORDS, "notice_labels": WORDS, "plan_excerpt_words": WORDS,
        "plan_excerpt_head_words": WORDS, "excerpt_markers": WORDS, "issuer_labels": WORDS,
    },
    "admin_units.json": {
        "about": ABOUT, "suffix_levels": Map(LEVELS), "short_suffixes": Table(lambda w, v: _word_lists(w, v)),
        "county_under_prefecture": WORDS, "government_words": WORDS, "national_names": WORDS,
        "not_name_stems": WORDS, "speech_openers": WORDS,
    },
}

# Files that are one table rather than a mapping of keys.
WHOLE_FILE_TABLES: dict[str, Callable[[str, Any], None]] = {"indicators.json": _indicators}

# Word lists that contradict each other: no word may stand in both.
DISJOINT: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (("relations.json", "growth_up"), ("relations.json", "growth_down")),
    (("relations.json", "growth_up"), ("relations.json", "level")),
    (("relations.json", "growth_down"), ("relations.json", "level")),
    (("parts.json", "review"), ("parts.json", "plan")),
    (("relations.json", "copulas"), ("relations.json", "growth_up")),
    (("relations.json", "copulas"), ("relations.json", "growth_down")),
    (("qualifiers.json", "before"), ("qualifiers.json", "after")),
    (("horizons.json", "multi_year_markers"), ("horizons.json", "review_year_time_words")),
    (("horizons.json", "five_year_openers"), ("horizons.json", "year_openers")),
    (("horizons.json", "five_year_openers"), ("horizons.json", "year_block_openers")),
    (("regions.json", "provinces"), ("regions.json", "prefecture_level_cities")),
    (("regions.json", "prefecture_level_cities"), ("regions.json", "county_level_cities")),
]


def _word_lists(where: str, value: Any) -> None:
    """A mapping from a word to a list of words (自治州 → its short suffixes 州, 自治州)."""
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty mapping")
    for key, words in value.items():
        if not key or key != key.strip():
            raise LanguageDataError(f"{where}: empty or padded word {key!r}")
        check_words(f"{where}.{key}", words, WORDS)


def _title_levels(where: str, value: Any) -> None:
    """A title maps to the levels of the governments it heads (市长 heads a province, city or county)."""
    if not isinstance(value, dict) or not value:
        raise LanguageDataError(f"{where}: expected a non-empty mapping")
    for title, levels in value.items():
        if not title or not isinstance(levels, list) or not levels or any(lv not in LEVELS for lv in levels):
            raise LanguageDataError(f"{where}: {title!r} needs a list of levels among {LEVELS}")


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
