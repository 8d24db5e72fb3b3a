"""Export the knowledge base for machines (JSON, GraphML, CSV) and for office staff (xlsx)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from .deadlines import cell_text
from .graph import PolicyGraph
from .model import Deadline, Indicator, Task
from .output import atomic_write
from . import printsetup
from .reproducible import normalize_zip

Format = Literal["json", "graphml", "csv", "xlsx"]
FORMATS: tuple[str, ...] = ("json", "graphml", "csv", "xlsx")


def file_name(fmt: str) -> str:
    """The data stage's file of a format (the site's downloads and the letters' overview reuse them)."""
    return f"policykb.{fmt}"


LEAD_MODE_LABEL = {"first": "单独牵头", "joint": "共同牵头", "separate": "分别牵头"}
COMPARATOR_LABEL = {"<=": "≤", ">=": "≥", "=": "=", "<": "<", ">": ">"}


class ExportDeadline(BaseModel):
    date: str
    phrase: str
    kind: str
    general: bool


class ExportArticle(BaseModel):
    document: str
    number: int
    part: int
    title: str
    text: str
    tasks: list[int]


class ExportTask(BaseModel):
    document: str
    number: int
    label: str | None = Field(default=None, description="原文编号（原样，如 二、（二））；原文编号就是序号时省略")
    section: int
    text: str
    lead_units: list[str]
    participant_units: list[str]
    lead_mode: str
    open_ended: bool
    units_as_written: str
    articles: list[int]
    deadlines: list[ExportDeadline]
    indicators: list[str]
    implements: list[dict] | None = Field(default=None, description="本任务落实的上级任务（doc、task、part、proposed）；"
                                                                    "没有时省略")


class ExportUnit(BaseModel):
    name: str
    aliases: list[str]
    kind: str
    collective: bool
    lead_tasks: list[str]
    participant_tasks: list[str]
    place: str | None = Field(default=None, description="单位所在的地方；只在单位有本地名称时给出")
    local_names: list[str] | None = Field(default=None, description="只在本地方的文件中指本单位的名称；没有时省略")


class ExportIndicator(BaseModel):
    document: str
    id: str
    name: str
    comparator: str
    value: float
    unit: str
    year: int | None
    period: str | None
    scope: str
    phrase: str
    articles: list[int]
    tasks: list[int]
    contributes: list[dict] | None = Field(default=None, description="本指标计入的上级指标（doc、indicator、"
                                                                     "aggregation）；没有时省略")


class ExportDocument(BaseModel):
    id: str
    title: str
    issuers: list[str]
    date: str
    implements: dict | None
    parts: list[dict]
    sections: list[dict]
    requirements: list[dict]
    general_deadlines: list[dict]
    errata: list[dict]


class Export(BaseModel):
    """The whole knowledge base as one JSON document."""
    documents: list[ExportDocument]
    articles: list[ExportArticle]
    tasks: list[ExportTask]
    units: list[ExportUnit]
    indicators: list[ExportIndicator]


def task_ref(task: Task) -> str:
    return f"{task.doc}#{task.number}"


def _deadline(d: Deadline) -> ExportDeadline:
    return ExportDeadline(date=d.date.isoformat(), phrase=d.phrase, kind=d.kind, general=d.id is not None)


def _indicator(doc: str, i: Indicator) -> ExportIndicator:
    return ExportIndicator(document=doc, **i.model_dump(exclude={"contributes"}),
                           contributes=[link.model_dump() for link in i.contributes] or None)


