"""Every quantity with its subject, relation, time and role.

The headline targets and outcomes are read off this layer (one implementation):
targets.py and actuals.py select quantities, they do not parse numbers again.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from .. import _regex
from ..lang import default_lang
from ..document import Doc
from ..model import Quantity
from ..numbers.scan import RawNumber, propagate_list_qualifiers, scan_numbers
from ..numbers.vocab import default_numbers
from ..text.sentences import clause_start

_DIGIT = _regex.compile(r"[0-9]", short=True)
_SUBJECT_WINDOW = 48          # a subject never reaches further back than this
_LIST_JOINERS = ("、", "和", "与", "及", "、和")
_YEAR_RE = r"(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?+(?:底|末|初)?+"


@dataclass(slots=True)
class QInfo:
    """The analysis of one quantity, in normalised offsets (internal)."""
    raw: RawNumber
    sent: tuple[int, int]
    clause: int
    subj: Optional[tuple[int, int]]      # subject span as written (for ``text``)
    subject: Optional[str]
    relation: Optional[str]
    kind: str
    direction: Optional[str]
    indicator: Optional[str]
    list_head: int                       # index of the first quantity of its 分别/、 list
    inherited: bool = False              # subject taken from the previous quantity
    post_subject: bool = False           # subject written after the number (新增5个博士点)
    cumulative_only: bool = False        # the only multi-year marker is 累计 (cumulative within the year?)
    multi_year: bool = False
    compare_year: Optional[int] = None
    explicit_year: Optional[int] = None
    by_year: Optional[int] = None        # 到2025年
    time: Optional[str] = None
    estimated: bool = False
    stretch: bool = False
    part: str = "other"
    horizon: Optional[str] = None


def _patterns(numbers=None) -> dict[str, "regex.Pattern[str]"]:
    """The extractor's patterns for a number vocabulary (its qualifier words), built once per version."""
    return (numbers or default_numbers()).cached("quantity_patterns", _build_patterns)


def _short(pattern: str) -> "regex.Pattern[str]":
    return _regex.compile(pattern, short=True)   # called per number on a few characters


def _build_patterns(numbers) -> dict[str, "regex.Pattern[str]"]:
    lang = default_lang()

    def w(name: str, key: str) -> list[str]:
        return list(lang.words(name, key))

    def alt(words: list[str]) -> str:
        return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))

    rel = {k: w("relations.json", k) for k in ("growth_up", "growth_down", "level")}
    all_rel = rel["growth_up"] + rel["growth_down"] + rel["level"]
    filler = w("relations.json", "fillers") + ["全年"]
    lead = (w("subjects.json", "time_words") + w("horizons.json", "estimate_markers") + list(numbers.qualifiers["stretch"])
            + ["确保", "其中", "同时", "此外", "累计", "年均", "我们", "将", "要", "并", "共",
               "总计", "合计", "全面", "共计", "已", "再", "较快", "按可比口径", "按可比价格计算", "按可比价", "同比", "比上年", "比去年"])
    return {
        "rel_end": _short(rf"(?:{alt(all_rel)})$"),
        "filler_end": _short(rf"(?:{alt(filler)})$"),
        "qual_end": _short(rf"(?:{alt(list(numbers.qualifiers['before']))})$"),
        "stretch": _short(rf"(?:{alt(numbers.qualifiers['stretch'])})"),
        "lead": _short(rf"(?:{alt(lead)}|{_YEAR_RE}|到{_YEAR_RE}|[、,;:\s]"
                              r"|现有|目前|当前|[0-9]{1,3}\.(?![0-9])|\([一二三四五六七八九十0-9]{1,3}\)|[一二三四五六七八九十]{1,3}、)"),
        "scope": _short(rf"(?:{alt(w('subjects.json', 'scope_prefixes'))})"),
        "verb": _short(rf"(?:{alt(w('verbs.json', 'transitive'))})"),
        "adverb": _short(rf"(?:{alt(w('subjects.json', 'adverbs'))})"),
        "verb_end": _short(rf"(?:{alt(w('verbs.json', 'transitive'))})$"),
        "light": _short(rf"(?:{alt(sorted(_LIGHT_VERBS))})"),
        "prep": _short(rf"(?:{alt(w('subjects.json', 'prepositions'))})"),
        # adverbials of comparison: 比2016年, 相比2019年, 较上年, 同比; 是2016年的 (N倍); 在全市 (locative)
        "compare": _short(
            r"(?:相比|(?<![占对正无类好可贷存])比(?![重例率较])|较(?![大快好高低多少为强]))"
            r"(?:上年同期|上年|去年|年初|上年末|(?P<cy>(?:19|20)[0-9]{2})年(?:底|末|初)?+|[^,;。]{1,10}?(?=增|减|下降|提高|回升|增长|降低))"
            r"|同比|环比"),
        # 是2016年的 (N倍), 占全市的 (N%), 在全市 (locative): they end the subject window
        "copula_end": _short(
            r"(?:是|为|相当于|占)(?:(?P<cy2>(?:19|20)[0-9]{2})年|[^,;。]{1,10}?)的$|在[^,;。]{1,4}$"),
        "trail": _short(rf"(?:{alt(w('subjects.json', 'trailing_noise'))})$"),
        "growth_end": _short(rf"(?:{alt(rel['growth_up'] + rel['growth_down'])})$"),
        "post": _short(rf"(?:[0-9]+(?:\.[0-9]+)?(?:万亿|亿|千万|万)?元?(?:以上|以下))?"
                              rf"(?:(?!{alt(w('subjects.json', 'post_subject_stops'))})[\p{{Han}}“”A-Za-z])+?"
                              rf"(?=$|{alt(w('subjects.json', 'post_subject_stops'))}|[,;。、:()\s0-9])"),
        "multi": _short(rf"(?:{alt(w('horizons.json', 'multi_year_markers'))})"),
        "year": _regex.compile(r"(?P<by>到|至)?(?P<y>(?:19|20)[0-9]{2})年(?!代)"),   # regex is faster here
        "time": _short(rf"到{_YEAR_RE}|{_YEAR_RE}|年均|五年来|累计|今年|全年|去年|上年|一年来|十[一二三四五]五(?:期间|时期)?"),
    }


