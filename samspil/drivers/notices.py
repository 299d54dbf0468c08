"""Warnings about a query, the same kind on both engines: names the graph does not have, and
shapes that give other results on the other engine.

* Neo4j says itself what it notices (unknown label 01N50, unknown relationship type 01N51,
  unknown property key 01N52, cartesian product 03N90, deprecations 01N00 ...):
  :attr:`samspil.drivers.neo4j_driver.Neo4jDriver.notifications`.
* For the embedded FalkorDB, which says nothing of the kind, :func:`unknown_names` reads the
  query's ``:Label``, ``[:TYPE]`` and ``.property`` tokens and checks them against the
  schema of the loaded graph (:func:`samspil.drivers.schema.read_schema`).
* :func:`dialect_warnings` (both engines) points at shapes that docs/cypher-dialects.md
  shows to differ: one pattern with two relationships that may bind the same relationship
  (§2), ``collect()`` with no ``ORDER BY`` before it (§8).

:func:`query_warnings` puts them together for ``samspil cypher``. The tokeniser is simple
(strings and comments are blanked first); in a query that writes (``CREATE``, ``MERGE``,
``SET``, ``REMOVE``) names are not checked, since the query may be what makes them.
"""

from __future__ import annotations

import difflib
import re

from samspil.drivers.base import CypherDriver
from samspil.drivers.schema import Schema, read_schema

__all__ = ["dialect_warnings", "query_warnings", "unknown_names"]

