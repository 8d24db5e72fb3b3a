"""The body whose duties a document lists without a subject: one it sets up or defines before the list.

A 三定 regulation, a body's rules or a notice setting up a group names the body once, then lists its duties as items
that open with their verb (「（一）负责…」「（二）协助…」), no subject in any of them:
- 「设立国务院办公厅，为…的机构」, 「决定成立X领导小组」, 「建立X联席会议制度」, 「园区办为工业园区日常办事机构，负责…」:
  the body is set up (设立, 成立, 组建, 建立) or defined (「X为…机构」);
- 「二、主要职责」 (a duty heading naming no unit, lexicon.yaml duty_headings) or a sentence closing 「其职责是：」,
  「职责如下：」: its duties follow, the items under it are the body's (`generic` makes it their owner), and so is the
  paragraph right under such a heading, whatever its first word (「在国务院领导下，统筹协调…」).
A duty heading with no body set up or defined before it owns nothing: whose duties they are is not written.

A form for one unit (a 目标责任书) names it once at its head, 「部门(单位)：示范区水务局　责任人：王西宁」, and lists
the unit's work below without a subject (`holder_form_tasks`): read only where nothing else assigns any work.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .clauses import assigned_subjects, subject_clauses
from .lexicon import alternation, is_person, lexicon
from .shapes import Candidate
from .source import Block
from .unitnames import looks_like_unit
from .unitnotes import UnitList, one_unit

_NAME = r"[^，,。；;：:、\s“”\"〔〕《》\d]{2,40}?"  # no 文号 or title: 「同意建立X制度的函〔2016〕30号」 names none
# 「设立国务院办公厅，」 「决定成立X领导小组，」 「在X领导小组下设Y办公室（以下简称…）」: what is set up, up to the end of
# its clause; 「建立由民政部牵头的X联席会议制度」: the unit leading it, said before its name, is no part of it
_SET_UP = re.compile(rf"(?:设立|成立|组建|建立|下设|调整为)(?:由[^，,。；;：:]{{2,20}}?牵头的)?(?P<name>{_NAME})(?=[，,。；;：:]|$|(?<=[室组班])[在于])")  # (「下设办公室在X」, 「下设办公室于X」: seated in X)
# 「建立X联席会议（以下简称联席会议）制度」: the body without its short name and the 制度 it works by
_ALIAS = re.compile(r"[(（](?:以下简称|简称)[^()（）]{1,20}[)）]")
_NOT_NAME = re.compile(r"制度$")
_STANDS_AS = re.compile(r"(?<=[\u4e00-\u9fff])(?:是|为)[^，,。；;]{2,40}?(?:机构|单位|部门|机关)$")
# 「园区办为工业园区日常办事机构」: a clause opening with the name, defined as a kind of body
_DEFINED = re.compile(rf"(?:^|(?<=[。；;，,]))(?P<name>{_NAME})为[^，,。；;]{{2,40}}?(?:机构|单位|部门|机关)(?=[，,。；;]|$)")
# 「市重点项目办公室内设项目一科、项目二科」: a body naming its internal sections, the body the page describes
_HAS_SECTIONS = re.compile(rf"(?:^|(?<=[。；;，,]))(?P<name>{_NAME})内设(?!机构)")
# 「…。其职责是：」, 「相关成员及单位职责如下：」: a sentence announcing the duties that follow; 「联席会议的主要职能是在
# 国务院领导下，」: so, with who guides all of them
_ANNOUNCES = re.compile(r"(?:^|(?<=[。；;，,]))[^。；;，,]{0,12}(?:职责|职能)(?:是|为|如下)(?:[：:]|在[^，,。；;：:]{1,12}?下[，,：:]?)$")


def defined_body(text: str) -> str | None:
    """The last body a line sets up or defines, when its name reads as a unit (a bracket inside it allowed:
    「示范园区（产业）创建工作领导小组」)."""
    text = _ALIAS.sub("", text)
    found = [_NOT_NAME.sub("", m["name"]) for pattern in (_SET_UP, _DEFINED) for m in pattern.finditer(text)]
    found = [n for n in found if _is_body(n)]
    return found[-1] if found else None


_SHORT_NAMED = re.compile(rf"(?P<full>{_NAME})[(（](?:以下简称|简称)[“\"]?(?P<short>[^()（）“”\"，,。]{{1,20}})[”\"]?[)）]")


# 「市政府有关部门参加的市X联席会议」: the units taking part in a body, said before its name, are no part of it
_MEMBERS_SAID = re.compile(r"^[^的]{2,30}?(?:参加|参与|组成)的(?=[^的]{2,})")
_MARK_GLUED = re.compile(r"^(?:第[一二三四五六七八九十百\d]{1,4}[条章节]|[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十\d]{1,2}[)）])\s*")


def short_names(texts: list[str]) -> dict[str, str]:
    """The short names a document gives the bodies it names in full (「成立X领导小组（以下简称市领导小组）」)."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _SHORT_NAMED.finditer(text):
            full = (set_up := _SET_UP.search(m["full"])) and set_up["name"] or m["full"]
            full = _STANDS_AS.sub("", full)  # 「开发区管委会是本意见的管理机构（以下简称管委会）」: the body, not its standing
            full = _MARK_GLUED.sub("", full)  # 「第四条市防汛指挥部（以下简称市防指）」: the article's number glued on
            full = _MEMBERS_SAID.sub("", full)  # 「X部门参加的市Y联席会议（以下简称联席会议）」: who takes part
            if _is_body(full) and m["short"] != full:
                out[m["short"]] = full
    return out