@lru_cache(maxsize=None)
def _relation_class() -> dict[str, str]:
    lang = default_lang()
    out = {}
    for cls, key in (("level", "level"), ("up", "growth_up"), ("down", "growth_down")):
        for word in lang.words("relations.json", key):
            out[word] = cls
    return out


_LEVEL_AFTER_CHANGE = ("到", "至")     # 降到/降至/增长到: a level reached, not a change


def _strip_lead(text: str, i: int, j: int, pats: dict, keep_scope: bool = True) -> int:
    lead, scope = pats["lead"], pats["scope"]
    while i < j:
        m = lead.match(text, i, j)
        if m and m.end() > i:
            i = m.end()
            continue
        if not keep_scope:
            m = scope.match(text, i, j)
            if m:
                i = m.end()
                continue
        break
    return i


def _strip_trail(text: str, i: int, j: int, pats: dict) -> tuple[int, Optional[int]]:
    compare_year = None
    # adverbials of comparison may sit anywhere after the subject: cut at the first
    # the comparison's complement ends at the relation, which lies just beyond j
    m = pats["compare"].search(text, i, min(len(text), j + 4))
    if m and m.start() >= j:
        m = None
    if m is None:
        m = pats["copula_end"].search(text, i, j)
        cy = m.group("cy2") if m else None
    else:
        cy = m.group("cy")
    if m:
        if cy:
            compare_year = int(cy)
        j = m.start()
    while j > i:
        m = pats["trail"].search(text, i, j)
        if m:
            j = m.start()
            continue
        if text[j - 1] in "、,;: ":
            j -= 1
            continue
        break
    return j, compare_year


def _is_rate(subject: str) -> bool:
    return subject.endswith(_rate_suffixes())


@lru_cache(maxsize=None)
def _rate_suffixes() -> tuple[str, ...]:
    return default_lang().words("relations.json", "rate_of_change_suffixes")


def _is_ratio(subject: str) -> bool:
    return _is_rate(subject) or subject.endswith(("率", "比重", "比例", "占比", "强度", "系数", "指数", "份额"))


# Sentence openers that say which span of time the sentence speaks of (matched at sentence starts).
_BLANKS = " \t\u3000"
_OPENER = _regex.compile(
    r"(?:(?P<multi>过去的?五年|五年来|五年间|这五年|“?十[一二三四五]五”?(?:时期|期间|以来)?|今后五年|未来五年)"
    r"|(?P<block>(?P<y2>(?:19|20)[0-9]{2})年以来|一年来|过去一年|刚刚过去的)"
    r"|(?P<year>(?P<y>(?:19|20)[0-9]{2})年[,是我全]|全年|今年|明年))", short=True)
