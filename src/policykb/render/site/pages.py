"""Which pages the site has and what each shows: every fact comes from a PolicyGraph query."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable


from ... import parallel
from ...deadlines import EVERY, NO_DEADLINE, RELATIVE
from ...export import COMPARATOR_LABEL, LEAD_MODE_LABEL
from ...graph import Due, PolicyGraph
from ...model import Article, Document, Task, Unit
from ...show import indicator_line
from ...targets import target_sentence
from ...period import label as period_label, sentence, span
from ...status import LIGHT_LABEL, Statuses
from ..maps.plan import cn_number, section_label
from ...ownnumbers import heading_mark
from .cascade import CascadeViews
from .recurring import dated_only, next_only, recurring_rows

UPCOMING_DAYS = 120


@dataclass
class Page:
    path: str                      # in the docs tree, e.g. 'hunan/tasks/69.md'
    template: str
    context: dict
    keywords: list[str] = field(default_factory=list)  # extra search terms (unit aliases …)
    body: bool = True              # index the page's text for search (False: title only)
    section_titles: bool = True    # section headings count as titles for search
    boost: float | None = None


_SLUGS: dict[str, str] = {}  # unit name -> slug, worked out once a process


def slug(name: str) -> str:
    """An ASCII file name for a unit: its pinyin."""
    slugs([name])
    return _SLUGS[name]


def slugs(names: Iterable[str]) -> None:
    """Work out the slugs of `names` not known yet, together, in a worker process that ends with them:
    pypinyin's dictionaries take 56 MB and 0.3 s to load, and this process would keep them to the end
    of the build (at 100x they were under the site's memory peak)."""
    todo = sorted(set(names) - _SLUGS.keys())
    if todo:
        _SLUGS.update(zip(todo, parallel.apart(pinyin_slugs, todo)))


def unit_names(pg: PolicyGraph) -> list[str]:
    """Every unit that may have a page: the registry's, and the members of its collectives (a 市州)."""
    return [*pg.kb.units, *dict.fromkeys(m for u in pg.kb.units.values() for m in u.members if m not in pg.kb.units)]


def pinyin_slugs(names: list[str]) -> list[str]:
    from pypinyin import lazy_pinyin  # slow to import (its dictionary): only when pages are made
    out = []
    for name in names:
        parts = [p for p in lazy_pinyin(name) if p.strip()]
        text = "-".join("".join(c for c in p.lower() if c.isalnum()) for p in parts)
        out.append("-".join(filter(None, text.split("-"))) or "unit")
    return out


class Paths:
    """Where each thing's page is; the one place that knows the site's layout."""

    def __init__(self, pg: PolicyGraph):
        self.units: dict[str, str] = {}
        taken: set[str] = set()
        names = unit_names(pg)
        slugs(names)
        for name in names:  # a 市州 of a collective has its page too
            base = candidate = slug(name)
            n = 2
            while candidate in taken:
                candidate, n = f"{base}-{n}", n + 1
            taken.add(candidate)
            self.units[name] = f"units/{candidate}.md"

    @staticmethod
    def document(doc: str) -> str:
        return f"{doc}/index.md"

    @staticmethod
    def article(doc: str, n: int) -> str:
        return f"{doc}/articles/{n}.md"

    @staticmethod
    def task(doc: str, n: int) -> str:
        return f"{doc}/tasks/{n}.md"

    @staticmethod
    def table(doc: str) -> str:
        return f"{doc}/table.md"

    @staticmethod
    def indicators(doc: str) -> str:
        return f"{doc}/indicators.md"

    def unit(self, name: str) -> str:
        return self.units[name]


@dataclass(frozen=True)
class DueGroup:
    """Deadlines falling on one date: a general one (every task) shown once, or single tasks."""
    date: dt.date
    phrase: str
    tasks: list[Task]
    general: bool
    past: bool
    relative: bool = False  # read against the document's day (本周完成): the page says from which day


def due_groups(dues: list[Due], as_of: dt.date) -> list[DueGroup]:
    groups = []
    for (when, general, phrase), items in groupby(
            dues, key=lambda d: (d.date, d.deadline.id is not None, d.deadline.phrase if d.deadline.id else "")):
        items = list(items)
        if general:
            groups.append(DueGroup(when, phrase, [i.task for i in items], True, when < as_of,
                                   items[0].deadline.kind == RELATIVE))
        else:
            for i in items:
                groups.append(DueGroup(when, i.deadline.phrase, [i.task], False, when < as_of, i.deadline.kind == RELATIVE))
    return sorted(groups, key=lambda g: (g.date, not g.general, g.tasks[0].doc, g.tasks[0].number))


def status_view(statuses: Statuses | None, task: Task) -> dict | None:
    status = (statuses or {}).get((task.doc, task.number))
    if status is None:
        return None
    return {"state": status.label, "light": LIGHT_LABEL[status.light], "overdue": status.overdue,
            "reasons": list(status.reasons), "css": status.light}


def event_line(e) -> str:
    """One tracked event (policykb.track.model) as the task page shows it."""
    kind = getattr(e, "type", "")
    if kind == "plan":
        return "印发落实方案" + "".join(f"《{x}》" if x == e.title else f"（{x}）" for x in (e.title, e.doc_number) if x)
    if kind == "report":
        return f"报送{e.year}年落实情况：{e.summary}"
    if kind == "update":
        return f"报送进展：{e.summary}"
    if kind == "state":
        return f"状态：{e.state}" + (f"（{e.by}认定）" if e.by else "")
    if kind == "extension":
        return f"延期：{e.original.isoformat()} → {e.new.isoformat()}（{e.reason}；{e.approved_by}批准）"
    return getattr(e, "text", "") or kind


def task_events(tracking) -> dict[tuple[str, int], list[dict]]:
    """Tracked events per task for the task pages ({} without tracking)."""
    events = getattr(tracking, "events", None) or {}
    return {key: [{"date": e.date, "unit": e.unit, "text": event_line(e)} for e in items]
            for key, items in events.items()}


def document_shell(doc: Document) -> Document:
    """The document without its items (articles, tasks, indicators), for pages that show only its
    settings: given only those, they keep their keys when one of its tasks changes (see pagekeys)."""
    return doc.model_copy(update={"articles": {}, "tasks": {}, "indicators": {}})


def document_pages(pg: PolicyGraph, doc: Document, paths: Paths, when: dict,
                   statuses: Statuses | None, unit_files: dict[str, dict], events: dict, charts: dict,
                   cascade: CascadeViews | None = None, downloads: list[dict] | None = None,
                   letters_of: LettersOfDocument | None = None, shell_doc: Document | None = None) -> list[Page]:
    """A document's pages; `downloads`: its own 分工方案 and letters' zip, which its page links;
    `shell_doc`: its `document_shell`, when the caller made it already."""
    as_of, end = when["shown"], when["end"]
    letters_of = letters_of or LettersOfDocument(unit_files)
    annex = doc.meta.annex
    sections = {s.number: s for s in annex.sections} if annex else {}
    parts = {p.number: p for p in doc.meta.parts}
    # one part or section is no division: the importer gives a list without headings one, titled by itself
    common = {"doc": doc, "paths": paths, "lead_mode": LEAD_MODE_LABEL, "indicator_line": indicator_line,
              "comparator": COMPARATOR_LABEL, "sections": sections, "parts": parts, "cn": cn_number,
              "heading_mark": heading_mark, "divided": len(parts) > 1, "sectioned": len(sections) > 1}
    # A task's, an article's and the indicators' pages show the document's settings, never its other items
    shell = dict(common, doc=shell_doc or document_shell(doc))
    items_only = doc.items_only
    general = list(annex.general_deadlines) if annex else []
    cascade = cascade or CascadeViews(pg.kb, statuses, paths, lambda t: task_deadline(t, general))
    pages = [Page(paths.document(doc.id), "document.md.j2",
                  dict(common, errata=errata_view(doc), cascade=cascade.documents(doc), downloads=downloads or [],
                       article_tasks={a: len(pg.tasks_of_article(doc.id, a)) for a in doc.articles},
                       mirrored=items_only)),
             Page(paths.table(doc.id), "table.md.j2",
                  dict(common, tasks=list(doc.tasks.values()), life=when,
                       section_labels={n: section_label(doc, n) for n in sections}, mirrored=items_only,
                       deadlines={n: task_deadline(t, general) for n, t in doc.tasks.items()},
                       due_dates={n: max((d.date for d in t.own_deadlines), default=None) for n, t in doc.tasks.items()},
                       due_years={n: sorted({d.date.year for d in t.own_deadlines}) for n, t in doc.tasks.items()},
                       filter_units={n: _with_members(pg, t, t.units) for n, t in doc.tasks.items()},
                       filter_leads={n: _with_members(pg, t, t.lead) for n, t in doc.tasks.items()},
                       indicators={n: pg.indicators_of(doc.id, task=n) for n in doc.tasks},
                       statuses={n: status_view(statuses, t) for n, t in doc.tasks.items()}), body=False),
             Page(paths.indicators(doc.id), "indicators.md.j2",
                  dict(shell, indicators=list(doc.indicators.values()),
                       tasks_of={i: pg.tasks_of_indicator(doc.id, i) for i in doc.indicators},
                       charts={i: charts.get((doc.id, i)) for i in doc.indicators}), section_titles=False, boost=0.5)]
    for a in doc.articles.values():
        pages.append(Page(paths.article(doc.id, a.number), "article.md.j2",
                          dict(shell, article=a, part=parts.get(a.part), tasks=pg.tasks_of_article(doc.id, a.number),
                               units=pg.units_of_article(doc.id, a.number),
                               indicators=pg.indicators_of(doc.id, article=a.number), mirrored=items_only),
                          keywords=[] if items_only else [f"第{a.number}条"]))
    dues: dict[int, list[Due]] = {}
    for d in pg.due_between(doc.meta.date, end, doc=doc.id):
        dues.setdefault(d.task.number, []).append(d)
    for t in doc.tasks.values():
        pages.append(Page(paths.task(doc.id, t.number), "task.md.j2",
                          dict(shell, task=t, section=sections.get(t.section), articles=_own_articles(pg, t),
                               indicators=pg.indicators_of(doc.id, task=t.number),
                               status=status_view(statuses, t),
                               events=[e for e in events.get((doc.id, t.number), []) if e["date"] <= as_of],
                               letters={u: letters_of(u, doc.id) for u in t.units},
                               members={u: pg.members_of_task(t, u) for u in t.units if pg.kb.units[u].members},
                               members_called={u: members_called(pg, [u]) for u in t.units},
                               member_letters={m: letters_of(m, doc.id)
                                               for u in t.units for m in pg.members_of_task(t, u)},
                               dues=due_groups(dated_only(dues.get(t.number, [])), as_of),
                               recurring=recurring_rows(pg, [t], as_of, when["ended_docs"]),
                               cascade=cascade.members(t), chains=cascade.chains(t)),
                          keywords=list(dict.fromkeys([t.ref, f"第{t.number}项"])), boost=1.5))
    return pages


# What a collective's members are called, by the collective's level (its members'; the Hunan text's own 市州)
_MEMBERS_CALLED = {"省": "省份", "市": "市州", "县": "县市区"}


def members_called(pg: PolicyGraph, collectives: list[str]) -> str:
    """「市州」 for the members of a collective of cities, 「县市区」 of counties; 「成员单位」 for several levels."""
    levels = {pg.kb.units[c].level_or_kind for c in collectives if c in pg.kb.units}
    return _MEMBERS_CALLED.get(levels.pop(), "成员单位") if len(levels) == 1 else "成员单位"


def _own_articles(pg: PolicyGraph, task: Task) -> list[Article]:
    """The articles a task carries out, but not one that only restates it: 「落实条文 第3条」 would name an article the
    document does not have."""
    return [a for a in pg.articles_of_task(task) if not task.restates(a)]


class LettersOfDocument:
    """A unit's letters that belong to one document: a task's page links the letter that assigns it,
    not the unit's letters of every other document (all named 单位.docx). Grouped once, so that a
    hundred documents' task pages do not each filter every unit's hundred letters."""

    def __init__(self, unit_files: dict[str, dict]):
        self._all = {u: files.get("letters", []) for u, files in unit_files.items()}
        self._grouped: dict[str, dict[str, list[dict]]] = {}

    def __call__(self, unit: str, doc: str) -> list[dict]:
        files = self._all.get(unit, [])
        groups = self._grouped.get(unit)
        if groups is None:
            groups = self._grouped[unit] = {}
            for f in files:
                groups.setdefault(f.get("document") or "", []).append(f)
        if "" in groups:  # a letter of no known document (an older manifest) goes with every document
            return [f for f in files if (f.get("document") or "") in (doc, "")]
        return groups.get(doc, [])


def _with_members(pg: PolicyGraph, task: Task, units: list[str]) -> list[str]:
    """Units, each collective followed by the members that carry the task: the 分工方案 filter knows 长沙市."""
    return [x for u in units for x in [u, *pg.members_of_task(task, u)]]


_ERRATUM_WHERE = {"article": "第{}条", "task": "第{}项"}


def errata_view(doc: Document) -> list[dict]:
    """The errata as readers see them: 第6条 rather than article:6, and notes only when written in Chinese."""
    out = []
    for e in doc.meta.errata:
        kind, _, number = e.where.partition(":")
        where = _ERRATUM_WHERE[kind].format(int(number)) if kind in _ERRATUM_WHERE and number.isdigit() else "原文"
        note = e.note if e.note and not any("a" <= c.lower() <= "z" for c in e.note) else ""
        out.append({"where": where, "kind": kind, "number": int(number) if number.isdigit() else None,
                    "as_written": e.as_written, "correction": e.correction, "note": note})
    return out


def site_pages(pg: PolicyGraph, *, as_of: dt.date, statuses: Statuses | None = None,
               unit_files: dict[str, dict] | None = None, maps: list[str] | None = None,
               downloads: list[dict] | None = None, history: list[dict] | None = None,
               errors: list[tuple[str, str, str]] | None = None, events: dict | None = None,
               charts: dict | None = None, values: dict | None = None) -> list[Page]:
    """Every generated page of the site, in a stable order."""
    paths = Paths(pg)
    unit_files = unit_files or {}
    docs = list(pg.documents())
    when = life(pg, as_of)
    start, end, shown = when["start"], when["end"], when["shown"]
    upcoming = [] if when["ended"] else due_groups(
        next_only(pg.due_between(as_of, min(end, as_of + dt.timedelta(days=UPCOMING_DAYS)))), as_of)
    pages = [Page("index.md", "home.md.j2",
                  {"docs": docs, "pg": pg, "paths": paths, "as_of": as_of, "upcoming": upcoming, "life": when,
                   "units": pg.units_with_tasks(), "members": pg.members_with_tasks(),
                   "recipients": recipient_count(pg), "target_sentence": target_sentence, "cn": cn_number,
                   "every": EVERY,  # how often each recurring kind falls
                   "mirrored": {d.id: d.items_only for d in docs},
                   "members_called": members_called(pg, [u for u in pg.kb.units if pg.kb.units[u].members]),
                   "recurs": {d.id: {g.id: pg.recurrences(d.id, g) for g in (d.meta.annex.general_deadlines
                                                                            if d.meta.annex else [])}
                              for d in docs}},
                  body=False)]
    general = {d.id: list(d.meta.annex.general_deadlines) if d.meta.annex else [] for d in docs}
    cascade = CascadeViews(pg.kb, statuses, paths, lambda t: task_deadline(t, general[t.doc]))  # issue 24
    own: dict[str, list[dict]] = {}  # each document's downloads: its 分工方案 and letters' zip
    for item in downloads or []:
        if "document" in item:
            own.setdefault(item["document"], []).append(item)
    letters_of = LettersOfDocument(unit_files)
    shells = {doc.id: document_shell(doc) for doc in docs}  # one each: hashed once for all the pages showing it
    for doc in docs:
        pages += document_pages(pg, doc, paths, when, statuses, unit_files, events or {}, charts or {}, cascade,
                                own.get(doc.id, []), letters_of, shells[doc.id])
    unit_names = pg.units_with_tasks()
    kinds = list(dict.fromkeys(pg.kb.units[u].kind for u in unit_names))
    members = pg.members_with_tasks()
    collectives = [u for u in unit_names if pg.kb.units[u].members]
    pages.append(Page("units/index.md", "units.md.j2",
                      {"pg": pg, "paths": paths, "kinds": kinds, "units": unit_names, "members": members,
                       "members_called": members_called(pg, collectives),
                       # the example: the collective that leads most
                       "collective": max(collectives, default=None,
                                         key=lambda u: tuple(map(len, pg.tasks_of(u).values())))},
                      body=False))
    for name in unit_names + members:
        pages.append(unit_page(pg, name, paths, when, statuses, unit_files.get(name, {}), values or {}, unit_files,
                               shells))
    pages += [
        Page("calendar.md", "calendar.md.j2",
             {"paths": paths, "as_of": as_of, "life": when,
              "groups": due_groups(dated_only(pg.due_between(start, end)), as_of),
              "recurring": recurring_rows(pg, [t for d in docs for t in d.tasks.values()], shown, when["ended_docs"])},
             body=False),
        Page("maps.md", "maps.md.j2", {"maps": maps or [], "paths": paths, "unit_files": unit_files,
                                       "figures": map_figures(pg, maps or [])}, body=False),
        Page("downloads.md", "downloads.md.j2",
             {"documents": [{"title": d.meta.title, "page": paths.document(d.id), "files": own[d.id]}
                            for d in docs if d.id in own],
              "downloads": [d for d in downloads or [] if "document" not in d]}, body=False),
        Page("changes.md", "changes.md.j2", {"history": history, "paths": paths}, body=False),
        Page("guide/errors.md", "errors.md.j2", {"errors": errors or []}),
    ]
    return pages


def letter_kind(pg: PolicyGraph, kind: str) -> str:
    """责任书, or 告知函 for the kinds of body the documents' letter settings send a notice to."""
    from ..letters.recipients import notice_kinds
    return "告知函" if any(kind in notice_kinds(d) for d in pg.documents()) else "责任书"


def _kinds_of(letters: list[dict]) -> str:
    """What a unit's letters are, in the order they come (「责任书、告知函」 when documents differ)."""
    return "、".join(dict.fromkeys(f["kind"] for f in letters if f.get("kind")))


def recipient_count(pg: PolicyGraph) -> dict[str, int]:
    """How many letters each document issues: units, and each collective as its members."""
    from ..letters.recipients import recipients  # the letters' own rule, so the counts cannot differ
    return {d.id: len(recipients(pg, d)) for d in pg.documents()}


def life(pg: PolicyGraph, as_of: dt.date) -> dict:
    """Where the build day falls in the policies' periods: what every page says about it, and the day
    the pages show (the period's last day once it is over: the final state, never a later date)."""
    periods = {d.id: pg.period(d.id) for d in pg.documents()}
    start, end = span(periods.values()) or (as_of, as_of)
    return {"as_of": as_of, "start": start, "end": end, "shown": min(as_of, end), "ended": as_of > end,
            "started": as_of >= start,
            "sentences": {d: sentence(p, as_of) for d, p in periods.items()},
            "ended_docs": [d for d, p in periods.items() if as_of > p.end],  # each document's own period (issue 22)
            "labels": {d: period_label(p) for d, p in periods.items()}}


NEXT_DUES = 6  # what a unit's page lists under 下一步到期


def task_deadline(task: Task, general: list) -> list[str]:
    """A task's deadlines as a reader needs them: its own, else the general ones every task has, else
    that none is set (an imported list may date nothing)."""
    own = [f"{d.phrase}" for d in task.own_deadlines]
    return own or [f"{d.phrase}（通用）" for d in general] or [NO_DEADLINE]


def member_unit(pg: PolicyGraph, member: str) -> Unit:
    """A member of a collective (长沙市 of 各市州、县市区党委和政府) as a unit of its own: its page, its letter."""
    from ..letters.recipients import member_full_name  # the letter's addressee, said once
    kind = next(pg.kb.units[c].kind for c in pg.collectives_of(member))
    return Unit(name=member, kind=kind, full_name=member_full_name(member))


def _member_dues(pg: PolicyGraph, member: str, start: dt.date, end: dt.date) -> list[Due]:
    """What falls due for a member: its collectives' deadlines, on the tasks that name it (or name none)."""
    found = [d for c in pg.collectives_of(member) for d in pg.due_between(start, end, c)
             if d.task.applies_to(c, member)]
    unique = {(d.date, d.task.doc, d.task.number, d.deadline.phrase): d for d in found}
    return [unique[k] for k in sorted(unique)]


def unit_page(pg: PolicyGraph, name: str, paths: Paths, when: dict, statuses: Statuses | None, files: dict,
              values: dict, member_files: dict | None = None, shells: dict[str, Document] | None = None) -> Page:
    """A unit's dashboard: its tasks with deadline and status, what falls due next, its indicators, its files.
    A member of a collective (a 市州) gets one too, with the tasks its letter carries; a collective's
    page links its members'. Its tasks are listed under their documents' shells (`shells`, by id; made
    here when not given): another task of the same document leaves the page's key as it was."""
    member = name not in pg.kb.units
    unit = member_unit(pg, name) if member else pg.kb.units[name]
    roles = pg.member_tasks(name) if member else pg.tasks_of(name)
    tasks = roles["lead"] + roles["participant"]
    general = {d.id: list(d.meta.annex.general_deadlines) if d.meta.annex else [] for d in pg.documents()}
    dues = (_member_dues(pg, name, when["shown"], when["end"]) if member
            else pg.due_between(when["shown"], when["end"], name))
    nxt = [] if when["ended"] else due_groups(next_only(dues), when["shown"])
    indicators: dict[tuple[str, str], dict] = {}
    for t in tasks:
        for i in pg.indicators_of(t.doc, task=t.number):
            indicators.setdefault((t.doc, i.id), {"doc": t.doc, "indicator": i,
                                                  "latest": (values.get((t.doc, i.id)) or [None])[-1]})
    maps = [f for f in files.get("maps", []) if f["path"].endswith(".pdf")]
    # the maps stage writes beside each unit map's .svg a .preview.svg cropped to what is drawn
    previews = {f["path"]: f["path"][:-4] + ".preview.svg" for f in maps
                if any(g["path"] == f["path"][:-4] + ".svg" for g in files.get("maps", []))}
    return Page(paths.unit(name), "unit.md.j2",
                {"unit": unit, "roles": roles, "by_document": {r: by_document(pg, ts, shells) for r, ts in roles.items()},
                 "paths": paths, "lead_mode": LEAD_MODE_LABEL, "files": files,
                 "as_of": when["shown"], "life": when, "indicator_line": indicator_line, "indicators": list(indicators.values()),
                 "maps": maps, "previews": previews,
                 "deadlines": {(t.doc, t.number): task_deadline(t, general[t.doc]) for t in tasks},
                 "statuses": {(t.doc, t.number): status_view(statuses, t) for t in tasks},
                 "dues": nxt[:NEXT_DUES], "letter_kind": _kinds_of(files.get("letters", [])) or letter_kind(pg, unit.kind), "collectives": pg.collectives_of(name) if member else [],
                 "members_called": members_called(pg, [unit.name]),
                 "members": [{"name": m, "letters": (member_files or {}).get(m, {}).get("letters", [])}
                             for m in unit.members if m in paths.units],
                 "issued": [] if member else _issued_by(pg, name, tasks)},
                keywords=[name, *unit.names_people_use(), *unit.local_names], body=False, boost=2.0)


def _issued_by(pg: PolicyGraph, name: str, tasks: list[Task]) -> list[Document]:
    """The documents this unit issues and has tasks in: as their 甲方 it gets no letter of its own for them."""
    from ..letters.recipients import issuing_units  # the letters' own rule, so the page says what they do
    own = {t.doc for t in tasks}
    return [d for d in pg.documents() if d.id in own and name in issuing_units(pg, d)]


def by_document(pg: PolicyGraph, tasks: list[Task],
                shells: dict[str, Document] | None = None) -> list[tuple[Document, list[Task]]]:
    """Tasks under their documents' shells, in the knowledge base's order: 第50项 of two documents are two tasks."""
    grouped: dict[str, list[Task]] = {}
    for t in tasks:
        grouped.setdefault(t.doc, []).append(t)
    return [((shells or {}).get(d.id) or document_shell(d), grouped[d.id]) for d in pg.documents() if d.id in grouped]


def map_figures(pg: PolicyGraph, files: list[dict]) -> list[dict]:
    """The document-wide maps (overall, sections) as pictures: SVG shown, PDF downloaded under a Chinese name."""
    titles = map_titles(pg)
    by_stem: dict[str, dict] = {}
    for f in files:
        stem, _, ext = f["path"].rpartition(".")
        by_stem.setdefault(stem, {})[ext] = f["path"]
    figures = []
    for stem, kinds in by_stem.items():
        key = stem.split("/", 2)[-1]  # downloads/maps/<doc>/<map>
        if key in titles and "svg" in kinds:
            paper = next((f["paper"] for f in files if f["path"] == kinds.get("pdf") and f.get("paper")), "")
            figures.append({"title": titles[key], "svg": kinds["svg"], "pdf": kinds.get("pdf"), "paper": paper,
                            "order": list(titles).index(key)})
    return sorted(figures, key=lambda f: f["order"])


def map_titles(pg: PolicyGraph) -> dict[str, str]:
    """Chinese names for the maps' files, as the downloads are saved: 作战图·总图.pdf, 作战图·一、….pdf."""
    names = {}
    for d in pg.documents():
        prefix = f"{d.meta.label}作战图"
        names[f"{d.id}/overall"] = f"{prefix}·总图"
        for s in (d.meta.annex.sections if d.meta.annex else []):
            names[f"{d.id}/section-{s.number}"] = f"{prefix}·{section_label(d, s.number)}"
    return names
