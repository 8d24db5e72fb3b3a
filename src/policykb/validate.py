"""Gather every policy file, check it, and assemble the knowledge base — or report why not."""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from . import deadlines, paths, textrules
from .ingest.levels import level_of_place
from .cascade.check import check as cascade_check
from .cascade.dates import inherit
from .issues import Issue, PolicyError, Report
from .period import ASSUMED_YEARS
from . import daterange
from .docids import ID_HINT, id_problem
from .load import YamlFile, display_path, document_folders, load_file, real_dir, real_path
from .model import (ArticleFile, Article, Deadline, Document, DocumentFile, Indicator, IndicatorsFile,
                    KnowledgeBase, Reporting, TaskFile, Task, UnitKind, UnitsFile)
from .registry import UnitIndex, check_name, check_units_file

M = TypeVar("M", bound=BaseModel)

_DATE_ERRORS = {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type"}

# An import leaves these empty when the text does not state them, so that check stops the letters.
_EMPTY_HINTS = {("title",): "照原文写出文件标题（责任书和作战图都引用它）；导入时文中找不到标题，这里会留空"}

# pydantic error type -> what to write instead, for people who do not read pydantic
_TYPE_HINTS = {
    "int_parsing": "写一个整数，如 12",
    "int_type": "写一个整数，如 12",
    "int_from_float": "写一个整数，如 12",
    "float_parsing": "写一个数，如 60 或 0.5",
    "float_type": "写一个数，如 60 或 0.5",
    "bool_parsing": "写 true 或 false",
    "bool_type": "写 true 或 false",
    "string_type": "写文字；像数字或日期的文字要加引号",
    "list_type": "写成列表：每行一个 '- 项目'，或在一行写 [a, b]",
    "dict_type": "在这个键下面缩进，每行写一个 '字段: 值'",
    "model_type": "在这个键下面缩进，每行写一个 '字段: 值'",
    "string_pattern_mismatch": "只用小写字母 a-z、数字和 '-'，如 poverty-rate",
}


def _fields_at(model: type[BaseModel] | None, loc: tuple) -> dict:
    """The pydantic fields of the model found at loc (list indexes skipped), or {}."""
    for part in loc:
        if model is None:
            return {}
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = _inner_model(field.annotation) if field else None
    return model.model_fields if model else {}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _dotted(loc: tuple) -> str:
    """A field's path as people count: deadlines[1].date is the date of the first deadline."""
    text = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    return text or "（整个文件）"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _closest(word: Any, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: Any, choices: list[str]) -> str | None:
    close = _closest(word, choices)
    return f"是不是 '{close}'？" if close else None


def _half_width(value: Any) -> str | None:
    """A hint when a number or date was typed with full-width digits (１２, ２０１６－０６－３０)."""
    if not isinstance(value, str):
        return None
    half = unicodedata.normalize("NFKC", value).strip()
    if half != value.strip() and re.fullmatch(r"[-+]?[\d.\-]+", half) and re.search(r"[０-９]", value):
        return f"用半角数字：写 {half}，不要写 {value}"
    return None


# pydantic error type -> what was expected, in words (pydantic's own message otherwise)
_TYPE_PROBLEMS = {
    "int_parsing": "应当是整数", "int_type": "应当是整数", "int_from_float": "应当是整数",
    "float_parsing": "应当是数", "float_type": "应当是数",
    "bool_parsing": "应当是 true 或 false", "bool_type": "应当是 true 或 false",
    "string_type": "应当是文字", "list_type": "应当是列表",
    "dict_type": "应当是 '字段: 值' 的行", "model_type": "应当是 '字段: 值' 的行",
    "string_pattern_mismatch": "格式不对",
}


def _type_problem(e: dict) -> str:
    kind, ctx = e["type"], e.get("ctx", {})
    if kind == "literal_error":
        return "不是可以写的值"
    if kind == "greater_than_equal":
        return f"应当不小于 {ctx.get('ge')}"
    if kind == "greater_than":
        return f"应当大于 {ctx.get('gt')}"
    if kind == "too_short":
        return f"至少要有 {ctx.get('min_length')} 项"
    if kind == "too_long":
        return f"最多只能有 {ctx.get('max_length')} 项"
    return _TYPE_PROBLEMS.get(e["type"], e["msg"])


def _wrong_type_hint(e: dict) -> str | None:
    value, kind = e["input"], e["type"]
    if _half_width(value):
        return _half_width(value)
    if kind == "list_type" and value is None:
        return "空列表写 []，否则在键下面每行写一个 '- 项目'"
    if kind == "list_type" and isinstance(value, str) and value.lstrip().startswith("-"):
        return "每个 '-' 后面加一个空格：每行一个 '- 项目'"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", e.get("ctx", {}).get("expected", ""))
        return _did_you_mean(str(value), allowed) or f"只能写其中之一：{'、'.join(allowed)}"
    if kind in ("greater_than_equal", "greater_than"):
        return "写一个正数，如 1"
    if kind == "too_short" and tuple(e["loc"]) == ("issuers",):
        return ("按原文落款或版头写出发文机关（即责任书的甲方）；"
                "导入时找不到发文机关，这里会留空")
    if kind == "too_short":
        return "至少写一项"
    return _TYPE_HINTS.get(kind)


def _model_issues(err: ValidationError, file: YamlFile, model: type[BaseModel]) -> list[Issue]:
    """Translate pydantic's errors into located issues, with a hint at what to write instead."""
    issues = []
    errors = err.errors()
    # A misspelt field is both unknown and missing: say it once, where the misspelling is. A field that is
    # missing is its likeliest meaning ('leader' for a missing 'lead', though 'leaders' exists too).
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}

    def meant(loc: tuple) -> str | None:
        absent = [f for f in _fields_at(model, loc[:-1]) if loc[:-1] + (f,) in missing]
        return _closest(loc[-1], absent) or _closest(loc[-1], list(_fields_at(model, loc[:-1])))

    misspelt = {tuple(e["loc"][:-1]) + (meant(tuple(e["loc"])),) for e in errors if e["type"] == "extra_forbidden"}
    for e in errors:
        loc = tuple(e["loc"])
        dotted = _dotted(loc)
        kind = e["type"]
        if kind == "extra_forbidden":
            line, col = file.key_where(*loc)
            known = list(_fields_at(model, loc[:-1]))
            close = meant(loc)
            issues.append(Issue(file.path, line, col, "unknown-field", f"未知字段 '{dotted}'",
                                hint=f"是不是 '{close}'？" if close else f"这里可以写的字段：{'、'.join(known)}"))
        elif kind == "missing" and loc in misspelt:
            continue
        elif kind == "missing":
            line, col = file.where(*loc[:-1])
            field = _fields_at(model, loc[:-1]).get(loc[-1])
            about = f"（{field.description}）" if field and field.description else ""
            where = f" '{_dotted(loc[:-1])}' 下" if loc[:-1] else "这个文件中"
            issues.append(Issue(file.path, line, col, "missing-field", f"缺少字段 '{dotted}'",
                                hint=f"在{where}加上 '{loc[-1]}:'{about}"))
        elif kind in _DATE_ERRORS:
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "bad-date",
                                f"'{dotted}'：{_short(e['input'])} 不是有效的日期",
                                hint=_half_width(e["input"]) or "写一个存在的日期，格式为 YYYY-MM-DD，"
                                                                "如 2016-06-30"))
        elif kind == "string_too_long":
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "text-too-long",
                                f"'{dotted}' 有 {len(e['input'])} 个字符，上限是 "
                                f"{e['ctx']['max_length']}", hint="检查是否误粘贴了整份文件"))
        elif kind == "string_too_short":
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "empty-text", f"'{dotted}' 是空的",
                                hint=_EMPTY_HINTS.get(loc, "照原文抄写")))
        else:
            line, col = file.where(*loc)
            issues.append(Issue(file.path, line, col, "wrong-type",
                                f"'{dotted}'：{_type_problem(e)}，这里写的是 {_short(e['input'])}",
                                hint=_wrong_type_hint(e)))
    return issues


