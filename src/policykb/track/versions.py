"""Policy versions: what changed in policies/ between two git revisions, and whose letters it touches.

Each revision's policies/ is read with `git archive` into a temporary folder and loaded with the
ordinary validation, so both sides are whole, checked knowledge bases; they are then compared
document by document: articles, tasks (text, units, lead mode, deadlines, articles), indicators.
"""
from __future__ import annotations

import difflib
import io
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .. import paths
from ..issues import ToolError
from ..model import Deadline, Document, KnowledgeBase, Task
from ..validate import validate

Action = Literal["added", "removed", "changed"]
ACTION_LABEL = {"added": "新增", "removed": "删除", "changed": "更正"}  # a revision of the knowledge base's data
FIELD_LABEL = {"text": "内容", "title": "标题", "part": "部分", "section": "分工部分", "lead": "牵头单位",
               "participants": "参与单位", "lead_mode": "牵头方式", "open_ended": "单位名单以“等”结尾",
               "articles": "落实条文", "deadlines": "时限", "units_as_written": "单位原文", "name": "名称",
               "comparator": "比较", "value": "目标值", "unit": "计量单位", "year": "目标年份", "period": "时期",
               "scope": "范围", "phrase": "原文表述", "tasks": "相关任务", "general_deadlines": "通用时限",
               "date": "成文日期", "issuers": "发文机关", "members": "原文点名的成员"}
_TASK_FIELDS = ("text", "section", "lead", "participants", "lead_mode", "open_ended", "articles", "deadlines",
                "units_as_written", "members")


class VersionError(ToolError):
    """A revision that cannot be read or does not hold a valid knowledge base."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message, hint, "bad-revision")


@dataclass(frozen=True)
class Change:
    kind: Literal["document", "article", "task", "indicator"]
    doc: str
    key: int | str | None
    action: Action
    fields: dict[str, tuple] = field(default_factory=dict)  # field -> (old, new), as shown to users
    units: tuple[str, ...] = ()  # units answering for what changed, old and new
    reissue: bool = False  # the units' responsibility letters change

    def label(self) -> str:
        name = {"document": "文件", "article": f"第{self.key}条", "task": f"第{self.key}项",
                "indicator": f"指标 {self.key}"}[self.kind]
        return f"{name}{ACTION_LABEL[self.action]}"

    def to_json(self) -> dict:
        return {"kind": self.kind, "doc": self.doc, "key": self.key, "action": self.action,
                "fields": {k: {"old": _jsonable(o), "new": _jsonable(n)} for k, (o, n) in self.fields.items()},
                "units": list(self.units), "reissue": self.reissue}

    @classmethod
    def from_json(cls, data: dict) -> "Change":
        """The change `to_json` wrote (its field values as JSON keeps them: lists, text for dates)."""
        return cls(data["kind"], data["doc"], data["key"], data["action"],
                   {k: (v["old"], v["new"]) for k, v in data["fields"].items()}, tuple(data["units"]),
                   data["reissue"])


def _jsonable(value):
    return list(value) if isinstance(value, tuple) else value


@dataclass
class PolicyDiff:
    old: str
    new: str
    changes: list[Change]
    revisits: list = field(default_factory=list)  # issue 24: child tasks below a changed task
    revisit_lines: list[str] = field(default_factory=list)
    letters: list[str] | None = None  # recipients whose letter reads differently (track.reissue)

    @property
    def affected_units(self) -> list[str]:
        return sorted({u for c in self.changes for u in c.units})

    @property
    def reissue(self) -> list[str]:
        """Units whose responsibility letters must be reissued: those whose letter's content changed."""
        if self.letters is not None:
            return self.letters
        return sorted({u for c in self.changes if c.reissue for u in c.units})

    def changed_tasks(self, doc: str | None = None) -> list[int]:
        return sorted({c.key for c in self.changes if c.kind == "task" and (doc is None or c.doc == doc)})

    def to_json(self) -> dict:
        out = {"old": self.old, "new": self.new, "changes": [c.to_json() for c in self.changes],
               "affected_units": self.affected_units, "reissue_letters": self.reissue}
        if self.revisits:  # only with a cascade: the bundled output is unchanged
            out["revisit"] = [r.to_json() for r in self.revisits]
        return out

    def lines(self) -> list[str]:
        if not self.changes:
            return [f"{self.old} → {self.new}：policies/ 没有实质变化。"]
        out = [f"{self.old} → {self.new}：{len(self.changes)} 处变化"]
        for c in self.changes:
            out.append(f"{c.doc} {c.label()}" + (f"（涉及：{'、'.join(c.units)}）" if c.units else ""))
            for name, (old, new) in c.fields.items():
                out.append(f"  {FIELD_LABEL.get(name, name)}：{_show(old, new)}")
        out.append(f"涉及单位（{len(self.affected_units)}）：{'、'.join(self.affected_units) or '无'}")
        out.append(f"责任书内容有变、需重新印发（{len(self.reissue)}）：{'、'.join(self.reissue) or '无（各单位的责任书内容未变）'}")
        return out + self.revisit_lines