# Every opener starts with a character written literally in its pattern: the pattern's
# characters, blanks and the address's 各 are a safe filter for sentence starts.
_OPENER_FIRST = frozenset(_OPENER.pattern) | frozenset(_BLANKS) | {"各"}


_SENTENCE_DATE_WINDOW = 80   # a sentence's own date stands near its start
_YEAR_CARRY = 3    # sentences a dated opener covers inside a five-year review


def sentence_horizons(doc: Doc, wanted: list[int]) -> dict[int, Optional[str]]:
    """The time span the ``wanted`` sentences speak of: "year" or "multi_year" (None outside sections).

    A section starts with what its title names first; a sentence opening on five years
    (五年来, 十三五时期) or on a single year switches it. A block opener (2021年以来, 一年来)
    starts a stretch about the year; a dated remark (2021年,…) inside a five-year review
    covers itself and the next sentences only. Events are swept once; only the sentences
    that hold numbers are asked for.
    """
    text = doc.text
    ry = doc.review_year
    events: list[tuple[int, int, str]] = []
    sent_starts = doc.sentences.starts
    n_text = len(text)
    # a sentence whose first character cannot open an opener is skipped without a call
    maybe = [(k, p) for k, p in enumerate(sent_starts) if p < n_text and text[p] in _OPENER_FIRST]
    for k, p in maybe:
        # an opener opens its sentence, after blanks and an address (各位代表:): matching at
        # sentence starts only costs far less than scanning the text for the openers' words
        while p < n_text and text[p] in _BLANKS:
            p += 1
        if text.startswith("各位代表", p):
            p += 4
            if p < n_text and text[p] in "!,:":
                p += 1
            while p < n_text and text[p] in _BLANKS:
                p += 1
        m = _OPENER.match(text, p)
        if m is None:
            continue
        y = m.group("y") or m.group("y2")
        if m.group("multi"):
            kind = "multi_year"
        elif y is not None and ry is not None and int(y) < ry:
            continue
        else:
            kind = "year_block" if m.group("block") else "year"
        events.append((k, 1, kind))
    starts = doc.parts.starts if doc.parts else [0]
    infos = doc.parts.info if doc.parts else [("other", None, None, -1)]
    sent_starts = doc.sentences.starts
    for i, st in enumerate(starts):
        events.append((0 if i == 0 else bisect.bisect_left(sent_starts, st), 0, str(i)))
    events.sort()
    out: dict[int, Optional[str]] = {}
    state: Optional[str] = None
    default: Optional[str] = None
    origin: Optional[int] = None      # sentence of a dated remark whose cover is running
    ei = 0
    for k in sorted(set(wanted)):
        while ei < len(events) and events[ei][0] <= k:
            idx, is_opener, val = events[ei]
            ei += 1
            if origin is not None and idx - origin >= _YEAR_CARRY:
                state, origin = default, None
            if not is_opener:
                default = state = infos[int(val)][1]
                origin = None
            elif not (val == "year" and state == "year" and origin is None):
                state = "year" if val == "year_block" else val
                origin = idx if val == "year" and default == "multi_year" else None
        if origin is not None and k - origin >= _YEAR_CARRY:
            state, origin = default, None
        out[k] = state
    return out


