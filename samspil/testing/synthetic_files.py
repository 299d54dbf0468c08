"""Synthetic cases written as files: the LÆS STJÆL FORTÆL text layout (:func:`render_lsf`, read
by :mod:`samspil.loaders.lsf2019`) and the structured YAML format of ``docs/case-format.md``
(:func:`render_yaml`), and a whole corpus split over files (:func:`write_corpus`). The cases
themselves come from :mod:`samspil.testing.synthetic`.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from samspil.testing.synthetic import CAPS_NAME, DEFAULT_PER_FILE, SyntheticCase, iter_cases

LINE_WIDTH = 92
#: What samspil.loaders.lsf2019 takes for the organisation line of a short case.
_CAPS_LINE = re.compile(r"^\s*[A-ZÆØÅ][A-ZÆØÅ .,&'’-]{3,}\s*$")

def _wrap(text: str, rng: random.Random, width: int = LINE_WIDTH) -> list[str]:
    """Greedy wrap at word boundaries; now and then a long lowercase word is broken across two
    lines without a hyphen, the way the 2019 PDF conversion broke them."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            if len(word) >= 12 and word.isalpha() and word.islower() and rng.random() < 0.08:
                cut = len(word) // 2
                lines.append(f"{line} {word[:cut]}")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    # A line of capitals alone ("OAO.") reads as a short case's organisation line: give it
    # the last word of the line before.
    for i in range(1, len(lines)):
        if CAPS_NAME.match(lines[i].rstrip(".,")) or _CAPS_LINE.match(lines[i]):
            head, _, last = lines[i - 1].rpartition(" ")
            if head:
                lines[i - 1], lines[i] = head, f"{last} {lines[i]}"
    return lines


# -- the LÆS STJÆL FORTÆL layout -----------------------------------------------------------

_HEADINGS = {
    "challenge": " Fra udfordring", "solution": "Til løsning", "key_elements": "De vigtigste elementer i innovationen",
    "resources": "Hvilke ressourcer er der brugt på innovationen?",
    "collaboration": "Hvem har samarbejdet om innovationen?", "value": " Værdien, som innovationen har skabt",
    "value_political_goals": "POLITISKE MÅL", "value_quality": "HØJERE KVALITET", "value_efficiency": "ØGET EFFEKTIVITET",
    "value_democracy": "STYRKET DEMOKRATI OG INDDRAGELSE", "value_innovation_capacity": "ØGET INNOVATIONSKAPACITET",
    "sharing": " Sådan er innovationen blevet delt", "capacities": "Inspiration til samarbejde, evaluering og spredning",
    "capacity_collaboration": "SAMARBEJDSKAPACITET", "capacity_evaluation": "EVALUERINGSKAPACITET",
    "capacity_spread": "SPREDNINGSKAPACITET",
}


def _contact_lines(case: SyntheticCase) -> list[str]:
    out: list[str] = []
    for name, title, org, phone, email in case.contacts:
        out += [f"{name}, {title}, {org}", "", f"{phone}     {email}", ""]
    out += ["-", ""] + [f"mailto:{c[4]}" for c in case.contacts] + [""]
    return out


def _long_lines(case: SyntheticCase, rng: random.Random) -> list[str]:
    years = f"{case.year} - {case.year_end}" if case.year_end else str(case.year)
    lines = ["", case.title, ""] + _wrap(case.quote, rng, 40) + [""]
    lines += [f"INDSTILLER: {' og '.join(o.name for o in case.nominators)}", f"MÅLGRUPPE: {case.target_group}",
              f"ÅRSTAL: {years}", ""]
    lines += _wrap(case.summary, rng)
    for key, heading in _HEADINGS.items():
        lines.append(heading)
        if key in ("value", "capacities"):
            lines.append("")
            continue
        paragraph = case.sections.get(key, [])
        if key == "key_elements":
            for item in paragraph:
                lines += _wrap(item, rng) + [""]
        else:
            lines += _wrap(" ".join(paragraph), rng) + [""]
        if rng.random() < 0.05:
            lines += ["-", "", str(rng.randint(4, 199)), ""]  # page furniture
    lines += ["Hvis du vil genbruge løsningen, så kontakt:", ""] + _contact_lines(case) + [""]
    return lines


def _short_lines(case: SyntheticCase, rng: random.Random) -> list[str]:
    lines = [" " + case.title, case.nominators[0].name.upper(), ""]
    for paragraph in case.sections["text"]:
        lines += _wrap(paragraph, rng) + [""]
    lines.append("Hvad skal du vide, hvis du vil genbruge innovationen? ")
    for tip in case.sections["reuse"]:
        lines += _wrap(tip, rng) + [""]
    lines += ["Hvem kan du kontakte? ", ""] + _contact_lines(case)
    return lines


DIVIDER = ("INDSTILLINGER", "TIL", "HVERDAGS-", "INNOVATIONS-", "PRISEN", "", "")


def render_lsf(cases: Sequence[SyntheticCase], *, seed: int = 0, label: str = "") -> str:
    """The cases of one file as text in the LÆS STJÆL FORTÆL layout.

    The cases must be one file's worth, in order: long cases, then short NYT SAMMEN
    BEDRE cases, then Hverdagsinnovation cases (as :func:`generate` numbers them).
    """
    rng = random.Random(f"samspil-synthetic:{seed}:layout:{label}:{cases[0].index if cases else 0}")
    out: list[str] = [f"Syntetisk casesamling til test og benchmark (seed {seed}{', ' + label if label else ''})", ""]
    divider_done = False
    for case in cases:
        if case.prize == "hverdagsinnovation" and not divider_done:
            out += ["", *DIVIDER]
            divider_done = True
        out += _long_lines(case, rng) if case.layout == "long" else _short_lines(case, rng)
        out.append("")
    return "\n".join(out) + "\n"