# 「市红办主任由市发展改革委主任担任」, 「指挥部总指挥由负责农业农村工作的省领导兼任」, 「发展改革委主任担任联席会议召集人」:
# who holds a body's head post (not a deputy's) leads its work in person
_HEAD_POST = r"(?:主任|组长|总指挥|指挥长|第一召集人|召集人|主席)"
_HEAD_HELD = (re.compile(rf"(?:^|[。；;，,])(?P<body>[^，,。；;：:、由]{{2,30}}?)(?<!副){_HEAD_POST}由(?P<who>[^，,。；;、]{{2,30}}?)"
                         r"(?P<comrade>同志)?(?:担任|兼任)(?=[，,。；;]|$)"),
              re.compile(rf"(?:^|[。；;，,])(?P<who>[^，,。；;、由]{{2,30}}?)(?P<comrade>同志)?(?:担任|兼任)(?P<body>[^，,。；;、]{{2,30}}?)"
                         rf"(?<!副){_HEAD_POST}(?=[，,。；;]|$)"),
              # 「建立由主管…的乡(镇)长任站长的乡镇交通安全管理站」, 「建立以村长任组长的安全联组」: the body set up, its head
              re.compile(rf"(?:由|以)(?:[^，,。；;、由以]{{0,20}}的)?(?P<who>[^，,。；;、由以的]{{2,20}}?)(?P<comrade>同志)?任"
                         rf"(?:{_HEAD_POST}|站长)的(?P<body>[^，,。；;、的]{{2,30}}?)(?=[，,。；;]|$)"))


def head_posts(texts: list[str]) -> dict[str, str]:
    """Each body whose head post the document says who holds (the body as written), and who: the first said."""
    out: dict[str, str] = {}
    for text in texts:
        for pattern in _HEAD_HELD:
            for m in pattern.finditer(text):
                who = _name_after_post(m["who"]) or m["who"]
                out.setdefault(m["body"], who if _named(who) else who + (m["comrade"] or ""))
    return out


def _name_after_post(who: str) -> str | None:
    """「统计局副局长徐一帆」: a post, then its holder's name; the person leads, the post only says who they are."""
    for size in (3, 2):
        post, name = who[:-size], who[-size:]
        if len(post) >= 2 and lexicon().post.search(post) and is_person(name) and _named(name):
            return name
    return None


def _named(who: str) -> bool:
    """「缪爱国同志」: a person's name, whose 同志 is a courtesy; a post's (「国务院分管领导同志」) is part of the post."""
    return 2 <= len(who) <= 3 and not lexicon().post.search(who) and not lexicon().held_post.match(who)


def head_of(lead: list[str], heads: dict[str, str], short: dict[str, str]) -> str | None:
    """Who heads the one body leading a task (named in full, by its short name, or by its kind: 指挥部 for X指挥部)."""
    if len(lead) != 1:
        return None
    for body, who in heads.items():
        if lead[0] in (body, short.get(body)) or len(body) >= 3 and lead[0].endswith(body) \
                or len(lead[0]) >= 5 and body.endswith(lead[0]):  # 「乡镇交通安全管理站」 then 「交通安全管理站负责…」
            return who
    return None


def expand_short_name(name: str, short: dict[str, str]) -> str:
    """A body written by its short name, or its office so (「市领导小组办公室」), by its full name."""
    for abbreviation, full in short.items():
        if name == abbreviation or name.startswith(abbreviation) and name[len(abbreviation):] in ("办公室", "工作专班"):
            return full + name[len(abbreviation):]
    return name