def to_model(pg: PolicyGraph) -> Export:
    kb = pg.kb
    docs, articles, tasks, indicators = [], [], [], []
    for doc in kb.documents.values():
        meta = doc.meta
        annex = meta.annex
        docs.append(ExportDocument(
            id=doc.id, title=meta.title, issuers=meta.issuers, date=meta.date.isoformat(),
            implements=meta.implements.model_dump() if meta.implements else None,
            parts=[p.model_dump() for p in meta.parts],
            sections=[s.model_dump() for s in annex.sections] if annex else [],
            requirements=[r.model_dump() for r in annex.requirements] if annex else [],
            general_deadlines=[d.model_dump(mode="json") for d in annex.general_deadlines] if annex else [],
            errata=[e.model_dump() for e in meta.errata]))
        for a in doc.articles.values():
            articles.append(ExportArticle(document=doc.id, number=a.number, part=a.part, title=a.title,
                                          text=a.text, tasks=[t.number for t in pg.tasks_of_article(doc.id, a.number)]))
        for t in doc.tasks.values():
            tasks.append(ExportTask(
                document=doc.id, number=t.number, label=t.label, section=t.section, text=t.text, lead_units=t.lead,
                participant_units=t.participants, lead_mode=t.lead_mode, open_ended=t.open_ended,
                units_as_written=t.units_as_written, articles=t.articles,
                deadlines=[_deadline(d) for d in t.deadlines],
                indicators=[i.id for i in pg.indicators_of(doc.id, task=t.number)],
                implements=[link.model_dump() for link in t.implements] or None))
        indicators += [_indicator(doc.id, i) for i in doc.indicators.values()]
    units = []
    for unit in kb.units.values():
        roles = pg.tasks_of(unit.name)
        units.append(ExportUnit(name=unit.name, aliases=unit.aliases, kind=unit.kind, collective=unit.collective,
                                lead_tasks=[task_ref(t) for t in roles["lead"]],
                                participant_tasks=[task_ref(t) for t in roles["participant"]],
                                **({"place": unit.place, "local_names": unit.local_names} if unit.local_names else {})))
    return Export(documents=docs, articles=articles, tasks=tasks, units=units, indicators=indicators)


def to_json(pg: PolicyGraph) -> str:
    model = to_model(pg)
    # issue 24: only linked tasks and contributing indicators say it, and only units called by a local name give
    # their place and local names (issue 22): the bundled bytes are unchanged
    # a label only where the document numbers afresh under each heading
    unlinked = {i: {f for f in ("implements", "label") if getattr(t, f) is None} for i, t in enumerate(model.tasks)}
    alone = {i: {"contributes"} for i, x in enumerate(model.indicators) if x.contributes is None}
    everywhere = {i: {"place", "local_names"} for i, u in enumerate(model.units) if u.local_names is None}
    data = model.model_dump(mode="json", exclude={"tasks": unlinked, "indicators": alone, "units": everywhere})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_graphml(pg: PolicyGraph) -> str:
    """GraphML wants scalar attributes: keep a label and the type, drop the Python objects."""
    import networkx as nx
    g = nx.MultiDiGraph()
    for node, data in sorted(pg.g.nodes(data=True)):
        obj = data["obj"]
        label = getattr(obj, "name", None) or getattr(obj, "title", None) or getattr(obj, "phrase", None) \
            or getattr(obj, "text", "")
        g.add_node(node, type=data["type"], label=label)
    for u, v, k in sorted(pg.g.edges(keys=True)):
        g.add_edge(u, v, key=k, kind=k)
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def task_rows(pg: PolicyGraph, doc: str | None = None) -> tuple[list[str], list[list]]:
    """The 分工方案 as office staff know it: one row per task (of one document, `doc`, or of all)."""
    docs = [pg.kb.documents[doc]] if doc is not None else list(pg.kb.documents.values())
    # a 责任领导 column only where a task names its leaders (a city's list does; the bundled policy names none)
    leaders = any(t.leaders for d in docs for t in d.tasks.values())
    # a 原文编号 column only where a document numbers its tasks afresh under each heading (「二、（一）」)
    labels = any(t.label for d in docs for t in d.tasks.values())
    header = ["文件", "序号", *["原文编号"] * labels, "部分", "任务内容", "牵头单位", "参与单位", "牵头方式", *["责任领导"] * leaders, "落实条文",
              "时限", "指标"]
    rows = []
    for doc in docs:
        sections = {s.number: s.title for s in doc.meta.annex.sections} if doc.meta.annex else {}
        for t in doc.tasks.values():
            rows.append([
                doc.id, t.number, *[t.label or ""] * labels, sections.get(t.section, t.section), t.text, "、".join(t.lead),
                "、".join(t.participants) + ("等" if t.open_ended else ""), LEAD_MODE_LABEL[t.lead_mode],
                *["、".join(t.leaders)] * leaders,
                "" if doc.items_only else "、".join(f"第{a}条" for a in t.articles),  # no 第3条 it does not have
                "；".join(cell_text(d) for d in t.deadlines),
                "；".join(i.phrase for i in pg.indicators_of(doc.id, task=t.number)),
            ])
    return header, rows


