"""Structured case files (YAML): cases an organiser writes by hand, and the
organisations and cases of sources that are not in a case-collection layout.

The format is documented, with a full example, in ``docs/case-format.md``.
Every problem is reported with the file, the line and the field it is in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from samspil.core.errors import InputError
from samspil.core.model import ACTOR_KINDS, EFFECT_GRADES, PRIZES, ROLES, SPREAD_STATUSES, flag_grade
from samspil.core.records import (
    ActorMention,
    CaseFacts,
    CaseRecord,
    InspirationMention,
    Section,
    SourceInfo,
    SpreadMention,
)
from samspil.loaders.yamlfile import Fields, read_yaml, short

FORMAT_VERSION = 1
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")


@dataclass
class StructuredFile:
    """What one YAML file holds: its source, organisations it names, and its cases."""

    path: str
    source: SourceInfo
    organisations: list[ActorMention] = field(default_factory=list)
    cases: list[tuple[CaseRecord, CaseFacts]] = field(default_factory=list)


def _actor(data: Any, path: str, where: str, line: int | None, *, default_role: str | None = None) -> ActorMention:
    f = Fields(data, path, where, line)
    mention = ActorMention(
        name=f.text("name", required=True) or "",
        kind=f.choice("kind", ACTOR_KINDS, required=True) or "",
        role=f.choice("role", ROLES, required=default_role is None) or default_role or "mentioned",
        evidence=f.text("evidence") or "",
        method="structured",
        part_of=f.text("part_of"),
    )
    f.finish()
    return mention


def _case(data: Any, path: str, index: int, source: SourceInfo, seen: dict[str, str]) -> tuple[CaseRecord, CaseFacts]:
    where = f"cases[{index}]"
    f = Fields(data, path, where)
    case_id = f.text("id", required=True) or ""
    if not _ID.match(case_id):
        raise f.error("id", f"{short(case_id)} is not an id (lowercase letters, digits and hyphens)")
    if case_id in seen:
        raise f.error("id", f"duplicate case id {case_id!r} (first used at {seen[case_id]})")
    seen[case_id] = f"{path}:{f.line}"
    lines = f.get("lines", list)
    if lines is not None and (len(lines) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in lines)):
        raise f.error("lines", "expected [first, last] line numbers")
    record = CaseRecord(
        id=case_id,
        number=f.get("number", int),
        title=f.text("title", required=True) or "",
        source=source,
        prize=f.choice("prize", PRIZES),
        layout="structured",
        year=f.year("year"),
        target_group=f.text("target_group"),
        nominators=f.strings("nominators"),
        line_start=lines[0] if lines else None,
        line_end=lines[1] if lines else None,
        solution_id=f.text("solution"),
        summary=f.text("summary"),
    )
    if record.summary:
        record.sections["summary"] = Section("summary", "Resumé", record.summary, record.line_start or 0,
                                             record.line_end or 0)
    facts = CaseFacts(themes=f.strings("themes"), barriers=f.strings("barriers"))
    flag = f.get("documented_effect", bool)
    effect = f.get("effect", dict)
    if effect is not None:
        if flag is not None:
            raise f.error("effect", "give effect or the older documented_effect, not both")
        e = Fields(effect, path, f"{where}.effect", f.line)
        facts.effect_grade = e.choice("grade", EFFECT_GRADES, required=True) or "none"
        facts.effect_evidence = e.text("evidence")
        e.finish()
    elif flag is not None:
        facts.effect_grade = flag_grade(flag)
    for i, actor in enumerate(f.items("actors")):
        facts.actors.append(_actor(actor, path, f"{where}.actors[{i}]", f.line))
    for i, item in enumerate(f.items("spread")):
        s = Fields(item, path, f"{where}.spread[{i}]", f.line)
        facts.spread.append(SpreadMention(
            to=s.text("to", required=True) or "", kind=s.choice("kind", ACTOR_KINDS, required=True) or "",
            status=s.choice("status", SPREAD_STATUSES, required=True) or "", evidence=s.text("evidence") or "",
            year=s.year("year"), method="structured"))
        s.finish()
    for i, item in enumerate(f.items("inspired_by")):
        s = Fields(item, path, f"{where}.inspired_by[{i}]", f.line)
        facts.inspired_by.append(InspirationMention(
            source=s.text("from", required=True) or "",
            kind=s.choice("kind", (*ACTOR_KINDS, "solution"), required=True) or "",
            evidence=s.text("evidence") or "", method="structured"))
        s.finish()
    for name in record.nominators:
        actor = next((a for a in facts.actors if a.name == name), None)
        if actor is None:
            raise f.error("nominators", f"nominator {short(name)} is not among the case's actors (give its kind there)")
        # The kind the file gives, not one guessed from the name.
        record.nominator_kinds[name] = actor.kind
        if actor.part_of:
            record.nominator_parents[name] = actor.part_of
    f.finish()
    return record, facts


def load_file(path: str | Path, *, seen_ids: dict[str, str] | None = None) -> StructuredFile:
    """Read one structured case file.

    Parameters
    ----------
    path : str or Path
        A ``.yaml`` file in the format of ``docs/case-format.md``.
    seen_ids : dict, optional
        Case ids already read (id → "file:line"), so duplicates across files are caught.

    Returns
    -------
    StructuredFile

    Raises
    ------
    InputError
        Unreadable, not YAML, or a field missing, mistyped or unknown — the
        message names the file, the line and the field.

    Examples
    --------
    >>> f = load_file(default_files()[0])
    >>> f.source.id
    'seed000-politisk-lederskab'
    """
    path = str(path)
    data = read_yaml(path)
    top = Fields(data, path, "")
    version = top.get("format", int, default=FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise top.error("format", f"format {version} is not supported (this version reads format {FORMAT_VERSION})")
    s = Fields(top.get("source", dict, required=True), path, "source")
    source = SourceInfo(id=s.text("id", required=True) or "", title=s.text("title", required=True) or "",
                        path=s.text("path") or Path(path).name, year=s.year("year"), publisher=s.text("publisher"))
    if not _ID.match(source.id):
        raise s.error("id", f"{short(source.id)} is not an id (lowercase letters, digits and hyphens)")
    s.get("url", str)
    s.get("note", str)
    s.finish()
    result = StructuredFile(path=path, source=source)
    for i, org in enumerate(top.items("organisations")):
        result.organisations.append(_actor(org, path, f"organisations[{i}]", top.line, default_role="mentioned"))
    seen = seen_ids if seen_ids is not None else {}
    for i, case in enumerate(top.items("cases")):
        result.cases.append(_case(case, path, i, source, seen))
    top.finish()
    return result


def default_files() -> list[Path]:
    """The structured case files shipped with Samspil, in name order."""
    folder = Path(str(resources.files("samspil").joinpath("data", "cases")))
    return sorted(folder.glob("*.yaml"))


def load_files(paths: Iterable[str | Path]) -> list[StructuredFile]:
    """Read several structured case files, refusing a case id used twice.

    Examples
    --------
    >>> [f.source.id for f in load_files(default_files())][:1]
    ['seed000-politisk-lederskab']
    """
    seen: dict[str, str] = {}
    return [load_file(p, seen_ids=seen) for p in paths]
