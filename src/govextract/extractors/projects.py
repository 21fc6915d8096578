"""Named investment projects with their own amount (SPEC ``investment_projects``).

A project is a money amount tied to a name in one phrase. The amount is a quantity the
``quantities`` component found (unit 元 or 美元, Arabic or Chinese numerals, with its
qualifier words); the name is read around it, in one of these shapes:

  [VERB] AMOUNT 的 NAME         投资13亿元的华润赤壁…项目, 总投资为36亿元的沿江快速路,
                                12.8亿元的新兴非织造产业园 (continuing a list)
  [VERB] AMOUNT VERB的 NAME     投资8600万元实施的老城区雨污分流工程
  投资 AMOUNT [VERB] NAME       投资500亿元长江经济带乡村振兴示范区建设项目
  投资 AMOUNT, VERB NAME        投资2.1亿元,实施城东供热管网改造工程
A name ends at a mark, a conjunction or a predicate (如期完工, 当年完成投资4亿元); a word
that is a predicate only right after a project head (建设, 主体) ends it there. A name made
only of class words and a head (制造业项目, 重点项目) is a size class, not a project, and so is
a name followed by a count (项目42个); ``总投资23.27亿元的38个…项目`` names a batch: it is
returned with kind "group" and its count. Every word list is in ``data/projects.json``.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from decimal import Context, Decimal, ROUND_HALF_EVEN
from typing import Any, Optional

import regex

from .. import _regex
from ..document import Doc
from ..lang import Lang
from ..lang.patterns import CN_ITEM_DIGITS, alt
from ..model import Check, Project
from ..numbers.scan import RawNumber

# The longest name read after an amount. Names in the bulk reports stay under 40 characters;
# a name that reaches this many without a stop is cut here and reported (project_name_truncated).
MAX_NAME = 60
# Characters before an amount searched for its verb: a count, the longest verb and a link
# (``380个、总投资额达到``) fit in it.
VERB_WINDOW = 16
# Characters of the clause before an amount searched for a construction verb or a list (、).
CLAUSE_WINDOW = 40

# No project costs 10^20 yuan (world output is about 10^15 a year): a larger figure is a
# misread number, not an amount, and gives no project.
MAX_YUAN_DIGITS = 20

_MARKS = ",;:。\n、!?"
_DE_REACH = 6                 # 的 after an amount, or after a verb of up to five characters (…实施的)
_MONEY = ("CNY", "USD")
_CTX = Context(rounding=ROUND_HALF_EVEN, traps=[])      # never raises, whatever the caller's context


@dataclass(frozen=True)
class _Lex:
    """The project words of one pipeline, and the patterns built from them."""
    w: dict[str, tuple[str, ...]]
    before: "regex.Pattern[str]"      # [COUNT] VERB [LINK] right before an amount
    after: "regex.Pattern[str]"       # 的 | VERB的 | , | [VERB] right after an amount
    no_de: "regex.Pattern[str]"       # NAME ending in a strong head, right after 投资 AMOUNT
    stop: "regex.Pattern[str]"        # what may end a name
    count: "regex.Pattern[str]"       # 38个 (a count at a name's start or after its head)
    strong: "regex.Pattern[str]"      # a strong head (项目, 工程) and what may continue the name after it
    verb_ends: str                    # the last characters of the investment verbs (a quick test)
    stop_kind: dict[str, str]
    class_set: frozenset[str]         # words a size class is made of (class words and heads)


_KEYS = ("investment_verbs", "amount_links", "construction_verbs", "project_heads", "strong_heads", "not_names",
         "not_project_ends", "bad_name_starts", "not_investment_before", "level_verbs", "generic_heads", "class_words",
         "set_words", "threshold_after", "threshold_before", "per_project_verbs", "clause_adverbs", "predicates",
         "after_head_predicates", "conjunctions", "list_end", "name_lead_words", "count_classifiers", "phase_marks",
         "attributive", "aspect_marks")


def _build(lang: Lang) -> _Lex:
    w = {k: tuple(sorted(lang.words("projects.json", k), key=len, reverse=True)) for k in _KEYS}
    cls = alt(w["count_classifiers"])
    verbs = alt(w["construction_verbs"])
    before = _regex.compile(rf"(?:(?P<count>[0-9]++)(?:{cls})、?)?(?P<verb>{alt(w['investment_verbs'])})"
                            rf"(?P<link>{alt(w['amount_links'])})?$")
    de = alt(w["attributive"])
    after = _regex.compile(rf"(?P<de>(?:{verbs})?(?:{de}))|(?P<comma>,)|(?P<bare>)")
    no_de = _regex.compile(rf"(?:(?!{de})[^,;:。、\n()]){{2,40}}?(?:{alt(w['strong_heads'])})")
    kinds = {**{x: "after_head" for x in w["after_head_predicates"]}, **{x: "conj" for x in w["conjunctions"]},
             **{x: "list_end" for x in w["list_end"]}, **{x: "stop" for x in w["predicates"]}}
    marks = "".join(regex.escape(c) for c in _MARKS)
    stop = _regex.compile(rf"[{marks}]|{alt(kinds)}")
    count = _regex.compile(rf"(?P<n>[0-9]++)(?:{cls})")
    # after 项目/工程 a name goes on only with a phase (双胞胎项目四期, 一体化工程二期项目), another
    # head, or a dash or bracket that opens an apposition (…类项目—“若尔盖山水工程”)
    strong = _regex.compile(rf"(?:{alt(w['strong_heads'])})(?P<cont>(?:[0-9{CN_ITEM_DIGITS}]{{1,3}}(?:{alt(w['phase_marks'])})"
                            rf"|{alt(w['project_heads'])}|[-—(“])?)")
    verb_ends = "".join(sorted({v[-1] for v in w["investment_verbs"]}))
    return _Lex(w, before, after, no_de, stop, count, strong, verb_ends, kinds,
                frozenset(w["class_words"] + w["project_heads"]))


def _lex(doc: Doc) -> _Lex:
    lang: Lang = doc.vocab.lang
    return lang.cached("projects.lexicon", _build)


@dataclass
class _Found:
    begin: int                  # normalised offsets: the phrase, and the name inside it
    end: int
    name_s: int
    name_e: int
    raw: RawNumber                    # the RawNumber of the amount
    vm: Optional["regex.Match[str]"]           # the match of the verb before the amount
    truncated: bool = False
    shape: str = "de"           # de | comma | no_de (which phrase shape gave it)

    @property
    def count(self) -> Optional[int]:
        """A count before the verb (380个总投资…的重点项目): the phrase names a group."""
        c = self.vm.group("count") if self.vm is not None else None
        return int(c) if c else None


# -- names ------------------------------------------------------------------------------------
def _ends_with(text: str, s: int, e: int, words: tuple[str, ...]) -> bool:
    return any(e - len(x) >= s and text.startswith(x, e - len(x)) for x in words)


def _stop_ends_name(text: str, s: int, hi: int, stops: list["regex.Match[str]"], k: int, lex: _Lex) -> bool:
    """Whether the k-th stop found after a name's start ends the name."""
    m = stops[k]
    kind = lex.stop_kind.get(m.group(), "mark")
    heads = lex.w["project_heads"]
    if kind in ("mark", "stop", "list_end"):
        return True
    if kind == "after_head":     # 项目建设顺利 ends at 项目; 示范区建设项目 goes on
        return _ends_with(text, s, m.start(), heads) and not text.startswith(lex.w["strong_heads"], m.end())
    # a conjunction joins two names, unless the part before it is no name and the part after
    # it closes one (保护和修复工程, 碳中和产业并购基金: one name)
    if _ends_with(text, s, m.start(), heads):
        return True
    nxt = next((n.start() for j, n in enumerate(stops[k + 1:], k + 1)
                if lex.stop_kind.get(n.group(), "mark") != "conj" and _stop_ends_name(text, m.end(), hi, stops, j, lex)),
               hi if hi == len(text) else -1)
    closing = lex.w["strong_heads"] + lex.w["not_project_ends"]
    return not (nxt - m.end() >= 2 and _ends_with(text, m.end(), nxt, closing))