def _show(old, new) -> str:
    if isinstance(old, str) and isinstance(new, str) and len(old) + len(new) > 60:
        return inline_diff(old, new)
    fmt = lambda v: "、".join(map(str, v)) if isinstance(v, (list, tuple)) else "—" if v is None else str(v)
    return f"{fmt(old)} → {fmt(new)}"


def inline_diff(old: str, new: str) -> str:
    """A character diff of Chinese text: [-removed-]{+added+}, unchanged runs kept."""
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(old[a1:a2])
        if op in ("delete", "replace"):
            out.append(f"[-{old[a1:a2]}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{new[b1:b2]}+}}")
    return "".join(out)


def _deadlines(ds: list[Deadline]) -> tuple[str, ...]:
    return tuple(f"{d.phrase}（{d.date.isoformat()}）" for d in ds)


def _value(task: Task, name: str):
    if name == "members":  # which members of a collective the text names: they receive the letters
        return _members(task)
    value = _deadlines(task.own_deadlines) if name == "deadlines" else getattr(task, name)
    return tuple(value) if isinstance(value, list) else value


def _members(task: Task) -> tuple[str, ...]:
    return tuple(sorted({m for named in task.members.values() for m in named}))


def _compare(old, new, names, get=getattr) -> dict[str, tuple]:
    return {n: (get(old, n), get(new, n)) for n in names if get(old, n) != get(new, n)}


def _units_of_tasks(doc: Document | None, numbers) -> set[str]:
    return {u for n in numbers if doc and n in doc.tasks for u in doc.tasks[n].units}


def _diff_document(doc_id: str, old: Document | None, new: Document | None) -> list[Change]:
    if old is None or new is None:
        d = old or new
        units = tuple(sorted({u for t in d.tasks.values() for u in t.units}))
        return [Change("document", doc_id, None, "added" if old is None else "removed", {}, units, True)]
    changes = []
    general = ("general_deadlines", _deadlines(old.meta.annex.general_deadlines if old.meta.annex else []),
               _deadlines(new.meta.annex.general_deadlines if new.meta.annex else []))
    meta = _compare(old.meta, new.meta, ("title", "date", "issuers"))
    if general[1] != general[2]:
        meta["general_deadlines"] = general[1:]
    if meta:
        units = {u for d in (old, new) for t in d.tasks.values() for u in t.units}
        changes.append(Change("document", doc_id, None, "changed", meta, tuple(sorted(units)), True))
    for n in sorted(set(old.articles) | set(new.articles)):
        a, b = old.articles.get(n), new.articles.get(n)
        fields = _compare(a, b, ("title", "text", "part")) if a and b else {}
        if a and b and not fields:
            continue
        tasks = {t.number for d in (old, new) for t in d.tasks.values() if n in t.articles}
        units = _units_of_tasks(old, tasks) | _units_of_tasks(new, tasks)
        changes.append(Change("article", doc_id, n, "changed" if a and b else "added" if b else "removed",
                              fields, tuple(sorted(units))))
    for n in sorted(set(old.tasks) | set(new.tasks)):
        a, b = old.tasks.get(n), new.tasks.get(n)
        fields = _compare(a, b, _TASK_FIELDS, _value) if a and b else {}
        if a and b and not fields:
            continue
        units = _units_of_tasks(old, [n]) | _units_of_tasks(new, [n])
        units |= {m for t in (a, b) if t for m in _members(t)}  # a member named or no longer named: its letter changes
        changes.append(Change("task", doc_id, n, "changed" if a and b else "added" if b else "removed",
                              fields, tuple(sorted(units)), True))
    for ident in sorted(set(old.indicators) | set(new.indicators)):
        a, b = old.indicators.get(ident), new.indicators.get(ident)
        names = ("name", "comparator", "value", "unit", "year", "period", "scope", "phrase", "articles", "tasks")
        fields = _compare(a, b, names, lambda o, k: _tuple(getattr(o, k))) if a and b else {}
        if a and b and not fields:
            continue
        tasks = set((a.tasks if a else []) + (b.tasks if b else []))
        units = _units_of_tasks(old, tasks) | _units_of_tasks(new, tasks)
        changes.append(Change("indicator", doc_id, ident, "changed" if a and b else "added" if b else "removed",
                              fields, tuple(sorted(units)), True))
    return changes


