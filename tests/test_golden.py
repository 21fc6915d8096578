"""The development documents against their hand-made gold (copies in fixtures/).

The matching mirrors shared/eval/score.py: a prediction matches a gold entry on value,
unit and indicator (or text), and is strictly right when every coded field agrees.
"""
import pytest

from conftest import DOCS, extracted, read_doc, read_gold

STRICT = ("qualifier", "kind", "year", "indicator", "direction", "value_high", "tier")


def _norm(d, key):
    v = d.get(key)
    if key == "qualifier":
        return v or "exact"
    if key == "tier":
        return v or 1
    if key == "direction":
        return v or "up"
    return v


def _match(gold, pred):
    used, pairs = set(), []
    for g in gold:
        for j, p in enumerate(pred):
            if j in used or abs(g["value"] - p["value"]) > 1e-6 or g["unit"] != p["unit"]:
                continue
            if g["indicator"] and g["indicator"] == p["indicator"] or (
                    g["text"] in p["text"] or p["text"] in g["text"]):
                used.add(j)
                pairs.append((g, p))
                break
    return pairs


def _strict(g, p):
    for k in STRICT:
        if k == "indicator" and not g.get("indicator"):
            continue
        if _norm(g, k) != _norm(p, k):
            return False
    return True


def _f1(tp, n_gold, n_pred):
    p = tp / n_pred if n_pred else float(n_gold == 0)
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _layer(layer, key):
    tp = ng = npred = 0
    for name in DOCS:
        gold = read_gold(name)[layer]
        pred = [x for x in extracted(name).to_dict()[key] if x.get("headline", True)]
        pairs = _match(gold, pred)
        tp += sum(_strict(g, p) for g, p in pairs)
        ng += len(gold)
        npred += len(pred)
    return _f1(tp, ng, npred)


def test_targets_strict_f1():
    assert _layer("targets", "targets") >= 0.97


def test_actuals_strict_f1():
    assert _layer("actuals", "actuals") >= 0.90


def test_meta_accuracy():
    ok = n = 0
    for name in DOCS:
        gm, pm = read_gold(name)["meta"], extracted(name).meta
        for k, v in gm.items():
            n += 1
            ok += getattr(pm, k) == v
    assert ok / n >= 0.97


def test_projects_f1():
    tp = ng = npred = 0
    for name in DOCS:
        gold = read_gold(name)["investment_projects"]
        pred = extracted(name).projects
        used = set()
        for g in gold:
            for j, p in enumerate(pred):
                if j not in used and p.amount == g["amount"] and p.unit == g["unit"] and p.name == g["name"]:
                    used.add(j)
                    tp += 1
                    break
        ng += len(gold)
        npred += len(pred)
    assert _f1(tp, ng, npred) >= 0.95


def test_responsibilities_exact():
    gold = read_gold("2021-chibi-responsibilities")["responsibilities"]
    pred = {r.id: r for r in extracted("2021-chibi-responsibilities").responsibilities}
    wrong = [g["id"] for g in gold
             if g["id"] not in pred or (pred[g["id"]].leaders, pred[g["id"]].lead_units, pred[g["id"]].units)
             != (g["leaders"], g["lead_units"], g["units"])]
    assert wrong == [] and len(gold) == 124


@pytest.mark.parametrize("name", DOCS)
def test_evidence_slices_original(name):
    text = read_doc(name)
    r = extracted(name)
    for obj in [*r.targets, *r.actuals, *r.quantities, *r.projects]:
        assert text[obj.start:obj.end] == obj.evidence
    for t in [*r.targets, *r.actuals]:
        assert text[t.text_start:t.text_end] == t.text
        assert t.sentence_start <= t.start < t.end <= t.sentence_end
    for q in r.quantities:
        if q.subject is not None:
            assert text[q.subject_start:q.subject_end] == q.subject
    for p in r.projects:
        assert text[p.name_start:p.name_end] == p.name
    for k, span in r.meta.evidence.items():
        assert text[span.start:span.end] == span.text
    for n in r.notes:
        assert n.text in text[n.start:n.end]
    for resp in r.responsibilities:
        block = text[resp.assignment_start:resp.assignment_end]
        for name_ in resp.leaders + resp.lead_units + resp.units:
            assert name_ in block