def analyse(doc: Doc) -> list[QInfo]:
    text = doc.text
    doc.user_data["sentence_horizon"] = None   # filled once the numbers are known
    pats = _patterns(doc.vocab.numbers)
    rclass = _relation_class()
    rclass_verbs = frozenset(default_lang().words("verbs.json", "transitive"))
    vocab = doc.vocab.indicators
    indicator_of = vocab.match
    nums = scan_numbers(text, vocab=doc.vocab.numbers)
    propagate_list_qualifiers(nums, text)
    sent_index = [doc.sentences.index_at(n.num_start) for n in nums]
    horizons = doc.user_data["sentence_horizon"] = sentence_horizons(doc, sent_index)
    sent_spans = doc.sentences.spans
    out: list[QInfo] = []
    prev: Optional[QInfo] = None
    for n, k_sent in zip(nums, sent_index):
        sent = sent_spans[k_sent]
        horizon = horizons[k_sent]
        floor = max(sent[0], n.num_start - _SUBJECT_WINDOW)
        if prev is not None and prev.sent == sent and prev.raw.end > floor:
            floor = prev.raw.end
        cstart = clause_start(text, n.num_start, floor)
        same_sentence = prev is not None and prev.sent == sent
        # a number joined to the previous one by 、/和 only continues its list
        if same_sentence and text[prev.raw.end:n.start] in _LIST_JOINERS:
            q = QInfo(n, sent, prev.clause, prev.subj, prev.subject, prev.relation, prev.kind,
                      prev.direction, prev.indicator, prev.list_head, prev.inherited,
                      compare_year=prev.compare_year)
            if prev.post_subject:
                # 在39个乡镇、225个村: each number names its own thing after it
                post = _post_subject(text, n.end, sent[1], pats)
                q.subj = post
                q.subject = text[post[0]:post[1]] if post else None
                q.indicator = vocab.match(q.subject) if q.subject else None
                q.post_subject, q.list_head = True, len(out)
            _context(doc, q, text, pats, horizon)
            out.append(q)
            prev = q
            continue

        relation, rel_start = _find_relation(text, cstart, n.num_start, pats)
        de_modifier = rel_start > cstart and text[rel_start - 1] == "的" and relation is None
        s_i = _strip_lead(text, cstart, rel_start, pats)
        if same_sentence and cstart == prev.raw.end and "、" in text[s_i:rel_start]:
            # 迈上千亿大关、年均增长9%: what stands before 、 closes the previous number's phrase
            s_i = _strip_lead(text, text.rfind("、", s_i, rel_start) + 1, rel_start, pats)
        s_j, compare_year = _strip_trail(text, s_i, rel_start, pats)
        if relation in _COPULAS and s_j > s_i:
            # 年均增长分别为7.65%: the copula follows the real (growth) relation
            mg = pats["growth_end"].search(text, max(s_i, s_j - 4), s_j)
            if mg and mg.end() == s_j and not (vocab.match(text[s_i:s_j]) and not vocab.match(text[s_i:mg.start()])):
                relation = mg.group()
                s_j, compare_year2 = _strip_trail(text, s_i, mg.start(), pats)
                compare_year = compare_year or compare_year2
        # VERB + SUBJECT + NUMBER (完成一般公共预算收入21.5亿元, 全年签约重点项目不少于50个,
        # 向企业输送用工3600余人): the subject is what follows the clause's last verb. Before a
        # growth relation the verb phrase is the subject itself (引进内资增长19.2%), unless
        # the verb is a light one (实现外贸出口增长15%).
        whole_ind = vocab.match(text[s_i:s_j]) if s_j > s_i else None
        growth_rel = relation is not None and rclass.get(relation) in ("up", "down")
        verb_relation = False
        verb = _verb_before_subject(text, s_i, s_j, pats, light_only=growth_rel) if s_j > s_i else None
        if verb is None and relation is None and s_j - s_i > 4 and not whole_ind:
            # 提请省人大常委会审议地方性法规8部: with no relation, the clause is VERB + OBJECT +
            # NUMBER even when the verb is not its first word (the object is 3+ characters)
            verb = _last_verb(text, s_i, s_j, pats)
        if verb is None and whole_ind and s_j - s_i > 6:
            # 中央提出今年经济增长预期目标为7%左右: the indicator is named after a verb inside the clause
            v = _last_verb(text, s_i, s_j, pats)
            if v is not None and vocab.match(text[_strip_lead(text, v[1], s_j, pats):s_j]) == whole_ind:
                s_i = _strip_lead(text, v[1], s_j, pats)
        if verb is not None:
            rest = _strip_lead(text, verb[1], s_j, pats)
            if relation is None:
                relation = text[verb[0]:verb[1]]
                verb_relation = True
            s_i = rest
        if same_sentence and prev.post_subject and prev.subj and prev.subj[1] == n.num_start \
                and prev.raw.qualifier_after in ("以上", "以下"):
            # 累计竣工投产5000万元以上项目112个: the threshold and its noun are the subject
            s_i, s_j = prev.raw.num_start, prev.subj[1]
        elif same_sentence and prev.post_subject and prev.subj and s_i < prev.subj[1] and s_j > s_i:
            # 新建20万亩高标准农田、完成440万亩粮食播种: what precedes is the last number's noun
            s_i = s_j
        if s_j > s_i and (pats["prep"].fullmatch(text, s_i, s_j) or s_j - s_i == 1 and text[s_i] in "在对向为从"):
            s_i = s_j     # 在39个乡镇: a preposition alone is no subject
        subject = text[s_i:s_j] if s_j > s_i else None
        if subject and same_sentence and prev.subject and not prev.post_subject and len(subject) <= 3 \
                and prev.subject.endswith(subject) and prev.subject != subject:
            # 固定资产投资年均增长6.9%、累计完成投资…: the short noun names the same thing again
            subject, s_i, s_j = prev.subject, prev.subj[0], prev.subj[1]
        if subject in _GENERIC_TOTALS and same_sentence and prev.subject:
            subject = None   # 精品民宿,总数突破500家: the total of what the clause before named
        subj = (s_i, s_j) if subject else None
        inherited = False
        copula = compare_year is not None or (s_j < rel_start and text[rel_start - 1] == "的") \
            or (s_i >= s_j and pats["stretch"].search(text, cstart, n.num_start) is not None)
        if subject is None and relation in rclass_verbs and not verb_relation:
            # 、完成440万亩粮食播种: a transitive verb with nothing before it takes the noun after
            post = _post_subject(text, n.end, sent[1], pats)
            if post:
                verb_relation = True
        if subject is None and (relation is not None or copula) and same_sentence \
                and prev.subject and not verb_relation:
            # 地区生产总值完成238亿元,按可比口径增长6%: the clause goes on about the same subject
            subject, subj = prev.subject, prev.subj
            inherited = True
        if subject is None and same_sentence and prev.subject and n.start == prev.raw.end:
            # 拆除违建219处1.9万平方米: two measures of one thing, written back to back
            subject, subj, inherited = prev.subject, prev.subj, True
        post_subject = False
        if subject is not None and de_modifier and not indicator_of(subject):
            post = _post_subject(text, n.end, sent[1], pats)
            if post and n.end == post[0]:
                # 核心区的29个地块: what is counted follows the measure; the 的 phrase places it
                subj, subject, post_subject = post, text[post[0]:post[1]], True
        if subject is not None and verb_relation and not indicator_of(subject):
            # 修建南北片区29.6公里游览路: a noun right after the measure is what is counted; the
            # words between verb and number only place it
            post = _post_subject(text, n.end, sent[1], pats)
            if post and post[1] - post[0] >= 2 and n.end == post[0]:
                subj, subject, post_subject = post, text[post[0]:post[1]], True
        if subject is None:
            post = _post_subject(text, n.end, sent[1], pats)
            post_subject = post is not None
            if post:
                subj, subject = post, text[post[0]:post[1]]
        if subject and len(subject) > 24 and _DIGIT.search(subject):
            subject, subj = None, None
        if subject and relation and not inherited and not indicator_of(subject) \
                and rel_start == s_j and vocab.exact(subject + relation):
            # 经济增长7%左右: "经济增长" names GDP growth; the subject alone names nothing
            kind, direction = _kind(relation, subject, n.unit, rclass)
            s_j = rel_start + len(relation)
            subj, subject = (s_i, s_j), text[s_i:s_j]
        else:
            kind, direction = _kind(relation, subject or "", n.unit, rclass)
        if kind == "level" and subject and (vocab.names_growth(subject) or (
                subject.endswith("增长率") and vocab.match(subject[:-3]) and not vocab.exact(subject))):
            # 经济增长率7%, 规上工业增加值增长率8%: the growth of a measure (人口自然增长率 is a level)
            kind = "growth"
        if inherited and prev is not None and kind == "level" and prev.kind == "growth" \
                and (relation is None or relation in _COPULAS) and n.unit == prev.raw.unit:
            # 增长7%以上、力争达到8%: 达到 restates the same growth
            kind, direction = prev.kind, prev.direction
        if inherited and prev is not None:
            indicator = prev.indicator
        else:
            indicator = (vocab.match(subject) or whole_ind) if subject else None
        q = QInfo(n, sent, cstart, subj, subject, relation, kind, direction, indicator,
                  len(out), inherited, post_subject, compare_year=compare_year)
        _context(doc, q, text, pats, horizon)
        out.append(q)
        prev = q
    _split_list_subjects(out, text, vocab)
    return out