def _tuple(value):
    return tuple(value) if isinstance(value, list) else value


def diff_kbs(old: KnowledgeBase, new: KnowledgeBase, old_name: str = "old", new_name: str = "new") -> PolicyDiff:
    """Compare two loaded knowledge bases."""
    changes = []
    for doc_id in sorted(set(old.documents) | set(new.documents)):
        changes += _diff_document(doc_id, old.documents.get(doc_id), new.documents.get(doc_id))
    from ..cascade import stale  # following links down the levels (issue 24)
    changed = [(c.doc, c.key) for c in changes if c.kind == "task" and c.action != "added"]
    below = stale.revisits(old, new, changed)
    from .reissue import changed_letters
    letters = changed_letters(old, new, {u for c in changes if c.reissue for u in c.units})
    return PolicyDiff(old_name, new_name, changes, below, stale.lines(old, new, below), letters)


def _git(repo: Path, *args: str) -> bytes:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout
    except subprocess.CalledProcessError as e:
        raise VersionError(f"git {' '.join(args)}: {e.stderr.decode(errors='replace').strip()}")
    except FileNotFoundError:
        raise VersionError("没有安装 git", hint="安装 git（Debian：apt-get install git；Windows：Git for Windows）")


def repo_root(path: Path) -> Path:
    return Path(_git(Path(path), "rev-parse", "--show-toplevel").decode().strip())


def is_shallow(repo: Path) -> bool:
    """A shallow clone (CI checks out with depth 1): the history before its oldest commit is missing."""
    try:
        return _git(Path(repo), "rev-parse", "--is-shallow-repository").decode().strip() == "true"
    except VersionError:
        return False


_SHALLOW_HINT = "先取得完整历史：git fetch --unshallow（GitHub Actions 中 actions/checkout " \
                "设 fetch-depth: 0；GitLab CI 中设 GIT_DEPTH: 0）"


def kb_at(repo: Path, rev: str, policies: str = paths.POLICIES) -> KnowledgeBase:
    """The knowledge base as it was at a revision (read with git archive, loaded and checked)."""
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except VersionError:  # git says nothing with --quiet: say what is missing
        if is_shallow(repo):
            raise VersionError(f"版本“{rev}”不在这个克隆中：这是浅克隆，最早一次提交之前的历史没有下载", hint=_SHALLOW_HINT) from None
        raise VersionError(f"这个仓库中没有版本“{rev}”",
                           hint="用 git log 查看提交、标签和分支") from None
    with _Revisions(repo, policies) as revisions:
        return revisions.load(rev)


class _Revisions:
    """policies/ as it was at one revision after another, in one temporary folder.

    The first revision is written whole (git archive); each next one only where it differs from the
    one before (git diff): the change log's eleven revisions of a province's thousands of files were
    eleven whole archives written and read back, most of a clean build's site stage."""

    def __init__(self, repo: Path, policies: str):
        self.repo, self.policies, self.rev = repo, policies, None
        self._tmp: tempfile.TemporaryDirectory | None = None  # made at the first load: none when nothing is loaded

    def __enter__(self) -> "_Revisions":
        return self

    def __exit__(self, *exc) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()

    @property
    def root(self) -> Path:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="policykb-rev-")
        return Path(self._tmp.name)

    def load(self, rev: str) -> KnowledgeBase:
        """The knowledge base at `rev`, loaded and checked (VersionError when it does not validate)."""
        try:
            self._move_to(rev)
        except (VersionError, OSError, tarfile.TarError):
            for child in self.root.iterdir():  # half written: the next revision is written whole
                shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
            self.rev = None
            raise
        kb, report = validate(self.root / self.policies)
        if kb is None:
            first = report.errors[0]
            raise VersionError(f"{rev}：{self.policies}/ 未通过检查（{len(report.errors)} 个错误）；第一个："
                               f"{Path(first.file).name}:{first.line}: {first.message}",
                               hint=f"检出 {rev} 后运行 policykb check")
        return kb

    def _move_to(self, rev: str) -> None:
        if self.rev is None:
            self._extract(rev, [self.policies])
        else:
            changed = _git(self.repo, "diff", "--name-status", "--no-renames", "-z", self.rev, rev, "--", self.policies)
            fields = changed.decode("utf-8", errors="surrogateescape").split("\0")
            written = []
            for status, name in zip(fields[0::2], fields[1::2]):
                if status == "D":
                    self._remove(name)
                elif name:
                    written.append(name)
            if written:
                self._extract(rev, written)
        self.rev = rev

    def _extract(self, rev: str, names: list[str]) -> None:
        data = _git(self.repo, "archive", "--format=tar", rev, "--", *names)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(self.root, filter="data")

    def _remove(self, name: str) -> None:
        """A file the next revision no longer has, and the folders it leaves empty (a document removed whole)."""
        path = self.root / name
        path.unlink(missing_ok=True)
        for folder in path.parents:
            if folder == self.root or any(folder.iterdir()):
                break
            folder.rmdir()


