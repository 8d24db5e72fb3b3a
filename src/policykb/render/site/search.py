"""Chinese search that finds what people type: sub-words, unit names, two-character terms.

Material's index segments Chinese with jieba (accurate mode) and matches whole words or their
prefixes, so 职业教育 (indexed as 中等职业 | 教育) or 团省委 miss. We add two
hidden fields to every entry of `search/search_index.json` (written by `site_index` during the build):

- `pkt`: character bigrams of the entry's title plus the page's keywords (unit aliases …), boosted;
- `pkb`: character bigrams of the entry's own text (not for listing sections and listing pages).

Each bigram is written as an ASCII token (`zz` + five decimal digits per character) so neither the
worker's segmenter, Material's separator nor lunr's English query stemmer (which Material leaves in
the search pipeline) touches it: a token ending in a digit has no suffix to strip. `javascripts/pk-search.js`
tokenises the query with the same rules (`query_terms` is its all-terms query, kept here for tests) and
answers in the page: every entry holding all of the query's pairs, ranked as lunr ranks these fields,
which finds any sub-string of two or more characters. The hidden fields are never shown.

Questions and everyday words: `synonyms.yaml` beside this module (filler and intent words, everyday
word → policy term) goes into the index's `config.policykb` (`rules()`), where `pk-search.js` reads
it to rank by partial matches when the all-terms query finds nothing or the query is a question.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml

from ...load import FAST_LOADER

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RUN = re.compile(f"[{HAN}0-9]*[{HAN}][{HAN}0-9]*")
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")  # a Latin word: an error code's parts, a command
WORD_PREFIX = "w_"
MAX_REPEAT = 3  # a bigram's term frequency saturates early anyway; caps the index size

TITLE_FIELD, BODY_FIELD = "pkt", "pkb"
# Field boosts written into the index config (Material passes them to lunr).
FIELDS = {"title": {"boost": 1e3}, "text": {"boost": 1.0}, "tags": {"boost": 1e6},
          TITLE_FIELD: {"boost": 20.0}, BODY_FIELD: {"boost": 1.0}}
LIST_ANCHOR = "-list"  # sections whose id ends so list other pages: indexed by title only
RULES = Path(__file__).with_name("synonyms.yaml")
THESAURUS = Path(__file__).with_name("synonyms_cilin.yaml")  # generated from 《同义词词林》, see synonyms.py
RULES_KEY = "policykb"  # under the index's config


@cache  # a corpus has few distinct pairs and millions of occurrences
def token(pair: str) -> str:
    first, second = pair
    return f"zz{ord(first):05d}{ord(second):05d}"


def bigrams(text: str) -> list[str]:
    """The tokens of every Chinese run (Han characters and digits) of two or more characters."""
    text = unicodedata.normalize("NFKC", TAG.sub(" ", text)).lower().replace("\u200b", "")
    out = []
    for run in RUN.findall(text):
        out += [token(run[i:i + 2]) for i in range(len(run) - 1)]
    return out


def words(text: str) -> list[str]:
    """The tokens of every Latin word of two or more letters and digits (`w_` + the word), as
    pk-search.js's wordTokens: the own index's way to find error codes and commands."""
    text = unicodedata.normalize("NFKC", TAG.sub(" ", text)).lower()
    return [WORD_PREFIX + w for w in WORD.findall(text) if len(w) > 1]


def query_terms(query: str) -> str:
    """What pk-search.js sends to the worker for a query (kept here for tests and the bench)."""
    query = unicodedata.normalize("NFKC", query).lower()
    return RUN.sub(lambda m: m[0] if len(m[0]) < 2 else " " + " ".join(f"+{t}" for t in bigrams(m[0])) + " ",
                   query).strip()


def _field(tokens: list[str]) -> str:
    counts = Counter()
    kept = []
    for t in tokens:
        counts[t] += 1
        if counts[t] <= MAX_REPEAT:
            kept.append(t)
    return " ".join(kept)


def enriched(entry: dict, pages: dict[str, dict], with_words: bool = False) -> dict:
    """One index entry with the hidden fields (see the module's docstring); `with_words` adds its
    Latin words (our own index, which has no lunr worker to find them).

    `pages` maps a page's URL (as in the index, e.g. 'tasks/69.html') to {'keywords': [...],
    'body': bool, 'section_titles': bool, 'boost': float}; pages not listed are indexed fully.
    """
    url, _, anchor = entry["location"].partition("#")
    page = pages.get(url, {})
    tokens = (lambda text: bigrams(text) + words(text)) if with_words else bigrams
    title = tokens(entry["title"])
    body = []
    if not anchor:
        title += [t for k in page.get("keywords", []) for t in tokens(k)]
    elif not page.get("section_titles", True):  # e.g. indicator names: not what people look for
        title, body = [], title
    entry = dict(entry, **{TITLE_FIELD: _field(title)})
    if page.get("body", True) and not anchor.endswith(LIST_ANCHOR):
        body += tokens(entry["text"])
    if body:
        entry[BODY_FIELD] = _field(body)
    if page.get("boost"):
        entry["boost"] = page["boost"]
    return entry


def dumps(value) -> bytes:
    """JSON as the index is written: compact, UTF-8, anything else as Material's `default=str`."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def load_rules(path: Path = RULES) -> dict:
    """synonyms.yaml as written: fillers, intents (kind → words), terms (policy term → everyday words)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)


@cache
def rules(path: Path = RULES, thesaurus: Path | None = THESAURUS) -> dict:
    """What pk-search.js reads from the index: the word lists, with terms turned round (everyday word →
    policy terms; the hand list's first, then the thesaurus'), every word NFKC-normalised and lower-cased
    as queries are."""
    data = load_rules(path)
    norm = lambda w: unicodedata.normalize("NFKC", str(w)).lower()  # noqa: E731
    everyday: dict[str, list[str]] = {}
    listed = [data.get("terms", {})] + ([load_rules(thesaurus).get("terms", {})] if thesaurus else [])
    for terms in listed:
        for term, words in terms.items():
            for word in words:
                found = everyday.setdefault(norm(word), [])
                if norm(term) not in found:
                    found.append(norm(term))
    return {"fillers": [norm(w) for w in data.get("fillers", [])],
            "intents": {k: [norm(w) for w in v] for k, v in data.get("intents", {}).items()},
            "unit_words": [norm(w) for w in data.get("unit_words", [])],
            "degree": [norm(w) for w in data.get("degree", [])],
            "variants": [[norm(w) for w in group] for group in data.get("variants", [])],
            "terms": dict(sorted(everyday.items()))}


UNIT_PAGE = re.compile(r"^units/(?!index\.html$)[^/]+\.html$")
REFERENCE = re.compile(r"^第\d+[条项]$")
LEVELS = ("省", "市", "县", "区")  # 省教育厅, 市财政局: a unit's level written before its name, in any place
PLACE_LEVEL = re.compile(r"(?:自治区|自治州|特别行政区|省|市|县|区|州|旗|盟)$")
UNIT_ENDINGS = tuple("厅委办局部院联会社行队校司处所")  # …so that what is left is still a unit's name


def prefixes(places: Iterable[str] = ()) -> tuple[str, ...]:
    """What people leave off a unit's name: each of the places in full (湖南省, 株洲市), without its level (湖南,
    株洲) and as its party committee (中共湖南省委), then a level alone (省委, 省, 市 …)."""
    out = []
    for place in places:
        core = PLACE_LEVEL.sub("", place)
        out += [f"中共{place}委", place, *([core] if len(core) >= 2 and core != place else [])]
    return tuple(dict.fromkeys([*out, *(f"{level}委" for level in LEVELS), *LEVELS]))


def short_forms(name: str, places: Iterable[str] = ()) -> list[str]:
    """A unit name as people shorten it, given the places it is of: 省教育厅 → 教育厅, 湖南保监局 → 保监局 (of
    湖南省), 株洲市财政局 → 财政局 (of 株洲市); never 省政府 → 政府."""
    out = []
    for prefix in prefixes(places):
        rest = name[len(prefix):]
        if name.startswith(prefix) and len(rest) >= 2 and rest.endswith(UNIT_ENDINGS) and rest != name:
            out.append(rest)
    return out


def unit_places(pages: list) -> dict[str, list[str]]:
    """The site's pages (render.site.pages.Page) → each unit page's places whose names its unit goes without:
    the knowledge base's home (its first province-level document's place, as the import takes it) and the
    unit's own `place` (株洲市 for 株洲市财政局)."""
    from ...ingest.jurisdiction import document_place, home_of  # late: the import's place rules, only when a site is made
    metas = {p.context["doc"].id: p.context["doc"].meta for p in pages if "doc" in p.context}
    home = home_of(document_place(m.jurisdiction, m.issuers) for m in metas.values())
    return {p.path: list(dict.fromkeys(x for x in (home, p.context["unit"].place) if x))
            for p in pages if UNIT_PAGE.match(p.path[:-3] + ".html") and "unit" in p.context}


def names(pages: dict[str, dict]) -> dict[str, list[str]]:
    """Name or reference → the pages it leads to: every name of a unit (its page's keywords: name, aliases,
    full, short and later names, and those without its places or level, see `unit_places`) and every
    第N条/第N项 of an article or task."""
    norm = lambda w: unicodedata.normalize("NFKC", str(w)).lower()  # noqa: E731
    table: dict[str, list[str]] = {}
    for url in sorted(pages):
        keywords = pages[url].get("keywords", [])
        if UNIT_PAGE.match(url):
            places = pages[url].get("places", [])
            found = [n for k in keywords for n in (k, *short_forms(k, places))]
        else:
            found = [k for k in keywords if REFERENCE.match(norm(k))]
        for name in dict.fromkeys(map(norm, found)):
            table.setdefault(name, []).append(url)
    # A short form shared by units of one name's making (省委/省政府 …) leads nowhere in particular.
    return {n: urls for n, urls in sorted(table.items()) if len(urls) <= 3}
