"""Typed models of the knowledge base: one model per YAML file kind, plus the loaded whole."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from .issues import ToolError
from .ownnumbers import compact, task_ref

if TYPE_CHECKING:
    from .registry import UnitIndex

MAX_TEXT = 20_000  # characters; the longest task in the bundled policy has about 600

DeadlineKind = Literal["once", "yearly", "target-year", "starting-year", "monthly", "quarterly", "ongoing", "relative", "weekly",
                       "bimonthly", "half-yearly"]
LeadMode = Literal["first", "joint", "separate"]
Comparator = Literal["<=", ">=", "=", "<", ">"]
UnitKind = Literal["省委省政府", "省直部门", "中央驻湘机构", "金融机构", "企业",
                   "群团组织", "高校与科研院所", "军队武警", "人大政协", "政法机关", "市县党委政府",
                   "中央国家机关", "市县部门"]  # issue 17: units of imported central, city and county documents
Level = Literal["中央", "省", "市", "县"]
# The level a unit of each kind sits at, when its entry does not say (the bundled registry is provincial).
LEVEL_OF_KIND: dict[str, str] = {"中央国家机关": "中央", "市县党委政府": "市", "市县部门": "市"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadline(Strict):
    """A dated obligation, as the source words it and as a date it falls on."""
    phrase: str = Field(min_length=1, description="原文表述，如“2016年6月底前”")
    date: dt.date = Field(description="截止日期（ISO）；每年、每半年、每季度、每月、每周的写文件当年第一次的日期；长期的写文件当年1月1日")
    kind: DeadlineKind = Field(description="once 一次性；yearly 每年；target-year 目标年份；starting-year 起始年份；"
                                                  "monthly 每月；quarterly 每季度；ongoing 长期（无到期日）；"
                                                  "relative 相对成文日期（本周、两周内、月底前）；weekly 每周；bimonthly 每两月；"
                                                  "half-yearly 每半年")
    id: str | None = Field(default=None, description="通用时限的标识（仅用于 document.yaml）")
    requirement: int | None = Field(default=None, description="出自哪一条工作要求")


class Part(Strict):
    number: int = Field(ge=1)
    title: str = Field(min_length=1)


class Section(Strict):
    number: int = Field(ge=1)
    title: str = Field(min_length=1)
    part: int | None = Field(default=None, description="对应的实施意见部分编号")


class Requirement(Strict):
    number: int = Field(ge=1)
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class Erratum(Strict):
    """An obvious slip in the source, kept as written and corrected here."""
    where: str = Field(description="如 article:6 或 task:19")
    as_written: str
    correction: str
    note: str | None = None


class Reference(Strict):
    title: str
    number: str | None = None


class TaskLink(Strict):
    """A task of a lower-level plan carrying out a task of a parent document (层层分解, issue 24)."""
    doc: str = Field(min_length=1, description="上级文件的文件夹名，如 hunan-2016-implementation-opinions")
    task: int = Field(ge=1, description="上级文件分工方案中的任务序号")
    part: bool = Field(default=False, description="只落实上级任务的一部分")
    proposed: bool = Field(default=False, description="导入时按文字相近推定、尚待确认的链接（确认后改为 false）")


class IndicatorLink(Strict):
    """A child plan's indicator counted towards a parent document's indicator (分解到位, issue 24)."""
    doc: str = Field(min_length=1, description="上级文件的文件夹名")
    indicator: str = Field(min_length=1, description="上级文件 indicators.yaml 中的指标标识")
    aggregation: Literal["sum", "all-done", "none"] = Field(
        description="如何汇总：sum 各成员目标相加（人数、金额、个数）；all-done 每个成员都须全面完成（全覆盖类目标）；"
                    "none 不汇总（比率等）")


class CascadeSettings(Strict):
    """Which tasks every member of a collective must carry out in a plan of its own (层层分解)."""
    to: str = Field(min_length=1, description="承接分解的集合单位（units.yaml 中 collective 的单位），如 各市州、县市区党委和政府")
    tasks: list[int] = Field(default=[], description="须由每个成员在本级方案中逐项落实的任务序号；"
                                                     "牵头或参与单位为集合单位的任务不必列出")


class Annex(Strict):
    title: str
    preamble: str
    sections: list[Section]
    requirements: list[Requirement]
    general_deadlines: list[Deadline] = Field(description="工作要求规定的、适用于每项任务的时限")
    attached: bool = Field(default=True, description="分工是否作为文件的附件印发；任务写在正文中的写 false，"
                                                     "责任书便不说“及其附件”")


class Period(Strict):
    """The years a policy runs: yearly deadlines recur inside it, and after its end it is over."""
    start: dt.date = Field(description="实施期开始日期，通常为成文日期")
    end: dt.date = Field(description="实施期结束日期，如“到2020年”写 2020-12-31")
    phrase: str | None = Field(default=None, description="原文表述，如“到2020年”")


class NoticeSettings(Strict):
    """The document sent, instead of a 责任书, to bodies the issuer cannot bind (no 乙方 signature)."""
    title: str = Field(min_length=1, description="通知（告知函）标题，如“脱贫攻坚重要政策措施任务分工告知函”")
    number: str = Field(description="发文字号样式，写法同责任书的 number")
    recipients: list[str] = Field(default=[], description="收到通知而非责任书的单位类别（units.yaml 的 kind），"
                                                          "如 中央驻湘机构、金融机构")


class LetterSettings(Strict):
    """How this document's letters are titled, numbered, dated, signed and what they quote; read by the letters only."""
    title: str = Field(min_length=1, description="责任书标题，如“脱贫攻坚重要政策措施责任书”")
    number: str = Field(default="", description="发文字号样式：{year} 为签订年份，{serial} 为流水号，如“湘脱贫责〔{year}〕{serial}号”；"
                                                 "不设置时责任书不编号")
    assessment_articles: list[int] = Field(default=[], description="考核、奖惩、问责的条文编号；责任书摘录其中约束乙方这一类单位的句子")
    not_binding: list[str] = Field(default=[], description="这些条文中不约束乙方的句子的开头：主语是发文机关自己或督查、审计者"
                                                          "（如 省委、省政府；各级人大），不摘录")
    date: dt.date | None = Field(default=None, description="签订日期（成文日期）；不设置时留空“年　月　日”待手写，"
                                                           "编号年份取文件成文年份")
    signatories: list[str] = Field(default=[], description="甲方签字人职务，每人一行签字栏，如 省委书记、省长")
    copies: int = Field(default=2, ge=1, le=10, description="责任书份数（一式几份）")
    list_name: str = Field(default="重要政策措施任务清单", min_length=1,
                           description="附件任务清单的名称（前加单位名称），用文件自己的说法，如“重点工作任务清单”")
    measures: str = Field(default="重要政策措施", min_length=1, description="责任书对文件所列任务的统称，如“重点工作”")
    plan_name: str | None = Field(default=None, min_length=1,
                                  description="责任书对分工文件的简称，如“分工方案”（“分工方案调整时，甲方重新印发责任书”）；"
                                              "不设置时用附件或文件的书名号全称")
    attachment_from: int = Field(default=4, ge=1, description="任务达到几项时列为附件任务清单；少于此数时逐项写在正文“目标任务”中，"
                                                             "不另附附件")
    notice: NoticeSettings | None = Field(default=None, description="不签责任书、改发通知的单位类别及通知的标题和编号")