_SPLIT_DUN = _regex.compile(r"、", short=True)
_SPLIT_ANY = _regex.compile(r"、|和|与|及|以及", short=True)


def _split_list_subjects(out: list[QInfo], text: str, vocab) -> None:
    """城镇登记失业率、城镇调查失业率分别控制在3.5%和5.5%以内: one subject per number.

    A subject list is split at 、 (or also at 和/与/及) when that gives exactly as many parts
    as the list has numbers; otherwise the numbers share the subject (城乡居民人均可支配收入).
    """
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].list_head == out[i].list_head:
            j += 1
        n = j - i + 1
        head = out[i]
        whole = text[head.subj[0]:head.subj[1]] if head.subj else ""
        if n > 1 and head.subj and not head.inherited and not vocab.split(vocab.match(whole), whole, n):
            s, e = head.subj
            for pat in (_SPLIT_DUN, _SPLIT_ANY):
                parts, pos = [], s
                for m in pat.finditer(text, s, e):
                    parts.append((pos, m.start()))
                    pos = m.end()
                parts.append((pos, e))
                if len(parts) == n and all(b - a >= 2 for a, b in parts) and \
                        (pat is _SPLIT_DUN or all(b - a >= 3 or vocab.match(text[a:b]) for a, b in parts)):
                    for k, (a, b) in enumerate(parts):
                        q = out[i + k]
                        q.subj, q.subject, q.indicator = (a, b), text[a:b], vocab.match(text[a:b])
                    break
        i = j + 1