def _name_after(text: str, s: int, lex: _Lex) -> Optional[tuple[int, bool]]:
    """End of the name that starts at ``s``, and whether MAX_NAME cut it; None for no name."""
    hi = min(len(text), s + MAX_NAME)
    stops = list(lex.stop.finditer(text, s, hi))
    end, cut = hi, hi < len(text)
    for k, m in enumerate(stops):
        if _stop_ends_name(text, s, hi, stops, k, lex):
            end, cut = m.start(), False
            break
    for h in lex.strong.finditer(text, s, end):     # 巨化硅氟新材料项目刷新…纪录: ends at 项目
        if not h.group("cont") and h.end() < end:
            end, cut = h.end(), False
            break
    return (end, cut) if end - s >= 2 else None


def _strip_start(text: str, s: int, e: int, words: tuple[str, ...]) -> int:
    """Skip the words of ``words`` at the start of text[s:e] (leading verbs and adverbs)."""
    while True:
        x = next((x for x in words if s + len(x) < e and text.startswith(x, s)), None)
        if x is None:
            return s
        s += len(x)


def _strip_end(text: str, s: int, e: int, words: tuple[str, ...]) -> int:
    while True:
        x = next((x for x in words if e - len(x) >= s and text.startswith(x, e - len(x))), None)
        if x is None:
            return e
        e -= len(x)


