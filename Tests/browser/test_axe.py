"""axe-core (WCAG 2.2 AA and best practices) on every page kind."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import harness

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def axe_source():
    """axe.min.js as shipped by axe-playwright-python (only the file is used, not playwright)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.origin, "axe-playwright-python is not installed (scripts/browser-test)"
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}"
                     f" <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node['failureSummary'].splitlines()[-1].strip()}"
                         if node.get("failureSummary") else f"    {target}")
    return "\n".join(lines)


def run_axe(driver, axe_source) -> dict:
    """Runs axe-core on the page as it is now: {violations} or {error}."""
    driver.execute_script(axe_source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done({violations: r.violations}), e => done({error: String(e)}));",
        TAGS)


def test_axe_finds_no_violations(driver, page, axe_source):
    kind, url = page
    harness.load(driver, url)
    results = run_axe(driver, axe_source)
    assert "error" not in results, f"axe failed on {kind} ({url}): {results.get('error')}"
    violations = results["violations"]
    assert not violations, (f"axe: {len(violations)} rule(s) violated on {kind} ({url}):\n"
                            + describe(violations))