def diff(repo: Path | str, old: str, new: str, policies: str = paths.POLICIES) -> PolicyDiff:
    """What changed in policies/ between two revisions of the repository at repo."""
    repo = Path(repo)
    return diff_kbs(kb_at(repo, old, policies), kb_at(repo, new, policies), old, new)


@dataclass(frozen=True)
class Version:
    commit: str
    date: str
    subject: str
    diff: PolicyDiff

    def to_json(self) -> dict:
        return {"commit": self.commit, "date": self.date, "subject": self.subject,
                "diff": {"old": self.diff.old, "new": self.diff.new, "changes": [c.to_json() for c in self.diff.changes],
                         "letters": self.diff.reissue}}

    @classmethod
    def from_json(cls, data: dict) -> "Version":
        """A version remembered with `to_json`: its changes and the letters they change (not the
        revisits below them, which the change log does not show)."""
        diff = data["diff"]
        return cls(data["commit"], data["date"], data["subject"],
                   PolicyDiff(diff["old"], diff["new"], [Change.from_json(c) for c in diff["changes"]],
                              letters=list(diff["letters"])))


class History(list):
    """Versions, newest first; `partial` when the clone is shallow and older versions are missing."""

    def __init__(self, items=(), partial: bool = False):
        super().__init__(items)
        self.partial = partial


def history(repo: Path | str, policies: str = paths.POLICIES, limit: int = 20,
            known: dict[str, dict] | None = None) -> list[Version]:
    """The change log of policies/: each commit that touched it, newest first, with what it changed.

    For the site's change log. A commit whose policies/ does not validate is left out.
    `known`: versions worked out before (`Version.to_json`, by `version_key`). What a commit changed
    against the one before it never changes, so those are taken from it without loading either
    knowledge base (at a province's size, a dozen whole loads per build); the ones worked out now
    are added to it.
    """
    repo = Path(repo)
    log = _git(repo, "log", f"-{limit + 1}", "--format=%H%x00%ad%x00%s", "--date=short", "--", policies)
    entries = [line.split("\x00") for line in log.decode().splitlines() if line]
    cache: dict[str, KnowledgeBase | None] = {}
    versions = History()
    shallow = is_shallow(repo)
    with _Revisions(repo, policies) as revisions:

        def load(rev: str) -> KnowledgeBase | None:
            if rev not in cache:
                try:
                    cache[rev] = revisions.load(rev)
                except VersionError:
                    cache[rev] = None
            return cache[rev]

        for (commit, date, subject), older in zip(entries, entries[1:] + [None]):
            if older is None and shallow:  # its parent is cut off: it would show the whole policy as new
                versions.partial = True
                continue
            if len(versions) >= limit:  # the one past the limit is read only as the one before the last shown
                continue
            key = version_key(commit, older[0] if older else None)
            if known is not None and key in known:
                try:
                    versions.append(Version.from_json(known[key]))
                    continue
                except (KeyError, TypeError, ValueError, AttributeError):  # not what to_json wrote: work it out
                    pass
            new_kb = load(commit)
            old_kb = load(older[0]) if older else KnowledgeBase(root="", units={}, documents={})
            if new_kb is None or old_kb is None:
                continue
            versions.append(Version(commit, date, subject, diff_kbs(old_kb, new_kb, older[0][:7] if older else "∅",
                                                                      commit[:7])))
            if known is not None:
                known[key] = versions[-1].to_json()
    return History(versions[:limit], partial=versions.partial)


def version_key(commit: str, older: str | None) -> str:
    """A commit and the one before it in the log of policies/ (none for the first)."""
    return f"{older or ''}..{commit}"
