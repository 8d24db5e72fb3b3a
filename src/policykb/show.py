"""Answer "what is task 69 / article 28 / 省教育厅?" as text, with every link spelled out."""
from __future__ import annotations

import re

from .export import COMPARATOR_LABEL, LEAD_MODE_LABEL
from .graph import PolicyGraph
from .model import Article, Indicator, Task


class NotFound(LookupError):
    def __init__(self, query: str, hint: str | None):
        super().__init__(query)
        self.query, self.hint = query, hint


_TASK = re.compile(r"^(?:task\s*|第)?(\d+)(?:项)?$", re.I)
_ARTICLE = re.compile(r"^(?:article\s*|第)(\d+)(?:条)?$|^第?(\d+)条$", re.I)


def indicator_line(i: Indicator) -> str:
    when = f"{i.year}年" if i.year else (i.period or "")
    value = f"{i.value:g}"
    return f"{i.name}（{i.scope}）{COMPARATOR_LABEL[i.comparator]} {value}{i.unit} {when}——“{i.phrase}”"


def task_lines(pg: PolicyGraph, t: Task) -> list[str]:
    lines = [f"{t.ref}任务（{t.doc}）", t.text, ""]
    lines.append(f"牵头单位（{LEAD_MODE_LABEL[t.lead_mode]}）：{'、'.join(t.lead)}")
    if t.participants or t.open_ended:
        lines.append(f"参与单位：{'、'.join(t.participants)}{'等' if t.open_ended else ''}")
    lines.append(f"原文单位：{t.units_as_written}")
    for a in pg.articles_of_task(t):
        lines.append(f"落实条文：第{a.number}条 {a.title}")
    for d in t.deadlines:
        lines.append(f"时限：{d.phrase}（{d.date.isoformat()}，{d.kind}）")
    for i in pg.indicators_of(t.doc, task=t.number):
        lines.append(f"指标：{indicator_line(i)}")
    return lines


def article_lines(pg: PolicyGraph, a: Article) -> list[str]:
    lines = [f"第{a.number}条 {a.title}（{a.doc}）", a.text, ""]
    for t in pg.tasks_of_article(a.doc, a.number):
        lines.append(f"任务 {t.ref}：{t.text[:40]}{'…' if len(t.text) > 40 else ''}（牵头：{'、'.join(t.lead)}）")
    units = pg.units_of_article(a.doc, a.number)
    if units:
        lines.append(f"责任单位：{'、'.join(units)}")
    for i in pg.indicators_of(a.doc, article=a.number):
        lines.append(f"指标：{indicator_line(i)}")
    return lines


def unit_lines(pg: PolicyGraph, name: str) -> list[str]:
    unit = pg.kb.units[name]
    lines = [f"{unit.name}（{unit.kind}）"]
    if unit.aliases:
        lines.append(f"别名：{'、'.join(unit.aliases)}")
    if unit.local_names:
        lines.append(f"{unit.place}的文件中写作：{'、'.join(unit.local_names)}")
    roles = pg.tasks_of(name)
    for role, label in (("lead", "牵头"), ("participant", "参与")):
        lines.append(f"{label}任务 {len(roles[role])} 项：")
        for t in roles[role]:
            mode = "" if t.lead_mode == "first" or role != "lead" else f"【{LEAD_MODE_LABEL[t.lead_mode]}】"
            lines.append(f"  {t.ref}{mode} {t.text[:50]}{'…' if len(t.text) > 50 else ''}")
    return lines


def show(pg: PolicyGraph, query: str, doc: str | None = None) -> list[str]:
    """Lines describing the task, article or unit the query names."""
    query = query.strip()
    docs = [doc] if doc else list(pg.kb.documents)
    if m := _ARTICLE.match(query):
        number = int(m[1] or m[2])
        found = [pg.kb.documents[d].articles[number] for d in docs if number in pg.kb.documents[d].articles]
        if found:
            return [line for a in found for line in article_lines(pg, a) + [""]][:-1]
    elif m := _TASK.match(query):
        number = int(m[1])
        found = [pg.kb.documents[d].tasks[number] for d in docs if number in pg.kb.documents[d].tasks]
        if found:
            return [line for t in found for line in task_lines(pg, t) + [""]][:-1]
    else:
        unit = pg.kb.unit_named(query)  # a local name of several places: AmbiguousUnit names them
        if unit:
            return unit_lines(pg, unit.name)
        close = [u for u in pg.kb.units if query in u or u in query]
        hint = f"是不是“{close[0]}”？" if close else "请给出任务序号（69、第69项）、条文（第28条）或单位名称"
        raise NotFound(query, hint)
    raise NotFound(query, "知识库中没有这个编号")
