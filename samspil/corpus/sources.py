"""Assembling a corpus: which sources are read, and how each becomes cases with facts.

The default corpus is what Samspil ships: the LÆS STJÆL FORTÆL 2019 collection
(text, run through the recogniser) and the structured case files of the other
sources.  A user adds text in the LÆS STJÆL FORTÆL layout with ``--lsf`` and
structured files with ``--cases``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from samspil.core.identity import Gazetteer
from samspil.core.records import Corpus
from samspil.corpus.curation import Corrections
from samspil.loaders import lsf2019, structured
from samspil.recognise.recogniser import recognise


def load_corpus(lsf_paths: Sequence[str | Path] | None = None,
                case_files: Sequence[str | Path] | None = None, *,
                gazetteer: Gazetteer | None = None, corrections: Corrections | None = None) -> Corpus:
    """Read sources into a corpus.

    Parameters
    ----------
    lsf_paths : sequence of paths, optional
        Texts in the LÆS STJÆL FORTÆL layout; the shipped 2019 collection when None.
    case_files : sequence of paths, optional
        Structured (YAML) case files; the shipped ones when None.
    gazetteer : Gazetteer, optional
    corrections : Corrections, optional
        Reviewed corrections applied after recognition.

    Returns
    -------
    Corpus

    Examples
    --------
    >>> corpus = load_corpus()
    >>> sum(1 for r, _ in corpus.cases if r.source.id == "lsf2019")
    52
    """
    gazetteer = gazetteer or Gazetteer.default()
    corpus = Corpus()
    for path in lsf_paths if lsf_paths is not None else [lsf2019.default_path()]:
        for record in lsf2019.load(path, gazetteer=gazetteer):
            corpus.cases.append((record, recognise(record, gazetteer=gazetteer)))
    files = structured.load_files(case_files if case_files is not None else structured.default_files())
    for f in files:
        corpus.organisations.extend((f.source, org) for org in f.organisations)
        corpus.cases.extend(f.cases)
    return corrections.apply(corpus) if corrections is not None else corpus


def build_corpus(lsf_paths: Sequence[str | Path] = (), case_files: Sequence[str | Path] = (), *,
                 defaults: bool = True, corrections: Corrections | None = None) -> Corpus:
    """The corpus of the shipped sources (unless ``defaults`` is False) plus the given ones.

    Parameters
    ----------
    lsf_paths : sequence of paths
        More texts in the LÆS STJÆL FORTÆL layout.
    case_files : sequence of paths
        More structured case files.
    defaults : bool
        Read the shipped sources too.
    corrections : Corrections, optional
        Reviewed corrections applied after recognition.

    Returns
    -------
    Corpus
    """
    lsf = ([lsf2019.default_path()] if defaults else []) + list(lsf_paths)
    cases = (structured.default_files() if defaults else []) + list(case_files)
    return load_corpus(lsf, cases, corrections=corrections)