def _parse(file: YamlFile, model: type[M], report: Report) -> M | None:
    if file.data is None:
        report.add(file.path, 1, 1, "empty-file", "文件是空的",
                   hint="填写内容；不需要的话就删除它")
        return None
    if not isinstance(file.data, dict):
        report.add(file.path, *file.where(), "wrong-type",
                   f"应当是 '字段: 值' 的行，这里是 {type(file.data).__name__}",
                   hint="和其他文件一样，最外层的每一行都以字段名开头")
        return None
    try:
        parsed = model.model_validate(file.data)
    except ValidationError as err:
        report.extend(_model_issues(err, file, model))
        return None
    far = far_dates(parsed, file)
    report.extend(far)
    return None if far else parsed


def far_dates(parsed: BaseModel, file: YamlFile) -> list[Issue]:
    """bad-date for each date outside daterange: 9999-12-31 is a real date, and one no calendar,
    status or letter can use."""
    return [Issue(file.path, *file.where(*path), "bad-date", f"'{_dotted(path)}'：{d.isoformat()} 超出了本工具能处理的"
                  f"日期范围", hint=daterange.RANGE_HINT)
            for path, d in daterange.dates_in(parsed.model_dump()) if daterange.out_of_range(d)]


def _inside(path: Path, root: Path) -> bool:
    """Whether a file really lies below root (links followed; a link loop resolves outside)."""
    return real_path(path).startswith(real_dir(os.fspath(root)) + os.sep)


