"""The grammar of assignments as data (lexicon.yaml): role words, labels, people, unit suffixes, collectives.

Loaded once; every pattern the parser needs is compiled here, so adding a word to the YAML is all it
takes to read it wherever it stands.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

ROLES = ("lead", "separate", "joint", "responsible", "participant", "guide", "leader")
LABEL_ROLES = (*ROLES, "division")  # a label may also introduce a whole note (「分工：X牵头，Y配合」)


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _whole_words(words: list[str]) -> list[str]:
    """The words that open no longer word of the list (贯彻 opens 贯彻执行): a text ending in one ends the word."""
    return [w for w in words if not any(o != w and o.startswith(w) for o in words)]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    joiners: dict[str, str]
    labels: dict[str, str]
    columns: dict[str, tuple[str, ...]]
    verb_tail: re.Pattern  # a role word closing a list: 「…牵头」
    joiner: re.Pattern
    label: re.Pattern  # 「牵头单位：」 (the colon may be missing only in a cell of its own)
    post: re.Pattern
    held_post: re.Pattern  # 「市水务局主要负责人」: the body before the post held in it
    head_post: re.Pattern  # 「管委会主任」: a body's head by the title held in it, kept as written
    charge_post: re.Pattern  # 「各管区责任人」: one body's person in charge, kept with the body's name
    in_person: re.Pattern  # 「，X作为第一责任人」, 「，X亲自…」: a comma part naming who answers in person
    surnames: str
    village_post: re.Pattern  # 「支部书记」, 「各村干部」: people each village has, whose work the villages answer for
    roster_posts: tuple[str, ...]  # 「组长：」, 「成员：」: the posts of a body's roster, each over people's names
    unit_suffixes: tuple[str, ...]
    body_ends: frozenset[str]
    zone_ends: tuple[str, ...]  # a zone's short name (经开区): a strong end in a run of names, as body_ends
    unit_end: re.Pattern
    joined_after_unit: re.Pattern  # 「公安局和司法局」: 和/与/及 right after a unit's end joins two names
    short_name: re.Pattern  # a body named without its suffix (省人口计生): a unit all the same
    joined_sectors: tuple[str, ...]  # 「公安消防」: a department's arm written with it, one body, never two sectors
    not_unit_start: re.Pattern  # a verb or pronoun: a name beginning so is a sentence fragment
    doing: re.Pattern  # those words of two characters or more, anywhere: names run together never hold one
    fragment_word: re.Pattern  # a word no name holds anywhere (「各镇(街)抓紧组织」 is a sentence's opening)
    collectives: tuple[re.Pattern, ...]
    counted_places: re.Pattern  # 「三区」, 「两县」: a number of places of one level, each its share
    collective_end: re.Pattern  # how a short collective (各地, 各村居) ends: never in a verb (各单位高度重视)
    scope: dict[str, re.Pattern]
    provinces: tuple[str, ...]
    shared_bodies: tuple[str, ...]
    zone_without_government: re.Pattern  # 「开发区」, 「社区」: an area ending in 区 that has no 人民政府 of its own
    by_openers: tuple[str, ...]  # 「主要由X牵头」: words before 由 that keep it a note
    sentence_links: tuple[str, ...]  # 「即X牵头，…」: a word joining a sentence to the last, before its units
    working_together: tuple[str, ...]  # 「X、Y要相互配合」: a list working together, no lead word (the first leads)
    body_collective_ends: tuple[str, ...]  # 「各级民政部门和相关单位」: collectives of bodies, no place among them
    body_kinds: tuple[str, ...]  # 「…等人民团体」: a kind of body closing a list of named ones
    bare_body_kinds: tuple[str, ...]  # 「国有林场」: a class of bodies written bare, not one named body
    own_share_words: tuple[str, ...]  # 「本部门(单位)」 after such a list: each its own share all the same
    enumeration_intros: tuple[str, ...]  # 「有3项由X牵头，分别是A；B」: the words opening the list of tasks
    share_measures: tuple[str, ...]  # 「房产局100套」: what a unit's share of a target is counted in
    part_phrases: str  # 「服从调度」, 「认真履责」: an alternation of patterns, a unit's part in work another leads
    partner_words: str  # 「会同X制定」, 「由X商Y确定」: an alternation of patterns, before the units taking part
    gathering_words: str  # 「组织X开展」, 「统筹Y制定」: an alternation, before the units gathered to do the work
    duty_openers: tuple[str, ...]  # 「负责…」 after a line naming a unit alone: that unit's duty
    transmittal: tuple[str, ...]  # 「…认真贯彻执行」: a covering notice's closing formula, no requirement
    transmittal_end: re.Pattern  # 「…请认真贯彻执行」 closing a line: the notice's last words, stops or none
    praise_words: tuple[str, ...]  # 「…，给予通报表扬」: units praised for work done, no requirement
    seriousness_words: tuple[str, ...]  # 「各单位要提高思想认识」: a demand to take the work seriously, no share of it
    the_public: tuple[str, ...]  # 「各单位及居民应当…」: the people at large listed beside bodies, neither unit nor leader
    progress_checks: tuple[str, ...]  # 「…进度情况进行督察通报」: a body checking the others' progress
    progress_hearings: tuple[str, ...]  # 「…听取落实情况」: the same, before what it checks
    duty_headings: tuple[str, ...]  # 「X主要职责」, 「X机构职能」: a heading naming the unit whose duties follow
    listed_duty_verbs: tuple[str, ...]  # 「X应当履行下列职责：」: the unit takes on the duties listed below
    grasp_verbs: tuple[str, ...]  # 「X抓统筹，Y抓行业」: a duty verb after a subject, as a modal
    office_words: tuple[str, ...]  # 「办公室」: a body's working office, named bare once the text has set it up
    working_body_kinds: tuple[str, ...]  # 「联席会议」, 「领导小组」: a working body's kind, naming no one body
    name_determiners: tuple[str, ...]  # 「对应的」: which one of a kind, before its name
    restating_words: tuple[str, ...]  # 「主管」: put into the heading's unit's name by the paragraph under it
    schedule_headings: tuple[str, ...]  # 「二、时间安排」: the span under it is every task's deadline
    completion_words: tuple[str, ...]  # 「7月完工」 in a time cell: the month the work ends
    no_work_opening: re.Pattern  # 「为进一步加强…」, 「指导思想…」: a paragraph stating no work of its own
    page_labels: frozenset[str]  # 「索引号」, 「发布机构」: a page's metadata, whose rows divide no work
    holder_form: dict[str, tuple[str, ...]]  # 「部门(单位)：X 责任人：Y」 heading a one-unit form, and its work verbs
    simplified: dict[int, str]  # traditional character -> simplified, for reading headers and labels

    def fold(self, text: str) -> str:
        """A header or label in simplified script (重點任務 → 重点任务), to look its words up."""
        return text.translate(self.simplified)

    def label_role(self, text: str) -> str | None:
        """The role of a label written alone (a table header or a form's label cell)."""
        word = self.fold(re.sub(r"[\s：:]", "", text))
        return self.labels.get(word)


def _inside_names(names: list[str], verbs: dict[str, str]) -> str:
    """A role word that is the tail of a body's name (「社会办」's 会办): a lookahead that never closes a list there."""
    tails = [f"(?<={re.escape(n[:-len(v)])}){re.escape(v)}$" for n in names for v in verbs if n.endswith(v) and n != v]
    return "|".join(tails) or "(?!)"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8"))
    for section in ("verbs", "joiners", "labels"):
        unknown = set(data[section].values()) - set(LABEL_ROLES if section == "labels" else ROLES)
        assert not unknown, f"lexicon.yaml {section}: unknown role(s) {unknown}"
    inside_a_name = _inside_names(data["names_ending_in_verbs"], data["verbs"])
    return Lexicon(
        verbs=data["verbs"], joiners=data["joiners"], labels=data["labels"],
        columns={k: tuple(v) for k, v in data["columns"].items()},
        verb_tail=re.compile(rf"(?!{inside_a_name})(?P<etc>等(?:相关|有关)?(?:部门|单位)?)?"
                             rf"(?:{alternation(data['verb_manners'])})?(?P<verb>(?:{alternation(data['verbs'])}))$"),
        joiner=re.compile(rf"(?:{alternation(data['joiners'])})"),
        label=re.compile(rf"(?P<label>{alternation(data['labels'])})\s*[：:]"),
        post=re.compile(data["people"]["posts"]),
        # (「局系统各单位、部门主要负责人」: a 、 before the bare kind a 各 is over too, unitnames.SHARED_EACH)
        held_post=re.compile(rf"^(?P<body>[^\s、，,；;：:“”\"]*?各[^各\s、，,；;：:“”\"]{{1,10}}、(?:部门|单位)"
                             rf"|[^\s、，,；;：:“”\"]*?"  # 「各单位的行政一把手」: 的 and the post's side before it
                             # 「各县(市、区)主要负责人」: a bracket of the kinds of place a level includes, in the body's name
                             rf"|[^\s、，,；;：:“”\"()（）]*?[(（][\u4e00-\u9fff]{{1,4}}(?:、[\u4e00-\u9fff]{{1,4}})+[)）][^\s、，,；;：:“”\"]*?)"
                             rf"(?:的?(?:行政|党政))?(?:(?:指定|确定|明确)?(?:相关|有关)?(?:业务)?(?:处室|科室|股室)?(?:一|1)名)?"  # 「各成员单位（指定）相关业务处室一名负责同志」
                             rf"(?:{alternation(data['people']['held_posts'] + data['people']['head_posts'])})$"),
        head_post=re.compile(rf"[^\s、，,；;：:“”\"]{{2,}}?(?:{alternation(data['people']['head_posts'])})$"),
        charge_post=re.compile(rf"(?:{alternation(data['people']['charge_posts'])})$"),
        in_person=re.compile(rf"(?:^|[，,]|(?<=[抓责])、)\s*(?:[^，,；;。“”\"]{{0,6}}[“\"])?(?P<who>[^，,；;。“”\"]{{2,12}}?)[”\"]?"
                             rf"(?:(?:(?<!主)要|应|须|必须)(?!求)|{alternation(data['people']['in_person'])})"),
        surnames=data["people"]["surnames"],
        village_post=re.compile(rf"^(?:各村?)?(?:{alternation(data['people']['village_posts'])})$"),
        roster_posts=tuple(data["people"]["roster_posts"]),
        unit_suffixes=tuple(data["unit_suffixes"]),
        body_ends=frozenset(data["body_ends"]), zone_ends=tuple(data["zone_ends"]),
        unit_end=re.compile(rf"(?:{alternation(data['unit_suffixes'])})$"),
        joined_after_unit=re.compile(rf"(?:{alternation(data['unit_suffixes'])})[和与及]."),
        short_name=re.compile(rf"^(?:省|市|州|县|区)?(?:{alternation([*data['short_bodies'], *data['joined_sectors']])})$"),
        joined_sectors=tuple(data["joined_sectors"]),
        not_unit_start=re.compile(rf"^(?:{alternation(data['not_unit_starts'])})"),
        doing=re.compile(alternation(w for w in data["not_unit_starts"] if len(w) > 1)),
        fragment_word=re.compile("|".join(data["fragment_words"])),
        collectives=tuple(re.compile(rf"(?:{_any_brackets(p.replace('COUNTED', data['counted_places']))})"
                                     rf"(?=[、，,；;和等按负牵配参]|$)") for p in data["collectives"]),
        counted_places=re.compile(rf"^(?:{data['counted_places']})$"),
        collective_end=re.compile(rf"(?:{alternation(data['collective_ends'])})[)）]?$"),
        scope={k: re.compile(v) for k, v in data["scope"].items()},
        provinces=tuple(data["provinces"]),
        shared_bodies=tuple(data["shared_bodies"]),
        zone_without_government=re.compile(rf"(?:{alternation(data['zones_without_government'])})区$"),
        by_openers=tuple(data["by_openers"]),
        sentence_links=tuple(data["sentence_links"]),
        working_together=tuple(data["working_together"]),
        body_collective_ends=tuple(data["body_collective_ends"]),
        body_kinds=tuple(data["body_kinds"]),
        bare_body_kinds=tuple(data["bare_body_kinds"]),
        own_share_words=tuple(data["own_share_words"]),
        enumeration_intros=tuple(data["enumeration_intros"]),
        share_measures=tuple(data["share_measures"]),
        part_phrases="|".join(data["part_phrases"]), partner_words="|".join(data["partner_words"]),
        gathering_words=alternation(data["gathering_words"]),
        duty_openers=tuple(data["duty_openers"]),
        transmittal=tuple(data["transmittal"]),
        # (not a word that opens a longer one, 「…请认真贯彻」 / 「落实。」: a fixed-width line broken inside the formula)
        transmittal_end=re.compile(rf"请[\u4e00-\u9fff]{{0,8}}?(?:{alternation(_whole_words(data['transmittal']))})$"),
        praise_words=tuple(data["praise_words"]),
        seriousness_words=tuple(data["seriousness_words"]),
        the_public=tuple(data["the_public"]),
        progress_checks=tuple(data["progress_checks"]),
        progress_hearings=tuple(data["progress_hearings"]),
        duty_headings=tuple(data["duty_headings"]),
        listed_duty_verbs=tuple(data["listed_duty_verbs"]),
        grasp_verbs=tuple(data["grasp_verbs"]),
        office_words=tuple(data["office_words"]),
        working_body_kinds=tuple(data["working_body_kinds"]),
        name_determiners=tuple(data["name_determiners"]),
        restating_words=tuple(data["restating_words"]),
        schedule_headings=tuple(data["schedule_headings"]),
        completion_words=tuple(data["completion_words"]),
        no_work_opening=re.compile("|".join(data["no_work_openings"])),
        page_labels=frozenset(data["page_labels"]),
        holder_form={k: tuple(v) for k, v in data["holder_form"].items()},
        simplified={ord(pair[0]): pair[1] for pair in data["traditional"].split()},
    )


def _any_brackets(pattern: str) -> str:
    """A collective's pattern matching its brackets in any writing: （） () <> 〈〉 〔〕 (「各县〔市、区〕政府」)."""
    return pattern.replace("（", "[（(<〈〔]").replace("）", "[）)>〉〕]")


def is_person(name: str) -> bool:
    """A leader's post (分管副市长, 市水务局主要负责人) or a person's name (a surname and one or two characters),
    not a unit."""
    lex = lexicon()
    if (lex.post.search(name) or lex.held_post.match(name)) and not re.search(r"(?:局|(?<!常)委|办|厅|(?<!干)部|院|中心|政府)$", name) \
            and not lex.doing.search(name):  # 「全县广大干部群众坚决贯彻落实习近平总书记」: people, then what they are to do
        return True
    return (2 <= len(name) <= 3 and name[0] in lex.surnames and not lex.unit_end.search(name)
            and bool(re.fullmatch(r"[\u4e00-\u9fff]+", name)))


def post_holder(name: str) -> str | None:
    """The body whose post a person's name gives (市水务局 of 市水务局主要负责人), if it names one."""
    m = lexicon().held_post.match(name)
    if m and len(m["body"]) > 4 and (field := _FIELD_HEAD.match(m["body"])):
        from .unitnames import looks_like_unit  # (unitnames reads the lexicon)
        if not looks_like_unit(m["body"]) and looks_like_unit(field["body"]):
            return field["body"]  # 「各村居防控负责人」: the villages' person in charge of epidemic control
    return m["body"] if m and len(m["body"]) >= 2 else None


_FIELD_HEAD = re.compile(r"^(?P<body>.{2,}?)[\u4e00-\u9fff]{2}$")  # a body, then the field its person is in charge of
