"""Unit lists as documents write them: who leads, who takes part, and clean names for the registry.

Forms read (each tested in tests/test_ingest_units.py):
- 「X、Y负责」, 「X、Y按职责分工负责」: the first listed leads (the usual rule, often stated as
  「列第一位者为牵头单位」 — such notes are stripped);
- 「X牵头，Y参与/配合/按职责分工负责」, 「X、Y共同牵头」, 「X、Y分别牵头」, 「X会同Y负责」 (X leads);
- 「牵头单位：X；配合单位：Y」 and 责任/参与/协办/协同 单位 in the same way;
- a deadline after the units (「…负责，年内持续推进」) is split off for the deadline reader.
Collectives (各省级人民政府, 国务院各部门, 各有关部门 …) are kept whole; a list ending in 「等」 is open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Notes about the list itself, not names: honoured (first listed leads) and removed.
_RULE_NOTES = re.compile(r"[，,。；;]?\s*(?:(?:列|排)(?:在)?(?:第一位|首位)(?:者|的)?(?:部门|单位)?为牵头(?:部门|单位)"
                         r"|各(?:有关)?(?:部门|单位)按职责分工负责)(?:[，,]?\s*下同)?[。；;]?|[，,]?\s*下同[。；;]?")
_LABEL = re.compile(r"(牵头(?:单位|部门)|(?:主要)?责任(?:单位|部门)|配合(?:单位|部门)|参与(?:单位|部门)"
                    r"|协办(?:单位|部门)|协同(?:单位|部门)|协作(?:单位|部门)|实施(?:单位|部门)|主办(?:单位|部门)"
                    r"|承办(?:单位|部门))\s*[：:]")
_LEAD_LABELS = ("牵头", "主办")
_VERB_TAIL = re.compile(r"(?:按照?职责分工|按职责|根据职责|结合职责|分别|共同|牵头|具体|切实|配合|参与|会同)*"
                        r"(?:负责|落实|牵头|推进|实施|配合|参与)$")
_STRAY = re.compile(r"^[\s．.，,、；;：:“”\"（）()]+|[\s．.，,、；;：:“”\"（）()。]+$")
COLLECTIVE = re.compile(r"^(?:各|相关|有关|其他|全国各|国务院各|国务院有关|国务院其他|省直|市直|县直|区直|"
                        r"(?:省|市|县|区)(?:级|直)?(?:各|有关|相关)|中央和国家机关各|各级)")
# Words that say the text after them is not a unit (a timing, a way of working) — split off.
_AFTER_UNITS = re.compile(r"[，,；;]\s*(?=(?:\d{4}年|年内|年底|年中|每年|每季度|每月|长期|持续|上半年|下半年|"
                          r"\d{1,2}月|20\d\d|立即|及时|逐步|分阶段|按年度))")


@dataclass
class UnitList:
    as_written: str
    lead: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    mode: str = "first"  # first | joint | separate
    open_ended: bool = False
    rest: str = ""  # text after the units (often a deadline)
    flags: list[str] = field(default_factory=list)  # things for the reviewer


# 「各街办(新区)」「市委宣传部（市文明办）」: one closing qualifier in brackets belongs to the name.
_QUALIFIER = re.compile(r"^([\u4e00-\u9fff]{2,30})[(（]([\u4e00-\u9fff]{2,12})[)）]$")
_QUALIFIED = re.compile(r"^([^()（）]{2,40}?)[(（]([\u4e00-\u9fff]{2,12})[)）]([^()（）]*)$")


def clean_name(name: str) -> str:
    """A unit name without list punctuation, trailing verbs (负责, 牵头 …) or a closing 等."""
    if (m := _QUALIFIED.match(name.strip())) and not clean_name(m[3] or "") and clean_name(m[1]):
        return f"{clean_name(m[1])}（{m[2]}）"
    name = _STRAY.sub("", name.strip())
    for _ in range(3):
        before = name
        name = _VERB_TAIL.sub("", name)
        name = re.sub(r"(?:等(?:相关|有关)?(?:部门|单位)?)$", "", name) if not COLLECTIVE.match(name) else name
        name = _STRAY.sub("", name)
        if name == before:
            break
    return name


def _split(text: str, known: tuple[str, ...] = ()) -> tuple[list[str], bool]:
    """Names in a list written with 、，; and whether the list is open (ends in 等 …).

    Registered names that contain 、 or 和 (各市州、县市区党委和政府) are kept whole."""
    text = _RULE_NOTES.sub("", text)
    kept = [name for name in known if name in text]
    for i, name in enumerate(kept):
        text = text.replace(name, f"\x00{i}\x00")
    open_ended = bool(re.search(r"等(?:相关|有关)?(?:部门|单位)?(?:按照?职责分工)?(?:负责|牵头|配合|参与)?$", text.strip()))
    # 「X等省有关部门和各地级以上市人民政府」: 等 closes one list and a collective follows
    open_ended |= bool(re.search(r"等(?=(?:省|市|县|区)?(?:有关|相关|直|级)?各?(?:有关|相关)?(?:部门|单位)|各)", text))
    text = re.sub(r"等(?=(?:省|市|县|区)?(?:有关|相关|直|级)?各?(?:有关|相关)?(?:部门|单位)|各)", "、", text)
    names = []
    for piece in re.split(r"[、，,；;]|会同|(?<=[局委办厅部署会院行室])和(?=[^和]{2,})", text):
        name = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], clean_name(piece))
        if name and name not in names:
            names.append(name)
    return names, open_ended


def parse_units(note: str, known: tuple[str, ...] = ()) -> UnitList:
    """Read one unit note (the text inside the brackets, or after 牵头单位：)."""
    written = note.strip()
    result = UnitList(written)
    body = written
    if m := _AFTER_UNITS.search(body):
        body, result.rest = body[:m.start()], body[m.end():].strip()
    body = _RULE_NOTES.sub("", body)
    if "按职责分工负责" in body and not _LABEL.search(body) and re.fullmatch(r"[^、，,]*按职责分工负责", body):
        if COLLECTIVE.match(body):
            result.flags.append("no named unit: 按职责分工负责")
    labels = list(_LABEL.finditer(body))
    if labels:
        for i, label in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
            names, open_ended = _split(body[label.end():end], known)
            result.open_ended |= open_ended
            if label[1].startswith(_LEAD_LABELS) or (i == 0 and label[1].startswith(("责任", "主要责任", "实施"))
                                                      and len(labels) == 1):
                if label[1].startswith(_LEAD_LABELS):
                    result.lead += names
                else:  # a single 责任单位 list: the first listed leads
                    result.lead += names[:1]
                    result.participants += names[1:]
            else:
                result.participants += [n for n in names if n not in result.participants]
    elif m := re.search(r"(分别|共同)?牵头(?:负责)?(?:[，,；;]|$)", body):
        lead_text, rest = body[:m.start()], body[m.end():]
        result.lead, open_lead = _split(lead_text, known)
        result.participants, result.open_ended = _split(rest, known)
        result.open_ended |= open_lead
        if len(result.lead) > 1:
            result.mode = "separate" if m[1] == "分别" else "joint"
    else:
        names, result.open_ended = _split(body, known)
        if re.search(r"分别负责$", body) and len(names) > 1:
            result.lead, result.mode = names, "separate"
        else:
            result.lead, result.participants = names[:1], names[1:]
    if len(result.lead) > 1 and result.mode == "first":
        result.mode = "joint"
    result.participants = [n for n in result.participants if n not in result.lead]
    if result.open_ended and result.participants:
        result.flags.append("open list (等)")
    return result


def looks_like_unit(name: str) -> bool:
    """A name that can stand in the registry: no punctuation, no verbs, a sensible length."""
    name = _QUALIFIER.sub(r"\1", name)  # a closing qualifier (see clean_name) is allowed
    return (1 < len(name) <= 40 and not re.search(r"[，,。；;：:、（）()“”\"\s]", name)
            and not re.search(r"负责|下同|按职责", name) and not name.endswith("牵头"))


# --- levels of government ---

LEVELS = ("中央", "省", "市", "县")


def level_of_place(place: str) -> str | None:
    """The level of a jurisdiction: 中央 (the State Council, the Party Centre), a province, a city, a county."""
    if not place:
        return None
    if re.search(r"^(?:全国|中央|国务院|国家|中共中央)", place):
        return "中央"
    if re.search(r"(?:省|自治区)$", place) or place in ("北京市", "天津市", "上海市", "重庆市"):
        return "省"
    if re.search(r"(?:市|州|盟|地区)$", place):
        return "市"
    if re.search(r"(?:县|区|旗|镇|乡)$", place):
        return "县"
    return None


def level_of_name(name: str, default: str | None) -> str | None:
    """The level a unit name says it is at (省财政厅 → 省, 财政部 → 中央), else the document's."""
    if re.match(r"^(?:国务院|国家|中央|全国|中共中央|最高人民)", name) or re.search(r"(?<![厅局总])部$|总局$|总署$", name) \
            and not re.match(r"^(?:省|市|县|区)", name):
        return "中央"
    if re.match(r"^(?:各省|各省级|省)", name):
        return "省"
    if re.match(r"^(?:各市|各地级|市)", name):
        return "市"
    if re.match(r"^(?:各县|各区|各乡镇|各街道|县|区|乡|镇|街道)", name):
        return "县"
    return default