class Reporting(Strict):
    """Who collects the lead units' yearly reports and whom its summary goes to, as a 工作要求 says."""
    to: str = Field(min_length=1, description="收取各牵头单位年度落实情况、汇总并催办的单位（单位名录中的名称），如 省扶贫办")
    summary_to: str | None = Field(default=None, min_length=1,
                                   description="汇总报告的主送机关，原文怎么写就怎么写，如 省委、省政府；未写时为发文机关")
    supervisors: list[str] = Field(default=[], description="可提请对逾期单位督促检查的单位（单位名录中的名称），"
                                                           "如 省委办公厅、省政府办公厅")
    requirement: int | None = Field(default=None, description="出自哪一条工作要求")


class DocumentFile(Strict):
    title: str = Field(min_length=1)
    short_title: str | None = Field(default=None, min_length=1, description="简称，用于导航、责任书和作战图；未设置时用标题")
    number: str | None = Field(default=None, min_length=1, description="发文字号，如 国发〔2018〕39号；原文没有写的不填")
    issuers: list[str] = Field(min_length=1)
    date: dt.date
    implements: Reference | None = None
    preamble: str = ""
    parts: list[Part]
    annex: Annex | None = None
    errata: list[Erratum] = []
    period: Period | None = Field(default=None, description="实施期；未设置时从成文日期起、无结束日期")
    letters: LetterSettings | None = Field(default=None, description="责任书的标题、编号和考核条文")
    source: str = Field(default="source.txt", description="原文文件（相对本文件夹）")
    jurisdiction: str | None = Field(default=None, description="发文机关的管辖范围，如 中央、湖南省、广州市；"
                                                               "单位名称只在同一层级内提示")
    parents: list[Reference] = Field(default=[], description="本文件贯彻落实的上级文件（标题和发文字号，如序言"
                                                             "“根据《…》（X〔Y〕N号）”所写）")
    level: Level | None = Field(default=None, description="文件的层级：中央、省、市、县；未写时按 jurisdiction 推定")
    cascade: CascadeSettings | None = Field(default=None, description="要求下级逐项分解落实的任务")
    reporting: Reporting | None = Field(default=None, description="年度落实情况报送谁、汇总后报谁；未写时不为这份文件"
                                                                  "生成汇总报告和催办函")

    @property
    def label(self) -> str:
        """What outputs call the document: its short title, or its title when it has none."""
        return self.short_title or self.title


