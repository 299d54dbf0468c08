"""The real Neo4j server the test suite talks to.

The server is started by ``scripts/neo4j-server start`` (the Makefile does this
for the test command and exports the variables below). These tests check that
it is there, that it answers Cypher over Bolt, and that it really checks the
password.

    SAMSPIL_NEO4J_URI       e.g. bolt://127.0.0.1:17687   (required)
    SAMSPIL_NEO4J_PASSWORD  the password of user neo4j    (required)
    SAMSPIL_NEO4J_USER      defaults to neo4j
    SAMSPIL_SKIP_NEO4J=1    skip these tests even where a server is configured
    SAMSPIL_REQUIRE_NEO4J=1 fail, rather than skip, without a server (scripts/test sets it)
"""

from __future__ import annotations

import os
import uuid

import pytest

#: Every test here talks to the server (the first one says how to start it when it is missing).
pytestmark = pytest.mark.neo4j

HOW_TO_START = """\
No Neo4j server given: SAMSPIL_NEO4J_URI is not set.

Start the test server and point the tests at it:

    uri=$(scripts/neo4j-server start)        # builds on first use; Java 17 + Maven
    export SAMSPIL_NEO4J_URI=$uri SAMSPIL_NEO4J_PASSWORD=samspil-test
    python -m pytest tests/test_neo4j_server.py
    scripts/neo4j-server stop

or run the suite through the Makefile, which does this for you.
To run without Neo4j on purpose, set SAMSPIL_SKIP_NEO4J=1 (the tests are then skipped)."""


def _settings() -> tuple[str, str, str]:
    """(uri, user, password) from the environment; skips or fails with the reason."""
    if os.environ.get("SAMSPIL_SKIP_NEO4J") == "1":
        pytest.skip("SAMSPIL_SKIP_NEO4J=1: Neo4j server tests switched off")
    uri = os.environ.get("SAMSPIL_NEO4J_URI", "").strip()
    if not uri:
        # scripts/test (make test, CI) sets SAMSPIL_REQUIRE_NEO4J=1: there a missing server is a failure.
        if os.environ.get("SAMSPIL_REQUIRE_NEO4J") == "1":
            pytest.fail(HOW_TO_START, pytrace=False)
        pytest.skip("no Neo4j server configured (SAMSPIL_NEO4J_URI); make test starts one")
    password = os.environ.get("SAMSPIL_NEO4J_PASSWORD", "")
    if not password:
        pytest.fail(
            "SAMSPIL_NEO4J_URI is set but SAMSPIL_NEO4J_PASSWORD is not "
            "(scripts/neo4j-server uses samspil-test unless told otherwise).",
            pytrace=False,
        )
    user = os.environ.get("SAMSPIL_NEO4J_USER", "neo4j")
    return uri, user, password


def test_neo4j_server_is_given():
    """Fails, with how to start the server, when the suite was run without one."""
    uri, _, _ = _settings()
    assert uri.startswith(("bolt://", "neo4j://")), f"SAMSPIL_NEO4J_URI={uri!r} is not a bolt:// URI"


@pytest.fixture(scope="module")
def neo4j_settings() -> tuple[str, str, str]:
    try:
        return _settings()
    except pytest.fail.Exception:
        pass
    # Said in full once, by test_neo4j_server_is_given.
    pytest.fail("no Neo4j server given (see test_neo4j_server_is_given)", pytrace=False)


@pytest.fixture(scope="module")
def neo4j_module(neo4j_settings):
    try:
        import neo4j
    except ImportError as exc:  # pragma: no cover - depends on the environment
        pytest.fail(f"the neo4j Python driver is not installed ({exc}): pip install neo4j", pytrace=False)
    return neo4j


@pytest.fixture(scope="module")
def driver(neo4j_settings, neo4j_module):
    uri, user, password = neo4j_settings
    drv = neo4j_module.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10)
    problem = None
    try:
        drv.verify_connectivity()
    except neo4j_module.exceptions.AuthError:
        problem = (
            f"{uri} refused user {user!r} with SAMSPIL_NEO4J_PASSWORD: not the password "
            "the server was started with (scripts/neo4j-server start --password ...)"
        )
    except neo4j_module.exceptions.ServiceUnavailable as exc:
        problem = (
            f"SAMSPIL_NEO4J_URI={uri} does not answer ({exc}).\n"
            "Is the server running? Check: scripts/neo4j-server status"
        )
    if problem:
        drv.close()
        pytest.fail(problem, pytrace=False)
    yield drv
    drv.close()


def test_return_one(driver):
    records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert [r["one"] for r in records] == [1]


def test_create_and_delete_node(driver):
    token = f"test-neo4j-server-{uuid.uuid4()}"
    records, summary, _ = driver.execute_query(
        "CREATE (n:SamspilServerCheck {token: $token}) RETURN n.token AS token", token=token
    )
    assert [r["token"] for r in records] == [token]
    assert summary.counters.nodes_created == 1

    count = "MATCH (n:SamspilServerCheck {token: $token}) RETURN count(n) AS c"
    assert driver.execute_query(count, token=token).records[0]["c"] == 1

    _, summary, _ = driver.execute_query(
        "MATCH (n:SamspilServerCheck {token: $token}) DELETE n", token=token
    )
    assert summary.counters.nodes_deleted == 1
    assert driver.execute_query(count, token=token).records[0]["c"] == 0


def test_wrong_password_is_rejected(neo4j_settings, neo4j_module):
    uri, user, password = neo4j_settings
    wrong = password + "-but-wrong"
    with neo4j_module.GraphDatabase.driver(uri, auth=(user, wrong), connection_timeout=10) as bad:
        with pytest.raises(neo4j_module.exceptions.AuthError):
            bad.verify_connectivity()


def test_right_password_still_works_after_a_wrong_one(driver, neo4j_settings, neo4j_module):
    # The server must not lock the user out after failed logins: later tests log in again.
    uri, user, password = neo4j_settings
    for _ in range(4):
        with neo4j_module.GraphDatabase.driver(uri, auth=(user, "not-" + password)) as bad:
            with pytest.raises(neo4j_module.exceptions.AuthError):
                bad.verify_connectivity()
    with neo4j_module.GraphDatabase.driver(uri, auth=(user, password)) as good:
        good.verify_connectivity()
