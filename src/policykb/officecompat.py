"""Word and WPS open our .docx as their own: no 兼容模式, the official fonts named with alternates.

python-docx's default template says compatibilityMode 14 (Word 2010: the title bar shows 兼容模式),
writes `w:zoom` without the `w:percent` the schema requires, ships a blank page as the Explorer
thumbnail, and its font table knows no Chinese font, so a PC without the _GB2312 fonts substitutes
at random; it also carries Word 2010's `stylesWithEffects.xml`, a second copy of the styles that no
longer matches ours (Word repairs such a file). openpyxl writes a font's children out of the schema's
order. Applied to every member of an OOXML zip as it is normalised (reproducible.normalize_zip).
"""
from __future__ import annotations

import re

THUMBNAIL = "docProps/thumbnail.jpeg"
STYLES_WITH_EFFECTS = "word/stylesWithEffects.xml"
DROPPED = (THUMBNAIL, STYLES_WITH_EFFECTS)
# CT_Font's children in the order SpreadsheetML's schema gives them (a sequence, not a choice)
FONT_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
              "name", "family", "charset", "scheme")
# The official faces of GB/T 9704 letters: name -> (alternate most PCs have, w:family)
OFFICIAL_FONTS = {
    "仿宋_GB2312": ("仿宋", "modern"),
    "方正小标宋简体": ("宋体", "roman"),
    "楷体_GB2312": ("楷体", "modern"),
    "黑体": ("SimHei", "modern"),
}
GB2312 = "86"  # w:charset of the GB2312 code page
_GB2312_SIG = '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" ' \
              'w:csb0="00040001" w:csb1="00000000"/>'


def _font(name: str, alternate: str, family: str) -> str:
    return (f'<w:font w:name="{name}"><w:altName w:val="{alternate}"/><w:charset w:val="{GB2312}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="fixed"/>{_GB2312_SIG}</w:font>')


def _settings(xml: str) -> str:
    xml = re.sub(r'(w:name="compatibilityMode"[^>]*w:val=")\d+(")', r"\g<1>15\g<2>", xml)
    xml = re.sub(r"<w:zoom ((?:(?!w:percent)[^>])*?)/>", r'<w:zoom \1 w:percent="100"/>', xml)
    return xml.replace("<w:savePreviewPicture/>", "")  # Word would make the thumbnail again


def _font_table(xml: str) -> str:
    for name, (alternate, family) in OFFICIAL_FONTS.items():
        entry = re.search(rf'<w:font w:name="{re.escape(name)}">.*?</w:font>', xml, re.S)
        new = _font(name, alternate, family)
        xml = xml.replace(entry.group(0), new) if entry else xml.replace("</w:fonts>", new + "</w:fonts>")
    return xml


def _relationships(xml: str) -> str:
    """A relationship to a dropped part goes with it (targets are package-absolute or relative to word/)."""
    for part in DROPPED:
        target = re.escape(part) + "|" + re.escape(part.removeprefix("word/"))
        xml = re.sub(r'<Relationship [^>]*Target="/?(?:' + target + r')"[^>]*/>', "", xml)
    return xml


def _content_types(xml: str) -> str:
    for part in DROPPED:
        xml = re.sub(r'<Override PartName="/' + re.escape(part) + r'"[^>]*/>', "", xml)
    return xml


def _font_children(match: re.Match) -> str:
    elements = re.findall(r"<(\w+)\b[^>]*/>", match.group(2))
    written = re.findall(r"<\w+\b[^>]*/>", match.group(2))
    if "".join(written) != match.group(2) or not set(elements) <= set(FONT_ORDER):
        return match.group(0)  # not openpyxl's run of empty elements: leave it as written
    ranked = sorted(zip(elements, written), key=lambda pair: FONT_ORDER.index(pair[0]))
    return match.group(1) + "".join(text for _, text in ranked) + match.group(3)


def _spreadsheet_styles(xml: str) -> str:
    return re.sub(r"(<font>)(.*?)(</font>)", _font_children, xml, flags=re.S)


FIXES = {"word/settings.xml": _settings, "word/fontTable.xml": _font_table, "_rels/.rels": _relationships,
         "word/_rels/document.xml.rels": _relationships, "[Content_Types].xml": _content_types,
         "xl/styles.xml": _spreadsheet_styles}


def fix(name: str, body: bytes) -> bytes | None:
    """A member made compatible, or None for a member to leave out (blank thumbnail, stale styles copy)."""
    if name in DROPPED:
        return None
    fixer = FIXES.get(name)
    return fixer(body.decode("utf-8")).encode("utf-8") if fixer else body