def _load(path: Path, root: Path, report: Report) -> YamlFile | None:
    if not _inside(path, root):
        report.add(display_path(path), 1, 1, "unsafe-path",
                   f"'{path.name}' 指向 {display_path(root)}/ 以外",
                   hint="用文件本身替换这个链接")
        return None
    file, issues = load_file(path)
    report.extend(issues)
    return file


def _check_titles(meta: DocumentFile, file: YamlFile, report: Report) -> None:
    """Names and titles every output shows (navigation, file names, docx properties): plain and short."""
    names = [(meta.short_title, ("short_title",), textrules.MAX_NAME), (meta.title, ("title",), textrules.MAX_TITLE)]
    names += [(p.title, ("parts", i, "title"), textrules.MAX_TITLE) for i, p in enumerate(meta.parts)]
    names += [(n, ("issuers", i), textrules.MAX_TITLE) for i, n in enumerate(meta.issuers)]
    if meta.annex:
        names += [(meta.annex.title, ("annex", "title"), textrules.MAX_TITLE)]
        names += [(s.title, ("annex", "sections", i, "title"), textrules.MAX_TITLE)
                  for i, s in enumerate(meta.annex.sections)]
    if meta.letters:
        names += [(meta.letters.title, ("letters", "title"), textrules.MAX_TITLE)]
    for name, path, limit in names:
        if name is not None:
            check_name(name, file, path, report, limit)


def _check_deadline(d: Deadline, file: YamlFile, path: tuple, day: dt.date, report: Report) -> None:
    read = deadlines.parse(d.phrase, day)
    line, col = file.where(*path, "phrase")
    if read is None:
        report.add(file.path, line, col, "unparseable-deadline", f"看不懂时限 '{d.phrase}'",
                   hint="写成这样的说法： 2016年6月底前, 每年11月中旬, 到2020年, 5年内, 从2016年起, 每月10日前, 每季度末, 长期坚持")
    elif read != (d.date, d.kind):
        report.add(file.path, line, col, "deadline-mismatch",
                   f"'{d.phrase}' 读作 {read[0].isoformat()}（{read[1]}），"
                   f"但文件中写的是 {d.date.isoformat()}（{d.kind}）",
                   hint=f"改为 date: {read[0].isoformat()} 和 kind: {read[1]}")


def _check_in_period(d: Deadline, file: YamlFile, path: tuple, period, report: Report) -> None:
    """A one-off deadline after the period's end (or before its start) is likely a typo in the year."""
    if period is None or not deadlines.falls_once(d.kind) or (d.kind == "starting-year" and d.date.year == period.start.year):
        return
    if not period.start <= d.date <= period.end:
        report.add(file.path, *file.where(*path, "phrase"), "deadline-outside-period",
                   f"'{d.phrase}'（{d.date.isoformat()}）不在实施期 "
                   f"{period.start.isoformat()}..{period.end.isoformat()} 之内", severity="warning",
                   hint="对照原文核对年份，或放宽 document.yaml 中的 'period'")


