"""The language data: every shipped file fits its schema, and the validator catches what it should."""
import pytest

import govextract
from govextract.lang import Lang, LanguageDataError, data_files, load_file, validate
from govextract.lang.schema import SCHEMAS, check_disjoint, check_file


def test_every_shipped_file_is_valid():
    validate()


def test_every_data_file_has_a_schema():
    import importlib.resources as r
    shipped = {p.name for p in r.files("govextract").joinpath("data").iterdir() if p.name.endswith(".json")}
    assert shipped == set(data_files())


def _good(name):
    import copy
    return copy.deepcopy(load_file(name))


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(typo_key=["x"]), "unknown keys"),
    (lambda d: d["growth_up"].append(""), "empty"),
    (lambda d: d["growth_up"].append(" 增长"), "padded"),
    (lambda d: d["growth_up"].append(d["growth_up"][0]), "listed twice"),
    (lambda d: d.pop("level"), "missing"),
    (lambda d: d.update(fillers=[]), "non-empty"),
])
def test_the_validator_rejects(mutate, message):
    d = _good("relations.json")
    mutate(d)
    with pytest.raises(LanguageDataError, match=message):
        check_file("relations.json", d)


def test_contradicting_lists_may_not_share_a_word():
    d = _good("relations.json")
    d["growth_down"].append(d["growth_up"][0])
    with pytest.raises(LanguageDataError, match="contradict"):
        check_disjoint({"relations.json": d})


def test_a_qualifier_maps_to_a_known_value():
    d = _good("qualifiers.json")
    d["after"]["左右"] = "roughly"
    with pytest.raises(LanguageDataError, match="not one of"):
        check_file("qualifiers.json", d)


def test_an_alias_names_one_indicator_only():
    d = _good("indicators.json")
    d[1]["aliases"].append(d[0]["zh"])
    with pytest.raises(LanguageDataError, match="names both"):
        check_file("indicators.json", d)


def test_every_file_says_what_it_is():
    for name in SCHEMAS:
        assert load_file(name)["about"].strip(), name


def test_a_pipeline_extends_its_own_copy():
    nlp = govextract.Pipeline()
    before = govextract.Pipeline().vocab.lang.words("relations.json", "growth_up")
    nlp.vocab.lang.add("relations.json", "growth_up", ["猛增"])
    assert "猛增" in nlp.vocab.lang.words("relations.json", "growth_up")
    assert govextract.Pipeline().vocab.lang.words("relations.json", "growth_up") == before
    assert "猛增" not in load_file("relations.json")["growth_up"]


def test_an_addition_that_contradicts_is_refused_and_leaves_the_data_as_it_was():
    lang = Lang.default()
    v = lang.version
    with pytest.raises(LanguageDataError):
        lang.add("relations.json", "growth_down", ["增长"])
    assert "增长" not in lang.words("relations.json", "growth_down") and lang.version == v


def test_cached_values_are_rebuilt_after_a_change():
    lang = Lang.default()
    n = lambda l: len(l.words("relations.json", "growth_up"))   # noqa: E731
    first = lang.cached("n", n)
    lang.add("relations.json", "growth_up", ["猛增"])
    assert lang.cached("n", n) == first + 1