_BLANK = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/""", re.DOTALL)
_NAME = r"(?:[A-Za-z_]\w*|`[^`]+`)"
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|REMOVE)\b", re.IGNORECASE)
# CALL db.labels(), toLower(...), apoc.x.y(): qualified names and calls are no property keys.
_CALLS = re.compile(r"(?<![\w$.])[A-Za-z_][\w.]*\s*\(")
_CLAUSES = re.compile(r"\b(MATCH|OPTIONAL\s+MATCH|WITH|RETURN|WHERE|UNWIND|CALL|UNION|ORDER\s+BY)\b", re.IGNORECASE)


def _blank(query: str) -> str:
    """The query with strings and comments replaced by spaces (positions kept)."""
    return _BLANK.sub(lambda m: " " * len(m.group()), query)


def _bare(name: str) -> str:
    return name[1:-1] if name.startswith("`") else name


def _tokens(text: str) -> tuple[set[str], set[str], set[str]]:
    """(labels, relationship types, property keys) that a blanked query names."""
    labels: set[str] = set()
    types: set[str] = set()
    keys: set[str] = set()
    stack: list[str] = []
    for m in re.finditer(rf"[(\[{{)\]}}]|(?<![\w`$]){_NAME}?\s*:\s*{_NAME}(?:\s*[|:]\s*:?\s*{_NAME})*", text):
        token = m.group()
        if token in "([{":
            stack.append(token)
            continue
        if token in ")]}":
            if stack:
                stack.pop()
            continue
        head, _, rest = token.partition(":")
        before = text[:m.start()].rstrip()
        if stack and stack[-1] == "{" and (not before or before[-1] in "{,"):
            keys.add(_bare(head.strip()))  # a map key: {id: ...} in a pattern, or a map literal
            continue
        if head.strip() == "" and before.endswith(("{", ",")):
            continue
        names = [_bare(n) for n in re.findall(_NAME, rest)]
        (types if stack and stack[-1] == "[" else labels).update(names)
    stripped = _CALLS.sub(lambda m: " " * len(m.group()), text)
    keys.update(_bare(k) for k in re.findall(rf"(?:(?<![\w$`])[A-Za-z_]\w*|`[^`]+`|[)\]])\s*\.\s*({_NAME})", stripped))
    keys.update(_bare(k) for k in re.findall(rf"[{{,]\s*\.\s*({_NAME})", stripped))  # map projection n {{.id}}
    return labels, types, keys


def _unknown(kind: str, name: str, known: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    return f"the {kind} `{name}` does not exist in the graph{hint}"


def unknown_names(query: str, schema: Schema) -> list[str]:
    """Warnings for labels, relationship types and property keys a query names that the graph has not.

    Parameters
    ----------
    query : str
        Cypher text.
    schema : Schema
        The schema of the graph the query runs on.

    Returns
    -------
    list of str
        One line each, labels first, then types, then property keys, each sorted.

    Examples
    --------
    >>> s = Schema()
    >>> s.labels["Municipality"].add({"id": "m", "name": "Kolding"})
    >>> s.relationships["IN_REGION"].add({})
    >>> unknown_names("MATCH (m:Municipalty)-[:IN_REGION]->(r) RETURN m.name, m.nme", s)
    ['the label `Municipalty` does not exist in the graph (did you mean `Municipality`?)', 'the property key `nme` does not exist in the graph (did you mean `name`?)']
    >>> unknown_names("MATCH (m:Municipality {id: $id}) RETURN m {.name}, 'x.y:Z' AS s", s)
    []
    """
    text = _blank(query)
    if _WRITES.search(text):
        return []
    labels, types, keys = _tokens(text)
    known_keys = schema.property_keys()
    return ([_unknown("label", n, schema.labels) for n in sorted(labels - set(schema.labels))]
            + [_unknown("relationship type", n, schema.relationships)
               for n in sorted(types - set(schema.relationships))]
            + [_unknown("property key", n, known_keys) for n in sorted(keys - known_keys)])


def _match_patterns(text: str) -> list[str]:
    """The pattern part of every MATCH clause (up to the next clause)."""
    parts = _CLAUSES.split(text)
    return [parts[i + 1] for i in range(1, len(parts) - 1, 2) if parts[i].upper().endswith("MATCH")]


def dialect_warnings(query: str) -> list[str]:
    """Warnings for query shapes that give other results on Neo4j and the embedded engine.

    Parameters
    ----------
    query : str
        Cypher text.

    Returns
    -------
    list of str

    Examples
    --------
    >>> dialect_warnings("MATCH (a)-[:OWNS]->(s)<-[:OWNS]-(b) RETURN a.id, b.id")[0][:60]
    'a MATCH pattern has 2 relationships that may bind one and th'
    >>> dialect_warnings("MATCH (a)-[r1:OWNS]->(s)<-[r2:OWNS]-(b) WHERE r1 <> r2 RETURN a.id, b.id")
    []
    >>> dialect_warnings("MATCH (a:Actor) RETURN collect(a.name)")[0][:45]
    'collect() with no ORDER BY before it gives th'
    """
    text = _blank(query)
    warnings = []
    for pattern in _match_patterns(text):
        # Each relationship: its types ("" for any type); two that can match the same type
        # can bind the same relationship on FalkorDB, never on Neo4j.
        rels = [re.sub(r"[\s:`]", "", m.group(1) or "").split("|")
                for m in re.finditer(r"-\[\s*\w*\s*((?::\s*[\w`|:\s]+?)?)\s*(?:\*[\d.]*)?\s*(?:\{[^}]*\})?\]-|--", pattern)]
        overlapping = any(set(a) & set(b) or "" in a or "" in b for i, a in enumerate(rels) for b in rels[i + 1:])
        if overlapping and "<>" not in text:
            warnings.append(
                f"a MATCH pattern has {len(rels)} relationships that may bind one and the same relationship: "
                "Neo4j never does so within a pattern, the embedded engine does; write WHERE r1 <> r2 "
                "(docs/cypher-dialects.md §2)")
            break
    collect = re.search(r"\bcollect\s*\(", text, re.IGNORECASE)
    if collect and not re.search(r"\bORDER\s+BY\b", text[:collect.start()], re.IGNORECASE):
        warnings.append("collect() with no ORDER BY before it gives the list in another order on each engine; "
                        "put WITH ... ORDER BY ... before it (docs/cypher-dialects.md §8)")
    return warnings


def query_warnings(driver: CypherDriver, query: str) -> list[str]:
    """Every warning about a query that was just run on ``driver``, one line each.

    Neo4j: the server's notifications about that run. Embedded FalkorDB (or a FalkorDB
    server): :func:`unknown_names` against the schema read from it. Both: :func:`dialect_warnings`.

    Parameters
    ----------
    driver : CypherDriver
        The driver the query ran on last.
    query : str
        The query's text.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from samspil.drivers import connect
    >>> with connect() as db:
    ...     _ = db.run("CREATE (:Municipality {id: 'm'})", write=True)
    ...     query_warnings(db, "MATCH (m:Municipalty) RETURN count(m)")
    ['the label `Municipalty` does not exist in the graph (did you mean `Municipality`?)']
    """
    if driver.engine == "neo4j":
        found = list(getattr(driver, "notifications", []))
    elif _WRITES.search(_blank(query)):
        found = []  # names are not checked in a query that writes: no need to read the schema
    else:
        found = unknown_names(query, read_schema(driver))
    return found + dialect_warnings(query)