def _numbered(folder: Path, root: Path, model: type[M], name_of, report: Report,
              broken: set[int]) -> dict[int, tuple[M, YamlFile]]:
    """Load every NN.yaml in a folder; the number in the file must match its name and be unique.

    The numbers of files that could not be read go to `broken`, so that references to them
    are not reported a second time as dangling.
    """
    found: dict[int, tuple[M, YamlFile]] = {}
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError as err:
        report.add(display_path(folder), 1, 1, "unreadable-file", f"无法列出文件夹的内容：{err.strerror or err}",
                   hint="确认有读取它的权限")
        entries = []
    for path in entries:
        if path.name.startswith("."):
            if path.name.endswith(".yaml"):  # a task someone meant (or a staging copy): say it is not read
                report.add(display_path(path), 1, 1, "hidden-skipped", f"跳过了 '{path.name}'：名称以 '.' 开头的"
                           f"文件不会被读取", severity="warning",
                           hint=f"去掉开头的 '.' 重新命名（如 {name_of(1)}），或删除它")
            continue  # editors' swap files, .DS_Store …: silently
        if path.is_dir() and not path.name.endswith(".yaml"):
            report.add(display_path(path), 1, 1, "stray-file", f"忽略了文件夹 '{path.name}'：只读取 *.yaml "
                       f"文件", severity="warning", hint=f"把它移出 {folder.name}/")
            continue
        if not path.name.endswith(".yaml"):
            report.add(display_path(path), 1, 1, "stray-file", f"忽略了 '{path.name}'：只读取 *.yaml 文件",
                       severity="warning", hint=f"改名为以 .yaml 结尾（如 {name_of(1)}），或把它移走")
            continue
        file = _load(path, root, report)
        parsed = file and _parse(file, model, report)
        if not parsed:
            if path.name.split(".")[0].isdigit():
                broken.add(int(path.name.split(".")[0]))
            continue
        line, col = file.where("number")
        if parsed.number in found:
            report.add(file.path, line, col, "duplicate-number",
                       f"编号 {parsed.number} 已被 {found[parsed.number][1].path} 使用",
                       hint=f"给这个文件一个自己的编号，并按编号命名（如 {name_of(parsed.number + 1)}）")
            continue
        if path.name != name_of(parsed.number):
            report.add(file.path, line, col, "number-mismatch",
                       f"编号 {parsed.number} 与文件名 '{path.name}' 不符",
                       hint=f"把文件改名为 {name_of(parsed.number)}", severity="warning")
        found[parsed.number] = (parsed, file)
    return dict(sorted(found.items()))


def _numbers_hint(what: str, numbers) -> str:
    numbers = sorted(numbers)
    if not numbers:
        return f"这份文件还没有{what}"
    return f"这份文件的{what}编号为 {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 \
        else f"这份文件的{what}只有 {numbers[0]} 号"


def _check_text(text: str, file: YamlFile, report: Report, field: str = "text") -> None:
    if not text.strip():
        line, col = file.where(field)
        report.add(file.path, line, col, "empty-text", f"'{field}' 是空的", hint="照原文抄写")


def _resolve_units(names: list[str], field: str, file: YamlFile, index: UnitIndex, report: Report,
                   level: str | None = None, place: str | None = None) -> list[str]:
    resolved = []
    for i, name in enumerate(names):
        canonical = index.resolve(name, place)
        line, col = file.where(field, i)
        if canonical is None:
            report.add(file.path, line, col, "unknown-unit", f"'{field}' 中有未知单位 '{name}'",
                       hint=index.suggest(name, level))
        elif canonical in resolved:
            report.add(file.path, line, col, "unit-repeated", f"'{canonical}' 在 '{field}' 中出现了两次",
                       hint="删去重复的一行（别名也算同一个单位）")
        else:
            resolved.append(canonical)
    return resolved


