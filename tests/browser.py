"""Test helper: open a local HTML page in Debian's headless Chromium and report what happened.

Not a test module. It drives ``/usr/bin/chromium`` (installed by ``scripts/install-chromium``)
with Playwright for Python; ``playwright install`` is never needed, since it would download
a browser build of its own.

What :func:`open_page` records, for a page written by ``samspil.viz.page``:

* console messages of type ``error`` and uncaught page errors;
* every request whose URL is not ``file:``, ``data:``, ``blob:`` or ``about:`` (each is
  aborted, and the browser context is offline as well);
* every dialog (``alert``/``confirm``/``prompt``): on these pages a dialog means that
  injected script ran;
* whether ``window.samspilStable`` became true (within ``timeout_s``) and when;
* how many nodes and edges ``window.samspilNetwork`` holds and shows;
* a screenshot of the whole page and one of the network canvas area.

:func:`is_blank` decodes a PNG with the standard library (zlib), no Pillow needed.
"""

from __future__ import annotations

import contextlib
import os
import struct
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("SAMSPIL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
VIEWPORT = {"width": 1280, "height": 800}


@dataclass
class PageReport:
    """What happened when a page was opened. See :func:`open_page`."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    stable: bool = False
    stable_ms: float | None = None        # performance.now() when samspilStable was set
    wall_s: float = 0.0                   # from goto() to stable (or time-out)
    nodes_total: int = 0                  # items in the network's node DataSet
    edges_total: int = 0
    nodes_drawn: int = 0                  # of those, not hidden
    edges_drawn: int = 0
    img_elements: int = 0
    screenshot: Path | None = None        # whole page
    canvas_screenshot: Path | None = None # the #samspil-network element only

    @property
    def clean(self) -> bool:
        """True when there was no console error, page error, dialog or external request."""
        return not (self.console_errors or self.page_errors or self.dialogs
                    or self.external_requests)


def chromium_available() -> bool:
    """True when Chromium and the Playwright client are both installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return os.access(CHROMIUM, os.X_OK)


@contextlib.contextmanager
def launch_browser() -> Iterator[Any]:
    """Start headless Chromium (Debian's) once; yields a Playwright ``Browser``.

    Examples
    --------
    >>> with launch_browser() as browser:           # doctest: +SKIP
    ...     report = open_page("map.html", browser=browser)
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def browser_for_tests() -> Iterator[Any]:
    """:func:`launch_browser` for a test fixture: without Chromium or Playwright the test
    fails, saying how to install them, or is skipped when ``SAMSPIL_SKIP_BROWSER_TESTS`` is
    set.

    Examples
    --------
    >>> @pytest.fixture(scope="module")               # doctest: +SKIP
    ... def browser():
    ...     with browser_for_tests() as b:
    ...         yield b
    """
    import pytest

    if not chromium_available():
        if os.environ.get("SAMSPIL_SKIP_BROWSER_TESTS"):
            pytest.skip("no Chromium/Playwright and SAMSPIL_SKIP_BROWSER_TESTS is set")
        pytest.fail("browser tests need /usr/bin/chromium (scripts/install-chromium) and the "
                    "playwright client (pip install -e .[test]); "
                    "set SAMSPIL_SKIP_BROWSER_TESTS=1 to skip them")
    with launch_browser() as b:
        yield b


_COUNT_JS = """() => {
  const net = window.samspilNetwork;
  const out = {nodesTotal: 0, edgesTotal: 0, nodesDrawn: 0, edgesDrawn: 0,
               stableMs: window.samspilStableMs ?? null,
               imgs: document.querySelectorAll('img').length};
  if (!net) { return out; }
  const n = net.body.data.nodes, e = net.body.data.edges;
  out.nodesTotal = n.length;
  out.edgesTotal = e.length;
  out.nodesDrawn = n.get({filter: x => !x.hidden}).length;
  out.edgesDrawn = e.get({filter: x => !x.hidden}).length;
  return out;
}"""


def open_page(
    path: str | os.PathLike[str],
    *,
    browser: Any | None = None,
    screenshot: str | os.PathLike[str] | None = None,
    timeout_s: float = 30.0,
    keep_open: bool = False,
    screenshots: bool = True,
) -> PageReport | tuple[PageReport, Any]:
    """Load a local HTML file in headless Chromium and report errors, requests and the drawing.

    Parameters
    ----------
    path : str or PathLike
        The HTML file (opened as a ``file://`` URL).
    browser : playwright Browser, optional
        A browser from :func:`launch_browser`; one is started (and closed) when omitted.
    screenshot : str or PathLike, optional
        PNG path for the whole page; the canvas area goes to ``<stem>-canvas.png`` beside
        it. Default: beside the HTML file.
    timeout_s : float
        How long to wait for ``window.samspilStable``.
    keep_open : bool
        Return ``(report, page)`` with the page still open (the caller closes
        ``page.context``), to go on inspecting it. Needs ``browser``.
    screenshots : bool
        Take the two screenshots (the default); ``False`` saves about half a second.

    Returns
    -------
    PageReport, or (PageReport, Page) with ``keep_open``.

    Examples
    --------
    >>> report = open_page("map.html")                # doctest: +SKIP
    >>> report.clean and report.stable                # doctest: +SKIP
    True
    """
    if browser is None:
        if keep_open:
            raise ValueError("keep_open needs a browser from launch_browser()")
        with launch_browser() as own:
            return open_page(path, browser=own, screenshot=screenshot, timeout_s=timeout_s,
                             screenshots=screenshots)

    html_path = Path(path).resolve()
    report = PageReport(url=html_path.as_uri())
    shot = Path(screenshot) if screenshot is not None else html_path.with_suffix(".png")
    canvas_shot = shot.with_name(shot.stem + "-canvas.png")

    context = browser.new_context(viewport=VIEWPORT, service_workers="block",
                                  java_script_enabled=True)
    context.set_offline(True)
    page = context.new_page()

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            report.console_errors.append(msg.text)

    def on_request(request: Any) -> None:
        if not request.url.startswith(LOCAL_SCHEMES):
            if request.url not in report.external_requests:
                report.external_requests.append(request.url)

    def on_route(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            if url not in report.external_requests:
                report.external_requests.append(url)
            route.abort()

    def on_dialog(dialog: Any) -> None:
        report.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda err: report.page_errors.append(str(err)))
    page.on("request", on_request)
    page.on("websocket", lambda ws: report.external_requests.append(ws.url))
    page.on("dialog", on_dialog)
    page.route("**/*", on_route)

    start = time.monotonic()
    try:
        page.goto(report.url, wait_until="load", timeout=timeout_s * 1000)
        try:
            page.wait_for_function("window.samspilStable === true", timeout=timeout_s * 1000)
            report.stable = True
        except Exception:  # playwright's TimeoutError: reported, not raised
            report.stable = False
        report.wall_s = time.monotonic() - start
        counts = page.evaluate(_COUNT_JS)
        report.nodes_total = counts["nodesTotal"]
        report.edges_total = counts["edgesTotal"]
        report.nodes_drawn = counts["nodesDrawn"]
        report.edges_drawn = counts["edgesDrawn"]
        report.stable_ms = counts["stableMs"]
        report.img_elements = counts["imgs"]
        if screenshots:
            page.screenshot(path=str(shot))
            report.screenshot = shot
        if screenshots and page.locator("#samspil-network").count():
            page.locator("#samspil-network").screenshot(path=str(canvas_shot))
            report.canvas_screenshot = canvas_shot
    except BaseException:
        context.close()
        raise
    if keep_open:
        return report, page
    context.close()
    return report


# --------------------------------------------------------------------------------------------
# PNG decoding with the standard library


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(png_path: str | os.PathLike[str]) -> tuple[int, int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB or RGBA).

    Returns
    -------
    (width, height, channels, rows)
        ``rows`` holds one ``bytes`` of ``width * channels`` samples per scanline.
    """
    data = Path(png_path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png_path}: not a PNG")
    pos, idat = 8, bytearray()
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if width is None or depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"{png_path}: only 8-bit non-interlaced grey/RGB(A) PNGs are supported")
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    bpp = channels
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], upleft)) & 0xFF
        elif ftype != 0:
            raise ValueError(f"{png_path}: bad PNG filter type {ftype} on row {y}")
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def colour_spread(png_path: str | os.PathLike[str], tolerance: int = 24) -> float:
    """Fraction of pixels that differ (by more than ``tolerance`` in some channel) from the
    most common colour of the image."""
    width, height, channels, rows = decode_png(png_path)
    colour_channels = 1 if channels in (1, 2) else 3
    counts: Counter[bytes] = Counter()
    step = channels
    for row in rows:
        counts.update(row[x:x + colour_channels] for x in range(0, width * step, step))
    total = width * height
    if not total:
        return 0.0
    common = counts.most_common(1)[0][0]
    differing = 0
    for px, n in counts.items():
        if max(abs(a - b) for a, b in zip(px, common)) > tolerance:
            differing += n
    return differing / total


def is_blank(png_path: str | os.PathLike[str], *, min_fraction: float = 0.002,
             tolerance: int = 24) -> bool:
    """Decide whether a screenshot is essentially one colour.

    Blank means fewer than ``min_fraction`` of the pixels (default 0.2 %) differ by more
    than ``tolerance`` (0–255, in any colour channel) from the most common colour.
    Decoded with the standard library's zlib (8-bit PNGs, as Chromium writes them).

    Parameters
    ----------
    png_path : str or PathLike
        The PNG file.
    min_fraction : float
        The share of differing pixels at which an image is no longer blank.
    tolerance : int
        How far a channel may stray from the dominant colour and still count as it.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_blank("empty-canvas.png")                 # doctest: +SKIP
    True
    """
    return colour_spread(png_path, tolerance) < min_fraction