_OWNER = r"[^，,。；;：:、\s“”\"（）()〔〕《》\d]{2,30}?"  # the body owning the office, no bracket or number before it


def seated_offices(texts: list[str]) -> set[str]:
    """The offices a text seats somewhere, as it names them there (「联席会议办公室设在省民政厅」: 联席会议办公室): that is
    their name (where it sits explains it, corpus truth rule 4), the short name of their body inside it too
    (「领导小组办公室设在财政部」 stays 领导小组办公室)."""
    seated = re.compile(rf"(?P<name>{_OWNER}(?:{alternation(lexicon().office_words)}))(?:设在|设于)")
    return {_after_heading(m["name"]) for t in texts for m in seated.finditer(t)}


def _after_heading(name: str) -> str:
    """A seated office's name without a duty heading run into its sentence (「工作机构及其职责领导小组办公室」 of
    「三、工作机构及其职责」 then 「领导小组办公室设在…」)."""
    ends = [m.end() for m in re.finditer(alternation(lexicon().duty_headings), name)]
    return name[ends[-1]:] if ends and _is_body(name[ends[-1]:]) else name


def named_where_seated(name: str, seated: set[str]) -> bool:
    """The office name closes a writing the text seats somewhere (a heading run into it, 「三、工作机构领导小组办公室设在…」,
    is no part of it)."""
    return _is_body(name) and any(s.endswith(name) for s in seated)


def set_up_office(texts: list[str]) -> str | None:
    """The one working office a text sets up, as it names it there (「联席会议办公室设在省民政厅」, 「领导小组下设办公室」:
    领导小组办公室); None when it sets up none, or several (a bare 办公室 could then be any of them)."""
    words = alternation(lexicon().office_words)
    under = re.compile(rf"(?P<owner>{_OWNER})下设(?P<office>{words})")
    found = seated_offices(texts)
    found |= {_owner_in_full(m["owner"], texts) + m["office"] for t in texts for m in under.finditer(t)}
    found = {n for n in found if _is_body(re.sub(r"[“”\"]", "", n))}  # (a quoted topic in its body's name: still one)
    return found.pop() if len(found) == 1 else None


# 「成立县“清剿火患”指挥部，」: a body set up, its name as written (a quoted topic inside it too), up to its clause's end
_SET_UP_QUOTED = re.compile(r"(?:设立|成立|组建)(?P<name>[^，,。；;：:、\s《》〔〕()（）\d]{2,40}?)(?=[，,。；;：:(（]|$)")


def _owner_in_full(owner: str, texts: list[str]) -> str:
    """「指挥部下设办公室」, 「领导小组下设办公室」: the body named by its kind alone is the first the text set up of that kind,
    named as it was set up (县“清剿火患”指挥部); a kind no body set up before stays as written."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,5}", owner):
        return owner
    for text in texts:
        for m in _SET_UP_QUOTED.finditer(text):
            if m["name"] != owner and m["name"].endswith(owner) and _is_body(re.sub(r"[“”\"]", "", m["name"])):
                return m["name"]
    return owner


# 「…关于设立临沧工业园区管委会招商引资项目推进办公室的通知」: the body a notice sets up, named in full by its title
_TITLE_SETS_UP = re.compile(rf"(?:设立|成立|组建)(?P<name>{_NAME})的(?:通知|决定|批复)$")


def title_body(title: str | None) -> str | None:
    """The body the title says the document sets up, when its name reads as one."""
    m = _TITLE_SETS_UP.search(title or "")
    return m["name"] if m and _is_body(m["name"]) else None


def set_up_body(texts: list[str]) -> str | None:
    """The one body a text sets up (「国务院决定成立X领导小组」), as it names it there: its bare kind written later
    (领导小组) is that body; None when the text sets up none, or several (the bare word could be any of them)."""
    found = {_NOT_NAME.sub("", m["name"]) for t in texts for m in _SET_UP.finditer(_ALIAS.sub("", t))}
    found = {n for n in found if _is_body(n) and not _HEADED_BY.match(n)}
    return found.pop() if len(found) == 1 else None


# 「建立以行政村村长任组长的道路交通安全联组」: who heads the body, said before its name, is no part of it
_HEADED_BY = re.compile(r"^(?:以|由)[^，,。；;]{1,30}?任")


# 「联席会议办公室」, 「领导小组」: a body, or its office, named by its kind alone, which names no one body (another
# document's 联席会议办公室 is another office, though the knowledge base would take the two for one unit)
_KIND_ONLY = re.compile(rf"(?P<kind>{alternation(lexicon().working_body_kinds)})"
                        rf"(?:{alternation((*lexicon().office_words, '辦公室', '办'))})?")


def kind_only_review(names: list[str], full: str | None) -> list[str]:
    """The review's line for each unit named by its kind alone, with the full name the text gives its body if any."""
    return [f"[待补] 单位“{name}”只写了机构的类别，没有写明是哪一个机构的：知识库中各文件同名的单位是同一个单位，"
            f"请在任务和 units.yaml 中改用全称"
            + (f"（如“{full}{name[len(m['kind']):]}”）" if full and full.endswith(m["kind"]) else "")
            for name in dict.fromkeys(names) if (m := _KIND_ONLY.fullmatch(name))]


