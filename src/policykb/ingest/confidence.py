"""How sure a task's reading is, and what the review says of each guess the grammar had to make.

The confidence is measured on the corpus (tests/measure_ingest.py): of the readings at or above CONFIDENT, nearly all
are right; every reading below it is listed for a look.
"""
from __future__ import annotations

from .category import HEADING_LEADS
from .continued import CUT_AT
from .generic import GROUP_LEADS
from .pdftext import PDF_LAYOUT
from .proposals import ROLE_ONLY, TWO_NAMES
from .quotas import LISTED_PLACE
from .rules import RULE_FLAG
from .shapes import Candidate
from .tabletasks import COLUMN_VOUCHED
from .unitnotes import OPEN_LIST, SEMICOLON_LABEL

ISSUER_LEADS = "people's work: the issuer leads"
FIRST_BY_CUSTOM = "first listed leads by custom"  # UnitList.by_custom: no word says who leads (「X、Y、Z负责」)
# Below this a task's reading is not to be trusted without a look (measured on the corpus: tests/measure_ingest.py).
CONFIDENT = 0.85
_FLAG_CN = {OPEN_LIST: "名单以“等”结尾", "only a guiding unit named": "只写了指导单位，暂作牵头",
            "no lead named: the first participant is taken": "未写牵头单位，暂以首个配合单位作牵头",
            FIRST_BY_CUSTOM: "未写明谁牵头（如“X、Y负责”），按惯例以排在第一位的单位牵头、其余为配合单位，请核对"
                             "（若各单位分别负责，改为 lead_mode: separate）",
            "units carried from the row above": "本行单位格为空，按合并单元格沿用上一行的单位",
            "deadline carried from the row above": "本行时限格为空，按合并单元格沿用上一行的时限",
            "leader carried from the row above": "本行责任领导格为空，按合并单元格沿用上一行的责任领导",
            ISSUER_LEADS: "本项主语是人员、未写单位，暂以发文机关牵头、所列人员为责任领导，请核对",
            "unit from heading": "本项未写单位，取上方标题所列的单位",
            GROUP_LEADS: "取上方标题所列的工作组牵头，所列责任单位作为参与（成员）单位，请核对",
            HEADING_LEADS: "牵头单位取上方类别标题括注的牵头单位，本项所列责任单位作为参与单位，请核对",
            "participants from a remark column": "备注栏所列单位按配合单位读入，请核对",
            SEMICOLON_LABEL: "单位标注的标签后是分号（原文笔误？），按冒号读入，请核对",
            RULE_FLAG: "按文件对全部任务的说明（除特别注明外为配合单位）加入配合单位，请核对",
            PDF_LAYOUT: "原文是 PDF、OFD 这样的版式文件，段落和表格的行列按版面推断，请对照原文核对；表格多的，转为 .docx 或索取 Word 版后导入更可靠"}


# The flags naming one name each, said once for all the names of a reading (four unplaced names were four sentences)
_NAMED_FLAGS = {"place unknown: ": "属于哪个地方未能确定，请写明 jurisdiction 后重新导入",
                "place not written: ": "没有写明地方，按本文件的管辖地理解，请核对",
                "place guessed: ": "的地方按正文推测的管辖确定，请核对",
                "not a unit: ": "不像单位名称，未采用",
                ROLE_ONLY: "是分工中的角色，不是具体单位：请对照分工表（本文件没有的，在其附件或上级文件中）改写为具体单位，再生成责任书"}


def flag_cn(flag: str) -> str:
    if kind := next((k for k in _NAMED_FLAGS if flag.startswith(k)), None):
        return f"“{flag.removeprefix(kind)}”{_NAMED_FLAGS[kind]}"
    if flag.startswith(TWO_NAMES):
        return f"“{flag.removeprefix(TWO_NAMES)}”中的“和”“与”“及”可能连着两个单位（如“甲区和乙县人民政府”是两个政府），请核对是否分开"
    if flag.startswith(COLUMN_VOUCHED):
        return f"“{flag.removeprefix(COLUMN_VOUCHED)}”不像单位名称，因写在单位列中按单位读入，请核对"
    if flag.startswith(LISTED_PLACE):
        return f"“{flag.removeprefix(LISTED_PLACE)}”不像单位名称，因与其他地方并列分担任务，按地方读入，请核对"
    return _FLAG_CN.get(flag, flag)


def flags_cn(flags: list[str]) -> str:
    """A reading's flags as the review says them: each kind once, the names it concerns listed together, in order."""
    said: dict[str, list[str]] = {}
    for flag in flags:
        kind = next((k for k in _NAMED_FLAGS if flag.startswith(k)), None)
        if kind is None:
            said.setdefault(flag_cn(flag), [])
        elif (name := flag.removeprefix(kind)) not in (names := said.setdefault(kind, [])):
            names.append(name)
    return "；".join("、".join(f"“{n}”" for n in names) + _NAMED_FLAGS[key] if key in _NAMED_FLAGS else key
                    for key, names in said.items())


def confidence_of(c: Candidate, flags: list[str]) -> float:
    """How sure the reading of a task is: its shape's base, lowered by what the grammar had to guess."""
    confidence = c.confidence
    if c.units.how == "bare" and len(c.units.lead) + len(c.units.participants) > 1 or FIRST_BY_CUSTOM in flags:
        confidence *= 0.9  # the first listed leads by custom, not because the note says so
    if any(f.startswith(("place unknown", "place guessed")) for f in flags):
        confidence = min(confidence, 0.7)
    elif any(f.startswith(("place not written", ROLE_ONLY)) for f in flags):
        confidence = min(confidence, 0.8)
    if any(f.endswith("carried from the row above") for f in flags) or "participants from a remark column" in flags \
            or SEMICOLON_LABEL in flags or any(f.startswith((COLUMN_VOUCHED, LISTED_PLACE)) for f in flags) or c.where.endswith(CUT_AT) \
            or RULE_FLAG in flags or HEADING_LEADS in flags:
        confidence = min(confidence, 0.8)
    # a PDF's paragraphs are inferred: 83 % of the tuned parts' leads come out right from their PDFs (pdf_fidelity.py)
    # a name holding a 和 after a unit's ending: on the blind part 32 two such readings at 0.9 were each two names
    if "unit from heading" in flags or GROUP_LEADS in flags or PDF_LAYOUT in flags \
            or any(f.startswith(TWO_NAMES) for f in flags):
        confidence = min(confidence, 0.7)
    if any(f.startswith("not a unit") for f in flags):
        confidence = min(confidence, 0.5)
    elif any(f in ("only a guiding unit named", "no lead named: the first participant is taken") for f in flags):
        confidence = min(confidence, 0.6)
    return round(confidence, 2)