def _check_members(t: TaskFile, units_of_task: list[str], file: YamlFile, index: UnitIndex,
                   report: Report, place: str | None = None) -> dict[str, dict[str, list[str]]]:
    """A task's `members`: each key a collective unit of the task, each member one of its registry
    members, each word naming it found in the task's text (the source says who, the data only points)."""
    found = {}
    for collective, named in t.members.items():
        canonical = index.resolve(collective, place)
        unit = index.units.get(canonical) if canonical else None
        if canonical not in units_of_task or unit is None or not unit.members:
            report.add(file.path, *file.key_where("members", collective), "unknown-unit",
                       f"'members' 中的 '{collective}' 不是这项任务的集合单位",
                       hint="写 'lead' 或 'participants' 中某个集合单位的名称")
            continue
        for member, words in named.items():
            if member not in unit.members:
                close = difflib.get_close_matches(member, unit.members, n=1, cutoff=0.4)
                report.add(file.path, *file.key_where("members", collective, member), "unknown-unit",
                           f"'{member}' 不是 '{canonical}' 的成员",
                           hint=f"是不是 '{close[0]}'？" if close else f"成员列在 {paths.UNITS_FILE} 中")
            for i, word in enumerate(words):
                if word not in t.text:
                    report.add(file.path, *file.where("members", collective, member, i), "member-not-named",
                               f"任务原文中没有 '{word}'，而 'members' 说它指的是 '{member}'",
                               hint="只列任务原文中有的词，照原文写")
        found[canonical] = {m: list(w) for m, w in named.items()}
    return found


NUMBER_FIELDS = {"year", "serial"}  # what a letter number pattern may name


def _check_settings(meta: DocumentFile, file: YamlFile, report: Report) -> None:
    """What the schema cannot say about the document's settings: a period that runs forwards, a
    letter number pattern whose placeholders the letters can fill."""
    if meta.period and meta.period.end < meta.period.start:
        report.add(file.path, *file.where("period", "end"), "bad-setting",
                   f"实施期的结束日（{meta.period.end}）早于开始日（{meta.period.start}）",
                   hint="'end' 写实施期的最后一天，不能早于 'start'")
    if meta.period is None:  # the letters would print an 有效期 the document never gave
        report.add(file.path, *file.where("date"), "no-period",
                   f"没有写实施期：责任书的有效期和作战图的时间轴按最后一个时限、没有时限时按成文日期起{ASSUMED_YEARS}年计",
                   severity="warning",
                   hint="照原文在 document.yaml 中写 period（start、end）；原文没有写明时，写上发文单位确定的有效期")
    if meta.letters:
        _check_number(meta.letters.number, file, ("letters", "number"), report)
        if meta.letters.notice:
            _check_number(meta.letters.notice.number, file, ("letters", "notice", "number"), report)
            kinds = get_args(UnitKind)
            for i, kind in enumerate(meta.letters.notice.recipients):
                if kind not in kinds:
                    close = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.3)
                    report.add(file.path, *file.where("letters", "notice", "recipients", i), "bad-setting",
                               f"'{kind}' 不是单位类型",
                               hint=(f"是不是 '{close[0]}'？" if close else "") + "单位类型：" + "、".join(kinds))
        signed, end = meta.letters.date, meta.period.end if meta.period else None
        if signed and (signed < meta.date or (end and signed > end)):
            report.add(file.path, *file.where("letters", "date"), "bad-setting",
                       f"责任书的签订日期 {signed} 不在政策的时间之内（从 {meta.date}"
                       + (f" 到 {end}）" if end else " 起）"),
                       hint="签订日期不早于文件日期、不超出实施期，或者不写 'date'")


def _check_number(pattern: str, file: YamlFile, where: tuple, report: Report) -> None:
    """A 发文字号 pattern the letters can fill: only {year} and {serial}, and {serial} present.
    An empty pattern is the letters' choice to carry no number (an imported document has no style of its own)."""
    if not pattern:
        return
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as err:
        names, broken = set(), str(err)
    else:
        broken = ", ".join(sorted(f"{{{n}}}" for n in names - NUMBER_FIELDS))
        if not broken and "serial" not in names:
            broken = "没有 {serial}，每份责任书的编号会相同"
    if broken:
        report.add(file.path, *file.where(*where), "bad-setting",
                   f"责任书编号格式 '{pattern}' 中有填不了的内容：{broken}",
                   hint="用 {year} 表示年份，{serial} 表示责任书序号，如 湘发〔{year}〕{serial}号")


def _check_reporting(reporting: Reporting, file: YamlFile, units: UnitIndex, report: Report,
                     place: str | None) -> Reporting:
    """The office that collects the reports and those it may ask to supervise are units of the registry
    (the summary is signed by one, the reminders name the others): returned by their canonical names."""
    named = [(("reporting", "to"), reporting.to)]
    named += [(("reporting", "supervisors", i), n) for i, n in enumerate(reporting.supervisors)]
    canonical = []
    for loc, name in named:
        found = units.resolve(name, place)
        canonical.append(found or name)
        if found is None:
            report.add(file.path, *file.where(*loc), "unknown-unit", f"'{_dotted(loc)}' 中有未知单位 '{name}'",
                       hint=units.suggest(name, None))
    return reporting.model_copy(update={"to": canonical[0], "supervisors": canonical[1:]})