class ArticleFile(Strict):
    number: int = Field(ge=1)
    part: int = Field(ge=1)
    title: str = Field(min_length=1)
    text: str = Field(max_length=MAX_TEXT)


class TaskFile(Strict):
    number: int = Field(ge=1)
    label: str | None = Field(default=None, min_length=1, max_length=40,
                              description="原文的编号，连同所在各级标题的编号原样照录，如 二、（二）；"
                                          "原文各部分分别编号、序号 number 与原文编号不同时填写，输出写作“第二（二）项”")
    section: int = Field(ge=1)
    text: str = Field(max_length=MAX_TEXT)
    units_as_written: str = Field(description="原文的单位表述（分工方案的括注、表格的单位栏或单位行），原样保留")
    lead_mode: LeadMode = "first"
    lead: list[str] = Field(description="牵头单位（规范名称或别名）")
    participants: list[str] = []
    open_ended: bool = Field(default=False, description="单位名单以“等”结尾")
    leaders: list[str] = Field(default=[], description="责任领导：原文写明的人或职务（如 分管副县长），原样保留；不是单位")
    articles: list[int] = Field(description="本任务落实的条文编号")
    deadlines: list[Deadline] = Field(default=[], description="本任务自身的时限；通用时限另行附加")
    implements: list[TaskLink] = Field(default=[], description="本任务落实的上级文件任务（可多项）")
    members: dict[str, dict[str, list[str]]] = Field(
        default={}, description="集合单位中本任务原文点名的成员：集合单位 → 成员 → 正文中点到它的词"
                                "（如 相关市州和县市党委、政府 → 怀化市 → [沅陵县]）；未写时集合单位的全部成员都承担")


