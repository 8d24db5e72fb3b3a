"""Problems are data: every check yields an Issue with a stable code; a Report collects them."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable, Literal

Severity = Literal["error", "warning"]

# Every issue code the tool can emit: code -> (what causes it, how to fix it).
# The site's error catalogue and the fixture tests are driven from this table.
CODES: dict[str, tuple[str, str]] = {
    "yaml-syntax": ("文件不是合法的 YAML（缩进错误、制表符、引号未闭合等）。",
                    "按提示的行列修正缩进或引号；YAML 只能用空格缩进。"),
    "duplicate-key": ("同一映射中出现了两个相同的键。", "删除或合并重复的键。"),
    "encoding": ("文件不是 UTF-8 编码，或以 BOM 开头。", "用 UTF-8（无 BOM）重新保存文件。"),
    "bad-character": ("文本中含有控制字符或零宽字符。", "删除不可见字符；可在编辑器中显示隐藏字符后查找。"),
    "unknown-field": ("文件中出现了模型未定义的字段。", "检查字段名拼写，参见字段说明。"),
    "missing-field": ("缺少必填字段。", "补上该字段。"),
    "wrong-type": ("字段值的类型不对（例如应为数字却写了文字）。", "按字段说明改为正确的类型。"),
    "bad-date": ("日期不存在或格式不对（应为 YYYY-MM-DD）。", "写成真实存在的日期，如 2016-06-30。"),
    "empty-text": ("条文或任务的正文为空。", "补上原文。"),
    "text-too-long": ("文本超过长度上限。", "检查是否误粘贴了整份文件。"),
    "duplicate-number": ("同一文件夹中两个条目使用了同一编号。", "给每条条文、每项任务唯一的编号。"),
    "number-mismatch": ("文件名中的编号与文件内的 number 不一致。", "让文件名与 number 一致（如 tasks/069.yaml 对应 number: 69）。"),
    "unknown-unit": ("引用了单位名录中没有的单位。", "使用单位名录 units.yaml 中的规范名称或别名，或在名录中新增该单位。"),
    "duplicate-unit": ("单位名录中同一名称或别名出现了两次。", "每个名称、别名只能属于一个单位。"),
    "no-lead": ("任务没有牵头单位。", "在 lead 中至少写一个单位。"),
    "lead-mode-mismatch": ("牵头方式与牵头单位数目不符（joint/separate 需要至少两个牵头单位）。", "修正 lead_mode 或 lead。"),
    "unit-repeated": ("同一单位在一项任务中出现了两次。", "删除重复的单位。"),
    "unknown-article": ("任务引用了不存在的条文编号。", "改为存在的条文编号。"),
    "unknown-task": ("指标引用了不存在的任务编号。", "改为存在的任务编号。"),
    "unknown-part": ("条文引用了不存在的部分编号。", "改为 document.yaml 中列出的部分。"),
    "unknown-section": ("任务引用了不存在的分工方案部分编号。", "改为 document.yaml 中列出的部分。"),
    "unparseable-deadline": ("无法识别的时限表述。", "使用原文中的时限写法，如“2016年6月底前”“每年11月中旬”“到2020年”。"),
    "deadline-mismatch": ("时限表述与所填日期或类型不一致。", "按表述修正 date 或 kind。"),
    "indicator-without-source": ("指标没有注明出处条文或任务。", "在 articles 或 tasks 中写明出处。"),
    "unsafe-path": ("文件或链接指向 policies/ 之外，或名称中含有不能用作文件名的字符。", "把文件放在 policies/ 之内，名称中不要用 / \\ .. 等字符。"),
    "no-document": ("policies/ 下没有任何政策文件夹（含 document.yaml 的文件夹）。", "检查路径，或用 policykb import 导入原文。"),
    "not-a-lead": ("跟踪记录中的单位不是该任务的牵头单位。", "写该任务的牵头单位之一；参与单位不单独报送。"),
    "unit-required": ("分别牵头的任务，记录没有写明是哪个牵头单位。", "加上 unit: 牵头单位名称。"),
    "date-before-policy": ("跟踪记录的日期早于政策文件的印发日期。", "检查年份和月份。"),
    "bad-extension": ("延期后的日期不晚于原定日期，或原定日期不是该任务的时限。", "new 写延期后的日期，original 写任务原有的时限日期。"),
    "unknown-indicator": ("跟踪数据引用了 indicators.yaml 中没有的指标。", "使用 indicators.yaml 中的指标 id。"),
    "duplicate-report": ("同一单位同一年度的落实情况报送了两次，或同一指标同一年份有两个实际值。", "保留一条，或用 --force 替换。"),
    "state-backwards": ("任务状态倒退（如已销号后又改为推进中）。", "确认无误时用 --force；否则改正状态。"),
    "bad-form": ("报送表中的内容不合要求（单元格为空、状态不在列表中、日期不对等）。", "按提示修改报送表中所指的单元格后重新导入。"),
}


@dataclass(frozen=True, order=True)
class Issue:
    """One problem, located compiler-style at file:line:col (1-based; 0 when unknown)."""
    file: str
    line: int
    col: int
    code: str
    message: str
    severity: Severity = "error"
    hint: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"undocumented issue code {self.code!r}")

    def format(self) -> str:
        head = f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        return head + (f"\n  hint: {self.hint}" if self.hint else "")


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.issues.append(Issue(*args, **kwargs))

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def sorted(self) -> list[Issue]:
        return sorted(set(self.issues))

    def to_json(self) -> str:
        return json.dumps({"errors": len(self.errors), "warnings": len(self.warnings),
                           "issues": [asdict(i) for i in self.sorted()]},
                          ensure_ascii=False, indent=2)


class PolicyError(Exception):
    """Raised when the knowledge base cannot be used; carries the report to show."""

    def __init__(self, report: Report):
        super().__init__(f"{len(report.errors)} error(s)")
        self.report = report


class ToolError(Exception):
    """A mistake the user can fix (unknown unit, bad template, bad revision): shown as
    `error[code]: message` plus a hint, exit status 1, never a traceback."""

    def __init__(self, message: str, hint: str | None = None, code: str = "error"):
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code
