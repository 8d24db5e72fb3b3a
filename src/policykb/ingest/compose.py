"""From the common form to a draft: document, articles, tasks, proposed units, and the review.

Every guess is recorded with where it was read and how sure it is, so the reviewer can check the
draft against the source instead of trusting it.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from .. import paths, textrules
from ..gongwen import cite
from ..load import document_folders
from ..ownnumbers import MARK, task_ref
from ..registry import UnitIndex
from . import timing
from .clauses import DIVISION_ROLE, ROLE_HOLDER, collective, only_sets_up
from .meta import Meta, document_place, home_of, jurisdiction_of, read_meta
from .rules import RULE_FLAG, apply_rule, rule_participants
from .siblings import sibling_holders
from .wholeplace import whole_place
from .settings import annex_title_of, own_words, period_of
from .pagehead import opens_inside, page_head_work
from .requirements import (PEOPLE, general_deadlines, requirement_paragraphs, requirement_tasks,
                           without_all_addressed)
from .category import HEADING_LEADS
from .continued import CUT_AT, continued
from .outline import Numbered, numbered_paths, paragraphs_under
from .ownplan import own_plan_tasks
from .generic import GROUP_LEADS, general_only, general_tasks
from .items import duty_line, duty_paragraph, holders_heading, pledge_signatory
from .holders import (defined_body, duty_heading, expand_short_name, head_of, head_posts, holder_form_tasks,
                      short_names)
from .rosters import roster_of, rosters
from .columns import header_columns
from .shapes import COLUMN_VOUCHED, ITEM, PART, SECTION, Candidate, form_tasks, inline_tasks, table_tasks
from .source import Block, ImportFailed, Source
from ..cascade.citations import cited, review as cited_review
from .lexicon import alternation, lexicon
from .unitnames import (BARE_GOVERNMENT, COLLECTIVE, OPEN_LIST, SEMICOLON_LABEL, UnitList, level_as_written,
                        level_of_name, level_of_place, looks_like_unit, post_of)

# Kinds for units an import proposes (the registry's other kinds are those of a provincial policy).
_KIND_OF_LEVEL = {"中央": "中央国家机关", "省": "省直部门", "市": "市县部门", "县": "市县部门"}


_BODIES = re.compile(r"(?:党委和政府|党委、政府|党委政府|人民政府|政府|党委)$")


def _collective_core(name: str) -> str:
    """「各市州、县市区党委和政府」 and 「各市州、县市区」 name the same places: compare them without the bodies."""
    return _BODIES.sub("", name)


@dataclass
class Registry:
    """The units already in the knowledge base, and the jurisdiction its bare 省X names belong to."""
    units: UnitIndex = field(default_factory=lambda: UnitIndex({}))  # names as check resolves them
    home: str | None = None
    members: dict[str, list[str]] = field(default_factory=dict)  # a collective's core name -> its members
    root: Path | None = None  # issue 24: where cited parent documents are looked up

    @property
    def names(self) -> dict[str, str]:
        """Every registered name and alias (local names aside) -> its unit's name."""
        return self.units.canonical

    @classmethod
    def load(cls, root: Path) -> "Registry":
        units_file = root / paths.UNITS_FILE
        try:
            data = yaml.safe_load(units_file.read_text(encoding="utf-8")) if units_file.is_file() else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            data = None
        entries = (data or {}).get("units") if isinstance(data, dict) else None
        registry = cls(units=UnitIndex.of_entries(entries), root=root)
        for unit in entries or []:
            if isinstance(unit, dict) and isinstance(unit.get("name"), str) and unit.get("collective") \
                    and unit.get("members"):
                for name in [unit["name"], *(unit.get("aliases") or [])]:
                    registry.members.setdefault(_collective_core(str(name)), list(unit["members"]))
        registry.home = home_of(_document_places(root))
        return registry

    def knows(self, name: str, place: str | None) -> bool:
        """Whether a document of `place` writing `name` means a registered unit (as check resolves it)."""
        return self.units.resolve(name, place) is not None