def _segments(name: str, words: frozenset[str], longest: int) -> bool:
    """Whether ``name`` is a sequence of ``words`` and quoted tags (“三个一批”), in linear time."""
    ok = [False] * (len(name) + 1)
    ok[0] = True
    for i in range(len(name)):
        if not ok[i]:
            continue
        if name[i] == "“":
            j = name.find("”", i)
            if j > i:
                ok[j + 1] = True
            continue
        for n in range(1, min(longest, len(name) - i) + 1):
            if name[i:i + n] in words:
                ok[i + n] = True
    return ok[len(name)]


def _is_class(name: str, lex: _Lex) -> bool:
    """A class of projects, not a named one: only class words and heads (先进制造业项目, 高速公路,
    “三个一批”项目), or a set word right before the heads (天府新区重大项目, 省级重点工程项目)."""
    w = lex.w
    if not name.endswith(w["project_heads"]):
        return False
    longest = max(len(x) for x in lex.class_set)
    if _segments(name, lex.class_set, longest):
        return True
    e = _strip_end(name, 0, len(name), w["project_heads"])
    if 0 < e and name[:e].endswith(w["set_words"]):
        return True
    return any(len(x) > 1 and name.startswith(x) for x in w["set_words"])    # 在建新能源项目


def _bad_name(name: str, lex: _Lex) -> bool:
    """A bare count or scale word, a fund or a plan, not a project (项目1个, 120亿元的目标, 三年投资计划)."""
    w = lex.w
    return (len(name.strip()) < 2 or name.startswith(w["bad_name_starts"]) or name in w["not_names"]
            or name.endswith(w["not_project_ends"]))


def _has_predicate(name: str, lex: _Lex) -> bool:
    return any(lex.stop_kind.get(m.group()) in ("stop", "list_end") for m in lex.stop.finditer(name))


# -- shapes -----------------------------------------------------------------------------------
def _verb_before(text: str, raw: RawNumber, lex: _Lex) -> Optional["regex.Match[str]"]:
    lo = max(0, raw.start - VERB_WINDOW)
    for c in lex.verb_ends:
        if text.find(c, lo, raw.start) >= 0:
            break
    else:
        return None                       # most amounts: no investment verb in reach
    return lex.before.search(text, lo, raw.start)


def _is_project_phrase(text: str, raw: RawNumber, verb: bool, name: str, lex: _Lex, amounts: list[tuple[int, int]]) -> bool:
    """AMOUNT的NAME is a project with an investment verb before the amount, inside a list of
    projects, right after a construction verb, or with a name shaped like a project."""
    w = lex.w
    lo = max(0, raw.start - CLAUSE_WINDOW)
    before = text[max(0, raw.start - 8):_strip_end(text, lo, raw.start, w["amount_links"])]
    level = before.endswith(w["level_verbs"]) or text[raw.start:raw.num_start] in w["level_verbs"]
    if not verb and (before.endswith(w["not_investment_before"]) or level):
        return False      # 年产值10亿元的龙头企业, 营业额过30亿元的商业中心: not an investment
    if not verb and name.endswith(w["generic_heads"]):
        return False      # 签约30亿元的医药企业: a company, not a named project
    if verb or name.endswith(w["project_heads"]) or _in_project_list(text, raw.start, amounts, lex):
        return True
    return _ends_with(text, lo, _strip_end(text, lo, raw.start, w["clause_adverbs"]), w["construction_verbs"])


def _in_project_list(text: str, pos: int, amounts: list[tuple[int, int]], lex: _Lex) -> bool:
    """The amount at ``pos`` continues a list whose previous item has an amount too
    (10亿元的人福药辅、3亿元的北京双吉药业), not any list (4100余名干部职工、近200亿元的债务)."""
    if text[pos - 1:pos] != "、":
        return False
    lo = max(0, pos - 1 - MAX_NAME)
    cut = max(text.rfind(c, lo, pos - 1) for c in _MARKS)
    k = bisect.bisect_left(amounts, (max(cut + 1, lo), 0))
    while k < len(amounts) and amounts[k][0] < pos - 1:          # an item AMOUNT的NAME before
        if any(text.startswith(x, amounts[k][1]) for x in lex.w["attributive"]):
            return True
        k += 1
    return False


