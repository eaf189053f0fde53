"""`gongkai serve` in a real browser: live reload after a save, the error page after a broken
save (checked with axe-core), and the way back after the fix. The server runs as a user would
run it, in a temporary copy of the demo project; it is stopped at the end whatever happens.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import harness
from test_axe import TAGS, axe_source, describe  # noqa: F401 (axe_source is a fixture)

DOCUMENT = "/xxgk/gkzn/guide-2021.html"
SOURCE = "content/xxgk/gkzn/guide-2021.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`gongkai serve` running in `root`; output goes to files (the warnings would fill a pipe)."""

    def __init__(self, root: Path, port: int, name: str = "serve"):
        self.root = root
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.stdout = root / f"{name}.out"
        self.stderr = root / f"{name}.err"
        self.process = subprocess.Popen(
            [str(harness.GONGKAI), "serve", "--port", str(port), "--as-of", harness.AS_OF],
            cwd=root, stdout=self.stdout.open("wb"), stderr=self.stderr.open("wb"))

    def wait_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gongkai serve exited with {self.process.returncode}:\n{self.output()}")
            if "预览地址" in self.stdout.read_text(encoding="utf-8", errors="replace"):
                return
            time.sleep(0.1)
        raise AssertionError(f"gongkai serve did not start within {seconds} s:\n{self.output()}")

    def output(self) -> str:
        read = lambda path: path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        return read(self.stdout) + read(self.stderr)[-3000:]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode


@pytest.fixture
def project(tmp_path):
    """A copy of the demo project's content/ and templates/."""
    for folder in ("content", "templates"):
        shutil.copytree(harness.REPO / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture
def preview(project):
    running = Preview(project, free_port())
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def body_text(driver) -> str:
    return driver.execute_script("return document.body ? document.body.innerText : '';")


def wait_for(driver, condition, seconds: float, what: str):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: condition(d))
    except Exception as error:  # TimeoutException, or a page that went away mid-check
        raise AssertionError(f"{what}: not seen within {seconds} s (now at {driver.current_url})") from error


def test_live_reload_error_page_and_recovery(preview, fresh_driver, axe_source):
    driver = fresh_driver
    page_url = preview.origin + DOCUMENT
    harness.load(driver, page_url)
    assert "政府信息公开指南（2021年版，演示）" in driver.title
    # The live-reload script is served with the page, and is connected before we edit.
    assert driver.find_elements(By.CSS_SELECTOR, 'script[src="/__gongkai/live.js"]')
    source = preview.root / SOURCE
    original = source.read_text(encoding="utf-8")

    # 1. A saved edit shows up in the open page without any action in the browser.
    marker = "浏览器实时预览测试段落"
    driver.execute_script("window.gkNotReloaded = true;")
    saved = time.monotonic()
    source.write_text(original + f"\n{marker}。\n", encoding="utf-8")
    wait_for(driver, lambda d: marker in body_text(d), 20, "the appended paragraph")
    print(f"save → page shows the edit: {time.monotonic() - saved:.2f} s")
    assert driver.execute_script("return window.gkNotReloaded === undefined;"), "the page was not reloaded"
    assert driver.current_url == page_url

    # 2. A broken save sends the page to the error page, which names the file and line.
    lines = original.split("\n")
    lines.insert(1, "标题: [没有闭合的括号")
    source.write_text("\n".join(lines), encoding="utf-8")
    wait_for(driver, lambda d: "/__gongkai/error" in d.current_url and "网站生成失败" in body_text(d), 20,
             "the error page")
    text = body_text(driver)
    assert SOURCE in text and "第 2 行" in text, text
    assert "预览中仍是上次成功生成的网站" in text
    assert driver.execute_script("return document.documentElement.lang") == "zh-CN"
    # The last good site is still served meanwhile.
    with urllib.request.urlopen(page_url) as response:
        assert marker in response.read().decode("utf-8")

    # axe-core on the error page.
    driver.execute_script(axe_source)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations}), e => done({error: String(e)}));",
        TAGS)
    assert "error" not in results, results.get("error")
    assert not results["violations"], "axe on the error page:\n" + describe(results["violations"])

    # 3. The link on the error page shows the last good page, which then stays put.
    driver.find_element(By.CSS_SELECTOR, "a.gk-preview-back").click()
    wait_for(driver, lambda d: d.current_url == page_url and marker in body_text(d), 20, "the last good page")
    time.sleep(1.5)
    assert driver.current_url == page_url, "the page went back to the error page"

    # 4. The next broken save leads to the error page again, with the new error.
    lines[1] = "标题: {另一处错误"
    source.write_text("\n".join(lines), encoding="utf-8")
    wait_for(driver, lambda d: "/__gongkai/error" in d.current_url and "网站生成失败" in body_text(d), 20,
             "the error page after the second broken save")

    # 5. Fixing the file brings the browser back to the page it came from, with the edit.
    source.write_text(original + f"\n{marker}，已修复。\n", encoding="utf-8")
    wait_for(driver, lambda d: d.current_url == page_url and "已修复" in body_text(d), 20,
             "the document page after the fix")

    # The script never reaches the files of the site.
    site = preview.root / "site"
    leaked = [str(path.relative_to(site)) for path in site.rglob("*")
              if path.is_file() and b"__gongkai" in path.read_bytes()]
    assert leaked == []
    assert preview.stop() == 0, preview.output()
    assert "预览已停止" in preview.output()


def test_a_port_in_use_is_refused_with_a_clear_message(preview):
    second = Preview(preview.root, preview.port, name="second")
    try:
        assert second.process.wait(timeout=30) == 1
    finally:
        second.stop()
    message = second.stderr.read_text(encoding="utf-8")
    assert f"端口 {preview.port} 已被占用" in message and "--port" in message, message
    # The first server is unaffected.
    with urllib.request.urlopen(preview.origin + "/") as response:
        assert response.status == 200
