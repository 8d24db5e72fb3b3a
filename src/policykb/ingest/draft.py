"""Parse a source text of this shape (numbered articles, annex of numbered tasks) into policy YAML.

The importer gives a first draft that people then review: texts and unit lists are read exactly;
the task -> article links are guessed from shared wording; indicators are left for people to write.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import deadlines, paths
from ..yamlio import dump_new

_CN_NUM = "一二三四五六七八九十"
_PART = re.compile(rf"^([{_CN_NUM}]+)、(.+)$")
_ARTICLE = re.compile(r"^(\d+)．(.*)$")
_SECTION = re.compile(rf"^[(（]([{_CN_NUM}]+)[)）](.+)$")
_TASK = re.compile(r"^(\d+)．(.*)[(（]([^()（）]*)[)）][\s。]*$")
_DATE = re.compile(r"（(\d{4})年(\d{1,2})月(\d{1,2})日）")
_ISSUERS = re.compile(r"《(中共\w{2,3}省委)(\w{2,3}省人民政府)关于")
_IMPLEMENTS = re.compile(r"《([^》]+)》[(（]([^)）]+)[)）]")

# Phrases in a task's text that set a dated target.
_DEADLINE_PHRASES = re.compile(
    r"(?:力争)?\d{4}年\d{1,2}月(?:上旬|中旬|下旬|底|末)?前"
    r"|每年\d{1,2}月(?:上旬|中旬|下旬)"
    r"|(?:从|自)\d{4}年(?:起|开始)"
    r"|\d{4}年前[(（]含\d{4}年[)）]"
    r"|(?:力争)?到\d{4}年"
    r"|力争\d{4}年"
    r"|(?:力争)?\d+年(?:内|累计)"
    r"|\d年行动"
    r"|(?<![人天])每年(?=[组开召报])")

# Unit lists: a collective of local governments is one unit even though it contains 、.
_COLLECTIVE = re.compile(r"(?:各|相关)市州[^；，]*?(?:党委和政府|党委、政府)")
_OPEN_END = re.compile(r"等(?:省直相关部门|相关部门)?$")
_STRAY = re.compile(r"^[\s．.，,、；;：:]+|[\s．.，,、；;：:]+$")

_KINDS = [  # first match wins
    (r"^(中共)?湖南省(委|人民政府)$|^省(委|政府)$", "省委省政府"),
    (r"人大|政协", "人大政协"),
    (r"军区|武警", "军队武警"),
    (r"市州|县市", "市县党委政府"),
    (r"^(团省委|省妇联|省总工会|省残联|省工商联|省科协|省文联)$", "群团组织"),
    (r"人民检察院|人民法院", "政法机关"),
    (r"大学|学院|科学院|农科院|社科院", "高校与科研院所"),
    (r"人民银行|银监局|证监局|保监局|调查总队|通信管理局|国税局|气象局|邮政管理局", "中央驻湘机构"),
    (r"银行|信用联社|保险公司", "金融机构"),
    (r"公司$", "企业"),
    (r"", "省直部门"),
]


@dataclass
class ParsedTask:
    number: int
    section: int
    text: str
    units_as_written: str
    lead_mode: str
    lead: list[str]
    participants: list[str]
    open_ended: bool
    errata: list[dict] = field(default_factory=list)


def _cn(numeral: str) -> int:
    return _CN_NUM.index(numeral) + 1 if len(numeral) == 1 else 10 + _CN_NUM.index(numeral[-1]) + 1


def split_units(written: str) -> tuple[str, list[str], list[str], bool]:
    """(lead_mode, lead, participants, open_ended) from a unit list as the annex writes it."""
    units_part = written.split("；")[0]  # task 1 adds the rule "列在首位的为牵头单位…" after a semicolon
    mode, lead_text, rest = "first", None, units_part
    for marker, name in (("分别牵头", "separate"), ("共同牵头", "joint")):
        if marker in units_part:
            lead_text, _, rest = units_part.partition(marker)
            rest, mode = rest.lstrip("，,"), name
    def names(text: str) -> list[str]:
        collectives = _COLLECTIVE.findall(text)
        for i, collective in enumerate(collectives):
            text = text.replace(collective, f"\x00{i}\x00", 1)
        pieces = (re.sub(r"\x00(\d+)\x00", lambda m: collectives[int(m[1])], p).strip() for p in text.split("、"))
        return [p for p in pieces if p]

    open_ended = bool(_OPEN_END.search(units_part.strip()))
    if lead_text is not None:
        lead, participants = names(lead_text), names(rest)
    else:
        all_units = names(units_part)
        lead, participants = all_units[:1], all_units[1:]
    if open_ended:
        target = participants if participants else lead
        target[-1] = _OPEN_END.sub("", target[-1])
    return mode, lead, participants, open_ended


def clean_unit(name: str, known: set[str]) -> tuple[str, str | None]:
    """The canonical form of a unit name and, when it had to be mended, why."""
    stripped = _STRAY.sub("", name)
    if stripped != name:
        return stripped, "stray punctuation"
    if not stripped.startswith(("省", "湖南", "中共", "团省委")) and "省" + stripped in known:
        return "省" + stripped, "missing 省 prefix"
    return stripped, None


def unit_kind(name: str) -> str:
    return next(kind for pattern, kind in _KINDS if re.search(pattern, name))


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def guess_articles(task_text: str, articles: dict[int, dict]) -> list[int]:
    """Articles whose wording the task shares most (the annex restates the articles)."""
    grams = _bigrams(task_text)
    scores = {n: len(grams & _bigrams(a["title"] + a["text"])) / max(len(grams), 1) for n, a in articles.items()}
    best = max(scores.values(), default=0)
    return sorted(n for n, s in scores.items() if s == best or (s >= 0.5 and s >= 0.85 * best))


def find_deadlines(text: str, year: int) -> list[dict]:
    found = []
    for match in _DEADLINE_PHRASES.finditer(text):
        read = deadlines.parse(match.group(), year)
        if read and not any(d["phrase"] == match.group() for d in found):
            found.append({"phrase": match.group(), "date": read[0], "kind": read[1]})
    return found


def parse_source(text: str) -> dict:
    """Read the whole document into plain data: meta, articles, tasks, units."""
    lines = [line.strip().strip("\u3000").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    title = lines[0]
    date_match = _DATE.search(text)
    date = dt.date(*map(int, date_match.groups()))
    impl = _IMPLEMENTS.search(text)
    issuers = _ISSUERS.search(text)
    annex_at = next(i for i, line in enumerate(lines) if line.startswith("附件"))
    parts, articles, preamble = [], {}, []
    current = None
    for line in lines[1:annex_at]:
        if _DATE.fullmatch(line):
            continue
        if m := _PART.match(line):
            parts.append({"number": _cn(m[1]), "title": m[2].strip()})
        elif m := _ARTICLE.match(line):
            head = m[2].strip()
            title_, sep, body = head.partition("。")
            current = {"number": int(m[1]), "part": parts[-1]["number"], "title": title_.strip(),
                       "text": body.strip() if sep else ""}
            articles[current["number"]] = current
        elif current is not None:
            current["text"] = (current["text"] + "\n" + line).strip()
        else:
            preamble.append(line)

    annex_lines = lines[annex_at + 1:]
    annex_title = annex_lines[0]
    annex_preamble = annex_lines[1]
    sections, tasks, requirements = [], {}, []
    in_requirements = False
    for line in annex_lines[2:]:
        if m := _PART.match(line):
            in_requirements = "要求" in m[2]
        elif m := _SECTION.match(line):
            if in_requirements:
                requirements.append({"number": _cn(m[1]), "text": m[2].strip()})
            else:
                sections.append({"number": _cn(m[1]), "title": m[2].strip()})
        elif m := _TASK.match(line):
            written = m[3].strip()
            mode, lead, participants, open_ended = split_units(written)
            tasks[int(m[1])] = ParsedTask(int(m[1]), sections[-1]["number"], m[2].strip(), written,
                                          mode, lead, participants, open_ended)
    return {"title": title, "date": date, "issuers": list(issuers.groups()) if issuers else [], "implements": impl and {"title": impl[1], "number": impl[2]},
            "preamble": "\n".join(preamble), "parts": parts, "articles": articles,
            "annex": {"title": annex_title, "preamble": annex_preamble, "sections": sections,
                      "requirements": requirements}, "tasks": tasks}


def _general_deadlines(requirements: list[dict], year: int) -> list[dict]:
    out = []
    for req in requirements:
        for d in find_deadlines(req["text"], year):
            ident = "plan" if d["kind"] == "once" and "方案" in req["text"] else \
                "yearly-report" if d["kind"] == "yearly" else f"requirement-{req['number']}-{len(out) + 1}"
            out.append({"id": ident, **d, "requirement": req["number"]})
    return out


def short_title(title: str) -> str:
    """A first short title for people to review: the title without its leading 关于."""
    return title.removeprefix("关于") or title


def _section_parts(sections: list[dict], parts: list[dict]) -> dict[int, int]:
    """Match each annex section to the part of the opinions with the same title."""
    def part_of(title: str) -> int | None:
        return next((p["number"] for p in parts if title in p["title"] or p["title"] in title), None)
    return {s["number"]: part_of(s["title"]) for s in sections}


def import_source(source: Path, out: Path, doc_id: str | None = None) -> list[Path]:
    """Write the YAML for a source text under out/; never overwrites. Returns the files written."""
    text = source.read_text(encoding="utf-8")
    data = parse_source(text)
    year = data["date"].year
    doc_id = doc_id or source.stem
    folder = out / doc_id
    written: list[Path] = []

    def write(path: Path, content: dict, schema: str) -> None:
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        depth = len(path.relative_to(out).parts) - 1
        rel = "../" * depth + f"{paths.SCHEMAS_DIR}/{schema}.schema.json"
        dump_new(path, content, schema=rel)
        written.append(path)

    units_path = out / paths.UNITS_FILE
    all_names: list[str] = []
    for task in data["tasks"].values():
        for name in task.lead + task.participants:
            if name not in all_names:
                all_names.append(name)
    known = {_STRAY.sub("", n) for n in all_names}
    errata = []
    for task in data["tasks"].values():
        for role in ("lead", "participants"):
            mended = []
            for name in getattr(task, role):
                canonical, why = clean_unit(name, known)
                if why:
                    errata.append({"where": f"task:{task.number}", "as_written": name, "correction": canonical,
                                   "note": f"unit name: {why}"})
                mended.append(canonical)
            setattr(task, role, mended)
    registry: dict[str, dict] = {}
    for name in all_names:
        canonical, _ = clean_unit(name, known)
        unit = registry.setdefault(canonical, {"name": canonical, "aliases": [], "kind": unit_kind(canonical)})
        if _COLLECTIVE.fullmatch(canonical):
            unit["collective"] = True
    write(units_path, {"units": list(registry.values())}, "units")

    section_parts = _section_parts(data["annex"]["sections"], data["parts"])
    general = _general_deadlines(data["annex"]["requirements"], year)
    source_copy = folder / paths.SOURCE_FILE
    if not source_copy.exists():
        folder.mkdir(parents=True, exist_ok=True)
        source_copy.write_bytes(source.read_bytes())
        written.append(source_copy)
    write(folder / paths.DOCUMENT_FILE, {
        "title": data["title"], "short_title": short_title(data["title"]), "issuers": data["issuers"],
        "date": data["date"], "implements": data["implements"], "preamble": data["preamble"], "parts": data["parts"],
        "annex": {"title": data["annex"]["title"], "preamble": data["annex"]["preamble"],
                  "sections": [{**s, "part": section_parts[s["number"]]} for s in data["annex"]["sections"]],
                  "requirements": data["annex"]["requirements"], "general_deadlines": general},
        "errata": errata, "source": paths.SOURCE_FILE,
    }, "document")
    for number, article in data["articles"].items():
        write(folder / paths.ARTICLES_DIR / paths.article_file(number), article, "article")
    for number, task in data["tasks"].items():
        part = section_parts.get(task.section)
        candidates = {n: a for n, a in data["articles"].items() if a["part"] == part} or data["articles"]
        write(folder / paths.TASKS_DIR / paths.task_file(number), {
            "number": number, "section": task.section, "text": task.text,
            "units_as_written": task.units_as_written, "lead_mode": task.lead_mode, "lead": task.lead,
            "participants": task.participants, "open_ended": task.open_ended,
            "articles": guess_articles(task.text, candidates), "deadlines": find_deadlines(task.text, year),
        }, "task")
    write(folder / paths.INDICATORS_FILE, {"indicators": []}, "indicators")
    from ..schema import write_schemas  # late import: schema imports the export models
    return written + write_schemas(out, overwrite=False)
