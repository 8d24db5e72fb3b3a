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
        return "it is empty or starts or ends with a space"
    if "/" in doc_id or "\\" in doc_id or ".." in doc_id:
        return "it holds a path ('/', '\\' or '..'), which would put the document outside the knowledge base"
    if doc_id.startswith("."):
        return "it starts with '.', which hides the folder"
    if any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in doc_id):
        return "it holds a control character (a line break, a tab …)"
    broken = sorted(set(doc_id) & _URL_BREAKERS)
    if broken:
        return f"it holds {' '.join(broken)}, which breaks the site's links"
    if safe_filename(doc_id) != doc_id:
        return "it is a name the system reserves (such as CON or COM1) or holds an invisible character"
    if doc_id.casefold() in SITE_NAMES or doc_id.casefold().split(".")[0] in SITE_NAMES:
        return f"'{doc_id}' is a name the site uses for its own pages"
    return None


ID_HINT = "文件夹名只用字母、数字、汉字和“-”，如 hunan-2016-opinions 或 湘政发-2016-1"