def _written_jurisdiction(doc_file: YamlFile | None) -> str | None:
    """The jurisdiction a document.yaml writes, read even when the file has other errors: its tasks' local names
    (财政局 of a 株洲市 list) resolve by it, so an empty 'issuers' is not followed by an unknown unit per task."""
    data = doc_file.data if doc_file else None
    place = data.get("jurisdiction") if isinstance(data, dict) else None
    return place if isinstance(place, str) else None


@dataclass(frozen=True)
class _Scope:
    """What a document's files are checked against, from its document.yaml. Without a readable one the articles and
    tasks are still checked on their own, so that every problem shows at once; what depends on it (None) is skipped."""
    doc_file: YamlFile | None
    meta: DocumentFile | None
    day: dt.date | None  # its day: 本周完成 is read against it
    place: str | None
    level: str | None
    parts: set[int] | None
    sections: set[int] | None
    general: list[Deadline]

    @classmethod
    def of(cls, doc_file: YamlFile | None, meta: DocumentFile | None) -> _Scope:
        place = meta.jurisdiction if meta else _written_jurisdiction(doc_file)
        return cls(doc_file, meta, meta.date if meta else None, place, level_of_place(place) if place else None,
                   {p.number for p in meta.parts} if meta else None,
                   ({s.number for s in meta.annex.sections} if meta.annex else set()) if meta else None,
                   list(meta.annex.general_deadlines) if meta and meta.annex else [])


def _load_document(folder: Path, root: Path, units: UnitIndex, report: Report) -> Document | None:
    doc_file = _load(folder / paths.DOCUMENT_FILE, root, report)
    meta = doc_file and _parse(doc_file, DocumentFile, report)
    scope = _Scope.of(doc_file, meta)
    for i, d in enumerate(scope.general):
        _check_deadline(d, doc_file, ("annex", "general_deadlines", i), scope.day, report)
    if meta:
        meta = _checked_meta(meta, doc_file, units, report)
    broken_articles: set[int] = set()
    broken_tasks: set[int] = set()
    articles = _load_articles(folder, root, scope, report, broken_articles)
    tasks = _load_tasks(folder, root, scope, units, report, broken_tasks, (articles, broken_articles))
    for i, a in enumerate(meta.letters.assessment_articles if meta and meta.letters else []):
        if a not in articles and a not in broken_articles:
            report.add(doc_file.path, *doc_file.where("letters", "assessment_articles", i), "unknown-article",
                       f"第 {a} 条不存在", hint=_numbers_hint("条文", articles))
    indicators = _load_indicators(folder, root, report, (articles, broken_articles), (tasks, broken_tasks))
    if meta is None:
        return None
    return Document(id=folder.name, meta=meta, folder=display_path(folder), articles=articles, tasks=tasks,
                    indicators=indicators)


def _checked_meta(meta: DocumentFile, doc_file: YamlFile, units: UnitIndex, report: Report) -> DocumentFile:
    _check_settings(meta, doc_file, report)
    _check_titles(meta, doc_file, report)
    if meta.reporting:
        meta = meta.model_copy(update={"reporting": _check_reporting(meta.reporting, doc_file, units, report,
                                                                         meta.jurisdiction)})
    return meta


def _load_articles(folder: Path, root: Path, scope: _Scope, report: Report, broken: set[int]) -> dict[int, Article]:
    articles: dict[int, Article] = {}
    for number, (a, file) in _numbered(folder / paths.ARTICLES_DIR, root, ArticleFile, paths.article_file,
                                       report, broken).items():
        _check_text(a.title, file, report, "title")
        check_name(a.title, file, ("title",), report, textrules.MAX_TITLE)
        _check_text(a.text, file, report)
        if scope.parts is not None and a.part not in scope.parts:
            line, col = file.where("part")
            report.add(file.path, line, col, "unknown-part", f"第 {a.part} 部分没有列在 {scope.doc_file.path} 中",
                       hint=_numbers_hint("各部分", scope.parts))
        articles[number] = Article(doc=folder.name, file=file.path, **a.model_dump())
    return articles


