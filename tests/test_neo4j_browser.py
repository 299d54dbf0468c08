"""Neo4j Browser on the project's test server: ``scripts/neo4j-server start --browser`` serves it
on loopback, with the Bolt URI it should connect to in its discovery document; this module starts
a server of its own (a free port, its own folder) and stops it. Set SAMSPIL_SKIP_NEO4J=1 to skip.
"""

from __future__ import annotations

import json
import os
import urllib.request

import pytest

from test_neo4j_faults import free_port, server

pytestmark = [pytest.mark.neo4j, pytest.mark.slow,
              pytest.mark.skipif(os.environ.get("SAMSPIL_SKIP_NEO4J") == "1", reason="SAMSPIL_SKIP_NEO4J=1")]


def test_start_with_browser_serves_neo4j_browser_on_loopback(tmp_path):
    port, http_port = free_port(), free_port()
    uri = server("start", tmp_path, port, extra=("--browser", "--http-port", str(http_port)))
    try:
        assert uri == f"bolt://127.0.0.1:{port}"
        with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/", timeout=30) as reply:
            discovery = json.load(reply)
        assert discovery["bolt_direct"] == uri
        with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/browser/", timeout=30) as reply:
            page = reply.read().decode("utf-8")
        assert "<title>Neo4j Browser" in page
        assert 'src="http' not in page  # its scripts come from the server, not from outside
    finally:
        server("stop", tmp_path)
