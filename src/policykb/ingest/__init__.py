"""Readers and recognisers of outside documents: a policy as offices receive it in, a draft of its YAML out.

Apart from `policykb.load`, which reads the knowledge base's own YAML: what comes in here is
somebody else's document, read as a first draft for people to review, never trusted as checked.

- `source`: the common form (blocks of text and table rows, each with its position);
- `readers`: .txt in any common encoding, .docx, .xlsx, saved .html into that form (PDF: a clear refusal);
- `meta`: title, 发文字号, issuers, date, jurisdiction, read in order by `title`, `docdate` (the date and 发文字号),
  `issuers` (with `organs` for organs' names) and `jurisdiction`;
- `shapes`: where the tasks are (paragraphs with unit notes, 牵头单位 lines, headings; tables and label | value forms
  in `tabletasks`, the notes themselves in `inlinenotes`, numbering marks in `itemmarks`), `columns` what a table's
  header cells name;
- `generic`: the general reader, by the grammar alone wherever the shapes read nothing (POLICYKB_IMPORT_GENERAL_ONLY=1:
  it alone), over the items `items` splits a document into; notes written as prose read by `prose`, subjects by
  `clauses` (their grammar in `subjects`, how a list shares the work in `shares`, the units beside them in
  `partners`, a body set up in `founded`, people answering in person in `inperson`, lists before a verb the lexicon
  lacks in `listedsubjects`), a body's listed duties by `holders`, who bears a cost by `costs`, a bracketed aside
  giving part of a unit's duty to another by `asides`;
- `pagehead`: a page cut from inside a document, its head paragraphs' work; `siblings`: a target naming no unit after
  a sibling naming its holders; `rosters`: the people a body's roster lists by name, its leaders; `wholeplace`: 「全镇」
  as the township holding a report's meeting; `ownplan`: a body's plan for its own work (「我局的工作方案如下：」),
  paragraph by paragraph;
- `unitnotes`: the grammar of unit lists (who leads, who takes part, who is a person; people and their posts in
  `posts`) over `unitnames` (one name cleaned, a list cut into names, whether a name reads as a unit; `runtogether`
  for names run together), its words in `lexicon.yaml` (read by `lexicon`); `levels`: levels of government;
  `timing`: deadline phrases;
- `settings`: what an imported document is called in its outputs (list name, annex, period);
- `compose`: the draft and its review, in stages: `candidates` finds which items are tasks (the shapes, the general
  reader, the fallbacks), `proposals` which unit each written name is (registered, or proposed; `placenames` places a
  bare name by the document's place), `confidence` how sure each reading is (`rules`: what a notice states once for
  all its tasks; `continued`: an item's note under its next paragraph, a page cut inside its last note, joined or
  closed before any reader); `write`: all of it into a knowledge base or nothing;
- `draft`: the bundled policy's own shape (numbered articles, an annex of numbered tasks), kept as it was.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .draft import import_source, split_units, unit_kind
from .source import ImportFailed

__all__ = ["ImportFailed", "Imported", "import_file", "import_source", "split_units", "unit_kind"]


@dataclass
class Imported:
    folder: Path
    written: list[Path]
    summary: str
    review: list[str]


def _bundled_shape(text: str) -> bool:
    """This policy's own text: dated 「（2016年4月1日）」, an 附件 line and full-width numbered tasks."""
    import re
    return bool(re.search(r"^（\d{4}年\d{1,2}月\d{1,2}日）$", text, re.M) and re.search(r"^附件", text, re.M)
                and re.search(r"^\d+．.*[(（][^()（）]*[)）][\s。]*$", text, re.M))


def _check_id(doc_id: str, out: Path) -> None:
    """Refuse a folder name that is no document id, or one an existing folder has in another case."""
    from ..docids import ID_HINT, id_problem
    problem = id_problem(doc_id)
    if problem:
        raise ImportFailed(f"“{doc_id}”不能用作文件夹名：{problem}",
                           hint=f"用 --id 另起一个名称；{ID_HINT}", code="bad-document-id")
    same = [p for p in out.iterdir() if p.name.casefold() == doc_id.casefold()] if out.is_dir() else []
    if same:
        raise ImportFailed(f"“{same[0]}”已经存在（只差大小写的名称在 Windows 和 macOS 上是同一个文件夹）；"
                           f"已有的文件从不覆盖",
                           hint="用 --id 另起一个文件夹名", code="import-exists")


def import_file(source: Path, out: Path, doc_id: str | None = None, date: dt.date | None = None,
                issuers: tuple[str, ...] = ()) -> Imported:
    """Read source (any supported format) into a new document folder under out; raise ImportFailed."""
    from .compose import Registry, compose
    from .readers import read, with_tables
    from .script import Script
    from .write import REVIEW_FILE, write_draft
    doc_id = doc_id or source.stem
    if not source.is_file():
        raise ImportFailed(f"没有文件“{source}”", code="not-found")
    _check_id(doc_id, out)
    parsed = read(source, tables=False)
    folder = out / doc_id
    if parsed.kind == "txt" and _bundled_shape(parsed.text) and date is None and not issuers:
        from ..schema import write_schemas
        from .write import staged_import
        with staged_import(out, doc_id) as root:  # all of it or nothing, as write_draft
            staged = import_source(source, root, doc_id)
        moved = [out / p.relative_to(root) for p in staged]
        written = [p for p in moved if p.is_file() and p.parent.name != "schemas"] + write_schemas(out, overwrite=False)
        return Imported(folder, written, f"按本项目原文格式读取，{len(list((folder / 'tasks').glob('*.yaml')))} 项任务",
                        [])
    registry = Registry.load(out)
    script = Script(parsed)  # traditional script, pinyin glosses: read in the lexicon's words, kept as written
    draft = script.restored(compose(with_tables(script.folded), registry, date, issuers), set(registry.names))
    from ..cascade.autolink import propose_links
    propose_links(draft, out, doc_id)  # issue 24: parents' tasks ranked; clear winners written as proposed
    written = write_draft(draft, source, out, doc_id)
    from .limits import TASK_WARNING
    many = [f"[警告] 导入了 {len(draft.tasks)} 项任务，远多于一份分工方案的常见数目（几十到一百余项）：请确认导入的是"
            f"分工方案本身，而不是汇编或数据表"] if len(draft.tasks) > TASK_WARNING else []
    return Imported(folder, written, draft.summary,
                    many + draft.review + [f"（完整审核清单见 {folder / REVIEW_FILE}）"])