_COPULAS = ("为", "是", "达", "达到", "到")
_LIGHT_VERBS = {"实现", "完成", "确保", "力争", "推动", "促进", "保持", "累计实现", "累计完成", "全年完成", "全年实现"}
_NOUN_MAKERS = "业者品区类量率额型户"   # 服务业, 生产者, 覆盖率: a verb plus these is a noun
_GENERIC_TOTALS = {"总数", "总量", "数量", "总计", "总规模", "累计"}


def _verb_before_subject(text: str, i: int, j: int, pats: dict, light_only: bool) -> Optional[tuple[int, int]]:
    """Where the subject starts after the verbs that open the clause, or None.

    完成一般公共预算收入 -> 一般公共预算收入; 关停并转提升“散乱污”企业 -> “散乱污”企业;
    向企业输送用工 -> 用工 (a prepositional phrase may stand before the verb). A verb followed by
    业/率/量… makes a noun (服务业, 覆盖率), one followed by 的 modifies (征而未供的土地).
    """
    pos = _strip_lead(text, i, j, pats, keep_scope=False)
    pos = _skip(text, pos, j, pats["adverb"])
    if pats["prep"].match(text, pos, j):
        m = pats["verb"].search(text, pos + 1, j)
        while m and _inside_quotes(text, pos, m.start()):
            m = pats["verb"].search(text, m.end(), j)
        if not m:
            return None
        pos = m.start()
    found = None
    if not pats["verb"].match(text, pos, j):
        # 全市园区累计实现规模工业增加值: a light verb inside the clause introduces the object
        m = pats["light"].search(text, pos, j)
        if m and m.end() < j:
            pos = m.start()
    while pos < j:
        m = pats["verb"].match(text, pos, j)
        if not m:
            break
        e = m.end()
        if e < j and (text[e] in _NOUN_MAKERS or text[e] == "的" or text[e:j] in _verb_object_nouns()):
            break       # 服务业, 征而未供的土地, 清偿进度: the verb belongs to the noun phrase
        if light_only and m.group() not in _LIGHT_VERBS:
            break
        found = (m.start(), e)
        pos = _skip(text, _strip_lead(text, e, j, pats), j, pats["adverb"])
        if pos < j and text[pos] in "并和、" and pats["verb"].match(text, pos + 1, j):
            pos += 1
    return found


def _last_verb(text: str, i: int, j: int, pats: dict) -> Optional[tuple[int, int]]:
    best = None
    for m in pats["verb"].finditer(text, i, j):
        e = m.end()
        if j - e < 3 or text[e] in _NOUN_MAKERS or text[e] == "的" or text[m.start() - 1] == "、" \
                or _inside_quotes(text, i, m.start()):
            continue
        best = (m.start(), e)
    return best


def _skip(text: str, pos: int, end: int, pat) -> int:
    while pos < end:
        m = pat.match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


@lru_cache(maxsize=None)
def _verb_object_nouns() -> frozenset[str]:
    return frozenset(default_lang().words("subjects.json", "verb_object_nouns"))