def name_in_full(name: str, full: str | None) -> str:
    """「决定设立招商引资项目推进办公室」 under a title setting up 「X管委会招商引资项目推进办公室」: the body the text names
    short is the one the title names in full (a bare office word, 办公室, is left to `name_bare_office`)."""
    return full if full and name != full and full.endswith(name) and name not in lexicon().office_words else name


def name_bare_office(name: str, office: str | None) -> str:
    """「由办公室商各成员单位印发」: an office word written alone is the office the text set up, when it set up one; so is
    the office named by its body's kind (指挥部办公室) where the body was set up under a longer name."""
    words = lexicon().office_words
    return office if office and (name in words or office.endswith(name) and name.endswith(words)) else name


def _is_body(name: str) -> bool:
    return one_unit(re.sub(r"[(（][^()（）]{1,10}[)）]", "", name))


def duty_heading(text: str) -> bool:
    """A heading that names duties and no unit: 「主要职责」, 「工作职责：」, the body's own by its kind: 「部门职责」 (not
    its sections': 「科室职能」)."""
    return bool(re.fullmatch(rf"(?:部门|单位|机构)?(?:{alternation(lexicon().duty_headings)})[：:]?",
                             text.strip().rstrip("。")))


def sections_body(texts: list[str]) -> str | None:
    """The body a page describes by naming its internal sections (「X内设A、B」), when it reads as one unit."""
    return next((m["name"] for t in texts for m in _HAS_SECTIONS.finditer(t) if _is_body(m["name"])), None)


def names_duties(text: str) -> bool:
    """「主要职责」, 「联席会议职责」: a heading over duties, a unit's name before it or none."""
    return bool(re.search(rf"(?:{alternation(lexicon().duty_headings)})$", text.strip().rstrip("：:。")))


