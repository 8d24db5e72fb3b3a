"""The letter template: check it before anything is written, then fill it once per unit (docxtpl).

Staff edit the template in Word, so it may name a field that does not exist or hold a broken tag.
`check` finds both before a single letter is rendered: undeclared names via jinja2's meta on
docxtpl's patched XML, then a trial render of a context in which every list has an item, with
StrictUndefined, which catches misspelt attributes inside loops too.
"""
from __future__ import annotations

import difflib
import io
import re
import zipfile
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from ...issues import ToolError
from . import columns
from .context import LetterContext, example, models
from .letterzip import LetterZip
from .skeleton import Skeleton

TYPE_AREA_MM = 156  # GB/T 9704: the width the task table spans


class LetterError(ToolError):
    """A problem the user can fix (bad template, unknown unit); the CLI shows it without a traceback."""

    def __init__(self, code: str, message: str, hint: str | None = None):
        super().__init__(message, hint, code)

    def __reduce__(self):  # raised in a worker process, it must come back whole
        return type(self), (self.code, self.message, self.hint)


class _Env(ImmutableSandboxedEnvironment):
    """A sandbox that compiles each distinct XML part once: all letters share the template's body and footers.

    A template arrives by mail or in a pull request and is opened on office PCs and CI runners:
    it may read the documented fields and nothing else. The sandbox refuses underscore attributes
    (the way from a field to Python's internals) and calls that change data; jinja's own globals
    (cycler, joiner, lipsum, namespace …) are removed, so the context is all a template can see.
    """

    def __init__(self):
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=True)
        self.globals.clear()
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if source not in self._compiled:
            self._compiled[source] = super().from_string(source, globals, template_class)
        return self._compiled[source]


_LONE_BRACE = re.compile(r"\{\{[^{}]*\}(?!\})")  # {{ field } : a brace lost while editing in Word


