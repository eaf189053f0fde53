"""Every page kind under each 关怀模式 setting, and under their combination, on a 320 px phone:
axe-core finds nothing and the page does not scroll sideways. The settings are put in
localStorage as the toolbar stores them, so the page applies them on load exactly as it does
for a visitor coming from another page (the toolbar is open too, so it is checked with them).
"""

from __future__ import annotations

import json

import pytest

import harness
from test_axe import axe_source, describe, run_axe  # noqa: F401 (axe_source is a fixture)
from test_layout import OVERFLOW

# name → what the toolbar stores ("open" is added: the toolbar is shown in every state).
CARE_STATES = {
    "text-200": {"text": 200},
    "contrast": {"contrast": True, "scheme": "contrast"},
    "black-yellow": {"scheme": "black-yellow"},
    "blue-white": {"scheme": "blue-white"},
    "yellow-black": {"scheme": "yellow-black"},
    "spacing": {"spacing": True},
    "zoom-200": {"zoom": 200},
    "plain": {"plain": True},
    "large-cursor": {"cursor": "black"},
    "guides": {"guide": True, "cross": True, "caption": True},
    # The combination the issue names, and everything at once but the page zoom (text 200 % in a
    # page zoomed 200 % is 400 % text in 160 CSS px at 320 px: about four characters a line).
    "combined": {"text": 200, "contrast": True, "scheme": "contrast", "spacing": True},
    "everything": {"text": 200, "scheme": "blue-white", "spacing": True, "plain": True,
                   "cursor": "white", "guide": True, "cross": True, "caption": True},
    "zoom-combined": {"zoom": 200, "contrast": True, "scheme": "contrast", "spacing": True},
}

# What each state must have done to <html> (so that a state that silently failed to apply
# cannot pass the checks by being the default look).
EXPECTED = {
    "text-200": ("attr", "data-gk-text", "200"),
    "contrast": ("class", "gk-care-contrast"),
    "black-yellow": ("class", "gk-scheme-black-yellow"),
    "blue-white": ("class", "gk-scheme-blue-white"),
    "yellow-black": ("class", "gk-scheme-yellow-black"),
    "spacing": ("class", "gk-care-spacing"),
    "zoom-200": ("attr", "data-gk-zoom", "200"),
    "plain": ("class", "gk-care-plain"),
    "large-cursor": ("class", "gk-cursor-black"),
    "guides": ("class", "gk-care-caption"),
    "combined": ("class", "gk-care-spacing"),
    "everything": ("class", "gk-care-plain"),
    "zoom-combined": ("attr", "data-gk-zoom", "200"),
}


def applied(driver, state: str) -> bool:
    kind, *rest = EXPECTED[state]
    if kind == "attr":
        return driver.execute_script(
            "return document.documentElement.getAttribute(arguments[0]) === arguments[1];", *rest)
    return driver.execute_script("return document.documentElement.classList.contains(arguments[0]);",
                                 rest[0])


@pytest.mark.parametrize("state", list(CARE_STATES))
def test_page_under_care_setting_reflows_at_320_px_and_passes_axe(driver, page, state, axe_source):
    kind, url = page
    origin = harness.origin_of(url)
    harness.set_viewport(driver, 320, 800, mobile=True)
    try:
        if not driver.current_url.startswith(origin):
            harness.load(driver, origin + "/404.html")
        driver.execute_script("localStorage.setItem('gongkai.care', arguments[0]);",
                              json.dumps({"open": True, **CARE_STATES[state]}))
        harness.load(driver, url)
        assert applied(driver, state), f"{kind} ({url}): care state {state} was not applied"
        toolbar = driver.execute_script(
            "const b = document.getElementById('gk-care'); return !!b && b.getClientRects().length > 0;")
        assert toolbar, f"{kind} ({url}): the toolbar is not shown in state {state}"
        overflow = driver.execute_script(OVERFLOW)
        results = run_axe(driver, axe_source)
    finally:
        driver.execute_script("localStorage.removeItem('gongkai.care');")
        harness.reset_viewport(driver)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], (
        f"{kind} ({url}) with {state} scrolls sideways at 320 px: scrollWidth "
        f"{overflow['scrollWidth']} > {overflow['clientWidth']}; too wide: "
        + ", ".join(overflow["culprits"]))
    assert "error" not in results, f"axe failed on {kind} with {state}: {results.get('error')}"
    assert not results["violations"], (f"axe on {kind} ({url}) with {state}:\n"
                                       + describe(results["violations"]))


def test_toolbar_stays_reachable_and_compact_at_200_percent(driver, page_urls, origin):
    """Scrolled far down, the open toolbar is still at the top and leaves most of the screen."""
    harness.set_viewport(driver, 390, 844, mobile=True)
    try:
        harness.load(driver, origin + "/404.html")
        driver.execute_script("localStorage.setItem('gongkai.care', arguments[0]);",
                              json.dumps({"open": True, **CARE_STATES["combined"]}))
        harness.load(driver, page_urls["report"])
        driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight / 2);")
        box = driver.execute_script(
            "const r = document.getElementById('gk-care').getBoundingClientRect();"
            "return {top: r.top, bottom: r.bottom, scrolled: scrollY};")
    finally:
        driver.execute_script("localStorage.removeItem('gongkai.care');")
        harness.reset_viewport(driver)
    assert box["scrolled"] > 2000, box
    assert abs(box["top"]) < 1, f"the toolbar scrolled away: {box}"
    assert box["bottom"] <= 844 * 0.41, f"the toolbar covers more than 40 % of the screen: {box}"
