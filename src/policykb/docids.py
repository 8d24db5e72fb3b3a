"""Document ids are folder names, and folder names become paths of the site, of build/ and of zips.

An id is refused when it could leave its folder (`/`, `\\`, `..`, an absolute path), hide
(a leading '.'), carry control characters, break a URL (`#`, `?`, `%`, `<` …), mean a device
on Windows (CON, COM¹ …), or take the place of a page or folder the site writes for itself: a
document called `guide` would replace the maintainers' guide. Two ids that differ only in case are
one folder on Windows and macOS.
"""
from __future__ import annotations

from .names import safe_filename

# What `policykb site` writes at the top of the site besides documents (mkdocs, its theme and our
# pages); tests/test_checks_hostile_round2.py checks this list against a built site.
SITE_NAMES = frozenset({
    "index", "404", "sitemap", "search", "assets", "javascripts", "stylesheets",  # mkdocs-material
    "guide", "units", "calendar", "maps", "downloads", "changes",  # policykb's own pages and folders
    "schemas", "tracking",  # names inside the knowledge base itself
})
_URL_BREAKERS = set('#?%<>"|*:&[]`')


def id_problem(doc_id: str) -> str | None:
    """Why doc_id cannot name a document folder, in a few words; None when it can."""
    if not doc_id or doc_id.strip() != doc_id:
        return "它是空的，或以空格开头或结尾"
    if "/" in doc_id or "\\" in doc_id or ".." in doc_id:
        return "它含有路径（'/'、'\\' 或 '..'），会把文件放到知识库以外"
    if doc_id.startswith("."):
        return "它以 '.' 开头，文件夹会被隐藏"
    if any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in doc_id):
        return "它含有控制字符（换行、制表符等）"
    broken = sorted(set(doc_id) & _URL_BREAKERS)
    if broken:
        return f"它含有 {' '.join(broken)}，会破坏网站的链接"
    if safe_filename(doc_id) != doc_id:
        return "它是系统保留的名称（如 CON、COM1），或含有看不见的字符"
    if doc_id.casefold() in SITE_NAMES or doc_id.casefold().split(".")[0] in SITE_NAMES:
        return f"'{doc_id}' 是网站自己页面使用的名称"
    return None


ID_HINT = "文件夹名只用字母、数字、汉字和“-”，如 hunan-2016-opinions 或 湘政发-2016-1"
