"""Property-based tests (hypothesis) of the segmenter, the recogniser and the graph builder
(issue 8): on any text they end with a result or an :class:`~samspil.core.errors.InputError`,
never another exception; the same input gives the same result, in one process and across
processes with different hash seeds; the order of the cases does not change the graph.

Texts are built from real fragments (lines of the LÆS STJÆL FORTÆL text, the layout's
headings, organisation names of the gazetteer, the words the recogniser looks for) mixed
with random noise (any Unicode, control characters included). Example counts are modest
(``deadline=None``, 25–150 examples a property) so the file runs in well under a minute;
``HYPOTHESIS_PROFILE=thorough`` runs ten times as many.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import networkx as nx
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from samspil.core.errors import InputError
from samspil.core.records import Corpus
from samspil.graph.builder import build_graph
from samspil.graph.exports import FORMATS
from samspil.core.identity import Gazetteer
from samspil.core.model import ACTOR_KINDS, ROLES, SPREAD_STATUSES
from samspil.loaders import freetext, lsf2019, structured
from samspil.recognise.mentions import find_mentions
from samspil.recognise.recogniser import recognise, sentences
from samspil.core.text import Vocabulary, decode_source, find_control, join_lines

try:  # tests/ as a package, or (pytest's default "prepend" mode) tests/ on sys.path
    from tests.conftest import samspil_command
except ImportError:
    from conftest import samspil_command

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1

GAZETTEER = Gazetteer.default()
LSF_LINES = lsf2019.default_path().read_text(encoding="utf-8").split("\n")
#: Where each real case starts and ends (1-based lines), read once.
LSF_SPANS = [(c.line_start, c.line_end) for c in lsf2019.load()]

HEADINGS = ["INDSTILLER:", "MÅLGRUPPE:", "ÅRSTAL: 2017-2019", "Fra udfordring", "Til løsning",
            "Hvem har samarbejdet om innovationen?", "Sådan er innovationen blevet delt", "SPREDNINGSKAPACITET",
            "Hvis du vil genbruge løsningen, så kontakt:", "Hvad skal du vide, hvis du vil genbruge innovationen?",
            "Hvem kan du kontakte?", "INDSTILLINGER", "TIL HVERDAGS-INNOVATIONS-PRISEN", "KOLDING KOMMUNE",
            "Denne side er med vilje efterladt uden indhold.", "mailto:x@y.dk", "12", " - ", "•"]
CUES = ["i samarbejde med", "sammen med", "har indført", "er taget i brug i", "inspireret af", "finansieret af",
        "støttet af", "udviklet af", "har besøgt", "er interesseret i", "Kommune", "Region", "kommunerne",
        "A/S", "ApS", "og", ",", ".", "(", ")", "“", "”", "-", "–", "\n", "\n\n", "  ", "2019", "89 procent"]
NAMES = sorted(o.name for o in GAZETTEER.organisations.values())
REAL_LINES = [x for x in LSF_LINES if x.strip()]

#: Noise: any character but surrogates; control characters and odd whitespace on purpose.
noise = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
fragment = st.one_of(st.sampled_from(REAL_LINES), st.sampled_from(NAMES), st.sampled_from(CUES),
                     st.sampled_from(HEADINGS), noise)
#: A passage: real fragments and noise, joined by spaces or line breaks.
passage = st.lists(st.tuples(fragment, st.sampled_from([" ", " ", "\n", "", "\n\n", ". "])), max_size=25).map(
    lambda parts: "".join(f + sep for f, sep in parts))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


# ------------------------------------------------------------------ text helpers

@settings(max_examples=150 * SCALE)
@given(st.binary(max_size=200) | passage.map(lambda t: t.encode("utf-8")) | passage.map(lambda t: t.encode("utf-16")))
def test_decode_source_gives_clean_text_or_input_error(data):
    try:
        text = decode_source(data, "x.txt")
    except InputError as exc:
        assert exc.path == "x.txt" and "\n" not in str(exc)
        return
    assert "\r" not in text and find_control(text) is None and text.strip()


@settings(max_examples=150 * SCALE)
@given(st.lists(passage.filter(lambda t: "\ufffd" not in t).map(lambda t: t.replace("\n", " ")), max_size=8),
       st.lists(passage, max_size=4))
def test_join_lines_keeps_every_character_but_joining_hyphens_and_spaces(lines, vocabulary_lines):
    vocabulary = Vocabulary.from_lines(vocabulary_lines + lines)
    out = join_lines(lines, vocabulary)
    assert out == join_lines(lines, vocabulary)
    assert "\n" not in out and "  " not in out and out == out.strip()
    # Repairing a broken word removes the space (and a hyphen) between its halves, nothing else.
    squeeze = lambda s: re.sub(r"[\s-]", "", s)  # noqa: E731
    assert squeeze(out) == squeeze("".join(lines))


@settings(max_examples=150 * SCALE)
@given(passage)
def test_sentences_keep_every_word_in_order(text):
    out = sentences(text)
    assert out == sentences(text)
    assert all(s and s == s.strip() for s in out)
    assert _words(" ".join(out)) == _words(text)


# ------------------------------------------------------------------ the recogniser

@settings(max_examples=150 * SCALE)
@given(passage)
def test_find_mentions_points_into_the_text_with_known_kinds(text):
    found = find_mentions(text, GAZETTEER)
    assert found == find_mentions(text, GAZETTEER)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert 0 <= m.start < m.end <= len(text), m
        assert m.kind in ACTOR_KINDS, m
        assert m.name.strip(), m


def _facts_as_data(facts) -> dict:
    return dataclasses.asdict(facts)


@settings(max_examples=100 * SCALE)
@given(st.sampled_from(["Spisevenner", "Løsning", "x", "Sommerlæsevenner – frivillige"]) | noise, passage)
def test_recognise_any_free_text(title, body):
    text = f"{title}\n\n{body}"
    try:
        record = freetext.parse(text, path="fuzz.txt")
    except InputError as exc:
        assert exc.path == "fuzz.txt"
        return
    facts = recognise(record, gazetteer=GAZETTEER)
    again = recognise(freetext.parse(text, path="fuzz.txt"), gazetteer=GAZETTEER)
    assert _facts_as_data(facts) == _facts_as_data(again)
    assert {a.role for a in facts.actors} <= set(ROLES)
    assert {a.kind for a in facts.actors} | {s.kind for s in facts.spread} <= set(ACTOR_KINDS)
    assert {s.status for s in facts.spread} <= set(SPREAD_STATUSES)
    names = [a.name for a in facts.actors]
    assert len(names) == len(set(names)), "one entry per organisation"
    # And the whole way to a case view, twice.
    from samspil.graph.extract import extract_text

    assert extract_text(text, path="fuzz.txt") == extract_text(text, path="fuzz.txt")


# ------------------------------------------------------------------ the segmenter

@st.composite
def lsf_texts(draw) -> tuple[list[str], int | None]:
    """A window of whole real cases, then edits: noise lines, headings, deletions, repeats, a cut.

    Returns the lines and, when no edit was made, how many cases the window holds.
    """
    first = draw(st.integers(0, len(LSF_SPANS) - 1))
    count = draw(st.integers(1, min(3, len(LSF_SPANS) - first)))
    start, end = LSF_SPANS[first][0], LSF_SPANS[first + count - 1][1]
    lines = LSF_LINES[start - 1:end]
    edits = draw(st.lists(st.tuples(st.sampled_from(["insert", "heading", "delete", "repeat", "cut"]),
                                    st.floats(0, 1), st.integers(1, 30), noise), max_size=4))
    for op, where, n, text in edits:
        i = int(where * len(lines))
        if op == "insert":
            lines[i:i] = text.split("\n")
        elif op == "heading":
            lines[i:i] = [draw(st.sampled_from(HEADINGS))]
        elif op == "delete":
            del lines[i:i + n]
        elif op == "repeat":
            lines[i:i] = lines[i:i + n]
        elif op == "cut":
            del lines[max(i, 1):]
    # A window that starts with a short case has no INDSTILLER line (and maybe no divider):
    # its short cases are read all the same.
    return lines, (count if not edits else None)


@settings(max_examples=100 * SCALE)
@given(lsf_texts())
def test_segmenter_on_real_fragments_and_noise(sample):
    lines, whole_cases = sample
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        try:
            records = lsf2019.load(path, gazetteer=GAZETTEER)
        except InputError as exc:
            assert exc.path == str(path) and "\n" not in str(exc)
            assert exc.line is None or 1 <= exc.line <= len(lines) + 1, (exc.line, len(lines))
            assert whole_cases is None, f"whole real cases refused: {exc}"
            return
        again = lsf2019.load(path, gazetteer=GAZETTEER)
    assert [dataclasses.asdict(r) for r in records] == [dataclasses.asdict(r) for r in again]
    assert [r.number for r in records] == list(range(1, len(records) + 1))
    assert len({r.id for r in records}) == len(records)
    previous_end = 0
    for r in records:
        assert previous_end < r.line_start <= r.line_end <= len(lines), (r.id, r.line_start, r.line_end)
        previous_end = r.line_end
        for s in r.sections.values():
            assert r.line_start <= s.line_start and s.line_end <= r.line_end, (r.id, s.key)
    if whole_cases is not None:
        assert len(records) == whole_cases


@pytest.mark.parametrize("number", [37, 43, 52])
def test_a_text_of_short_cases_only_is_read(tmp_path, number):
    start, end = LSF_SPANS[number - 1]
    path = tmp_path / "short.txt"
    path.write_text("\n".join(LSF_LINES[start - 1:end]), encoding="utf-8")
    [record] = lsf2019.load(path, gazetteer=GAZETTEER)
    assert record.layout == "short"


@pytest.mark.parametrize("numbers", [(37, 1), (37, 38, 1, 2), (52, 9)])
def test_short_cases_before_the_long_ones_are_read(tmp_path, numbers):
    """A text may begin with short cases: they are read, and the long case after them keeps
    its title (it is not taken for a short case, nor they for its preface)."""
    real = lsf2019.load()
    lines: list[str] = []
    for number in numbers:
        start, end = LSF_SPANS[number - 1]
        lines += [*LSF_LINES[start - 1:end], ""]
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    records = lsf2019.load(path, gazetteer=GAZETTEER)
    assert [(r.title, r.layout) for r in records] == [(real[n - 1].title, real[n - 1].layout) for n in numbers]
    assert all(a.line_end < b.line_start for a, b in zip(records, records[1:]))


# ------------------------------------------------------------------ structured case files

yaml_value = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.floats(allow_nan=True) | noise
    | st.sampled_from(["municipality", "owner", "adopted", "Kolding Kommune", "x-01", "2019"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "title", "name", "kind", "role", "to", "from", "status", "year", "actors", "spread",
                         "themes", "nominators", "lines", "number", "summary", "evidence", "part_of", "x"]) | noise,
        inner, max_size=4),
    max_leaves=12)
CASE_KEYS = ["id", "number", "title", "prize", "year", "target_group", "summary", "documented_effect", "themes",
             "nominators", "actors", "spread", "inspired_by", "lines", "solution"]


@settings(max_examples=150 * SCALE)
@given(st.dictionaries(st.sampled_from(CASE_KEYS), yaml_value, max_size=5),
       st.sampled_from(["case", "source", "top"]))
def test_structured_loader_on_any_yaml_values(values, where):
    """A case file whose fields hold anything YAML can say: read, or an InputError with file and field."""
    doc = {"format": 1, "source": {"id": "fuzz", "title": "Fuzz"},
           "cases": [{"id": "fuzz-01", "title": "T", "actors": [{"name": "Vejen Kommune", "kind": "municipality",
                                                                  "role": "owner"}]}]}
    target = {"case": doc["cases"][0], "source": doc["source"], "top": doc}[where]
    target.update(values)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        try:
            loaded = structured.load_file(path)
        except InputError as exc:
            assert exc.path == str(path) and "\n" not in str(exc) and len(str(exc)) < 600, str(exc)
            return
    for record, facts in loaded.cases:
        for text in [record.title, *record.nominators, *(a.name for a in facts.actors), *facts.themes]:
            assert isinstance(text, str) and find_control(text) is None
    build_graph(Corpus(cases=loaded.cases, organisations=[(loaded.source, o) for o in loaded.organisations]))


# ------------------------------------------------------------------ the graph: order does not matter

def _graph_as_data(g: nx.MultiDiGraph) -> tuple:
    nodes = [(n, json.dumps(d, sort_keys=True, default=list)) for n, d in g.nodes(data=True)]
    edges = [(u, v, k, json.dumps(d, sort_keys=True, default=list)) for u, v, k, d in g.edges(keys=True, data=True)]
    return nodes, edges


@pytest.fixture(scope="module")
def reference(corpus):
    g = build_graph(corpus)
    return _graph_as_data(g), FORMATS["json"].serialise(g)


@settings(max_examples=8 * SCALE, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1))
def test_shuffled_corpus_builds_the_same_graph(corpus, reference, seed):
    """Cases and source organisations in any order: the same nodes and edges, in the same
    order, with the same attributes, and the same bytes of the JSON export."""
    rng = random.Random(seed)
    cases, organisations = list(corpus.cases), list(corpus.organisations)
    rng.shuffle(cases)
    rng.shuffle(organisations)
    assume(cases != corpus.cases)
    g = build_graph(Corpus(cases=cases, organisations=organisations))
    data, exported = reference
    assert _graph_as_data(g) == data
    assert FORMATS["json"].serialise(g) == exported


# ------------------------------------------------------------------ the same in another process

def test_outputs_are_byte_identical_across_processes_with_other_hash_seeds(tmp_path):
    """``samspil build`` and ``extract`` with PYTHONHASHSEED 1 and 2 (set and dict orders
    differ between the two): the same bytes."""
    sample = Path(__file__).resolve().parent.parent / "samspil" / "data" / "devset" / "freetext" / \
        "genoptraening-app-hofte.txt"
    commands = {(what, seed): ("build", "-o", tmp_path / seed) if what == "build" else ("extract", sample, "--json")
                for what in ("build", "extract") for seed in ("1", "2")}

    def run(key):
        env = dict(os.environ, PYTHONHASHSEED=key[1], PYTHONIOENCODING="utf-8")
        return subprocess.run([*samspil_command(), *map(str, commands[key])], env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(commands, pool.map(run, commands)))
    for key, result in runs.items():
        assert result.returncode == 0, (key, result.stderr[-1000:])
    assert runs["extract", "1"].stdout == runs["extract", "2"].stdout
    files = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "2").iterdir()) and len(files) >= 4
    for name in files:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