def _load_tasks(folder: Path, root: Path, scope: _Scope, units: UnitIndex, report: Report, broken: set[int],
                known_articles: tuple[dict, set[int]]) -> dict[int, Task]:
    tasks: dict[int, Task] = {}
    for number, (t, file) in _numbered(folder / paths.TASKS_DIR, root, TaskFile, paths.task_file, report,
                                       broken).items():
        _check_text(t.text, file, report)
        if scope.sections is not None and t.section not in scope.sections:
            line, col = file.where("section")
            report.add(file.path, line, col, "unknown-section", f"附件中没有第 {t.section} 节",
                       hint=_numbers_hint("附件各节", scope.sections))
        lead = _resolve_units(t.lead, "lead", file, units, report, scope.level, scope.place)
        participants = _resolve_units(t.participants, "participants", file, units, report, scope.level, scope.place)
        _check_roles(t, number, lead, participants, file, report)
        articles, broken_articles = known_articles
        for i, a in enumerate(t.articles):
            if a not in articles and a not in broken_articles:
                line, col = file.where("articles", i)
                report.add(file.path, line, col, "unknown-article", f"第 {a} 条不存在",
                           hint=_numbers_hint("条文", articles))
        for i, d in enumerate(t.deadlines if scope.day else []):
            _check_deadline(d, file, ("deadlines", i), scope.day, report)
            _check_in_period(d, file, ("deadlines", i), scope.meta.period, report)  # issue 15
        members = _check_members(t, lead + participants, file, units, report, scope.place)
        data = t.model_dump(exclude={"lead", "participants", "deadlines", "members"})
        tasks[number] = Task(doc=folder.name, file=file.path, lead=lead, participants=participants, members=members,
                             own_deadlines=t.deadlines, deadlines=[*t.deadlines, *scope.general], **data)
    return tasks


def _check_roles(t: TaskFile, number: int, lead: list[str], participants: list[str], file: YamlFile,
                 report: Report) -> None:
    """A unit in one role only; a lead at all; as many leads as the lead mode says."""
    for i, name in enumerate(participants):
        if name in lead:
            line, col = file.where("participants", i)
            report.add(file.path, line, col, "unit-repeated", f"'{name}' 既是牵头单位又是参与单位",
                       hint="只保留在 'lead' 中")
    if not t.lead:
        line, col = file.key_where("lead")
        report.add(file.path, line, col, "no-lead", f"任务 {number} 没有牵头单位",
                   hint="在 'lead' 中至少写一个单位")
    elif t.lead_mode != "first" and len(t.lead) < 2:
        line, col = file.where("lead_mode")
        report.add(file.path, line, col, "lead-mode-mismatch",
                   f"lead_mode '{t.lead_mode}' 需要至少两个牵头单位，'lead' 中只有一个",
                   hint="补上另一个牵头单位，或写 lead_mode: first")
    elif t.lead_mode == "first" and len(t.lead) > 1:
        line, col = file.where("lead_mode") if "lead_mode" in file.data else file.key_where("lead")
        report.add(file.path, line, col, "lead-mode-mismatch",
                   f"lead_mode 'first' 只能有一个牵头单位，'lead' 中有 {len(t.lead)} 个",
                   hint="写 lead_mode: joint（共同牵头）或 separate（分别牵头），或把单位移到 'participants'")


