"""From the common form to a draft: document, articles, tasks, proposed units, and the review.

Every guess is recorded with where it was read and how sure it is, so the reviewer can check the
draft against the source instead of trusting it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import paths, textrules
from ..load import document_folders
from . import timing
from .meta import Meta, jurisdiction_of, read_meta
from .shapes import Candidate, inline_tasks, table_tasks
from .source import Block, ImportFailed, Source
from .unitnames import COLLECTIVE, level_of_name, level_of_place, looks_like_unit

# Kinds for units an import proposes (the registry's other kinds are those of a provincial policy).
_KIND_OF_LEVEL = {"中央": "中央国家机关", "省": "省直部门", "市": "市县部门", "县": "市县部门"}


@dataclass
class Registry:
    """The units already in the knowledge base, and the jurisdiction its bare 省X names belong to."""
    names: dict[str, str | None] = field(default_factory=dict)  # name or alias -> level (None: unknown)
    home: str | None = None

    @classmethod
    def load(cls, root: Path) -> "Registry":
        registry = cls()
        units_file = root / paths.UNITS_FILE
        try:
            data = yaml.safe_load(units_file.read_text(encoding="utf-8")) if units_file.is_file() else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            data = None
        for unit in (data or {}).get("units") or []:
            if isinstance(unit, dict) and isinstance(unit.get("name"), str):
                for name in [unit["name"], *(unit.get("aliases") or [])]:
                    registry.names[str(name)] = unit.get("level")
        for folder in document_folders(root, paths.DOCUMENT_FILE)[0] if root.is_dir() else []:
            doc = folder / paths.DOCUMENT_FILE
            try:
                meta = yaml.safe_load(doc.read_text(encoding="utf-8")) or {}
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue
            place = meta.get("jurisdiction") or next(
                (j for j in map(jurisdiction_of, meta.get("issuers") or []) if j), None)
            if place and level_of_place(place) == "省" and registry.home is None:
                registry.home = place
        return registry


@dataclass
class Draft:
    doc: dict
    articles: dict[int, dict]
    tasks: dict[int, dict]
    proposed: list[dict]
    review: list[str]
    summary: str


def _qualified(name: str, place: str | None, level: str | None, home: str | None) -> str:
    """「市发展改革委」 in a Guangzhou document is 广州市发展改革委: bare names take the issuer's place."""
    if not place or level not in ("省", "市", "县") or place == home:
        return name
    bare = {"省": ("市",) if place.endswith("市") else ("省",), "市": ("市",), "县": ("县", "区", "旗")}[level]
    places = re.findall(r"[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|省|市|州|盟|县|区|旗)", place)
    short = places[-1] if places else place  # 鞍山市立山区 -> 立山区
    if name.startswith(bare) and not name.startswith(short) and not re.match(r"^(?:省|市|县|区)(?:级|直|各)", name):
        return short[:-1] + name if short.endswith(name[0]) else short + name
    return name


def _short_title(title: str) -> str:
    """What navigation and letters call the document: 「X关于印发《Y》的通知」 → Y; 「X关于Y」 → Y."""
    rest = title.split("关于", 1)[-1]
    if m := re.fullmatch(r"(?:印发|转发)(.+?)的通知", rest):
        rest = m[1]
        if re.fullmatch(r"《[^《》]+》", rest):
            rest = rest[1:-1]
    return rest or title


def _find_candidates(source: Source, registry: Registry) -> tuple[list[Candidate], list[Block], str]:
    known = tuple(sorted((n for n in registry.names if re.search("[、和]", n)), key=len, reverse=True))
    candidates = table_tasks(source.blocks, known)
    unread: list[Block] = []
    if candidates:
        return candidates, unread, "table"
    candidates, unread = inline_tasks(source.blocks, known=known)
    if candidates:
        return candidates, unread, "paragraphs"
    if "分工" in source.text:  # an annex of bare lists 「（省扶贫办、省农委）」 under a 分工方案 heading
        candidates, unread = inline_tasks(source.blocks, bare_notes=True, known=known)
    return candidates, unread, "annex"


