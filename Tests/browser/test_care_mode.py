"""关怀模式 toolbar, operated by keyboard alone (no mouse, no element.click()).

DOM contract: header button #gk-care-toggle (aria-expanded, aria-controls="gk-care") opens the
toolbar #gk-care with #gk-care-larger/-smaller, live status #gk-care-size, aria-pressed toggles
#gk-care-contrast/-spacing/-guide, read-aloud #gk-care-read/-pause/-resume/-stop, and
#gk-care-reset. State sits on <html> (data-gk-text, classes gk-care-contrast/-spacing/-guide)
and is stored in localStorage "gongkai.care".
"""

from __future__ import annotations

import re

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import harness

TEXT_SIZE = ("return getComputedStyle(document.querySelector('main p') || document.body)"
             ".fontSize;")


def wait_for(driver, script: str, what: str, timeout: float = 5):
    """Waits until `script` returns something truthy; fails saying `what` did not happen."""
    try:
        return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script))
    except Exception:
        raise AssertionError(f"timed out after {timeout}s waiting for: {what}") from None


def html_state(driver) -> dict:
    return driver.execute_script(
        "const h = document.documentElement; return {text: h.getAttribute('data-gk-text'),"
        " classes: [...h.classList], stored: localStorage.getItem('gongkai.care')};")


def open_toolbar(driver, url: str):
    """Loads `url`, tabs from the top to #gk-care-toggle and opens the toolbar with Enter."""
    harness.load(driver, url)
    wait_for(driver, "const t = document.getElementById('gk-care-toggle');"
                     "return t && t.getClientRects().length > 0;",
             "#gk-care-toggle to exist and be shown once the page script runs")
    toggle = driver.execute_script(
        "const t = document.getElementById('gk-care-toggle');"
        "return {tag: t.tagName, text: t.textContent.trim(), controls:"
        " t.getAttribute('aria-controls'), expanded: t.getAttribute('aria-expanded')};")
    assert toggle["tag"] == "BUTTON", f"#gk-care-toggle is a <{toggle['tag'].lower()}>, not a button"
    assert "关怀模式" in toggle["text"], f"#gk-care-toggle reads {toggle['text']!r}"
    assert toggle["controls"] == "gk-care", f"#gk-care-toggle aria-controls={toggle['controls']!r}"
    assert toggle["expanded"] == "false", \
        f"#gk-care-toggle aria-expanded={toggle['expanded']!r} before opening"
    harness.tab_to(driver, "gk-care-toggle", limit=40)
    harness.press(driver, Keys.ENTER)
    wait_for(driver, "const b = document.getElementById('gk-care');"
                     "return b && b.getClientRects().length > 0;",
             "#gk-care to be shown after pressing Enter on #gk-care-toggle")
    expanded = driver.execute_script(
        "return document.getElementById('gk-care-toggle').getAttribute('aria-expanded');")
    assert expanded == "true", f"#gk-care-toggle aria-expanded={expanded!r} after opening"


def activate(driver, element_id: str, key=Keys.ENTER):
    """Moves focus to #element_id with Tab (or Shift+Tab if it lies behind) and presses `key`."""
    try:
        harness.tab_to(driver, element_id, limit=60)
    except AssertionError as forward:
        try:
            harness.tab_to(driver, element_id, limit=120, backwards=True)
        except AssertionError as backward:
            raise AssertionError(f"{forward}\n{backward}") from None
    harness.press(driver, key)