class Indicator(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    comparator: Comparator
    value: float
    unit: str
    year: int | None = Field(default=None, description="目标年份")
    period: str | None = Field(default=None, description="时期，如 2016—2020 年累计")
    scope: str = Field(description="适用范围，如 贫困县、全省")
    phrase: str = Field(min_length=1, description="原文表述")
    articles: list[int] = []
    tasks: list[int] = []
    contributes: list[IndicatorLink] = Field(default=[], description="本指标计入的上级文件指标（层层分解）")


class IndicatorsFile(Strict):
    indicators: list[Indicator]


class Successor(Strict):
    """A unit that later took over a unit's work, under another name (institutional reforms)."""
    name: str = Field(min_length=1, description="后继单位的名称，如 省卫生健康委")
    full_name: str | None = Field(default=None, min_length=1, description="正式全称")
    short_names: list[str] = Field(default=[], description="简称，如 卫健委")
    since: int = Field(ge=1949, le=2100, description="更名或组建的年份")
    partly: bool = Field(default=False, description="只接手了本单位的部分职责（如 医疗保障局 接手新农合）")
    note: str | None = Field(default=None, description="依据或说明，如 2018年机构改革")


class Unit(Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = []
    short_names: list[str] = Field(default=[], description="口头和文件中常用的简称（如 人社厅），供网站搜索；"
                                                         "与 aliases 不同，不用于解析政策原文")
    successors: list[Successor] = Field(default=[], description="政策发布后因机构改革接手本单位工作的单位，按年份排列")
    kind: UnitKind
    collective: bool = Field(default=False, description="集合单位，如 各市州、县市区党委和政府")
    full_name: str | None = Field(default=None, min_length=1, description="正式全称，用于责任书的甲乙双方和主送，"
                                                                          "如 湖南省教育厅；不设置时用 name")
    members: list[str] = Field(default=[], description="集合单位的成员（如 14 个市州），每个成员各得一份责任书")
    level: Level | None = Field(default=None, description="层级：中央、省、市、县；未写时按类别推定")
    proposed: bool = Field(default=False, description="导入时新增、尚待审核的单位（审核后改为 false）")
    job: str | None = Field(default=None, description="职能，如 扶贫、教育、人社；上下级同职能的单位互为对口单位")
    counterpart: str | None = Field(default=None, description="上一级的对口单位，如 株洲市教育局 的 省教育厅")
    place: str | None = Field(default=None, description="市、县、乡镇单位所在的地方，如 株洲市、攸县")
    local_names: list[str] = Field(default=[], description="只在本地方（place）的文件中指本单位的名称，如 株洲市财政局 "
                                                         "在株洲市的文件中写作 财政局；不同地方的单位可以有相同的本地名称")

    def names_people_use(self) -> list[str]:
        """Every name a reader may type for this unit: aliases, full name, short names, later names."""
        names = [*self.aliases, *([self.full_name] if self.full_name else []), *self.short_names]
        for s in self.successors:
            names += [s.name, *([s.full_name] if s.full_name else []), *s.short_names]
        return list(dict.fromkeys(n for n in names if n != self.name))

    @property
    def level_or_kind(self) -> str:
        """The unit's level, or the one its kind implies."""
        return self.level or LEVEL_OF_KIND.get(self.kind, "省")


class UnitsFile(Strict):
    units: list[Unit]


# --- The loaded knowledge base: canonical names resolved, general deadlines attached. ---

class Task(Strict):
    doc: str
    number: int
    section: int
    label: str | None = None  # the document's own number as written (二、（二）), where it is not `number`
    text: str
    units_as_written: str
    lead_mode: LeadMode
    lead: list[str]
    participants: list[str]
    open_ended: bool
    leaders: list[str] = []  # people named as 责任领导: data, never units
    articles: list[int]
    own_deadlines: list[Deadline]
    deadlines: list[Deadline] = Field(description="own deadlines, then the general ones")
    file: str
    implements: list[TaskLink] = []  # issue 24: parent tasks this one carries out
    members: dict[str, dict[str, list[str]]] = {}

    @property
    def units(self) -> list[str]:
        return self.lead + self.participants

    @property
    def ref(self) -> str:
        """How outputs name the task: 「第5项」, or by the document's own number (「第二（二）项」)."""
        return task_ref(self.number, self.label)

    def restates(self, article: "Article") -> bool:
        """The article is this task again (its title and text, or its text alone): an imported list's item."""
        return self.text in (article.text, f"{article.title}。{article.text}")

    @property
    def own_number(self) -> str:
        """A 序号 cell: 「5」, or the document's own number (「二（二）」)."""
        return compact(self.label) if self.label else str(self.number)

    def role_of(self, unit: str) -> str | None:
        return "lead" if unit in self.lead else "participant" if unit in self.participants else None

    def applies_to(self, collective: str, member: str) -> bool:
        """Whether a member of a collective unit of this task carries it: every member, unless the
        task's text names some (`members`), then only those."""
        named = self.members.get(collective)
        return named is None or member in named


class Article(Strict):
    doc: str
    number: int
    part: int
    title: str
    text: str
    file: str


class Document(Strict):
    id: str
    meta: DocumentFile
    folder: str
    articles: dict[int, Article]
    tasks: dict[int, Task]
    indicators: dict[str, Indicator]

    @property
    def items_only(self) -> bool:
        """Its articles are its tasks restated (an imported list: each item stands as both): it has no articles of
        its own, and outputs say 「第3条」 nowhere."""
        return bool(self.articles) and all(a.number in self.tasks and self.tasks[a.number].restates(a)
                                           for a in self.articles.values())


class KnowledgeBase(Strict):
    root: str
    units: dict[str, Unit]
    documents: dict[str, Document]

    @property
    def unit_index(self) -> UnitIndex:
        """How documents and people name this knowledge base's units (registry.UnitIndex), built once. The model is
        frozen, so `units` is only ever replaced (model_copy), never changed in place: a copy with other units
        builds its own index."""
        from .registry import UnitIndex  # late: registry checks files, which this module must not need
        built = self.__dict__.get("_unit_index")  # beside the fields, as functools.cached_property keeps its value
        if built is None or built.units is not self.units:
            built = self.__dict__["_unit_index"] = UnitIndex(self.units)
        return built

    def unit(self, name: str) -> Unit | None:
        """Look a unit up by canonical name or alias."""
        canonical = self.unit_index.resolve(name)
        return self.units.get(canonical) if canonical else None

    def unit_named(self, name: str, place: str | None = None) -> Unit | None:
        """The unit a person means by a name: in a document of `place`, the unit of that place called so there
        (as check resolves tasks); else a canonical name or alias; else the one unit anywhere with it as a local
        name. A local name of several places is never settled by picking one: AmbiguousUnit names them all."""
        canonical = self.unit_index.meant(name, place)
        return self.units.get(canonical) if canonical else None

    def names_in(self, place: str | None) -> dict[str, str]:
        """Name, alias or local name -> canonical name, as a document of `place` writes them."""
        return self.unit_index.names_in(place)


class AmbiguousUnit(ToolError):
    """A local name that units of several places bear, typed where no document says which place is meant."""

    def __init__(self, name: str, candidates: list[str]):
        super().__init__(f"'{name}' 可能是 {'、'.join(candidates)}",
                         "写单位的全称；这个名称只在各自地方的文件中指本地的单位", "ambiguous-unit")
        self.candidates = candidates