def compose(source: Source, registry: Registry, date: dt.date | None = None) -> Draft:
    meta: Meta = read_meta(source.blocks, date)
    candidates, unread, how = _find_candidates(source, registry)
    if not candidates:
        raise ImportFailed("no task with a named unit was found in this document",
                           hint="policykb reads tasks whose units are named in brackets （X、Y负责）, in lines "
                                "牵头单位：X / 责任单位：Y, or in a table with 任务 and 牵头单位 columns; "
                                "check that this is the 分工方案 and not only its covering notice",
                           code="import-no-tasks")
    if meta.date is None:
        raise ImportFailed("the document's date was not found (no signature date, 成文日期 or 发布日期)",
                           hint="give it with --date YYYY-MM-DD", code="import-no-date")
    doc_level = level_of_place(meta.jurisdiction or "")
    review = [f"来源：{source.path}（{source.kind}{'，' + source.encoding if source.encoding else ''}），"
              f"按{ {'table': '表格', 'paragraphs': '段落中的单位括注或牵头单位行', 'annex': '分工方案括注'}[how] }读取",
              f"管辖：{meta.jurisdiction or '未识别'}（{doc_level or '层级未识别'}）"]
    review += [f"[猜测] {what}：{value}（{where}，置信度 {conf:.1f}）" for what, value, where, conf in meta.guesses]

    parts: list[str] = []
    for c in candidates:
        title = c.part or c.section or "任务分工"
        if title not in parts:
            parts.append(title)
    articles: dict[int, dict] = {}
    tasks: dict[int, dict] = {}
    proposed: dict[str, dict] = {}
    bad_names: list[str] = []
    for number, c in enumerate(candidates, start=1):
        part = parts.index(c.part or c.section or "任务分工") + 1

        def canon(name: str) -> str:
            canonical = _qualified(name, meta.jurisdiction, doc_level, registry.home)
            if canonical not in registry.names and not looks_like_unit(canonical):
                bad_names.append(f"第{number}项 {c.where}：{canonical}")
            if canonical not in registry.names and canonical not in proposed:
                level = level_of_name(canonical, doc_level)
                proposed[canonical] = {"name": canonical, "aliases": [], "kind": _KIND_OF_LEVEL.get(level or "", "省直部门"),
                                       **({"collective": True} if COLLECTIVE.match(canonical) else {}),
                                       "level": level, "proposed": True}
            return canonical

        lead = list(dict.fromkeys(canon(n) for n in c.units.lead))
        participants = [p for p in dict.fromkeys(canon(n) for n in c.units.participants) if p not in lead]
        mode = c.units.mode if len(lead) > 1 else "first"
        found = timing.find(c.text + ("；" + c.deadline_text if c.deadline_text else ""), meta.date.year)
        head, sep, body = c.text.partition("。")
        titled = bool(sep and len(head) <= 40 and body.strip())  # 「（一）标题。正文」: the item's own title
        articles[number] = {"number": number, "part": part, "title": head if titled else f"第{number}项",
                            "text": body.strip() if titled else c.text}
        tasks[number] = {"number": number, "section": part, "text": c.text, "units_as_written": c.units.as_written,
                         "lead_mode": mode, "lead": lead, "participants": participants,
                         "open_ended": c.units.open_ended, "articles": [number],
                         "deadlines": timing.as_deadlines(found)}
        confidence = c.confidence * (0.8 if c.units.flags else 1)
        review.append(f"[任务 {number}] {c.where}，{c.shape}，置信度 {confidence:.1f}：牵头 {'、'.join(lead)}"
                      + (f"；参与 {'、'.join(participants)}" if participants else "")
                      + (f"（{'；'.join(c.units.flags)}）" if c.units.flags else ""))
        for f in found:
            if f.date is None:
                review.append(f"[时限未识别] 第{number}项：“{f.phrase}”（{c.where}，第{f.start + 1}字起）")
            else:
                review.append(f"[时限] 第{number}项：“{f.phrase}” → {f.date.isoformat()}（{f.kind}，{c.where}）")
    if bad_names:
        raise ImportFailed(f"{len(bad_names)} unit name(s) could not be read cleanly: {'; '.join(bad_names[:5])}",
                           hint="the unit notes of this document have a form policykb does not know yet; "
                                "please report it with the document", code="import-no-tasks")
    review += [f"[未读取] {b.where}：{b.text[:60]}…（像是任务，但没有写明单位）" for b in unread]
    review += [f"[拟新增单位] {u['name']}（{u['level'] or '层级未识别'}{'，集合单位' if u.get('collective') else ''}）"
               for u in proposed.values()]
    title = meta.title or Path(source.path).stem  # a bare table has no title line: its file name
    if not meta.title:
        review.append(f"[猜测] 标题：{title}（文件名，置信度 0.2）")
    title = title.strip().rstrip("。．.")  # a first paragraph taken as the title keeps no full stop
    short = _short_title(title)
    if textrules.name_problem(short):  # the draft must pass check: a sentence is no short title
        review.append(f"[待补] 简称：由标题得出的“{short[:20]}…”不能作简称（不超过{textrules.MAX_NAME}字的名称），"
                      "请在 document.yaml 中补写 short_title")
        short = None
    issuers = meta.issuers or [title.split("关于")[0] or "发文机关待核"]
    doc = {"title": title, **({"short_title": short} if short else {}), **({"number": meta.number} if meta.number else {}),
           "issuers": issuers, "date": meta.date, "preamble": "",
           "parts": [{"number": i, "title": t} for i, t in enumerate(parts, start=1)],
           "annex": {"title": "任务分工", "preamble": "",
                     "sections": [{"number": i, "title": t, "part": i} for i, t in enumerate(parts, start=1)],
                     "requirements": [], "general_deadlines": []},
           "errata": [],
           "letters": {"title": "任务分工通知" if doc_level == "中央" else "任务分工责任书",
                       "number": "任〔{year}〕{serial}号"},
           "source": "", "jurisdiction": meta.jurisdiction}
    leads = sum(len(t["lead"]) for t in tasks.values())
    unparsed = sum(1 for line in review if line.startswith("[时限未识别]"))
    summary = (f"{len(tasks)} 项任务（{leads} 个牵头单位），{len(proposed)} 个拟新增单位，"
               f"{len(unread)} 段疑似任务未读取，{unparsed} 处时限未识别")
    return Draft(doc, articles, tasks, list(proposed.values()), review, summary)