def _load_indicators(folder: Path, root: Path, report: Report, known_articles: tuple[dict, set[int]],
                     known_tasks: tuple[dict, set[int]]) -> dict[str, Indicator]:
    indicators: dict[str, Indicator] = {}
    ind_path = folder / paths.INDICATORS_FILE
    ind_file = _load(ind_path, root, report) if ind_path.exists() or ind_path.is_symlink() else None
    parsed = ind_file and _parse(ind_file, IndicatorsFile, report)
    (articles, broken_articles), (tasks, broken_tasks) = known_articles, known_tasks
    for i, ind in enumerate(parsed.indicators if parsed else []):
        line, col = ind_file.where("indicators", i)
        if ind.id in indicators:
            report.add(ind_file.path, line, col, "duplicate-number", f"指标编号 '{ind.id}' 用了两次",
                       hint="每个指标用自己的编号")
        check_name(ind.name, ind_file, ("indicators", i, "name"), report, textrules.MAX_TITLE)
        if not ind.articles and not ind.tasks:
            report.add(ind_file.path, line, col, "indicator-without-source",
                       f"指标 '{ind.id}' 没有写出自哪一条或哪项任务",
                       hint="加上 'articles: [n]' 或 'tasks: [n]'，写明原文在哪里提出这个指标")
        for j, a in enumerate(ind.articles):
            if a not in articles and a not in broken_articles:
                report.add(ind_file.path, *ind_file.where("indicators", i, "articles", j), "unknown-article",
                           f"第 {a} 条不存在", hint=_numbers_hint("条文", articles))
        for j, n in enumerate(ind.tasks):
            if n not in tasks and n not in broken_tasks:
                report.add(ind_file.path, *ind_file.where("indicators", i, "tasks", j), "unknown-task",
                           f"任务 {n} 不存在", hint=_numbers_hint("任务", tasks))
        indicators[ind.id] = ind
    return indicators


def validate(root: Path | str = paths.POLICIES) -> tuple[KnowledgeBase | None, Report]:
    """Check every file under root; the knowledge base is returned only when there are no errors."""
    root = Path(root)
    report = Report()
    if not root.is_dir():
        report.add(display_path(root), 1, 1, "no-document", f"没有文件夹 '{display_path(root)}'",
                   hint="检查 --policies/-p 给出的路径")
        return None, report
    units_path = root / paths.UNITS_FILE
    units_file = _load(units_path, root, report) if units_path.exists() or units_path.is_symlink() else None
    if units_file is None and not report.issues:
        report.add(display_path(root / paths.UNITS_FILE), 1, 1, "missing-file", "缺少单位名录",
                   hint=f"新建 {paths.UNITS_FILE}，在其中写 'units' 列表")
    parsed_units = units_file and _parse(units_file, UnitsFile, report)
    units = check_units_file(units_file, parsed_units, report) if parsed_units else {}
    index = UnitIndex(units if parsed_units else None)

    folders, hidden = document_folders(root, paths.DOCUMENT_FILE)
    for folder in hidden:
        report.add(display_path(folder), 1, 1, "hidden-skipped", f"跳过了 '{folder.name}'：名称以 '.' 开头的"
                   f"文件夹不会作为政策读取", severity="warning",
                   hint="中断的导入会留下 .import-….tmp，删除即可；真正的政策文件夹名称不能"
                        "以 '.' 开头")
    if not folders:
        report.add(display_path(root), 1, 1, "no-document", f"这里没有含 {paths.DOCUMENT_FILE} 的政策文件夹",
                   hint=f"每份政策是一个含 {paths.DOCUMENT_FILE} 的文件夹；检查 -p/--policies，"
                        "或用 policykb import 新建一份")
    documents = {}
    seen_ids: dict[str, Path] = {}
    for folder in folders:
        problem = id_problem(folder.name)
        other = seen_ids.setdefault(folder.name.casefold(), folder)
        if problem or other != folder:
            report.add(display_path(folder), 1, 1, "bad-document-id",
                       f"文件夹名 '{folder.name}' 不能用作文件编号："
                       + (problem or f"它和 '{other.name}' 只差大小写，Windows 和 macOS "
                                     f"会把它们当作同一个文件夹"), hint=ID_HINT)
        if not _inside(folder, root):
            report.add(display_path(folder), 1, 1, "unsafe-path", f"'{folder.name}' 指向 {display_path(root)}/ 以外",
                       hint="用文件夹本身替换这个链接")
            continue
        doc = _load_document(folder, root, index, report)
        if doc:
            documents[doc.id] = doc
    if not report.errors:  # issue 24: links between documents, once every document has loaded
        documents = inherit(documents)  # first, so a county deadline is compared with what its 市 task inherited
        report.extend(cascade_check(documents, units, units_path))
    if report.errors:
        return None, report
    return KnowledgeBase(root=display_path(root), units=units, documents=documents), report


def load_kb(root: Path | str = paths.POLICIES, strict: bool = False) -> KnowledgeBase:
    """The knowledge base, or PolicyError carrying every problem found."""
    kb, report = validate(root)
    if kb is None or report.failed(strict):
        raise PolicyError(report)
    return kb