def post_duties(heading: str, texts: list[str], known: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """「一、联络员的工作职责」: a heading over the duties of a post (lexicon.yaml people), not of a body; the items under
    it are the work of the bodies the document names with that post (「各市级水行政主管部门联络员每季度…」, the first
    so named), the post their leader. (body, post), or None when no body is named with it."""
    m = re.fullmatch(rf"(?P<post>[\u4e00-\u9fff]{{2,10}}?)的?(?:{alternation(lexicon().duty_headings)})",
                     heading.strip().rstrip("：:。"))
    if not m or not is_person(m["post"]):
        return None
    for text in texts:
        for at in re.finditer(re.escape(m["post"]), text):
            before = re.split(r"[\s，,。；;：:、“”\"]", text[max(0, at.start() - 30):at.start()])[-1]
            for body in (before[k:] for k in range(len(before) - 1)):  # the longest that reads as one body
                if one_unit(body, known) and looks_like_unit(body):
                    return body, m["post"]
    return None


def _own_subject(text: str) -> bool:
    """「2011年9月20日至…，X和Y负责对口督查…」: a paragraph naming units that do its work is theirs, under any heading."""
    return any(text.find(units.as_written) < 40 for _, units in subject_clauses(text) + assigned_subjects(text, ()))


def _later_assignment(text: str) -> int | None:
    """Where a later sentence of a body's duty paragraph starts that gives units of their own work by 由
    (「…由各成员单位负责督促…落实。」): the body's duties end before it."""
    starts = [m.end() for m in re.finditer(r"。", text) if m.end() < len(text)]
    return next((at for at in starts if any(units.how == "by" for _, units in
                                            subject_clauses(re.split(r"。", text[at:])[0], numbered=True))), None)


# 「根据…，为…，特制定X成员单位工作职责。」: the paragraph saying the duties below are set, no duty itself
_SETS_DUTIES = re.compile(r"(?:特|现|为此)?制定(?:本|如下|以下)?[^。；;，,]{0,40}(?:职责|分工|方案|办法|细则)(?:如下)?[。：:]?$")


def sets_duties(text: str) -> bool:
    return bool(_SETS_DUTIES.search(text))


def holders_duties(items: list) -> list:
    """The items of `generic` with the duties of a body set up or defined before them given to it: a duty heading
    naming no unit (or the body's short name), or a sentence closing 「其职责是：」, owns the items under it for that
    body (a line of its own, at its sentence's level); the paragraph right under a duty heading is its body's."""
    out: list = []
    # a page stored from its duty heading, the body it describes named only below it (「X内设A、B」): that body's
    holder = sections_body([i.text for i in items if i.table is None])
    for item in items:
        if item.table is None and not item.owner:
            holder = defined_body(item.text) or holder
        if holder and item.owner and holder.endswith(item.owner):
            item.owner = holder  # 「联席会议职责」 after 「建立X联席会议（以下简称联席会议）制度」: its short name
        if holder and item.table is None and not item.owner and (duty_heading(item.text) or _ANNOUNCES.match(item.text)):
            item.owner = holder
        elif holder and item.table is None and (said := _ANNOUNCES.search(item.text)) and said.start():
            out.append(replace(item, text=item.text[:said.start()]))
            item = replace(item, text=said.group(), number=None, owner=holder, duty=False, named=False,
                           subject_led=False, note_only=False)
        elif out and out[-1].owner and names_duties(out[-1].text) and not item.numbered and item.table is None \
                and not item.owner and not _own_subject(item.text) and not sets_duties(item.text):
            item.duty = True  # the paragraph right under 「（X）主要职责」: the body's duties, whatever its first word
            item.number = item.number if item.number is not None else out[-1].number
            if cut := _later_assignment(item.text):  # 「…。联席会议按照…要求，由各成员单位负责督促…」: theirs
                out.append(replace(item, text=item.text[:cut]))
                item = replace(item, text=item.text[cut:], duty=False, subject_led=True)
        out.append(item)
    return out


_FORM = lexicon().holder_form
_HOLDER_LINE = re.compile(
    rf"^(?:{alternation(_FORM['unit_labels'])})\s*[：:]\s*(?P<unit>[^\s：:，,。；;]{{2,30}})"
    rf"(?:\s+(?:{alternation(_FORM['person_labels'])})\s*[：:]\s*(?P<person>[^\s：:，,。；;]{{2,8}}))?\s*$")
_WORK = re.compile(alternation(_FORM["work_verbs"]))
_FULL_BRACKETS = str.maketrans("()", "（）")  # 「部门(单位)」 as the label 部门（单位）
_HEAD_LINES = 6  # the holder line stands at the form's head: among its first lines
FORM_NOTE = "[责任书表单] {where}：整份表单只写了这一个单位，其下各段读作它的任务，请核对"


def holder_form_tasks(blocks: list[Block]) -> list[Candidate]:
    """A one-unit form's work: the unit (and person) its head line names, each paragraph below holding a verb of
    work and a sentence's punctuation (not a heading, a score, a note: 「省部共建工作成效」「（20分）」)."""
    lines = [b for b in blocks if not b.is_row and b.text.strip()]
    head = next(((k, m) for k, b in enumerate(lines[:_HEAD_LINES])
                 if (m := _HOLDER_LINE.match(b.text.strip().translate(_FULL_BRACKETS)))), None)
    if head is None or not looks_like_unit(head[1]["unit"]):
        return []
    k, m = head
    # 「杨凌示范区水务局 2019年度目标责任书」 over 「部门(单位)：示范区水务局」: the title names the unit in full
    full = [f.group() for b in lines[:k] for f in re.finditer(rf"[^\s，,。；;：:]{{0,12}}{re.escape(m['unit'])}", b.text)
            if looks_like_unit(f.group())]
    unit = max(full, key=len, default=m["unit"])
    out, note = [], FORM_NOTE.format(where=lines[k].where)
    for b in lines[k + 1:]:
        text = b.text.strip()
        if len(text) >= 10 and _WORK.search(text) and re.search(r"[，,。；;：:]", text):
            units = UnitList(unit, lead=[unit], how="label", leaders=[m["person"]] if m["person"] else [])
            out.append(Candidate(text, units, b.where, "holder-form", 0.5, notes=[note]))
    return out