def _amount_in(amounts: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """A money amount (of the sorted spans ``amounts``) starts in [lo, hi)."""
    k = bisect.bisect_left(amounts, (lo, 0))
    return k < len(amounts) and amounts[k][0] < hi


def _shares_amount(text: str, e: int, lex: _Lex, amounts: list[tuple[int, int]]) -> bool:
    """A name followed by 、 in an enumeration that a count sums up (沅澧垸、安造垸、松澧垸3个…垸,
    A、B等5个项目) where the next item has no amount of its own: the amount is the whole list's.
    Without a count the amount is read as the first name's (6.23亿元的赤壁长江取水工程、…等项目)."""
    if text[e:e + 1] != "、":
        return False
    hi = min(len(text), e + 1 + MAX_NAME)
    seg_end = min((k for k in (text.find(c, e + 1, hi) for c in _MARKS if c != "、") if k >= 0), default=hi)
    nxt = text.find("、", e + 1, seg_end)
    if _amount_in(amounts, e + 1, nxt if nxt >= 0 else seg_end):
        return False
    return lex.count.search(text, e + 1, seg_end) is not None


def _de(text: str, raw: RawNumber, vm: Optional["regex.Match[str]"], s: int, lex: _Lex,
        amounts: list[tuple[int, int]]) -> Optional[_Found]:
    """AMOUNT的NAME and AMOUNT VERB的NAME."""
    got = _name_after(text, s, lex)
    if got is None:
        return None
    e = s + len(text[s:got[0]].rstrip(" "))
    name = text[s:e]
    if not _is_project_phrase(text, raw, vm is not None, name, lex, amounts) or _shares_amount(text, got[0], lex, amounts):
        return None
    return _Found(vm.start() if vm is not None else raw.start, e, s, e, raw, vm, got[1])


def _clause_initial(text: str, vm: "regex.Match[str]", lex: _Lex) -> bool:
    """The investment opens its clause (投资2.1亿元,实施…), not a sector total (电网投资20亿元,…)."""
    lo = max(0, vm.start() - VERB_WINDOW)
    cut = max(text.rfind(c, lo, vm.start()) for c in _MARKS)
    if (cut < 0 and lo > 0) or (cut >= 0 and text[cut] == "、") or vm.group("count"):
        return False
    w = lex.w
    return _strip_start(text, cut + 1, vm.start() + 1, w["clause_adverbs"] + w["name_lead_words"]) == vm.start()


def _comma(text: str, raw: RawNumber, vm: "regex.Match[str]", s: int, lex: _Lex) -> Optional[_Found]:
    """投资 AMOUNT, VERB NAME: the name is the clause's object and ends the clause."""
    w = lex.w
    if not _clause_initial(text, vm, lex):
        return None
    hi = s + MAX_NAME
    s = _strip_start(text, s, hi, w["clause_adverbs"] + w["name_lead_words"])
    s1 = _strip_start(text, s, hi, w["construction_verbs"] + w["aspect_marks"])
    if s1 == s:
        return None
    got = _name_after(text, s1, lex)
    if got is None or got[1] or text[got[0]:got[0] + 1] not in ",;:。\n!?":
        return None
    e = got[0]
    if not _ends_with(text, s1, e, w["project_heads"]) or any(x in text[s1:e] for x in w["attributive"]):
        return None
    return _Found(vm.start(), e, s1, e, raw, vm, shape="comma")


def _no_de(text: str, raw: RawNumber, vm: "regex.Match[str]", s: int, lex: _Lex) -> Optional[_Found]:
    """投资 AMOUNT [VERB] NAME(项目|工程): 投资500亿元长江经济带…建设项目."""
    s = _strip_start(text, s, s + MAX_NAME, lex.w["construction_verbs"] + lex.w["aspect_marks"])
    nm = lex.no_de.match(text, s)
    if nm is None or _has_predicate(nm.group(), lex):
        return None
    return _Found(vm.start(), nm.end(), nm.start(), nm.end(), raw, vm, shape="no_de")


def _after(text: str, raw: RawNumber, vm: Optional["regex.Match[str]"], lex: _Lex,
           amounts: list[tuple[int, int]]) -> Optional[_Found]:
    """A name written after its amount."""
    m = lex.after.match(text, raw.end)
    if m is None:
        return None
    if m.group("de") is not None:
        return _de(text, raw, vm, m.end(), lex, amounts)
    if vm is None:
        return None
    if m.group("comma") is not None:
        return _comma(text, raw, vm, m.end(), lex)
    return _no_de(text, raw, vm, m.end(), lex)


def _threshold(text: str, f: _Found, lex: _Lex) -> bool:
    """A size threshold (投资过10亿元的, 投资5亿元以上的): the phrase names a class of projects."""
    w = lex.w
    raw = f.raw
    if text[raw.num_end:raw.end + 3].startswith(w["threshold_after"]):
        return True
    vm = f.vm
    if vm is None or vm.group("verb") not in w["per_project_verbs"]:
        return False
    link = (vm.group("link") or "") + text[raw.start:raw.num_start]
    return link.startswith(w["threshold_before"])


def _reject(text: str, f: _Found, lex: _Lex) -> bool:
    name = text[f.name_s:f.name_e]
    if _bad_name(name, lex) or _threshold(text, f, lex):
        return True
    counted = lex.count.search(text, f.name_s + 1, f.name_e + 8)
    if counted and _ends_with(text, f.name_s, counted.start(), lex.w["project_heads"] + lex.w["generic_heads"]):
        return True                       # 投资过10亿元的制造业项目42个, 超百亿元的企业5户: a size class
    lead = lex.count.match(name)
    if lead is not None:
        return len(name) - lead.end() < 2 or lex.count.search(name, lead.end()) is not None
    if lex.count.search(name):
        return True                       # 5大类80个重点城建项目: a set counted inside
    return f.count is None and _is_class(name, lex)


# -- amounts ----------------------------------------------------------------------------------
def _finite_float(v: Any) -> Optional[float]:
    try:
        x = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return x if math.isfinite(x) else None


def _yuan(amount: Optional[Decimal]) -> Optional[Decimal]:
    """The amount in whole yuan; None when it is not a finite number. Never raises."""
    if amount is None or not amount.is_finite() or amount.adjusted() >= MAX_YUAN_DIGITS:
        return None
    ctx = _CTX.copy()
    ctx.prec = max(28, amount.adjusted() + 2)    # room for every digit: quantize is exact
    ctx.Emax = max(ctx.Emax, ctx.prec + 1)
    y = amount.quantize(Decimal(1), context=ctx)
    return y if y.is_finite() else None


# -- the component ----------------------------------------------------------------------------
def _find(doc: Doc, lex: _Lex) -> list[_Found]:
    text = doc.text
    found: list[_Found] = []
    # where every money amount starts: a list item "has an amount of its own" when one starts in it
    money = [info.raw for info in doc.qinfo if info.raw.unit_norm in _MONEY]
    amounts = sorted((raw.start, raw.end) for raw in money)
    de = lex.w["attributive"]
    for raw in money:
        vm = _verb_before(text, raw, lex)
        if vm is None and all(text.find(x, raw.end, raw.end + _DE_REACH) < 0 for x in de):
            continue                      # without a verb only AMOUNT[VERB]的NAME names a project
        f = _after(text, raw, vm, lex, amounts)
        if f is not None and not _reject(text, f, lex):
            found.append(f)
    found.sort(key=lambda f: f.begin)
    return found


def extract_projects(doc: Doc) -> None:
    lex = _lex(doc)
    report = doc.report
    for f in _find(doc, lex):
        amount = _finite_float(f.raw.value)
        yuan = _yuan(f.raw.amount)
        if amount is None or yuan is None:
            continue                      # not a number a project can cost
        s, e, ev = doc.span(f.begin, f.end)
        ns, ne = doc.norm.orig_span(f.name_s, f.name_e)
        g = lex.count.match(doc.text, f.name_s, f.name_e)
        count = f.count if f.count is not None else int(g.group("n")) if g is not None else None
        p = Project(name=doc.original[ns:ne], amount=amount, unit=f.raw.unit, start=s, end=e, evidence=ev,
                    name_start=ns, name_end=ne,
                    amount_yuan=yuan if f.raw.unit_norm == "CNY" else None,
                    kind="project" if count is None else "group", count=count, task_id=_task_id(doc, f.begin))
        (report.projects if count is None else report.project_groups).append(p)
        if f.truncated:
            report.checks.append(Check(
                code="project_name_truncated", severity="warning", start=ns, end=ne,
                message=f"project name cut at {MAX_NAME} characters: no end of the name was found"))


def _task_id(doc: Doc, pos: int) -> Optional[str]:
    """The id of the responsibility task around normalised ``pos``, when tasks were read already."""
    ids = doc.task_spans
    if not ids:
        return None
    starts, ends, names = ids
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and pos < ends[k]:
        return str(names[k])
    return None