def _inside_quotes(text: str, i: int, pos: int) -> bool:
    return text.count("“", i, pos) > text.count("”", i, pos)


def _post_subject(text: str, pos: int, end: int, pats: dict) -> Optional[tuple[int, int]]:
    """A noun phrase right after the number (新增5个博士一级学科授权点, 7.8万名贫困人口全部脱贫)."""
    m = pats["post"].match(text, pos, min(end, pos + 20))
    if m and m.end() > m.start():
        e = m.end()
        mv = pats["verb_end"].search(text, m.start(), e)
        if mv and mv.start() - m.start() >= 2:
            e = mv.start()      # 实施20238个智慧路灯改造: the closing verb is not part of the noun
        return m.start(), e
    return None


def _find_relation(text: str, cstart: int, p_end: int, pats: dict) -> tuple[Optional[str], int]:
    """The relation word right before the number, looking past fillers (分别, 均, 同比 …)
    and past a qualifier that follows the real relation (增长不低于15%)."""
    qual_hit: Optional[tuple[str, int]] = None
    for _ in range(6):
        if p_end <= cstart:
            break
        mr = pats["rel_end"].search(text, max(cstart, p_end - 6), p_end)
        mq = pats["qual_end"].search(text, max(cstart, p_end - 6), p_end)
        if mq and mq.end() == p_end and qual_hit is None and (not mr or len(mq.group()) >= len(mr.group())):
            qual_hit = (mq.group(), mq.start())
            p_end = mq.start()
            continue
        if mr and mr.end() == p_end:
            return mr.group(), mr.start()
        mf = pats["filler_end"].search(text, max(cstart, p_end - 8), p_end)
        if mf and mf.end() == p_end and mf.start() < p_end:
            p_end = mf.start()
            continue
        break
    if qual_hit:
        return qual_hit
    return None, p_end if p_end > cstart else cstart


def _kind(relation: Optional[str], subject: str, unit: str, rclass: dict) -> tuple[str, Optional[str]]:
    cls = rclass.get(relation or "")
    if unit in ("个百分点", "百分点"):
        return "change_points", ("down" if cls == "down" else None)
    if relation and relation.endswith(_LEVEL_AFTER_CHANGE) and len(relation) > 1:
        return ("growth" if _is_rate(subject) else "level"), None
    if cls in ("up", "down") and _is_ratio(subject) and unit in ("%", "成", "‰"):
        # a change of a rate or share (增速比年初回升84%) is a change in points
        return "change_points", ("down" if cls == "down" else None)
    if cls == "down":
        return "growth", "down"
    if cls == "up":
        return "growth", None
    if _is_rate(subject):
        return "growth", None
    return "level", None


def _context(doc: Doc, q: QInfo, text: str, pats: dict, horizon: Optional[str]) -> None:
    """Time words, multi-year markers, 预计/力争 and the part of the document."""
    s0 = q.sent[0]
    n = q.raw
    # the words that qualify a number stand close before it: a bounded window keeps the work
    # per number constant however long the sentence (a list of 50,000 figures stays linear)
    c0 = max(q.clause, n.num_start - _SUBJECT_WINDOW)
    before_clause = text[c0:n.num_start]
    cache = doc.user_data.setdefault("estimate_at", {})
    est = cache.get(s0)
    if est is None:
        est = cache[s0] = text.find("预计", s0, min(q.sent[1], s0 + _SENTENCE_DATE_WINDOW))
    q.estimated = 0 <= est < n.num_start
    q.stretch = pats["stretch"].search(before_clause) is not None
    # most clauses hold no date or time word: a character test is far cheaper than the
    # patterns (every date and every word of the "time" pattern holds 年, 累 or 五)
    nian = "年" in before_clause
    timely = nian or "累" in before_clause or "五" in before_clause
    mm = pats["multi"].search(before_clause)
    if mm:
        q.multi_year = True
        q.cumulative_only = mm.group() == "累计"
    if nian:
        _date(q, text, c0, n.num_start, pats, first=False)
    if q.explicit_year is None and q.by_year is None:
        # the sentence's own date (2021年,全市…), not a year it compares with (比2016年)
        e0 = min(c0, s0 + _SENTENCE_DATE_WINDOW)
        if text.find("年", s0, e0) >= 0:
            _date(q, text, s0, e0, pats, first=True)
    tm = None
    if timely:
        for tm in pats["time"].finditer(text, c0, n.num_start):
            pass
    q.time = tm.group() if tm else None
    if doc.parts is not None:
        q.part = doc.parts.at(n.num_start)[0]
        q.horizon = horizon