# -- the structured YAML format ------------------------------------------------------------

def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def case_id(seed: int, case: SyntheticCase) -> str:
    """The id a case gets in the YAML format."""
    return f"synth-s{seed}-{case.index + 1:06d}"


def render_yaml(cases: Sequence[SyntheticCase], *, seed: int = 0, source_id: str = "synth", title: str = "") -> str:
    """The cases of one file in the structured format of ``docs/case-format.md``."""
    out = ["# Synthetic cases made by `samspil synth` (samspil.testing.synthetic): test and benchmark data.", "format: 1",
           "source:", f"  id: {source_id}", f"  title: {_q(title or f'Syntetiske cases (seed {seed})')}",
           f"  path: {source_id}.yaml", "cases:"]
    for c in cases:
        out += [f"  - id: {case_id(seed, c)}", f"    number: {c.number}", f"    title: {_q(c.title)}",
                f"    prize: {c.prize}"]
        if c.year is not None:
            out.append(f"    year: {c.year}")
        if c.target_group:
            out.append(f"    target_group: {_q(c.target_group)}")
        out += [f"    summary: {_q(c.summary)}", f"    documented_effect: {'true' if c.documented_effect else 'false'}",
                f"    themes: [{c.theme}]", f"    nominators: [{', '.join(_q(o.name) for o in c.nominators)}]",
                "    actors:"]
        for a in c.actors:
            out += [f"      - name: {_q(a.name)}", f"        kind: {a.kind}", f"        role: {a.role}",
                    f"        evidence: {_q(a.evidence)}"]
        if c.spread:
            out.append("    spread:")
            for s in c.spread:
                out += [f"      - to: {_q(s.to)}", f"        kind: {s.kind}", f"        status: {s.status}"]
                if s.year is not None:
                    out.append(f"        year: {s.year}")
                out.append(f"        evidence: {_q(s.evidence)}")
        if c.inspired_by:
            out.append("    inspired_by:")
            for a in c.inspired_by:
                out += [f"      - from: {_q(a.name)}", f"        kind: {a.kind}", f"        evidence: {_q(a.evidence)}"]
    return "\n".join(out) + "\n"


# -- files ---------------------------------------------------------------------------------

def iter_files(n: int, seed: int = 0, *, per_file: int = DEFAULT_PER_FILE) -> Iterator[list[SyntheticCase]]:
    """The cases of :func:`generate`, one file's worth at a time (a file starts where numbering restarts)."""
    chunk: list[SyntheticCase] = []
    for case in iter_cases(n, seed, per_file=per_file):
        if case.number == 1 and chunk:
            yield chunk
            chunk = []
        chunk.append(case)
    if chunk:
        yield chunk


def write_corpus(n: int, seed: int, fmt: str, out: str | Path, *, per_file: int = DEFAULT_PER_FILE,
                 truth: str | Path | None = None) -> list[Path]:
    """Generate ``n`` cases and write them.

    Parameters
    ----------
    n, seed : int
    fmt : {"lsf", "yaml"}
    out : path
        The file to write when the corpus fits in one file (``n <= per_file``); else a
        folder, created if missing, that gets ``synth-s<seed>-<k>.txt`` / ``.yaml``.
    per_file : int
        Cases per file.
    truth : path, optional
        Also write what was planted in every case, one JSON object a line.

    Returns
    -------
    list of Path
        The files written, in order.
    """
    if fmt not in ("lsf", "yaml"):
        raise ValueError(f"unknown format {fmt!r}; expected lsf or yaml")
    from samspil.core.atomic import write_atomic

    out = Path(out)
    ext = "txt" if fmt == "lsf" else "yaml"
    n_files = -(-n // per_file)
    if n_files == 1:
        targets = [out]
    else:
        out.mkdir(parents=True, exist_ok=True)
        targets = [out / f"synth-s{seed}-{k:04d}.{ext}" for k in range(1, n_files + 1)]
    written: list[Path] = []
    truth_lines: list[str] = []
    for k, (chunk, target) in enumerate(zip(iter_files(n, seed, per_file=per_file), targets), start=1):
        label = f"fil {k} af {n_files}"
        if fmt == "lsf":
            text = render_lsf(chunk, seed=seed, label=label)
            source = re.sub(r"[^a-z0-9]+", "-", target.stem.lower()).strip("-") or "source"
            ids = [f"{source}-{c.number:02d}" for c in chunk]
        else:
            source = re.sub(r"[^a-z0-9]+", "-", target.stem.lower()).strip("-")
            source = source if re.match(r"^[a-z0-9][a-z0-9-]{1,80}$", source) else f"synth-s{seed}-{k:04d}"
            text = render_yaml(chunk, seed=seed, source_id=source, title=f"Syntetiske cases (seed {seed}, {label})")
            ids = [case_id(seed, c) for c in chunk]
        written.append(write_atomic(target, text))
        if truth is not None:
            truth_lines += [json.dumps(c.truth(i), ensure_ascii=False) for c, i in zip(chunk, ids)]
    if truth is not None:
        write_atomic(Path(truth), "\n".join(truth_lines) + "\n")
    return written
