"""samspil.viz.page: one offline, injection-safe HTML page per map, checked in real Chromium.

The browser tests need Debian's Chromium (``scripts/install-chromium``) and the Playwright
client (the ``test`` extra). Without them they fail, saying so; set
``SAMSPIL_SKIP_BROWSER_TESTS=1`` to skip them instead.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from samspil.viz.page import (
    DEFAULT_PALETTE,
    _json_for_script,
    render_page,
    vis_network_assets,
    write_page,
)
try:  # tests/ as a package, or (pytest's default "prepend" mode) tests/ on sys.path
    from tests.browser import decode_png, is_blank, open_page, browser_for_tests
except ImportError:
    from browser import decode_png, is_blank, open_page, browser_for_tests

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
QUOTES = "Ældre Sagen \"' 🚀 æøå"
HOSTILE_NAMES = (IMG, SCRIPT, QUOTES)

NODES = [
    {"id": "k621", "label": "Kolding Kommune", "group": "municipality", "sector": "public",
     "tooltip": "Kommune\nEjer af Ligevægt"},
    {"id": "r1083", "label": "Region Syddanmark", "group": "region", "sector": "public",
     "tooltip": "Region"},
    {"id": "x-img", "label": IMG, "group": "company", "sector": "private",
     "tooltip": "<img src=x onerror=alert(3)>"},
    {"id": "x-script", "label": SCRIPT, "group": "foundation", "sector": "civil",
     "tooltip": "</script><script>alert(4)</script>"},
    {"id": "x-quotes", "label": QUOTES, "group": "association", "sector": "civil",
     "tooltip": "citat \"' & <b>fed</b>\u2028ny linje\u2029"},
    {"id": "s-ligevaegt", "label": "Ligevægt", "group": "solution",
     "tooltip": "Løsning, Kolding Kommune"},
]
EDGES = [
    {"id": "e1", "from": "k621", "to": "s-ligevaegt", "type": "OWNS",
     "tooltip": "«<script>alert(5)</script> udviklet af kommunen»"},
    {"id": "e2", "from": "r1083", "to": "s-ligevaegt", "type": "PARTNER_IN",
     "tooltip": '<a href="https://evil.example/x">klik</a>'},
    {"id": "e3", "from": "x-img", "to": "s-ligevaegt", "type": "PARTNER_IN",
     "tooltip": "<svg onload=alert(6)>"},
    {"id": "e4", "from": "x-script", "to": "s-ligevaegt", "type": "PARTNER_IN",
     "role": "funder", "tooltip": "finansieret af «</script>» & <i>andre</i>"},
    {"id": "e5", "from": "s-ligevaegt", "to": "x-quotes", "type": "SPREAD_TO",
     "tooltip": "adopted 2019"},
    {"id": "e6", "from": "k621", "to": "r1083", "type": "IN_REGION"},
    {"id": "e7", "from": "x-quotes", "to": "k621", "type": "COLLABORATES_WITH",
     "tooltip": "1 fælles løsning"},
]
LEGEND = [
    {"group": "municipality", "label": "Kommune", "color": "#1f77b4"},
    {"group": "region", "label": "Region", "color": "#9467bd"},
    {"group": "company", "label": "Virksomhed", "color": "#ff7f0e"},
    {"group": "foundation", "label": "Fond", "color": "#2ca02c"},
    {"group": "association", "label": "Forening", "color": "#8c564b"},
    {"group": "solution", "label": "Løsning", "color": "#d62728"},
]
TITLE = "Samspil <script>alert('titel')</script> & \"co\""
NOTICE = "Aggregeret: 5 000 noder vist som 12 fællesskaber <b>!</b>"


def hostile_page(**overrides) -> str:
    kwargs = dict(title=TITLE, options={"edges": {"smooth": False}}, legend=LEGEND,
                  notice=NOTICE,
                  extra_controls=[{"field": "sector", "label": "Sektor"},
                                  {"field": "type", "label": "Relation", "target": "edges"}])
    kwargs.update(overrides)
    return render_page(NODES, EDGES, **kwargs)


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="samspil-data">(.*?)</script>',
                      page, re.S)
    assert match, "no data element"
    return json.loads(match.group(1))


def scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)


# --------------------------------------------------------------------------------------------
# the HTML itself


def test_json_for_script_escapes_what_could_end_a_script():
    value = {"a": SCRIPT, "b": "<!-- & -->", "c": "\u2028\u2029", "d": IMG}
    text = _json_for_script(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_data_round_trips_exactly():
    data = embedded_data(hostile_page())
    assert data["nodes"] == NODES
    assert data["edges"] == EDGES


def test_nothing_remote_in_the_page():
    page = hostile_page()
    assert re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I) == []
    assert re.findall(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I) == []
    assert "@import" not in page
    assert "<link" not in page.lower()
    assert "bootstrap" not in page.lower()
    for attrs, _ in scripts(page):
        assert "src" not in attrs


def test_vis_network_is_inline():
    js, css = vis_network_assets()
    page = hostile_page()
    assert js in page and css in page
    assert "@version 9.1.2" in js


def test_title_heading_and_notice_are_escaped():
    page = hostile_page()
    assert f"<title>{html.escape(TITLE)}</title>" in page
    assert f"<h1>{html.escape(TITLE)}</h1>" in page
    assert f'<p class="notice">{html.escape(NOTICE)}</p>' in page
    assert "<script>alert('titel')" not in page
    assert "<b>!</b>" not in page


def test_no_raw_hostile_markup_in_the_page():
    page = hostile_page()
    for needle in (IMG, SCRIPT, "<img", "alert(2)</script>", "<svg", "<a href"):
        assert needle not in page


def test_exactly_three_scripts_and_csp_hashes_match():
    page = hostile_page()
    found = scripts(page)
    assert [attrs.strip() for attrs, _ in found] == [
        'type="application/json" id="samspil-data"', "", ""]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for _, body in found[1:]:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_physics_off_only_when_every_node_has_a_position():
    placed = [dict(n, x=i * 50.0, y=(i % 2) * 40.0) for i, n in enumerate(NODES)]
    opts = embedded_data(render_page(placed, EDGES, title="t", options={}))["options"]
    assert opts["physics"] == {"enabled": False}
    half = placed[:3] + NODES[3:]
    opts = embedded_data(render_page(half, EDGES, title="t", options={}))["options"]
    assert "physics" not in opts
    mine = {"physics": {"enabled": True, "solver": "forceAtlas2Based"}}
    opts = embedded_data(render_page(placed, EDGES, title="t", options=mine))["options"]
    assert opts["physics"] == mine["physics"]


def test_options_pass_through_and_merge():
    opts = embedded_data(hostile_page(options={"nodes": {"size": 30}, "edges": {"arrows": "to"}}))[
        "options"]
    assert opts["nodes"]["size"] == 30
    assert opts["nodes"]["shape"] == "dot"          # default kept
    assert opts["edges"]["arrows"] == "to"


def test_legend_colours_the_groups_and_unknown_groups_get_the_palette():
    nodes = NODES + [{"id": "h1", "label": "Odense Universitetshospital", "group": "hospital"}]
    data = embedded_data(render_page(nodes, EDGES, title="t", legend=LEGEND))
    groups = data["options"]["groups"]
    assert groups["municipality"]["color"] == "#1f77b4"
    assert groups["hospital"]["color"] in DEFAULT_PALETTE
    legend_filter = data["filters"][0]
    assert [v["label"] for v in legend_filter["values"]] == [e["label"] for e in LEGEND] + [
        "hospital"]
    assert [v["count"] for v in legend_filter["values"]] == [1, 1, 1, 1, 1, 1, 1]


@pytest.mark.parametrize("nodes, edges, message", [
    ([{"id": "a"}, {"id": "a"}], [], "duplicate node id"),
    ([{"label": "no id"}], [], "has no id"),
    ([{"id": "a"}], [{"from": "a", "to": "b"}], "unknown node"),
    ([{"id": "a"}], [{"id": 1, "from": "a", "to": "a"}, {"id": 1, "from": "a", "to": "a"}],
     "duplicate edge id"),
    ([{"id": "a", "size": float("nan")}], [], "JSON"),
    ([{"id": 1.5}], [], "ids must be str or int"),
])
def test_bad_graphs_are_refused(nodes, edges, message):
    with pytest.raises(ValueError, match=message):
        render_page(nodes, edges, title="t")


def test_write_page_is_atomic(tmp_path):
    target = tmp_path / "kort.html"
    target.write_text("old", encoding="utf-8")
    write_page(target, hostile_page())
    assert target.read_text(encoding="utf-8") == hostile_page()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kort.html"]
    assert target.stat().st_mode & 0o044  # readable by others, not a 0600 temp file's mode

    with pytest.raises(TypeError):
        write_page(target, b"not text")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == hostile_page()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kort.html"]


# --------------------------------------------------------------------------------------------
# is_blank on PNGs we make ourselves


def _png(width: int, height: int, pixel) -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_is_blank_on_made_pngs(tmp_path):
    white = tmp_path / "white.png"
    white.write_bytes(_png(60, 40, lambda x, y: (255, 255, 255)))
    assert is_blank(white)
    dot = tmp_path / "dot.png"
    dot.write_bytes(_png(60, 40, lambda x, y: (31, 119, 180) if 20 <= x < 30 and 10 <= y < 20
                         else (255, 255, 255)))
    assert not is_blank(dot)
    speck = tmp_path / "speck.png"
    speck.write_bytes(_png(60, 40, lambda x, y: (0, 0, 0) if (x, y) == (5, 5) else (250, 250, 250)))
    assert is_blank(speck)          # one pixel in 2 400 is below 0.2 %
    width, height, channels, rows = decode_png(dot)
    assert (width, height, channels) == (60, 40, 3)
    assert rows[15][25 * 3:25 * 3 + 3] == bytes((31, 119, 180))


# --------------------------------------------------------------------------------------------
# in Chromium


@pytest.fixture(scope="module")
def browser():
    with browser_for_tests() as b:
        yield b


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("viz") / "samspil-kort.html", hostile_page())


@pytest.fixture(scope="module")
def report(browser, page_file):
    return open_page(page_file, browser=browser)


@pytest.fixture
def live(browser, page_file):
    rep, page = open_page(page_file, browser=browser, keep_open=True, screenshots=False)
    assert rep.stable, rep
    yield page
    page.context.close()


def test_page_opens_clean(report):
    assert report.console_errors == []
    assert report.page_errors == []
    assert report.dialogs == []
    assert report.external_requests == []
    assert report.stable, f"not stable after {report.wall_s:.1f} s"
    assert 0 < report.stable_ms < 30_000


def test_drawn_network_is_exactly_the_graph(report, live):
    assert (report.nodes_total, report.edges_total) == (6, 7)
    assert (report.nodes_drawn, report.edges_drawn) == (6, 7)
    ids = live.evaluate("""() => ({
        nodes: samspilNetwork.body.data.nodes.getIds().sort(),
        edges: samspilNetwork.body.data.edges.get().map(e => [e.id, e.from, e.to]).sort(),
        drawn: Object.keys(samspilNetwork.getPositions()).sort()})""")
    assert ids["nodes"] == sorted(n["id"] for n in NODES)
    assert ids["drawn"] == sorted(n["id"] for n in NODES)
    assert ids["edges"] == sorted([e["id"], e["from"], e["to"]] for e in EDGES)


def test_screenshot_is_not_blank(report):
    assert report.screenshot and report.screenshot.stat().st_size > 0
    assert not is_blank(report.canvas_screenshot)
    assert not is_blank(report.screenshot)


def test_an_empty_graph_gives_a_blank_canvas(browser, tmp_path):
    path = write_page(tmp_path / "tom.html", render_page([], [], title="Tom"))
    rep = open_page(path, browser=browser)
    assert rep.clean and rep.stable, rep
    assert (rep.nodes_total, rep.edges_total) == (0, 0)
    assert is_blank(rep.canvas_screenshot)      # is_blank can say yes on a real screenshot


def test_no_element_comes_from_data(report, live):
    assert report.img_elements == 0
    found = live.evaluate("""() => ({
        imgs: document.querySelectorAll('img').length,
        svgs: document.querySelectorAll('svg').length,
        anchors: document.querySelectorAll('a').length,
        handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
        scripts: document.querySelectorAll('script').length,
        bold: document.querySelectorAll('b, i').length})""")
    assert found == {"imgs": 0, "svgs": 0, "anchors": 0, "handlers": 0, "scripts": 3, "bold": 0}


def test_heading_and_notice_show_the_raw_text(live):
    assert live.text_content("h1") == TITLE
    assert live.text_content(".notice") == NOTICE
    assert live.title() == TITLE


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_search_finds_hostile_names_as_text(live, name):
    node = next(n for n in NODES if n["label"] == name)
    found = live.evaluate("(q) => samspilSearch(q)", name)
    assert found == node["id"]
    assert live.text_content("#samspil-status") == "Fundet: " + name
    assert live.text_content("#samspil-details .dname") == name
    assert live.text_content("#samspil-details .dtext") == node["tooltip"]
    assert live.evaluate("() => samspilNetwork.getSelectedNodes()") == [node["id"]]
    assert live.evaluate("() => document.querySelectorAll('img').length") == 0


def test_search_box_in_the_ui(live):
    live.fill("#samspil-query", "kolding")
    live.press("#samspil-query", "Enter")
    assert live.text_content("#samspil-status") == "Fundet: Kolding Kommune"
    assert live.evaluate("() => samspilNetwork.getSelectedNodes()") == ["k621"]
    live.fill("#samspil-query", "findes ikke")
    live.click("#samspil-search button")
    assert live.text_content("#samspil-status") == "Ingen node matcher \u201cfindes ikke\u201d"
    names = live.evaluate(
        "() => Array.from(document.querySelectorAll('#samspil-names option')).map(o => o.value)")
    assert sorted(names) == sorted(n["label"] for n in NODES)


def _hover(page, canvas_xy: dict) -> str:
    box = page.locator("#samspil-network").bounding_box()
    dom = page.evaluate("(p) => samspilNetwork.canvasToDOM(p)", canvas_xy)
    page.mouse.move(5, 5)
    page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_function("""() => { const t = document.querySelector('div.vis-tooltip');
        return t && t.style.visibility === 'visible' && t.textContent.length > 0; }""",
                           timeout=5_000)
    return page.evaluate("() => document.querySelector('div.vis-tooltip').textContent")


@pytest.mark.parametrize("node_id", ["x-img", "x-script", "x-quotes"])
def test_node_tooltips_are_plain_text(live, node_id):
    live.wait_for_function("window.samspilSettled === true", timeout=30_000)
    pos = live.evaluate("(id) => samspilNetwork.getPositions([id])[id]", node_id)
    text = _hover(live, pos)
    assert text == next(n["tooltip"] for n in NODES if n["id"] == node_id)
    assert live.evaluate(
        "() => document.querySelector('div.vis-tooltip').querySelectorAll('*').length") == 1
    assert live.evaluate("() => document.querySelectorAll('img, svg, a').length") == 0


@pytest.mark.parametrize("edge_id", ["e2", "e3"])
def test_edge_tooltips_are_plain_text(live, edge_id):
    live.wait_for_function("window.samspilSettled === true", timeout=30_000)
    edge = next(e for e in EDGES if e["id"] == edge_id)
    pos = live.evaluate("([a, b]) => samspilNetwork.getPositions([a, b])",
                        [edge["from"], edge["to"]])
    a, b = pos[edge["from"]], pos[edge["to"]]
    # 40 % of the way from the solution end, clear of both nodes' dots and labels
    mid = {"x": b["x"] + 0.4 * (a["x"] - b["x"]), "y": b["y"] + 0.4 * (a["y"] - b["y"])}
    assert _hover(live, mid) == edge["tooltip"]
    assert live.evaluate("() => document.querySelectorAll('img, svg, a').length") == 0


def _click_filter(page, label: str) -> None:
    page.locator(".filter-row", has_text=label).locator("input").click()


def _drawn(page) -> tuple[int, int]:
    return tuple(page.evaluate("""() => [
        samspilNetwork.body.data.nodes.get({filter: n => !n.hidden}).length,
        samspilNetwork.body.data.edges.get({filter: e => !e.hidden}).length]"""))


def test_filters_hide_nodes_and_their_edges(live):
    legend = live.evaluate(
        "() => Array.from(document.querySelectorAll('.filter-row .name')).map(e => e.textContent)")
    assert legend[:6] == [e["label"] for e in LEGEND]
    _click_filter(live, "Virksomhed")                  # the <img> company, 1 edge
    assert _drawn(live) == (5, 6)
    _click_filter(live, "PARTNER_IN")                  # 3 edges, one already hidden
    assert _drawn(live) == (5, 4)
    assert live.text_content("#samspil-count") == "Viser 5 af 6 noder og 4 af 7 forbindelser"
    live.click("#samspil-none")
    assert _drawn(live) == (0, 0)
    live.click("#samspil-all")
    assert _drawn(live) == (6, 7)


def test_csp_blocks_markup_that_slipped_through(browser, tmp_path):
    # If a future change ever put raw data into the page, the policy still stops it.
    page = hostile_page().replace(
        "<h2>Detaljer</h2>",
        "<h2>Detaljer</h2><img src=x onerror=alert(7)><script>alert(8)</script>", 1)
    rep = open_page(write_page(tmp_path / "slipped.html", page), browser=browser)
    assert rep.dialogs == []
    assert rep.stable
    assert any("Content Security Policy" in m for m in rep.console_errors), rep.console_errors
    assert rep.external_requests == []


def test_fixed_positions_are_drawn_without_physics(browser, tmp_path):
    placed = [dict(n, x=float(i % 3) * 220, y=float(i // 3) * 160) for i, n in enumerate(NODES)]
    path = write_page(tmp_path / "fast.html", render_page(placed, EDGES, title="Faste"))
    rep, page = open_page(path, browser=browser, keep_open=True)
    try:
        assert rep.clean and rep.stable, rep
        assert (rep.nodes_drawn, rep.edges_drawn) == (6, 7)
        positions = page.evaluate("() => samspilNetwork.getPositions()")
        for n in placed:
            assert (positions[n["id"]]["x"], positions[n["id"]]["y"]) == (n["x"], n["y"])
        assert not is_blank(rep.canvas_screenshot)
    finally:
        page.context.close()


# --------------------------------------------------------------------------------------------
# header links, legend shapes, line swatches


def test_header_links_are_relative_and_escaped():
    page = render_page(NODES, EDGES, title="t", links=[("../index.html?a=1&b=2", "← Atlas <b>")])
    assert '<nav><a href="../index.html?a=1&amp;b=2">← Atlas &lt;b&gt;</a></nav>' in page
    for bad in ("javascript:alert(1)", "https://evil.example/", "//evil.example/x", "/etc/passwd",
                "a b.html", "x\\y.html", ""):
        with pytest.raises(ValueError, match="relative URL"):
            render_page(NODES, EDGES, title="t", links=[(bad, "x")])


def test_legend_shapes_and_line_swatches():
    legend = [dict(LEGEND[-1], shape="diamond"), dict(LEGEND[0], shape="<b>")]
    control = {"field": "type", "label": "Relation", "target": "edges", "order": ["SPREAD_TO", "OWNS"],
               "styles": {"OWNS": {"color": "#37474f"}, "SPREAD_TO": {"color": "#2e7d32", "dashes": True}}}
    data = embedded_data(render_page(NODES, EDGES, title="t", legend=legend, legend_title="Sektor",
                                     extra_controls=[control]))
    assert data["options"]["groups"]["solution"]["shape"] == "diamond"
    assert data["options"]["groups"]["municipality"]["shape"] == "dot"      # unknown shape: a dot
    kinds, rels = data["filters"]
    assert kinds["label"] == "Sektor"
    assert [v["swatch"] for v in kinds["values"][:2]] == ["diamond", "dot"]
    assert [(v["label"], v["swatch"]) for v in rels["values"][:2]] == [("SPREAD_TO", "dashed"), ("OWNS", "line")]
    assert rels["values"][2]["color"] is None                               # no style given