def _text_of(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


def _dotted(node: nodes.Node) -> str:
    """How a template wrote an expression, for messages: cycler.__init__.__globals__."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        key = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
        return f"{_dotted(node.node)}[{key!r}]"
    if isinstance(node, (nodes.Call, nodes.Filter)) and node.node is not None:
        return f"{_dotted(node.node)}(…)"
    return "…"


def _unsafe_access(tree: nodes.Template) -> str | None:
    """The first expression reaching for an underscore attribute (or item), as written; None if none."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else \
            node.arg.value if isinstance(node.arg, nodes.Const) else None
        if isinstance(name, str) and name.startswith("_"):
            return _dotted(node)
    for node in tree.find_all(nodes.Filter):  # |attr('__class__') reaches the same way
        if node.name == "attr":
            return _dotted(node.node) + "|attr(…)"
    return None


def _field_hint(name: str) -> str:
    fields = sorted({f for m in models().values() for f in m.model_fields})
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    return (f"是否想写 “{close[0]}”？" if close else "") + "可用字段见 templates/README.md。"


class _Patched(DocxTemplate):
    """docxtpl's template whose tag clean-up (patch_xml: a dozen regular expressions over each part's
    whole XML, a pure function of it) runs once per part, not once per letter: it was a sixth of
    rendering a letter."""

    _patched: dict[str, str] = {}  # part XML -> patched; as many entries as the template has parts

    def __init__(self, skeleton: Skeleton, data: bytes):
        super().__init__(io.BytesIO(data))  # docxtpl's own reading of the file: the undeclared-names check
        self.skeleton = skeleton

    def init_docx(self, reload: bool = True):
        if not self.docx or (self.is_rendered and reload):
            self.docx = self.skeleton.document()
            self.is_rendered = False

    def patch_xml(self, src_xml: str) -> str:
        found = self._patched.get(src_xml)
        if found is None:
            if len(self._patched) > 64:  # another template's parts (a test, a second knowledge base)
                self._patched.clear()
            found = self._patched[src_xml] = super().patch_xml(src_xml)
        return found


class LetterTemplate:
    """A checked template, ready to render many letters."""

    def __init__(self, path: Path | str, *, checked: bytes | None = None):
        """`checked`: the file's bytes as another LetterTemplate read and checked them (a worker's copy of
        the parent's): not checked again, and the very bytes checked are the ones rendered."""
        self.path = Path(path)
        if checked is None and not self.path.is_file():
            raise LetterError("template-missing", f"找不到责任书模板 {self.path}",
                              hint="用 templates/make_letter_template.py 生成，或用 --template 指定模板文件")
        self.data = self.path.read_bytes() if checked is None else checked
        self.env = _Env()
        self._skeleton: Skeleton | None = None
        self._zip = LetterZip()
        if checked is None:
            self.check()

    def _template(self) -> DocxTemplate:
        if self._skeleton is None:  # read here, inside check's handling of a file that is no .docx
            self._skeleton = Skeleton(self.data)
        return _Patched(self._skeleton, self.data)

    def _syntax(self, err: jinja2.TemplateSyntaxError, xml: str = "") -> LetterError:
        lines = xml.splitlines()
        where = _text_of(lines[err.lineno - 1]).strip()[:60] if xml and 0 < (err.lineno or 0) <= len(lines) else ""
        return LetterError("template-syntax", f"{self.path}: 模板标签有误：{err.message}"
                           + (f"（在段落“{where}”）" if where else ""),
                           hint="检查 {{ }}、{% %} 是否成对，for/if 是否有对应的 endfor/endif")

    def _unknown(self, name: str, xml: str = "") -> LetterError:
        dotted = re.search(rf"([A-Za-z_][\w.]*)\.{re.escape(name)}\b", _text_of(xml)) if xml else None
        field = f"{dotted[1]}.{name}" if dotted else name
        return LetterError("template-unknown-field", f"{self.path}: 模板使用了未知字段 “{field}”",
                           hint=_field_hint(name))

    def check(self) -> None:
        """Raise LetterError for a broken tag or an unknown field; render nothing."""
        known = set(LetterContext.model_fields) | set(self.env.globals) | {"loop"}
        try:
            body = self._template()
            body.init_docx()
            raw = body.get_xml()
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", body.patch_xml(raw))  # a line per paragraph
        except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as e:  # not a Word file
            raise LetterError("template-syntax", f"{self.path}: 不是可用的 .docx 模板（{e}）") from None
        lone = _LONE_BRACE.search(_text_of(raw))
        if lone:  # docxtpl would join it to the next tag and drop the text between, silently
            raise LetterError("template-syntax", f"{self.path}: 模板标签有误：“{lone[0][:40]}” 缺少一个 }}",
                              hint="检查 {{ }}、{% %} 是否成对，for/if 是否有对应的 endfor/endif")
        try:
            tree = self.env.parse(xml)
        except jinja2.TemplateSyntaxError as e:
            raise self._syntax(e, xml) from None
        unsafe = _unsafe_access(tree)
        if unsafe:  # refused before anything is rendered; the sandbox would refuse it too
            raise self._unsafe(unsafe)
        try:  # the body again, with headers and footers
            names = self._template().get_undeclared_template_variables(self.env)
        except jinja2.TemplateSyntaxError as e:
            raise self._syntax(e) from None
        unknown = sorted(set(names) - known)
        if unknown:
            raise self._unknown(unknown[0])
        for flag in (True, False):  # every loop entered once, every branch taken: misspelt attributes fail here
            self.render(example(flag=flag))

    def _unsafe(self, field: str) -> LetterError:
        return LetterError("template-unsafe", f"{self.path}: 模板访问了不允许的内容 “{field}”，模板只能使用列出的字段",
                           hint="删除这个标签；可用字段见 templates/README.md。来历不明的模板不要使用")

    def _undefined(self, err: jinja2.UndefinedError) -> LetterError:
        match = re.search(r"attribute '([^']+)'|'([^']+)' is undefined", str(err))
        name = (match[1] or match[2]) if match else str(err)
        tpl = self._template()
        tpl.init_docx()
        return self._unknown(name, tpl.patch_xml(tpl.get_xml()))

    def render(self, context: LetterContext, core: dict | None = None, properties: dict | None = None) -> bytes:
        """One filled letter as byte-identical .docx bytes.

        `core`: author (the issuer), title and date (the signing date, or the document's) for the
        core properties; `properties`: provenance, written as custom properties (never in the text)."""
        tpl = self._template()
        try:
            tpl.render(context.model_dump(), self.env)
        except jinja2.UndefinedError as e:  # a field in a branch the trial render did not take
            raise self._undefined(e) from None
        except SecurityError as e:  # the sandbox refused an access the static check did not see
            raise self._unsafe(str(e)) from None
        columns.fit(tpl.docx, TYPE_AREA_MM)
        core = core or {}
        props = tpl.docx.core_properties
        props.author = props.last_modified_by = core.get("author", "")
        props.title = core.get("title", context.letter.title)[:255]
        props.comments = props.subject = props.keywords = props.category = ""
        stamp = (core.get("date") or "2016-04-01") + "T00:00:00Z"
        return self._zip.normalized(tpl.skeleton.members(tpl.docx), stamp, properties or {})