def test_care_toolbar_by_keyboard_and_state_carries_to_other_pages(fresh_driver, page_urls):
    driver = fresh_driver
    open_toolbar(driver, page_urls["home"])
    region = driver.execute_script(
        "const b = document.getElementById('gk-care');"
        "return {role: b.getAttribute('role') || (b.tagName === 'SECTION' ? 'region' : ''),"
        " label: b.getAttribute('aria-label') || b.getAttribute('aria-labelledby')};")
    assert region["role"] == "region" and region["label"], \
        f"#gk-care should be a labelled region, found {region}"
    before = float(driver.execute_script(TEXT_SIZE).rstrip("px"))

    activate(driver, "gk-care-larger")
    wait_for(driver, "return document.documentElement.getAttribute('data-gk-text') === '125';",
             "data-gk-text=125 after pressing Enter on #gk-care-larger once")
    harness.press(driver, Keys.ENTER)  # focus stays on the button: a second press
    wait_for(driver, "return document.documentElement.getAttribute('data-gk-text') === '150';",
             "data-gk-text=150 after pressing Enter on #gk-care-larger twice")
    status = driver.execute_script("return document.getElementById('gk-care-size').textContent;")
    assert "150%" in status, f"#gk-care-size reads {status!r}, expected it to mention 150%"
    live = driver.execute_script(
        "const s = document.getElementById('gk-care-size');"
        "return s.getAttribute('aria-live') || s.getAttribute('role');")
    assert live in ("polite", "assertive", "status"), \
        f"#gk-care-size is not a live region (aria-live/role = {live!r})"
    after = float(driver.execute_script(TEXT_SIZE).rstrip("px"))
    assert after > before, f"text size did not grow: {before}px before, {after}px at 150%"

    for button, cls, key in (("gk-care-contrast", "gk-care-contrast", Keys.SPACE),
                             ("gk-care-spacing", "gk-care-spacing", Keys.ENTER),
                             ("gk-care-guide", "gk-care-guide", Keys.SPACE)):
        pressed = driver.execute_script(
            f"return document.getElementById('{button}').getAttribute('aria-pressed');")
        assert pressed == "false", f"#{button} aria-pressed={pressed!r} before activation"
        activate(driver, button, key)
        wait_for(driver, f"return document.getElementById('{button}')"
                         ".getAttribute('aria-pressed') === 'true';",
                 f"#{button} aria-pressed=true after pressing {'Space' if key == Keys.SPACE else 'Enter'}")
        wait_for(driver, f"return document.documentElement.classList.contains('{cls}');",
                 f"<html> to get class {cls}")

    state = html_state(driver)
    assert state["stored"], "nothing stored in localStorage 'gongkai.care'"

    # Another page kind: the same state is applied on load, the toolbar is still open.
    harness.load(driver, page_urls["document"])
    there = html_state(driver)
    assert there["text"] == "150", f"document page: data-gk-text={there['text']!r}, expected 150"
    for cls in ("gk-care-contrast", "gk-care-spacing", "gk-care-guide"):
        assert cls in there["classes"], f"document page: <html> lacks {cls} ({there['classes']})"
    wait_for(driver, "const b = document.getElementById('gk-care');"
                     "return b && b.getClientRects().length > 0;",
             "the toolbar to stay open on the next page (its open state is remembered)")
    pressed = driver.execute_script(
        "return ['gk-care-contrast','gk-care-spacing','gk-care-guide'].map(id =>"
        " document.getElementById(id).getAttribute('aria-pressed'));")
    assert pressed == ["true"] * 3, f"document page: toggles' aria-pressed are {pressed}"

    # 恢复默认 clears everything.
    activate(driver, "gk-care-reset")
    wait_for(driver, "const h = document.documentElement;"
                     "return (h.getAttribute('data-gk-text') || '100') === '100' &&"
                     " !['gk-care-contrast','gk-care-spacing','gk-care-guide']"
                     "   .some(c => h.classList.contains(c));",
             "#gk-care-reset to restore text size 100 and remove the care classes")