def _document_places(root: Path) -> Iterator[str | None]:
    """Each document's place, as its document.yaml writes it (read unchecked: check may not pass yet)."""
    for folder in document_folders(root, paths.DOCUMENT_FILE)[0] if root.is_dir() else []:
        try:
            meta = yaml.safe_load((folder / paths.DOCUMENT_FILE).read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        yield document_place(meta.get("jurisdiction"), meta.get("issuers"))


@dataclass
class Draft:
    doc: dict
    articles: dict[int, dict]
    tasks: dict[int, dict]
    proposed: list[dict]
    review: list[str]
    summary: str


def _last_place(place: str, towns: bool = False) -> str:
    """The place a unit's name starts with: 鞍山市立山区 -> 立山区, 杭州市余杭區 -> 余杭區 (a 州 before 市 is the city's
    name: 杭州市, not 杭州; with towns, 攸县黄丰桥镇 -> 黄丰桥镇)."""
    folded = lexicon().fold(place)  # 區, 縣: the same places in traditional script, read by their folded letters
    town = re.match(r"^.*(?:县|区|市|旗)([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道))$", folded) if towns else None
    if town:
        return place[town.start(1):]
    places = list(re.finditer(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗)(?!市)", folded))
    return place[places[-1].start():places[-1].end()] if places else place


def _names_place(name: str, place: str) -> bool:
    """「人民银行上海总部」 in a 上海市 document, 「株洲财政局」 in a 株洲市 one: the name says its place without 市."""
    core = re.sub(r"(?:自治区|自治州|省|市|州|盟|县|区|旗|镇|乡|街道)$", "", _last_place(place, towns=True))
    return len(core) >= 2 and core in name


def _local_unit_name(name: str, place: str) -> str:
    """The registry name of the unit a document of `place` calls by a bare name: 株洲市 + 财政局 -> 株洲市财政局."""
    return _last_place(place, towns=True) + name


def _qualified(name: str, place: str | None, level: str | None, home: str | None) -> str:
    """「市发展改革委」 in a Guangzhou document is 广州市发展改革委: bare names take the issuer's place."""
    if not place or level not in ("省", "市", "县") or place == home:
        return name
    bare = {"省": ("市",) if place.endswith("市") else ("省",), "市": ("市", "州") if place.endswith("州") else ("市",),
            "县": ("县", "区", "旗")}[level]  # a 自治州's documents write its bodies 州X
    short = _last_place(place)
    if re.fullmatch(r"各?[省市州县区旗乡镇]{2,}", name):
        return name  # 「县区」, 「县市区」: levels together, every place of them, not this place's
    if re.match(r"^[省市州县区][乡镇](?![村镇])", name):  # 「区镇联席会议办公室」: two levels together (a zone and its
        # town), not 区 standing for the place's name (县乡村振兴局 and 县乡镇企业局 are the county's)
        return name
    if name.startswith("市场"):  # 「市场监管部门」: 市场 is a word, no 市 standing for the place
        return name
    if name.startswith(bare) and not name.startswith(short):  # 区直各部门 too: 立山区直各部门 (corpus truth rule 3)
        return short[:-1] + name if short.endswith(name[0]) else short + name
    return name


# (乡村振兴办, 市场监管局: a word opening with a level's character names no place)
_PLACED = re.compile(r"^(?:各|有关|相关|其他|全国|国家|国务院|中央|中共|全|省|市(?!场)|县|区|州|盟|旗|乡(?!村)|镇)"
                     r"|^[\u4e00-\u9fff]{2,8}?(?:省|市|县|区|州|旗|盟|镇|乡|街道)")
_OFFICE = re.compile(r"(?:处|科|股|室)(?:（[^（）]+）)?$")  # the issuer's own offices (应急处): its place is the issuer's


_ZONE = re.compile(r"^(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|工业园区|产业园区|园区|新区|示范区|保税区)")


def _placed(name: str) -> bool:
    """The name says where its unit is (a place or level, a collective, a central body), or is an office of the issuer;
    「经济开发区管委会」 names a kind of zone, not which."""
    return not _ZONE.match(name) and bool(_PLACED.search(name) or _OFFICE.search(name)
                                          or level_of_name(name, None) == "中央")


def proposed_unit(name: str, level: str | None, collective: bool = False, members: list[str] = ()) -> dict:
    """A unit the import proposes: its kind by its level, awaiting review."""
    return {"name": name, "aliases": [], "kind": _KIND_OF_LEVEL.get(level or "", "省直部门"),
            **({"collective": True} if collective else {}), **({"members": list(members)} if members else {}),
            "level": level, "proposed": True}


def lead_mode(units: UnitList, lead: list[str]) -> str:
    """How a task's leads share it. A list that opens with a collective (各县(市、区)政府、X管委会) is never led
    jointly unless a word says so: a collective's members each act in their own area, and so does what is
    listed with them (each its share)."""
    if len(lead) < 2:
        return "first"
    if units.mode == "joint" and collective(lead[0]) and not _SAID_JOINTLY.search(units.as_written):
        return "separate"
    return units.mode


_SAID_JOINTLY = re.compile("|".join(w for w, role in lexicon().verbs.items() if role == "joint"))


def proposal_line(unit: dict) -> str:
    """The review's line for a proposed unit."""
    return (f"[拟新增单位] {unit['name']}（{unit['level'] or '层级未识别'}{'，集合单位' if unit.get('collective') else ''}"
            + (f"，成员取自单位名录：{'、'.join(unit['members'])}" if unit.get("members") else "")
            + (f"，{unit['place']}的文件中写作“{'、'.join(unit['local_names'])}”" if unit.get("local_names") else "") + "）")


# 「镇村干部」, 「乡、村两委干部」: cadres of the township and of its villages, who serve both levels' bodies
_VILLAGE_CADRES = re.compile(r"^[乡镇]、?村(?:两委)?干部$")
ISSUER_LEADS = "people's work: the issuer leads"
FIRST_BY_CUSTOM = "first listed leads by custom"  # UnitList.by_custom: no word says who leads (「X、Y、Z负责」)
NO_ISSUER_FOR_PEOPLE = ("要求的主语是人员（{people}），未写单位，应由发文机关牵头，但文中没有找到发文机关："
                        "请用 policykb import --issuer 发文机关全称 重新导入")
# Below this a task's reading is not to be trusted without a look (measured on the corpus: tests/measure_ingest.py).
CONFIDENT = 0.85
_FLAG_CN = {OPEN_LIST: "名单以“等”结尾", "only a guiding unit named": "只写了指导单位，暂作牵头",
            "no lead named: the first participant is taken": "未写牵头单位，暂以首个配合单位作牵头",
            FIRST_BY_CUSTOM: "未写明谁牵头（如“X、Y负责”），按惯例以排在第一位的单位牵头、其余为配合单位，请核对"
                             "（若各单位分别负责，改为 lead_mode: separate）",
            "units carried from the row above": "本行单位格为空，按合并单元格沿用上一行的单位",
            "deadline carried from the row above": "本行时限格为空，按合并单元格沿用上一行的时限",
            "leader carried from the row above": "本行责任领导格为空，按合并单元格沿用上一行的责任领导",
            ISSUER_LEADS: "本项主语是人员、未写单位，暂以发文机关牵头、所列人员为责任领导，请核对",
            "unit from heading": "本项未写单位，取上方标题所列的单位",
            GROUP_LEADS: "取上方标题所列的工作组牵头，所列责任单位作为参与（成员）单位，请核对",
            HEADING_LEADS: "牵头单位取上方类别标题括注的牵头单位，本项所列责任单位作为参与单位，请核对",
            "participants from a remark column": "备注栏所列单位按配合单位读入，请核对",
            SEMICOLON_LABEL: "单位标注的标签后是分号（原文笔误？），按冒号读入，请核对",
            RULE_FLAG: "按文件对全部任务的说明（除特别注明外为配合单位）加入配合单位，请核对"}


def _flag_cn(flag: str) -> str:
    if flag.startswith("place unknown: "):
        return f"“{flag.removeprefix('place unknown: ')}”属于哪个地方未能确定，请写明 jurisdiction 后重新导入"
    if flag.startswith("place not written: "):
        return f"“{flag.removeprefix('place not written: ')}”没有写明地方，按本文件的管辖地理解，请核对"
    if flag.startswith("place guessed: "):
        return f"“{flag.removeprefix('place guessed: ')}”的地方按正文推测的管辖确定，请核对"
    if flag.startswith("not a unit: "):
        return f"“{flag.removeprefix('not a unit: ')}”不像单位名称，未采用"
    if flag.startswith(COLUMN_VOUCHED):
        return f"“{flag.removeprefix(COLUMN_VOUCHED)}”不像单位名称，因写在单位列中按单位读入，请核对"
    return _FLAG_CN.get(flag, flag)


def confidence_of(c: Candidate, flags: list[str]) -> float:
    """How sure the reading of a task is: its shape's base, lowered by what the grammar had to guess."""
    confidence = c.confidence
    if c.units.how == "bare" and len(c.units.lead) + len(c.units.participants) > 1 or FIRST_BY_CUSTOM in flags:
        confidence *= 0.9  # the first listed leads by custom, not because the note says so
    if any(f.startswith(("place unknown", "place guessed")) for f in flags):
        confidence = min(confidence, 0.7)
    elif any(f.startswith("place not written") for f in flags):
        confidence = min(confidence, 0.8)
    if any(f.endswith("carried from the row above") for f in flags) or "participants from a remark column" in flags \
            or SEMICOLON_LABEL in flags or any(f.startswith(COLUMN_VOUCHED) for f in flags) or c.where.endswith(CUT_AT) \
            or RULE_FLAG in flags or HEADING_LEADS in flags:
        confidence = min(confidence, 0.8)
    if "unit from heading" in flags or GROUP_LEADS in flags:
        confidence = min(confidence, 0.7)
    if any(f.startswith("not a unit") for f in flags):
        confidence = min(confidence, 0.5)
    elif any(f in ("only a guiding unit named", "no lead named: the first participant is taken") for f in flags):
        confidence = min(confidence, 0.6)
    return round(confidence, 2)


def _short_title(title: str, place: str | None = None) -> str:
    """What navigation and letters call the document: 「X关于印发《Y》的通知」 → Y; 「X关于Y」 → Y. Y names its place
    when X did and Y does not (「株洲市…关于印发2020年重点工作责任分解的通知」 → 株洲市2020年重点工作责任分解), or two
    places' lists of one name would read alike in the site's navigation."""
    rest = title.split("关于", 1)[-1]
    if m := re.fullmatch(r"(?:印发|转发)?(.+?)的通知", rest):  # 「关于2020年重点工作及责任分解的通知」 too
        rest = m[1]
        if re.fullmatch(r"《[^《》]+》", rest):
            rest = rest[1:-1]
    if rest and place and place != "中央" and place in title.split("关于", 1)[0] \
            and not re.search(re.escape(place[:-1] if len(place) > 2 else place), rest):
        rest = place + rest
    return rest or title


def _numbers_from_list(candidates: list[Candidate], blocks: list[Block]) -> None:
    """A table without numbers restating a numbered list before it (工作要点, then 任务分解): each row takes the
    number of the list item that holds its text; rows found in no item keep none (and the tasks are numbered in order)."""
    if any(c.number for c in candidates):
        return
    items = [(int(m[1] or m[3]), b.text) for b in blocks if not b.is_row and (m := ITEM.match(b.text))]
    for c in candidates:
        key = re.sub(r"[\s，,。；;、]", "", c.text)[:16]
        numbers = [n for n, text in items if len(key) >= 8 and key in re.sub(r"[\s，,。；;、]", "", text)]
        c.number = numbers[0] if len(numbers) == 1 else None


def _known(registry: Registry) -> tuple[str, ...]:
    """Registered names a list would otherwise split (they hold 、 or 和), longest first."""
    return tuple(sorted((n for n in registry.names if re.search("[、和]", n)), key=len, reverse=True))


def _find_candidates(source: Source, registry: Registry,
                     known: tuple[str, ...]) -> tuple[list[Candidate], list[Block], str]:
    """The layout recognisers' reading; the general reader where they read nothing, and on the items they left unread."""
    candidates, unread, how = ([], [], "") if general_only() else _recognised(source, known)
    # (a table of the issuer's own work names no lead: the issuer answers for it, given below)
    if not any(c.units.lead or c.units.how == PEOPLE for c in candidates):  # the recognisers read no lead at all
        candidates, unread = general_tasks(source.blocks, known, set(registry.names))
        how = "general"
    else:
        candidates = _with_general(candidates, unread, source, known, set(registry.names), how)
    if not any(c.units.lead for c in candidates) and (own := own_plan_tasks(source.blocks)):
        candidates, how = own, "own-plan"  # 「我局的工作方案如下：」: the issuer's own work, paragraph by paragraph
    elif not any(c.units.lead for c in candidates):  # no assignment anywhere: a notice's requirements are its work
        candidates, how = _demands_read(requirement_tasks(source.blocks, known) or candidates)
        if not any(c.units.lead for c in candidates):  # nor any requirement: a one-unit form (目标责任书) names its unit
            candidates, how = holder_form_tasks(source.blocks) or candidates, "holder-form"
    elif not _divided(candidates) and (demands := requirement_tasks(source.blocks, known)):
        # only 「各地各部门要…」 and 「各牵头单位要…」 sentences read: a notice dividing no work on the page (its table
        # an attachment elsewhere), whose demands are all it asks (corpus truth rule 2), read as such, where that
        # reading holds every sentence the other one read
        if len(demands) > len(candidates) and {c.where for c in candidates} <= {d.where for d in demands}:
            candidates, how = _demands_read(demands)
    return without_all_addressed(_without_own_supervision(_without_set_up(candidates), source.blocks),
                                 source.blocks), unread, how


def _without_set_up(candidates: list[Candidate]) -> list[Candidate]:
    """A body set up (「成立活动领导小组，以保证…」) whose own duties are read elsewhere (「领导小组职责：负责…」): its
    setting up is no task of its own, its duties are."""
    set_up = [c for c in candidates if len(c.units.lead) == 1 and only_sets_up(c.text)]
    return [c for c in candidates if c not in set_up or not any(
        o is not c and o.units.lead == c.units.lead and o not in set_up for o in candidates)]


def _without_own_supervision(candidates: list[Candidate], blocks: list[Block]) -> list[Candidate]:
    """The sentences in which a group the document set up itself (「…厅成立X领导小组」, then 「领导小组将定期听取
    督查情况汇报」) supervises the others, beside other work: the issuer's supervision, a requirement (truth rule 1)."""
    groups = [body for b in blocks if not b.is_row and (body := defined_body(b.text))]
    own = [c for c in candidates if c.shape == "subject" and len(c.units.lead) == 1
           and re.search(rf"{re.escape(c.units.lead[0])}(?:还|也)?将[^。；;]*(?:{_SUPERVISION.pattern}|听取)", c.text)
           and any(g.endswith(c.units.lead[0]) for g in groups)]
    return [c for c in candidates if c not in own] if len(own) < len(candidates) else candidates


def _demands_read(demands: list[Candidate]) -> tuple[list[Candidate], str]:
    """A notice's demands read as its tasks; but where they give named units their own work (「请交通局…」), the
    demands on the division's role holders (「要求各责任单位认真落实…」, 「各责任单位的主要负责同志要亲自过问」: their
    people too) are requirements on carrying it out, as truth rule 1 reads them, and the rest a division."""
    if not _divided(demands):
        return demands, "requirements"
    return [c for c in demands if not (holders := c.units.lead or c.units.leaders)
            or not all(_DIVISION_ROLE.search(n) for n in holders)], "general"


_SUPERVISION = re.compile(r"督查|督办|督导|跟踪|考核|通报|总牵头")  # (总牵头: leading the whole work, no share of it)
_ROLE_HOLDER = re.compile(rf"{ROLE_HOLDER}$")
# a holder named by its role in the division (各责任单位, 牵头部门), or its chief (各责任单位的主要负责同志)
_DIVISION_ROLE = re.compile(rf"{DIVISION_ROLE}(?:$|的?(?:主要)?负责)")


def _divided(candidates: list[Candidate]) -> bool:
    """Tasks read from a division of work: a note, label, table or form recognised as such, or a sentence giving
    a named unit its work (not only collectives, 各地各部门, or role holders, 各牵头单位, 责任单位, and not the
    supervision of the others, 「厅办公室负责跟踪督查」: a demand of the notice, as the corpus truth's rule 1 says,
    unless a lead word gives it with partners named: 「由X牵头，会同Y、Z组成督查组」 divides the work; 「X要会同Y对…进行
    督导」, a demand, and 「牵头单位要统筹相关责任单位…」, role holders gathered, do not)."""
    return any(c.shape not in ("subject", "general") or _LED.search(c.text) and any(map(_named, c.units.participants))
               or not _SUPERVISION.search(c.text) and any(map(_named, c.units.lead)) for c in candidates)


_LED = re.compile(alternation(w for w, role in lexicon().verbs.items() if role in ("lead", "joint", "separate")))


def _named(unit: str) -> bool:
    """A unit named, not all of a kind (各地, 有关部门), others (其他…), or the holders of a role (各牵头单位)."""
    return not collective(unit) and not unit.startswith("其他") and not _ROLE_HOLDER.search(unit)


def _with_general(candidates: list[Candidate], unread: list[Block], source: Source,
                  known: tuple[str, ...], registered: set[str], how: str) -> list[Candidate]:
    """The recognisers' tasks, with what the general reader reads in the items they left unread, each in its place.
    Around a table, the paragraphs are only offered to the general reader: a salutation, a title or a date there
    is no task left unread."""
    # the lines that set up a body and its duty headings stay with what is offered, so that a duty paragraph the
    # recognisers left (「决定成立X领导小组」 … 「一、主要职责」「负责…」) is still the body's, and a 责任书's signatory
    # (「…与各村签定本责任书」) still holds the duties naming nobody; they are no task themselves
    # (every short heading too: the next one closes a duty heading's reach)
    left = {b.where for b in unread}
    lines = [b for b in source.blocks if b.where not in left and not b.is_row]
    context = {b.where for b in lines if defined_body(b.text) or duty_heading(_heading_words(b.text))
               or pledge_signatory(b.text)}
    # a heading naming the holders of the duties under it (「（一）各县(区)政府工作责任」) and the 「负责…」 paragraph
    # right under it, which no recogniser read: theirs
    texts = [b for b in source.blocks if not b.is_row]
    headed = {after.where for b, after in zip(texts, texts[1:]) if holders_heading(b.text) and duty_paragraph(after.text)}
    context |= {b.where for b, after in zip(texts, texts[1:]) if after.where in headed and b.where not in left}
    headed |= {b.where for b in texts if duty_line(b.text)}  # 「办公室职责：负责…」: a unit's duties on its heading's line
    if context:
        context |= {b.where for b in lines if len(b.text) <= 20 and (PART.match(b.text) or SECTION.match(b.text))}
    offered = [b for b in source.blocks if b.where in context | headed or b.where in left] if context or headed \
        else unread
    extra, still = general_tasks(offered, known, registered)
    extra = [c for c in extra if c.where not in context]
    # (around a table only its rows left unread stay listed: the paragraphs were offered, not found unread)
    unread[:] = still + [b for b in unread if (how != "table" or b.is_row) and all(b.where != c.where for c in extra)
                         and all(b.where != s.where for s in still)]
    order = {b.where: i for i, b in reversed(list(enumerate(source.blocks)))}
    out = list(candidates)
    for c in extra:
        at = order.get(c.where, len(order))
        index = next((i for i, o in enumerate(out) if order.get(o.where, len(order)) > at), len(out))
        out.insert(index, c)
    return out


def _recognised(source: Source, known: tuple[str, ...]) -> tuple[list[Candidate], list[Block], str]:
    candidates = table_tasks(source.blocks, known)
    if candidates:
        _numbers_from_list(candidates, source.blocks)
        # the paragraphs around the table, read by the grammar too (「“X”（市Y局）」 in a report's text); numbered
        # items are left out: they are the list the table restates
        around = [b for b in source.blocks if not b.is_row and not (ITEM.match(b.text) or SECTION.match(b.text)
                                                                     or PART.match(b.text))]
        return candidates, around + _rows_left(source.blocks, candidates), "table"
    unread: list[Block] = []
    candidates = form_tasks(source.blocks, known)
    if candidates:
        return candidates, unread, "form"
    candidates, unread = inline_tasks(source.blocks, known=known)
    if candidates:
        return candidates, unread, "paragraphs"
    if "分工" in source.text:  # an annex of bare lists 「（省扶贫办、省农委）」 under a 分工方案 heading
        candidates, unread = inline_tasks(source.blocks, bare_notes=True, known=known)
    return candidates, unread, "annex"


def _shown(block: Block) -> str:
    """A block as the review quotes it: a table row by its filled cells only."""
    return " | ".join(c for c in block.cells if c) if block.is_row and block.cells else block.text


def _rows_left(blocks: list[Block], candidates: list[Candidate]) -> list[Block]:
    """Rows of a table that gave no task though a cell reads like one (a copied table whose cells slipped out of
    their columns): offered to the general reader, and listed as not read if it reads nothing either."""
    taken = {c.where for c in candidates}
    return [b for b in blocks if b.is_row and b.where not in taken and not header_columns(b.cells or ())
            and any(len(c) > 20 and re.search(r"[，,。；;]", c) for c in b.cells or ())]  # a sentence, no heading


def _own_numbers(own: list[int | None], review: list[str]) -> list[int]:
    """The tasks' numbers: the document's own where it numbers every task in order, else 1, 2, 3 ….

    Two tasks under one number (a table row whose number cell is merged over both) keep the others' own numbers:
    the later of the two takes the next number after the document's last, said in the review. Tasks the document
    does not number (a report's text around its numbered table) take the next free numbers too."""
    numbered = [n for n in own if n]
    if not numbered or any(a > b for a, b in zip(numbered, numbered[1:])):
        return list(range(1, len(own) + 1))
    out, spare = [], max(numbered)
    for n in own:
        if n and n in out:  # (its first task may stand before a task the document does not number)
            spare += 1
            review.append(f"[编号] 原文第{n}项下有两项任务（如合并单元格、一条分两款），后一项编为第{spare}项，请核对")
            n = spare
        elif not n:  # a task the document does not number: the next free number, as when none is numbered
            spare += 1
            n = spare
        out.append(n)
    return out


def _own_labels(read: list[Candidate], numbers: list[int], paths: dict[str, Numbered],
                under: dict[str, tuple[str, Numbered]]) -> list[str | None]:
    """Each task's number as the document writes it (「二、（二）」), where its numbers are not the tasks' (numbered
    afresh under each heading, or tasks in the paragraphs under numbered headings): the first task read from a
    numbered paragraph's words, or from the paragraphs under it. None for every task of a document whose numbers the
    tasks keep."""
    numbered = {w: (w, p) for w, p in paths.items()} | under
    first = {numbered[c.where][0] if c.where in numbered else c.where: i for i, c in reversed(list(enumerate(read)))}
    own = [p if c.where in numbered and first[(held := numbered[c.where])[0]] == i
           and _bare(c.text)[:8] in _bare((p := held[1]).text) else None
           for i, c in enumerate(read)]
    if all(p is None or p.number == n for p, n in zip(own, numbers)):
        return [None] * len(read)
    return [p.path if p else None for p in own]


# How the tasks were read, as the review's first line says it
_READ_AS = {"table": "表格", "form": "“标签｜内容”表单", "paragraphs": "段落中的单位括注或牵头单位行", "annex": "分工方案括注",
            "general": "通用规则（不依赖版式）", "requirements": "正文中对单位提出的要求（文件没有分工表或单位标注）",
            "holder-form": "责任书表单（表头写明的唯一责任单位）", "own-plan": "发文单位自己的工作方案（各段均为发文单位的任务）"}


# 「各县<市、区>人民政府」: a page's angle brackets standing for brackets; a unit's name is a file's name too (its
# letter, its page), where < and > cannot stand
_BRACKETS = str.maketrans("<>", "（）")


def short_title_todo(short: str) -> str:
    """The review's line for a short title derived from the title that cannot be one."""
    return (f"[待补] 简称：由标题得出的“{short[:20]}…”不能作简称（不超过{textrules.MAX_NAME}字的名称），"
            "请在 document.yaml 中补写 short_title")


def _heading_words(heading: str) -> str:
    """A heading without its number mark (「(一)」, 「二、」) or closing mark (「制定工作任务清单。」)."""
    heading = heading.strip()
    marked = next((m for pattern in (PART, SECTION, ITEM) if (m := pattern.match(heading))), None)
    return ([g for g in marked.groups() if g][-1] if marked else heading).strip().rstrip("。；;，,：: ")


def _part_title(c: Candidate) -> str:
    """The heading a task stands under, as the knowledge base writes a part's title (the part's number says the
    heading's own)."""
    return _heading_words(c.part or c.section or "") or "任务分工"


def _read_after_all(block: Block, read: list[tuple[Candidate, ...]]) -> bool:
    """An item a first reader left unread whose text a later reader made a task of (a notice's request read from its
    sentences): not to be listed as unread beside the task it became."""
    text = _bare(block.text)
    return any(c.where == block.where and text and (text in (own := _bare(c.text)) or own in text)
               for c, *_ in read)


def _bare(text: str) -> str:
    """A text without its list mark, spaces and punctuation: a task keeps its item's words, not its 「一、」 or how
    the item ended (「…管理机制；」 is the task 「…管理机制。」)."""
    return re.sub(r"[\s\W_]", "", _LIST_MARK.sub("", text.strip(), count=1))


_LIST_MARK = re.compile(rf"^(?:{MARK})")


def compose(source: Source, registry: Registry, date: dt.date | None = None, issuers: tuple[str, ...] = ()) -> Draft:
    source = continued(source)  # an item's note under its next paragraph; a page cut inside its last note
    meta: Meta = read_meta(source.blocks, date, issuers)
    short = {s: full for s, full in short_names([b.text for b in source.blocks if not b.is_row]).items()
             if s not in registry.names}  # a registered short name (省扶贫办) is the registry's unit already
    # a short name the document gives a body (「市防汛指挥部（以下简称市防指）」) names that unit wherever it stands
    known = _known(registry) + tuple(sorted(short, key=len, reverse=True))
    candidates, unread, how = _find_candidates(source, registry, known)
    if how in ("paragraphs", "general") and opens_inside(source.blocks, meta.title and meta.title_where):
        candidates = page_head_work(candidates, source.blocks, known, _divided)  # a page cut from inside a document
    candidates, unread = sibling_holders(candidates, source.blocks, unread)
    texts = [b.text for b in source.blocks if not b.is_row]
    for c in candidates:  # 「全镇要…」: the township the report's meeting is held by, its government
        c.units.lead = [whole_place(n, texts) or n for n in c.units.lead]
    for c in candidates if short else ():  # 「市领导小组办公室」 of 「成立X领导小组（以下简称市领导小组）」: X领导小组办公室
        c.units.lead = [expand_short_name(n, short) for n in c.units.lead]
        c.units.participants = [expand_short_name(n, short) for n in c.units.participants]
    heads = head_posts(texts)
    listed = rosters(texts)
    for c in candidates if heads or listed else ():  # a body's work is led in person: by its roster, else its head
        if not c.units.leaders:
            head = head_of(c.units.lead, heads, short)
            c.units.leaders = roster_of(c.units.lead, listed) or ([head] if head else [])
    if not candidates:
        raise ImportFailed("这份文件中没有找到写明责任单位的任务",
                           hint="policykb 能读出的任务：单位写在括号里（X、Y负责），或写成“牵头单位：X / 责任单位：Y”的行，"
                                "或在有“任务”“牵头单位”列的表格中；请确认导入的是分工方案本身，而不只是印发通知",
                           code="import-no-tasks")
    apply_rule(candidates, rule_participants(source.blocks, known))
    for c in candidates if meta.jurisdiction is None else ():  # 「乡畜牧站、卫生院」 of no named place: as written
        c.units.lead = [level_as_written(n, c.units.as_written) for n in c.units.lead]
        c.units.participants = [level_as_written(n, c.units.as_written) for n in c.units.participants]
    if any(lexicon().scope["first_leads"].search(b.text) for b in source.blocks):  # the document says the first leads
        for c in candidates:
            c.units.by_custom = False
    if meta.date is None:  # (never the 发文字号's year as 1 January: a letter would print a day nobody wrote)
        year = re.search(r"〔(\d{4})〕", meta.number or "")
        raise ImportFailed("没有找到文件的日期（没有落款日期、成文日期或发布日期）"
                           + (f"；发文字号 {meta.number} 只说明它是{year[1]}年的文件" if year else ""),
                           hint=f"用 --date {year[1] if year else 'YYYY'}-MM-DD 给出原文落款的日期", code="import-no-date")
    doc_level = level_of_place(meta.jurisdiction or "")
    review = [f"来源：{source.path}（{source.kind}{'，' + source.encoding if source.encoding else ''}），"
              f"按{_READ_AS[how]}读取",
              f"管辖：{meta.jurisdiction or '未识别'}（{doc_level or '层级未识别'}）"]
    review += [f"[猜测] {what}：{value}（{where}，置信度 {conf:.1f}）" for what, value, where, conf in meta.guesses]

    parts: list[str] = []
    for c in candidates:
        title = _part_title(c)
        if title not in parts:
            parts.append(title)
    articles: dict[int, dict] = {}
    tasks: dict[int, dict] = {}
    proposed: dict[str, dict] = {}
    read: list[tuple[Candidate, list[str], list[str], list[str]]] = []

    def _called_locally(name: str) -> bool:
        """A bare 「财政局」 of a document of another place than the knowledge base's home is that place's own:
        a unit of its own, which only documents of that place call so (never merged with another place's)."""
        return bool(meta.jurisdiction) and meta.jurisdiction != registry.home \
            and doc_level in ("省", "市", "县") and not _placed(name) and not _names_place(name, meta.jurisdiction)

    def _propose_local(name: str) -> str:
        """The task keeps the name as written; the unit is registered under its full name, with `name` as a
        local name of the document's place (a later document of that place finds it, another place's does not)."""
        full = _local_unit_name(name, meta.jurisdiction)
        if full in registry.names:  # registered already without this local name: the task names it in full
            return full
        unit = proposed.setdefault(full, {"name": full, "aliases": [], "kind": _KIND_OF_LEVEL[doc_level],
                                          "level": doc_level, "proposed": True})
        unit["place"] = meta.jurisdiction  # also when the document writes the full name elsewhere
        local = unit.setdefault("local_names", [])
        if name not in local:
            local.append(name)
        return name

    for c in candidates:
        flags = list(c.units.flags) + [FIRST_BY_CUSTOM] * c.units.by_custom
        vouched = {n for f in flags if f.startswith(COLUMN_VOUCHED) for n in f.removeprefix(COLUMN_VOUCHED).split("、")}

        def canon(name: str) -> str | None:
            canonical = _qualified(name, meta.jurisdiction, doc_level, registry.home).translate(_BRACKETS)
            known = registry.knows(canonical, meta.jurisdiction)
            bare = re.match(r"^(?:省|市|县|区)(?!级|直|各|有关|相关)", canonical)
            if bare and (meta.jurisdiction is None or doc_level is None):
                flags.append(f"place unknown: {canonical}")  # 「县财政局」 of which county? never merged blindly
            elif meta.jurisdiction is None and not _placed(canonical):
                # 「发改委」 with no place found at all: whose? (a registered unit of that name may be another place's)
                flags.append(f"place unknown: {canonical}")
            elif meta.place_guessed and (bare or canonical != name):
                flags.append(f"place guessed: {canonical}")  # placed (or left bare) by a guessed jurisdiction
            if meta.jurisdiction and not known and not _placed(canonical):
                flags.append(f"place not written: {canonical}")  # 「财政局」 read as this document's place's
            if not known and not looks_like_unit(canonical) and name not in vouched \
                    and canonical not in BARE_GOVERNMENT:  # 「县委、政府」
                flags.append(f"not a unit: {canonical}")
                return None
            if not known and _called_locally(canonical):
                return _propose_local(canonical)
            if not known and canonical not in proposed:
                level = level_of_name(canonical, doc_level)
                collective = bool(COLLECTIVE.match(canonical) or "、" in canonical)
                members = registry.members.get(_collective_core(canonical), []) \
                    if collective and meta.jurisdiction == registry.home else []
                proposed[canonical] = proposed_unit(canonical, level, collective, members)
            return canonical

        if c.units.how == PEOPLE and not c.units.lead and c.units.leaders \
                and all(map(lexicon().village_post.match, c.units.leaders)):
            c.units.lead = ["各村"]  # 「支部书记要…」: each village's own people: the villages answer for the work
        if c.units.how == PEOPLE and not c.units.lead and meta.issuers:
            # people alone as the subject (「我镇机关干部要…」): the body that issued the demand answers for it; of
            # several issuers (「镇党委、政府」) the first listed leads and the others take part (truth rule 5)
            c.units.lead, c.units.mode = list(meta.issuers[:1]), "first"
            c.units.participants = [*meta.issuers[1:], *c.units.participants]
            if any(_VILLAGE_CADRES.match(p) for p in c.units.leaders):  # 「镇村干部要…」: the villages take part
                c.units.participants = c.units.participants + ["各村"]
            flags.append(ISSUER_LEADS)
        lead = [n for n in dict.fromkeys(map(canon, c.units.lead)) if n]
        participants = [p for p in dict.fromkeys(map(canon, c.units.participants)) if p and p not in lead]
        c.units.flags = flags
        if not lead:  # nothing the grammar could read as a lead: listed for review, not imported
            unread.append(Block(c.text + (f"（{c.units.as_written}）" if c.units.as_written else ""), c.where))
            continue
        c.units.leaders = list(dict.fromkeys(post_of(p, c.units.lead, known) for p in c.units.leaders))
        read.append((c, lead, participants, flags))
    unread = [b for b in unread if not _read_after_all(b, read)]
    numbers = _own_numbers([c.number for c, *_ in read], review)
    labels = _own_labels([c for c, *_ in read], numbers, numbered_paths(source.blocks), paragraphs_under(source.blocks))
    for index, (c, lead, participants, flags) in enumerate(read, start=1):
        number = numbers[index - 1]
        part = parts.index(_part_title(c)) + 1
        mode = lead_mode(c.units, lead)
        found = timing.find(c.text, meta.date)  # its day, not its year: minutes set 本周完成
        if c.deadline_text:  # a 完成时限 cell, or the text after the units: read after the task's own text
            found += timing.find_cell(c.deadline_text, meta.date, offset=len(c.text) + 1)
        head, sep, body = c.text.partition("。")
        titled = bool(sep and len(head) <= 40 and body.strip())  # 「（一）标题。正文」: the item's own title
        label = labels[index - 1]
        articles[number] = {"number": number, "part": part, "title": head if titled else task_ref(number, label),
                            "text": body.strip() if titled else c.text}
        tasks[number] = {"number": number, **({"label": label} if label else {}), "section": part, "text": c.text,
                         "units_as_written": c.units.as_written,
                         "lead_mode": mode, "lead": lead, "participants": participants,
                         "open_ended": c.units.open_ended, **({"leaders": c.units.leaders} if c.units.leaders else {}),
                         "articles": [number], "deadlines": timing.as_deadlines(found)}
        confidence = confidence_of(c, flags)
        review.extend(n for n in c.notes if n not in review)
        review.append(f"[任务 {number}] {f'原文编号 {label}，' if label else ''}{c.where}，{c.shape}，置信度 {confidence:.2f}：牵头 {'、'.join(lead)}"
                      + (f"；参与 {'、'.join(participants)}" if participants else "")
                      + (f"；责任领导 {'、'.join(c.units.leaders)}" if c.units.leaders else "")
                      + (f"（{'；'.join(_flag_cn(f) for f in flags)}）" if flags else ""))
        for f in found:
            if f.date is None:
                review.append(f"[时限未识别] 第{number}项：“{f.phrase}”（{c.where}，第{f.start + 1}字起）")
            else:
                review.append(f"[时限] 第{number}项：“{f.phrase}” → {f.date.isoformat()}（{f.kind}，{c.where}）")
        if c.deadline_text and not any(f.start > len(c.text) for f in found):
            review.append(f"[时限未识别] 第{number}项：“{c.deadline_text}”（{c.where}，时限栏原文，未转为日期）")
    people = [c.units.as_written for c in candidates if c.units.how == PEOPLE and not c.units.lead]
    if not tasks:
        raise ImportFailed(f"没有找到能读出责任单位的任务；{len(unread)} 项写单位的方式尚不认识，"
                           f"如：{_shown(unread[0])[:60] if unread else ''}",
                           hint=NO_ISSUER_FOR_PEOPLE.format(people=people[0]) if people else
                           "请把这份文件反馈给维护者：它标注单位的写法 policykb 还不认识", code="import-no-tasks")
    if people:
        review.append("[待补] " + NO_ISSUER_FOR_PEOPLE.format(people="、".join(dict.fromkeys(people))))
    review += [f"[未读取] {b.where}：{(t := _shown(b))[:80]}{'…' if len(t) > 80 else ''}（像是任务，但单位未能读取，请补录）"
               for b in unread]
    review += [proposal_line(u) for u in proposed.values()]
    # A bare table has no title line. The title is left empty rather than guessed from the file name:
    # letters quote it to people who sign them, so check refuses it until someone writes it.
    title = (meta.title or "").strip().rstrip("。．.")  # a first paragraph taken as the title keeps no full stop
    if not title:
        review.append("[待补] 标题：文中没有找到文件标题，请在 document.yaml 的 title 中写明"
                      "（未写明前 check 报错，不生成责任书）")
    short = _short_title(title, meta.jurisdiction) if title else None
    if short and textrules.name_problem(short):  # the draft must pass check: a sentence is no short title
        review.append(short_title_todo(short))
        short = None
    # a document that divides its work: its paragraphs of requirements on units are its 工作要求, no task
    requirements = [] if how == "requirements" else requirement_paragraphs(
        source.blocks, known, {c.where for c in candidates})
    review += [f"[工作要求 {r['number']}] {r['text'][:60]}{'…' if len(r['text']) > 60 else ''}（读作工作要求：不是任务，"
               "责任书按角色引用，其中的时限适用于各项任务；若应作任务，请移入 tasks）" for r in requirements]
    measures, list_name = own_words(title)
    annex_title = annex_title_of(source)
    if how == "requirements" and annex_title:  # the notice names its list, whose division it does not hold
        review.append(f"[待补] 附件：原文列出附件{cite(annex_title)}，文中却没有它的分工，这份可能只是印发通知；"
                      "附件另有文件的，请导入附件本身（本次只读出了通知中对单位提出的要求）")
    general = general_deadlines(requirements, meta.date.year)
    span = timing.schedule_span([(b.where, b.text) for b in source.blocks if not b.is_row], meta.date.year)
    if span and not any(g["phrase"] == span[0].phrase for g in general):
        general.append({"id": "schedule", **timing.as_deadlines([span[0]])[0]})
        review.append(f"[时限] 通用：“{span[0].phrase}” → {span[0].date.isoformat()}（{span[1]}，时间安排）："
                      "适用于每项任务，请核对")
    period = period_of(title, meta.date, tasks, general)
    issuers = meta.issuers  # never the title: a document whose issuer was not found gets none, and check says so
    if not issuers:
        review.append("[待补] 发文机关：落款、版头和标题中都没有找到，请在 document.yaml 的 issuers 中写明"
                      "（未写明前 check 报错，不生成责任书）")
    elif not any(jurisdiction_of(i) for i in issuers):
        review.append(f"[待补] 发文机关：“{'、'.join(issuers)}”没有写明地方，请在 document.yaml 的 issuers 中写全称"
                      f"（管辖按{meta.jurisdiction or '未识别'}）")
    if issuers and not meta.jurisdiction:
        review.append(f"[待补] 管辖：从发文机关“{'、'.join(issuers)}”看不出地方，请在 document.yaml 的 jurisdiction "
                      "中写明（如 黄石市下陆区），否则不同地方的同名单位无法区分")
    doc = {"title": title, **({"short_title": short} if short else {}), **({"number": meta.number} if meta.number else {}),
           "issuers": issuers, "date": meta.date, "preamble": "",
           "parts": [{"number": i, "title": t} for i, t in enumerate(parts, start=1)],
           "annex": {"title": annex_title or f"{measures.removesuffix('任务')}任务分工", "preamble": "",  # not 重点任务任务分工
                     "sections": [{"number": i, "title": t, "part": i} for i, t in enumerate(parts, start=1)],
                     "requirements": requirements, "general_deadlines": general,
                     **({} if annex_title else {"attached": False})},
           "errata": [],
           "letters": {"title": f"{measures}通知" if doc_level == "中央" else f"{measures}责任书",
                       "list_name": list_name, "measures": measures},  # no number made up: the document has none for letters
           **({"period": period} if period else {}),
           "source": "", "jurisdiction": meta.jurisdiction}
    if period is None:
        review.append("[待补] 实施期：标题和任务时限都没有给出，请在 document.yaml 中写 period（责任书的有效期据此；"
                      f"未写时按成文日期起五年计）")
    else:
        review.append(f"[猜测] 实施期：{period['start'].isoformat()} 至 {period['end'].isoformat()}"
                      f"（{period['phrase']}，置信度 0.6）")
    parents = cited([b.text for b in source.blocks])  # issue 24: 「根据《…》（X〔Y〕N号）」
    if parents:
        doc["parents"] = parents
        review += cited_review(parents, registry.root) if registry.root else []
    leads = sum(len(t["lead"]) for t in tasks.values())
    unparsed = sum(1 for line in review if line.startswith("[时限未识别]"))
    doubtful = sum(1 for line in review if line.startswith("[任务 ") and float(line.split("置信度 ")[1][:4]) < CONFIDENT)
    doubtful += sum(1 for line in review if line.startswith(("[待补]", "[编号]")))
    summary = (f"{len(tasks)} 项任务（{leads} 个牵头单位），{len(proposed)} 个拟新增单位，"
               f"{len(unread)} 段疑似任务未读取，{unparsed} 处时限未识别；需要审核 {doubtful + len(unread)} 项")
    return Draft(doc, articles, tasks, list(proposed.values()), review, summary)