def unit_rows(pg: PolicyGraph, doc: str | None = None) -> tuple[list[str], list[list]]:
    """One row per unit with a task (in one document, `doc`, or in any)."""
    header = ["单位", "类别", "牵头任务", "参与任务", "牵头数", "参与数"]
    rows = []
    for name in pg.units_with_tasks(doc):
        roles = pg.tasks_of(name, doc)
        rows.append([name, pg.kb.units[name].kind, "、".join(t.own_number for t in roles["lead"]),
                     "、".join(t.own_number for t in roles["participant"]),
                     len(roles["lead"]), len(roles["participant"])])
    return header, rows


# A spreadsheet program reads a CSV cell that begins with one of these as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A CSV cell no spreadsheet runs: a text that could start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def set_cell(cell, value) -> None:
    """Write a value into an openpyxl cell as data, never as a formula.

    openpyxl stores any text beginning with '=' as a formula; a unit named '=1+1科技厅' would run in
    Excel. Text is forced to a string cell, with characters XML cannot carry replaced (check refuses
    them in the knowledge base; this keeps a hand-made value from breaking the file).
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell.data_type = "s"
    else:
        cell.value = value


def append_row(ws, values, row: int | None = None) -> None:
    """ws.append for untrusted values: every text a string cell (see set_cell). `row`: its number, when
    the caller counts them (openpyxl's max_row looks at every cell: appending n rows costs n² without)."""
    if row is None:
        row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for col, value in enumerate(values, start=1):
        set_cell(ws.cell(row, col), value)


def to_csv(pg: PolicyGraph) -> str:
    header, rows = task_rows(pg)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return "\ufeff" + out.getvalue()  # BOM so Excel on Chinese Windows opens it as UTF-8


def _by_document_name(pg: PolicyGraph, header: list[str], rows: list[list],
                      single: bool = False) -> tuple[list[str], list[list]]:
    """For people: one document needs no 文件 column (the task number leads); several are told apart
    by their short titles, not by folder names."""
    if header[0] != "文件":
        return header, rows
    if single or len(pg.kb.documents) == 1:
        return header[1:], [row[1:] for row in rows]
    names = {d.id: d.meta.short_title or d.meta.title for d in pg.kb.documents.values()}
    return header, [[names.get(row[0], row[0]), *row[1:]] for row in rows]


def to_xlsx(pg: PolicyGraph, doc: str | None = None) -> bytes:
    """The 分工方案 workbook (按任务, 按单位) of the knowledge base, or of one document, `doc`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    import datetime as dt

    wb = Workbook()
    wb.properties.creator = "policykb"
    wb.properties.created = wb.properties.modified = dt.datetime(2016, 4, 1)
    widths = {"文件": 24, "序号": 6, "原文编号": 12, "部分": 20, "任务内容": 60, "牵头单位": 18, "参与单位": 36, "责任领导": 16, "时限": 28,
              "指标": 30, "牵头任务": 30, "参与任务": 40}
    sheets = (("按任务", _by_document_name(pg, *task_rows(pg, doc), single=doc is not None), printsetup.A3),
              ("按单位", unit_rows(pg, doc), printsetup.A4))
    for index, (title, (header, rows), paper) in enumerate(sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = title
        for number, row in enumerate([header, *rows], start=1):
            append_row(ws, row, number)
        for col, name in enumerate(header, start=1):
            ws.cell(1, col).font = Font(bold=True)
            ws.column_dimensions[ws.cell(1, col).column_letter].width = widths.get(name, 12)
        wrapped = Alignment(wrap_text=True, vertical="top")  # one style object: openpyxl compares each new one
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrapped
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        printsetup.landscape(ws, "1:1", paper)
        printsetup.fit_rows(ws)
    out = io.BytesIO()
    wb.save(out)
    return normalize_zip(out.getvalue())


def export(pg: PolicyGraph, fmt: Format) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(pg)
    text = {"json": to_json, "graphml": to_graphml, "csv": to_csv}[fmt](pg)
    return text.encode("utf-8")


def write(pg: PolicyGraph, fmt: Format, path: Path) -> None:
    atomic_write(path, export(pg, fmt))