def _date(q: QInfo, text: str, s: int, e: int, pats: dict, first: bool) -> None:
    for m in pats["year"].finditer(text, s, e):  # noqa: B007 - first date wins when first=True
        if text[max(s, m.start() - 1):m.start()] in ("比", "较", "是", "于") or text.startswith(("以来", "的"), m.end()):
            continue
        if m.group("by"):
            q.by_year = int(m.group("y"))
        else:
            q.explicit_year = int(m.group("y"))
        if first:
            break


def assign_roles(doc: Doc, infos: list[QInfo]) -> None:
    """Turn the analysis into Report.quantities (original offsets, role, year)."""
    meta = doc.report.meta
    plan_year, review_year = meta.plan_year, doc.review_year
    default_part = "plan" if meta.doc_type in ("plan_excerpt", "responsibility_notice") else "other"
    out = doc.report.quantities
    notes = doc.user_data.get("note_lines", [])
    orig_span = doc.norm.orig_span
    original = doc.original
    sent_cache: dict[tuple[int, int], tuple[int, int]] = {}
    for q in infos:
        n = q.raw
        part = q.part if q.part != "other" else default_part
        if notes and any(s <= n.num_start < e for s, e in notes):
            part = "other"      # a note explains a term; its numbers set or report nothing
        multi_marker = q.multi_year and not (q.cumulative_only and q.horizon == "year")
        multi = multi_marker or (q.compare_year is not None and review_year is not None
                                 and q.compare_year < review_year - 0 and q.compare_year != (review_year or 0) - 1)
        year: Optional[int]
        if part == "review":
            dated = q.explicit_year == review_year or (q.time in ("全年", "一年来", "去年", "上年")) \
                or _prev_year_context(doc, q)
            if multi or (q.horizon == "multi_year" and not dated):
                role, year = "multi_year_outcome", None
            else:
                role, year = "outcome", q.explicit_year or review_year
        elif part == "plan":
            if multi or (q.by_year and plan_year and q.by_year > plan_year) or q.horizon == "multi_year":
                role, year = "multi_year_target", q.by_year
            else:
                role, year = "target", plan_year
        else:
            role, year = "other", q.explicit_year
        s, e = orig_span(n.start, n.end)
        ev = original[s:e]
        sent_span = sent_cache.get(q.sent)
        if sent_span is None:
            sent_span = sent_cache[q.sent] = orig_span(*q.sent)
        ss, se = sent_span
        if q.subj:
            subs, sube = orig_span(*q.subj)
            subject = original[subs:sube]
        else:
            subs = sube = None
            subject = None
        out.append(Quantity(
            value=float(n.value), unit=n.unit, start=s, end=e, evidence=ev,
            value_high=float(n.value_high) if n.value_high is not None else None,
            qualifier=n.qualifier, unit_norm=n.unit_norm, amount=_clean(n.amount),
            amount_high=_clean(n.amount_high), subject=subject, subject_start=subs, subject_end=sube,
            indicator=q.indicator, relation=q.relation, kind=q.kind, direction=q.direction,
            time=q.time, year=year, role=role, stretch=q.stretch, estimated=q.estimated, part=part,
            sentence_start=ss, sentence_end=se,
        ))
    doc.qinfo = infos


def _prev_year_context(doc: Doc, q: QInfo) -> bool:
    """In a five-year review, a sentence dated to the previous year (2021年,… / 全年…)."""
    ry = doc.review_year
    sent = doc.text[q.sent[0]:min(q.sent[1], q.sent[0] + 40)]   # the date opens the sentence
    if ry and (f"{ry}年," in sent[:12] or f"{ry}年" in sent[:20] and "以来" not in sent[:24]):
        return True
    return sent.startswith(("全年", "一年来", "过去一年"))


def _clean(d):
    """1640000000.0 -> 1640000000: exact, and printed without a spurious decimal."""
    if d is None:
        return None
    try:
        if d == d.to_integral_value():
            return d.quantize(1)
        return d.normalize()
    except ArithmeticError:      # beyond the context's precision: keep it as it is
        return d


def extract_quantities(doc: Doc) -> None:
    assign_roles(doc, analyse(doc))
