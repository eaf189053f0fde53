"""Shared pieces of the browser harness: build the demo portal, serve it, drive Chromium.

Used by conftest.py (pytest fixtures) and screenshots.py. Nothing here talks to any host but
127.0.0.1: Chromium is started with a dead proxy and a host resolver that refuses every name, so
a page that asks for a third-party resource makes a request we can see in the logs, but no
traffic leaves the machine.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

REPO = Path(__file__).resolve().parents[2]
GONGKAI = Path(os.environ.get("GONGKAI", REPO / ".build" / "debug" / "gongkai"))
AS_OF = "2024-06-01"  # after the demo annual report is published (2024-01-20)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WINDOW = (1280, 1000)

# One page of each kind the generator renders, as site-root-relative paths. "ledger" is found
# at run time (the first unit ledger linked from the ledger index).
PAGE_KINDS = {
    "home": "/",
    "column-top": "/xxgk/",
    "column": "/xxgk/fdzdgknr/ghjh/",
    "document": "/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html",
    "document-validity": "/xxgk/gkzn/guide-2021.html",
    "document-table": "/xxgk/fdzdgknr/zcjd/hunan-2023-zwgk-zwfw-jiedu.html",
    "sitemap": "/sitemap.html",
    "404": "/404.html",
    "plans": "/plans/",
    "plan": "/plans/hunan-2023-zwgk.html",
    "ledgers": "/ledger/",
    "ledger": None,
    "alignment": "/plans/align/heshan-2023-zwgk--hunan-2023-zwgk.html",
    "accessibility": "/accessibility.html",
    "report": "/reports/2023.html",
    "column-reports": "/xxgk/gknb/",
    "catalogues": "/catalogues/",
    "catalogue": "/catalogues/zhujian-active.html",
    "catalogue-grouped": "/catalogues/transport-standard.html",
    "faqs": "/faq/",
    "faq": "/faq/online-application.html",
    "library": "/library/",
    "search": "/search/?q=%E6%B9%98%E6%98%93%E5%8A%9E",
    "facet": "/library/year/2023/",
    "facet-validity": "/library/validity/e351c72e/",
    "consultations": "/consultations/",
    "consultation-open": "/consultations/parking-2024.html",
    "consultation-ended": "/consultations/elderly-care-2024.html",
    "catalogue-decisions": "/catalogues/major-decisions-2024.html",
    "document-lapsed": "/xxgk/fdzdgknr/zcwj/farm-machinery-interim-2022.html",
    "document-not-in-force": "/xxgk/fdzdgknr/zcwj/elderly-care-measures-2024.html",
    "document-feedback": "/xxgk/fdzdgknr/tzgg/elderly-care-feedback-2024.html",
    "bodies": "/bodies/",
    "body": "/bodies/jyj/",
    "body-column": "/bodies/jyj/fdzdgknr/tzgg/",
    "body-document": "/bodies/jyj/fdzdgknr/tzgg/notice-2024.html",
    "body-report": "/bodies/jyj/reports/2023.html",
    "reports-overview": "/bodies/reports.html",
    "application": "/bodies/jyj/ysqgk.html",
    "application-form": "/bodies/jyj/sqb.html",
    "facet-body": "/library/body/bbf33768/",
    "body-catalogue": "/catalogues/jyj-active.html",
}


# A site made as a county would start one: `gongkai new site`, then one file of each kind made by
# `gongkai new doc/faq/catalogue/report`. Its page kinds run through the same page checks as the
# demo's (the "new-" prefix picks the new site's server); only the kinds the demo does not already
# cover with the same templates and data shapes.
NEW_SITE_NAME = "某某县人民政府"
NEW_SITE_KINDS = {
    "new-home": "/",
    "new-column": "/xxgk/fdzdgknr/tzgg/",
    "new-document": "/xxgk/fdzdgknr/tzgg/browser-notice.html",
    "new-guide": "/xxgk/gkzn/guide.html",
    "new-faq": "/faq/browser-question.html",
    "new-catalogue": "/catalogues/browser-catalogue.html",
    "new-report": "/reports/2025.html",
}
NEW_SITE_FILES = (
    ["doc", "xxgk/fdzdgknr/tzgg", "关于开展政务公开测试工作的通知", "--slug", "browser-notice"],
    ["faq", "怎样申请公开政府信息？", "--slug", "browser-question"],
    ["catalogue", "主动公开目录", "--slug", "browser-catalogue"],
    ["report", "2025"],
)


# ---------------------------------------------------------------------------------------------
# Building and serving the site


def build_site(output: Path) -> Path:
    """Renders the demo portal into `output` with a fixed --as-of; returns `output`."""
    if not GONGKAI.is_file():
        raise RuntimeError(f"{GONGKAI} is missing: run `swift build --product gongkai` "
                           "(scripts/browser-test does it)")
    result = subprocess.run(
        [str(GONGKAI), "build", "--content", "content", "--templates", "templates",
         "--output", str(output), "--as-of", AS_OF],
        cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"gongkai build failed ({result.returncode}):\n"
                           f"{result.stdout}\n{result.stderr}")
    return output


def _run(arguments: list[str], cwd: Path) -> None:
    result = subprocess.run([str(GONGKAI), *arguments], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"gongkai {' '.join(arguments)} failed ({result.returncode}):\n"
                           f"{result.stdout}\n{result.stderr}")


def build_new_site(folder: Path) -> Path:
    """`gongkai new site` in `folder`, one file of each kind, then `gongkai build` on the day
    the files were made (their dates are today's); returns the built site's folder."""
    if not GONGKAI.is_file():
        raise RuntimeError(f"{GONGKAI} is missing: run `swift build --product gongkai`")
    project = folder / "portal"
    _run(["new", "site", str(project), "--name", NEW_SITE_NAME], cwd=folder)
    for arguments in NEW_SITE_FILES:
        _run(["new", *arguments], cwd=project)
    _run(["build"], cwd=project)
    return project / "site"


def origin_of(url: str) -> str:
    """http://127.0.0.1:40123 of a page's URL."""
    return "/".join(url.split("/", 3)[:3])


def file_for(site: Path, path: str) -> Path:
    """The file on disk that the server answers `path` (site-root-relative) with."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def page_paths(site: Path) -> dict[str, str]:
    """Every page kind with its site-root-relative path (missing pages are kept: tests fail)."""
    paths = dict(PAGE_KINDS)
    ledgers = (site / "ledger" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'href="(/ledger/[^"/]+\.html)"', ledgers)
    paths["ledger"] = match.group(1) if match else "/ledger/(no unit ledger linked).html"
    return paths


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without caching; missing paths get 404.html with status 404."""

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves a directory on 127.0.0.1 (free port) from a background thread."""

    daemon_threads = True

    def __init__(self, root: Path, handler=None):
        super().__init__(("127.0.0.1", 0),
                         functools.partial(handler or _SiteHandler, directory=str(root)))
        self.root = root
        self.origin = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


# ---------------------------------------------------------------------------------------------
# Chromium


def start_chromium(javascript: bool = True) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        f"--window-size={WINDOW[0]},{WINDOW[1]}", "--lang=zh-CN", "--hide-scrollbars",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-domain-reliability", "--dns-prefetch-disable",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        # Keep every request on this machine: loopback goes direct, the rest to a dead proxy.
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def load(driver, url: str) -> None:
    """Navigates and waits until the document and its subresources have loaded."""
    driver.get(url)
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "if (document.readyState === 'complete') done();"
        "else addEventListener('load', () => done());")


def requested_urls(driver, url: str) -> set[str]:
    """Loads `url` and returns every URL the page requested (the document included)."""
    driver.get_log("performance")  # drop whatever earlier pages left in the buffer
    load(driver, url)
    urls = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.add(message["params"]["request"]["url"])
    return urls


def set_viewport(driver, width: int, height: int, mobile: bool = False, scale: float = 1):
    """Emulates a viewport of exactly width x height CSS px (windows cannot go below ~500 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})


def reset_viewport(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def press(driver, *keys):
    """Sends keys to whatever has focus, as a keyboard would."""
    ActionChains(driver).send_keys(*keys).perform()


def active_element_id(driver) -> str:
    return driver.execute_script(
        "const a = document.activeElement; return a ? a.id || '' : '';")


def tab_to(driver, element_id: str, limit: int = 40, backwards: bool = False) -> int:
    """Presses Tab (Shift+Tab if `backwards`) until #element_id has focus; returns the count.

    Raises AssertionError after `limit` presses (the focus path is in the message).
    """
    seen = []
    for count in range(1, limit + 1):
        if backwards:
            ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT) \
                .perform()
        else:
            press(driver, Keys.TAB)
        focused = driver.execute_script(
            "const a = document.activeElement;"
            "return a ? (a.id ? '#' + a.id : a.tagName.toLowerCase() +"
            " (a.className ? '.' + String(a.className).trim().split(/\\s+/).join('.') : ''))"
            " : '';")
        if focused == "#" + element_id:
            return count
        seen.append(focused)
    raise AssertionError(f"#{element_id} not reached by keyboard after {limit} "
                         f"{'Shift+Tab' if backwards else 'Tab'} presses; "
                         f"focus went through: {', '.join(seen)}")