# Replaces speechSynthesis before page scripts run. Utterances are queued; the current one
# stays "speaking" until the test calls __speech.finish(), so the test sees what is highlighted
# while it is being read. A MutationObserver records every element that gets .gk-reading.
SPEECH_STUB = r"""
(() => {
  const spoken = window.__spoken = [];
  const calls = window.__speechCalls = [];
  const highlighted = window.__highlighted = [];
  const queue = [];
  let current = null;
  function fire(u, type) {
    let event;
    try { event = new SpeechSynthesisEvent(type, {utterance: u, charIndex: 0}); }
    catch (e) { event = new Event(type); }
    if (typeof u.dispatchEvent === 'function') u.dispatchEvent(event);
    else if (typeof u['on' + type] === 'function') u['on' + type](event);
  }
  function next() {
    current = queue.shift() || null;
    synth.speaking = !!current;
    if (current) {
      const u = current;
      spoken.push({text: u.text, lang: u.lang});
      setTimeout(() => fire(u, 'start'), 0);
    }
  }
  const synth = {
    speaking: false, paused: false, pending: false, onvoiceschanged: null,
    speak(u) { calls.push('speak'); queue.push(u); if (!current) next(); },
    cancel() { calls.push('cancel'); queue.length = 0; current = null;
               this.speaking = false; this.paused = false; },
    pause() { calls.push('pause'); this.paused = true; },
    resume() { calls.push('resume'); this.paused = false; },
    getVoices() { return []; },
    addEventListener() {}, removeEventListener() {},
  };
  window.__speech = {
    finish() { const u = current; if (!u) return false; fire(u, 'end'); next(); return true; },
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  new MutationObserver(records => {
    for (const r of records) {
      if (r.target.classList && r.target.classList.contains('gk-reading')) {
        const main = document.querySelector('main');
        highlighted.push({inMain: !!(main && main.contains(r.target)),
                          text: r.target.textContent.trim().slice(0, 200)});
      }
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['class']});
})();
"""


def normalize(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def test_read_aloud_speaks_main_in_chinese_and_highlights_the_part_read(fresh_driver,
                                                                         page_urls):
    driver = fresh_driver
    # With one installed Chinese voice (without one, the toolbar says so: test_care_features).
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SPEECH_STUB.replace(
        "getVoices() { return []; }", "getVoices() { return [{name: '普通话', lang: 'zh-CN'}]; }")})
    open_toolbar(driver, page_urls["document"])
    assert driver.execute_script("return Array.isArray(window.__spoken);"), \
        "harness: the speechSynthesis stub was not installed"

    activate(driver, "gk-care-read")
    wait_for(driver, "return window.__spoken.length > 0;",
             "an utterance after pressing Enter on #gk-care-read")
    wait_for(driver, "return window.__highlighted.some(h => h.inMain);",
             "an element inside <main> to get class gk-reading while it is read")
    reading = driver.execute_script(
        "return [...document.querySelectorAll('.gk-reading')].map(e =>"
        " ({inMain: !!e.closest('main'), text: e.textContent.trim().slice(0, 80)}));")
    assert reading and all(r["inMain"] for r in reading), \
        f"while reading, .gk-reading should mark part of <main>; found {reading}"

    # Let a few utterances finish, then look at everything spoken so far.
    for _ in range(3):
        if not driver.execute_script("return window.__speech.finish();"):
            break
    spoken = driver.execute_script("return window.__spoken;")
    main_text = normalize(driver.execute_script("return document.querySelector('main').innerText;"))
    langs = sorted({u["lang"] for u in spoken})
    assert langs == ["zh-CN"], f"utterance languages are {langs}, expected only zh-CN"
    assert normalize(spoken[0]["text"]), "the first utterance is empty"
    assert normalize(spoken[0]["text"]) in main_text, \
        f"the first utterance is not text of <main>: {spoken[0]['text'][:100]!r}"

    activate(driver, "gk-care-stop")
    wait_for(driver, "return window.__speechCalls.includes('cancel');",
             "speechSynthesis.cancel() after pressing Enter on #gk-care-stop")
    wait_for(driver, "return !document.querySelector('main .gk-reading');",
             "the gk-reading highlight to go away after stopping")
