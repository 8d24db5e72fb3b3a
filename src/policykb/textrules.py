"""Rules for text people type or paste: which characters, how long a name, what counts as the same name.

`check` applies them to parsed values (so a YAML escape such as "\\u202e" is caught as surely as
the raw character), and report-form import applies the same rules to every cell before anything
is written. One module, so that what import accepts `check` accepts too.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

# Categories that never belong in a policy text: controls, format characters (zero-width,
# bidi overrides, tag characters U+E0000–E007F), surrogates, private use, unassigned, and the
# Unicode line and paragraph separators. Newlines are the one control a text may hold.
_BAD_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_ALLOWED = {"\n"}

# Names become file names, docx properties, sheet cells and page titles; this many characters
# fits every one of them (the longest unit name in the bundled registry has 12; at 40 a unit map no
# longer fits an A1 sheet).
MAX_NAME = 30
MAX_TITLE = 200

# A holder named by its role in a division or in a project, not by its name (牵头单位, 各责任单位, 配合部门, 建设单位).
# The importer reads such words as holders; `check` refuses them as units: a letter to 「牵头单位」 reaches nobody.
DIVISION_ROLE = r"(?:牵头|责任|配合|协同|协办|会办|参与|成员|主办|承办)(?:责任)?(?:单位|部门)"  # (not a project's: 建设单位)
ROLE_HOLDER = rf"(?:{DIVISION_ROLE}|(?:建设|施工|监理|业主|设计|勘察)单位)"
_ROLE_ONLY = re.compile(rf"(?:各|其他|其它|主要|相关|有关)?{ROLE_HOLDER}")


def role_only(name: str) -> bool:
    """「牵头单位」, 「各责任单位」, 「其他配合部门」: every holder of a role, wherever the division puts them, named by
    the role alone; no unit of its own."""
    return bool(_ROLE_ONLY.fullmatch(name))


# Markup in a name or title: a tag opener or an HTML entity. Such fields are shown as plain text
# everywhere, so a '<' followed by a letter or '/' (or an entity) is a paste from a web page or an attack.
_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")

# A site's pinyin reading aid after a character (「湘西經(jīng)開區(qū)」): a tone-marked syllable in brackets. Not part
# of a name or a time phrase; a bracketed Latin word (「(ppp)」) is no gloss.
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
                          r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7} ?[)）]")

# Characters that mean "same name" when they differ: every kind of space and trailing full stops.
_SPACES = re.compile(r"\s+")
_TRAILING = " .。．\u3000"


def bad_character(ch: str) -> bool:
    return ch not in _ALLOWED and unicodedata.category(ch) in _BAD_CATEGORIES


def first_bad_character(text: str) -> tuple[int, str] | None:
    """(index, character) of the first character no text may hold, or None."""
    if all(line.isprintable() for line in text.split("\n")):
        # str.isprintable is False for every Other (Cc, Cf, Cs, Co, Cn) and Separator (Zl, Zp, Zs) character
        # but the ASCII space: a text it passes line by line holds none of _BAD_CATEGORIES (in C, not a
        # loop in Python per character: that loop was most of loading a knowledge base's thousands of texts)
        return None
    for index, ch in enumerate(text):
        if bad_character(ch):
            return index, ch
    return None


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def character_message(ch: str) -> str:
    return f"看不见的字符或控制字符 {describe(ch)}"


CHARACTER_HINT = "删除这个字符（YAML 转义写法如 \\u200b 也算）；拿不准时把这段文字重新输入一遍"


def strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text in parsed YAML data, with its path; keys included (they are field names)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(key, path)
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, path + (index,))


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))


def name_key(name: str) -> str:
    """What two names that look the same have in common: NFKC form, no spaces, no trailing dots."""
    text = unicodedata.normalize("NFKC", name)
    return _SPACES.sub("", text).rstrip(_TRAILING)


def name_problem(name: str, limit: int = MAX_NAME) -> tuple[str, str, str] | None:
    """(code, message, hint) when a name or title cannot be used by every output, else None."""
    if has_markup(name):
        code = "markup-in-name"
        return (code, f"'{name}' 含有 HTML 标记",
                "写纯文字：名称和标题会按原样显示，不会当作 HTML")
    if len(name) > limit:
        code = "text-too-long"
        return (code, f"'{name[:20]}…' 有 {len(name)} 个字符，名称和标题最多 {limit} 个",
                "照原文写名称；整句话应写在正文字段中")
    if name != name.strip() or name.rstrip(".．。") != name:
        code = "look-alike-name"
        return (code, f"'{name}' 以空格或句号开头或结尾",
                "删去空格或句号：否则会多出一个看起来一样的名称")
    return None
