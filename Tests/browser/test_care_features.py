"""The newer 关怀模式 features, each operated by keyboard alone (Tab, Enter, Space): 页面缩放,
colour schemes, 大鼠标, 十字光标, 大字幕, 纯文本模式, 指读 with its speech rate, the message when
no Chinese voice is installed, the guide line under a finger, the phone menu and 打印本页.
Each one is checked for its effect, its announced state and that the next page remembers it.
"""

from __future__ import annotations

import json

from selenium.webdriver.common.keys import Keys

import harness
from test_care_mode import SPEECH_STUB, activate, open_toolbar, wait_for

# SPEECH_STUB with one installed Chinese voice (the stub itself has none).
WITH_VOICE = SPEECH_STUB.replace("getVoices() { return []; }",
                                 "getVoices() { return [{name: '普通话', lang: 'zh-CN', localService: true}]; }")
assert WITH_VOICE != SPEECH_STUB


def state(driver) -> dict:
    return driver.execute_script(
        "const h = document.documentElement; return {classes: [...h.classList],"
        " text: h.getAttribute('data-gk-text'), zoom: h.getAttribute('data-gk-zoom'),"
        " stored: JSON.parse(localStorage.getItem('gongkai.care') || '{}')};")


def pressed(driver, element_id: str) -> str:
    return driver.execute_script(
        "return document.getElementById(arguments[0]).getAttribute('aria-pressed');", element_id)


def status(driver, element_id: str) -> str:
    return driver.execute_script("return document.getElementById(arguments[0]).textContent;", element_id)


def test_page_zoom_by_keyboard_scales_the_layout_and_still_reflows(fresh_driver, page_urls):
    driver = fresh_driver
    open_toolbar(driver, page_urls["document"])
    width = driver.execute_script("return document.querySelector('main').getBoundingClientRect().width;")
    activate(driver, "gk-care-zoom-in")
    harness.press(driver, Keys.ENTER)
    wait_for(driver, "return document.documentElement.getAttribute('data-gk-zoom') === '150';",
             "data-gk-zoom=150 after pressing Enter twice on #gk-care-zoom-in")
    assert "150%" in status(driver, "gk-care-zoom")
    assert driver.execute_script("return document.getElementById('gk-care-zoom').getAttribute('role');") == "status"
    zoomed = driver.execute_script("return getComputedStyle(document.body).zoom;")
    assert float(zoomed) == 1.5, zoomed
    harness.load(driver, page_urls["report"])
    assert state(driver)["zoom"] == "150", "the zoom is not remembered on the next page"
    harness.set_viewport(driver, 320, 800, mobile=True)
    try:
        harness.load(driver, page_urls["report"])
        widths = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    finally:
        harness.reset_viewport(driver)
    assert widths[0] <= widths[1], f"zoomed 150 % at 320 px the page scrolls sideways: {widths}"
    assert width > 0
    activate(driver, "gk-care-zoom-out")
    wait_for(driver, "return document.documentElement.getAttribute('data-gk-zoom') === '125';",
             "data-gk-zoom=125 after #gk-care-zoom-out")


def test_colour_schemes_are_exclusive_and_remembered(fresh_driver, page_urls):
    driver = fresh_driver
    open_toolbar(driver, page_urls["home"])
    assert pressed(driver, "gk-care-scheme-default") == "true"
    backgrounds = {}
    for button, cls in (("gk-care-scheme-black-yellow", "gk-scheme-black-yellow"),
                        ("gk-care-scheme-blue-white", "gk-scheme-blue-white"),
                        ("gk-care-scheme-yellow-black", "gk-scheme-yellow-black"),
                        ("gk-care-contrast", "gk-care-contrast")):
        activate(driver, button, Keys.SPACE)
        wait_for(driver, f"return document.documentElement.classList.contains('{cls}');", f"<html> class {cls}")
        now = state(driver)
        others = [c for c in now["classes"] if c.startswith("gk-scheme-") and c != cls]
        assert not others, f"{cls} is on together with {others}"
        assert pressed(driver, button) == "true" and pressed(driver, "gk-care-scheme-default") == "false"
        backgrounds[cls] = driver.execute_script("return getComputedStyle(document.querySelector('main')).backgroundColor;")
    assert len(set(backgrounds.values())) == 3, backgrounds  # two schemes are on black
    harness.load(driver, page_urls["faq"])
    assert "gk-care-contrast" in state(driver)["classes"]
    activate(driver, "gk-care-scheme-default")
    wait_for(driver, "return !document.documentElement.classList.contains('gk-scheme');",
             "标准配色 to remove every scheme")


def test_large_pointer_cross_hair_caption_bar_and_plain_text(fresh_driver, page_urls):
    driver = fresh_driver
    open_toolbar(driver, page_urls["document-table"])

    activate(driver, "gk-care-cursor-black")
    wait_for(driver, "return document.documentElement.classList.contains('gk-cursor-black');", "大鼠标（黑）")
    cursor = driver.execute_script("return getComputedStyle(document.querySelector('main p')).cursor;")
    assert "url(" in cursor and "%23000" in cursor, cursor
    activate(driver, "gk-care-cursor-white")
    wait_for(driver, "const c = document.documentElement.classList;"
                     "return c.contains('gk-cursor-white') && !c.contains('gk-cursor-black');", "大鼠标（白）")
    assert pressed(driver, "gk-care-cursor-black") == "false" and pressed(driver, "gk-care-cursor-white") == "true"

    activate(driver, "gk-care-cross", Keys.SPACE)
    wait_for(driver, "return document.querySelectorAll('.gk-cross').length === 2;", "two cross-hair lines")
    assert pressed(driver, "gk-care-cross") == "true"

    activate(driver, "gk-care-caption")
    wait_for(driver, "return !!document.querySelector('.gk-caption-bar');", "the 大字幕 bar")
    bar = driver.execute_script(
        "const b = document.querySelector('.gk-caption-bar'); return {hidden: b.getAttribute('aria-hidden'),"
        " size: parseFloat(getComputedStyle(b).fontSize), body: parseFloat(getComputedStyle(document.body).fontSize)};")
    assert bar["hidden"] == "true" and bar["size"] >= 2 * bar["body"] - 1, bar
    # Move focus by keyboard to the breadcrumb's 首页: the bar shows its text.
    driver.execute_script("document.querySelector('.gk-breadcrumb a').id = 'gk-test-crumb';")
    activate(driver, "gk-test-crumb", Keys.SHIFT)
    wait_for(driver, "return document.querySelector('.gk-caption-bar').textContent === '首页';",
             "the caption bar to show the focused breadcrumb link 首页")
    harness.load(driver, page_urls["faq"])
    assert {"gk-care-caption", "gk-care-cross", "gk-cursor-white"} <= set(state(driver)["classes"]), \
        "大字幕, 十字光标 and 大鼠标 are not remembered on the next page"

    activate(driver, "gk-care-plain")
    wait_for(driver, "return document.documentElement.classList.contains('gk-care-plain');", "纯文本模式")
    plain = driver.execute_script(
        "return {images: [...document.querySelectorAll('main img, header img')].filter(i => i.getClientRects().length).length,"
        " alt: [...document.querySelectorAll('.gk-plain-alt')].map(s => s.textContent)};")
    assert plain["images"] == 0, plain


# A page that puts an image in <main>, for the 纯文本模式 text alternative.
def test_plain_text_mode_replaces_images_with_their_alt_text(fresh_driver, page_urls):
    driver = fresh_driver
    open_toolbar(driver, page_urls["document"])
    driver.execute_script(
        "const i = document.createElement('img'); i.alt = '测试图片说明'; i.width = 10; i.height = 10;"
        "i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('main p').append(i);")
    activate(driver, "gk-care-plain", Keys.SPACE)
    wait_for(driver, "return [...document.querySelectorAll('.gk-plain-alt')].some(s => s.textContent.includes('测试图片说明'));",
             "the image's alt text shown in 纯文本模式")
    assert pressed(driver, "gk-care-plain") == "true"
    activate(driver, "gk-care-plain", Keys.SPACE)
    wait_for(driver, "return !document.querySelector('.gk-plain-alt');", "the alt note to go when 纯文本模式 is off")


def test_point_reading_speaks_the_focused_element_at_the_chosen_rate(fresh_driver, page_urls):
    driver = fresh_driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WITH_VOICE})
    open_toolbar(driver, page_urls["document"])
    activate(driver, "gk-care-faster")
    wait_for(driver, "return document.getElementById('gk-care-rate').textContent.includes('较快');", "语速 较快")
    activate(driver, "gk-care-point", Keys.SPACE)
    wait_for(driver, "return document.getElementById('gk-care-point').getAttribute('aria-pressed') === 'true';",
             "指读 pressed")
    wait_for(driver, "return document.getElementById('gk-care-speech').textContent.includes('指读已打开');",
             "the status line to say 指读 is on")
    driver.execute_script("document.querySelector('.gk-document__column a').id = 'gk-test-column';")
    harness.tab_to(driver, "gk-test-column", limit=120)
    column = driver.execute_script("return document.getElementById('gk-test-column').textContent.trim();")
    wait_for(driver, "return window.__spoken.some(u => u.text === arguments[0]);".replace(
        "arguments[0]", json.dumps(column)), f"指读 to speak the focused link “{column}”")
    spoken = driver.execute_script(
        "return window.__spoken.filter(u => u.text === arguments[0]).map(u => u.lang);", column)
    assert set(spoken) == {"zh-CN"}, spoken
    harness.load(driver, page_urls["home"])
    assert state(driver)["stored"].get("point") is True and state(driver)["stored"].get("rate") == 1.25


def test_rate_reaches_the_utterance(fresh_driver, page_urls):
    driver = fresh_driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WITH_VOICE.replace(
        "spoken.push({text: u.text, lang: u.lang});", "spoken.push({text: u.text, lang: u.lang, rate: u.rate});")})
    open_toolbar(driver, page_urls["document"])
    activate(driver, "gk-care-slower")
    harness.press(driver, Keys.ENTER)
    wait_for(driver, "return document.getElementById('gk-care-rate').textContent.includes('很慢');", "语速 很慢")
    activate(driver, "gk-care-read")
    wait_for(driver, "return window.__spoken.length > 0;", "an utterance")
    rate = driver.execute_script("return window.__spoken[0].rate;")
    assert abs(rate - 0.6) < 0.01, rate
    assert "正在朗读" in status(driver, "gk-care-speech")


def test_without_a_chinese_voice_the_toolbar_says_so(fresh_driver, page_urls):
    driver = fresh_driver
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SPEECH_STUB.replace(
        "getVoices() { return []; }", "getVoices() { return [{name: 'English', lang: 'en-US'}]; }")})
    open_toolbar(driver, page_urls["document"])
    activate(driver, "gk-care-read")
    wait_for(driver, "return document.getElementById('gk-care-speech').textContent.includes('没有安装中文语音');",
             "the status line to say no Chinese voice is installed")
    assert "正在朗读" not in status(driver, "gk-care-speech")
    assert driver.execute_script("return window.__spoken.length;") == 0, "something was spoken without a Chinese voice"


def test_guide_line_follows_a_finger_on_a_phone(fresh_driver, page_urls):
    driver = fresh_driver
    harness.set_viewport(driver, 390, 844, mobile=True)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    open_toolbar(driver, page_urls["document"])
    activate(driver, "gk-care-guide", Keys.SPACE)
    wait_for(driver, "return !!document.querySelector('.gk-guide');", "the guide line")
    tops = []
    # A finger put down and moved (never lifted, so nothing is tapped).
    for kind, y in (("touchStart", 500), ("touchMove", 700)):
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": 200, "y": y}]})
        tops.append(driver.execute_script(
            "const g = document.querySelector('.gk-guide').getBoundingClientRect(); return (g.top + g.bottom) / 2;"))
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchCancel", "touchPoints": []})
    assert abs(tops[0] - 500) < 4 and abs(tops[1] - 700) < 4, f"guide centre at {tops}, touches at 500 and 700"


def test_phone_menu_folds_and_unfolds_by_keyboard(fresh_driver, page_urls):
    driver = fresh_driver
    harness.set_viewport(driver, 390, 844, mobile=True)
    harness.load(driver, page_urls["column"])
    folded = driver.execute_script(
        "const n = document.getElementById('gk-nav'), b = document.getElementById('gk-menu-toggle');"
        "return {nav: n.getClientRects().length, expanded: b.getAttribute('aria-expanded'), controls: b.getAttribute('aria-controls'),"
        " h1: document.querySelector('main h1').getBoundingClientRect().top};")
    assert folded["nav"] == 0 and folded["expanded"] == "false" and folded["controls"] == "gk-nav", folded
    assert folded["h1"] < 844 / 2, f"the page title starts at {folded['h1']} px: below half the first screen"
    harness.tab_to(driver, "gk-menu-toggle")
    harness.press(driver, Keys.ENTER)
    wait_for(driver, "return document.getElementById('gk-nav').getClientRects().length > 0 &&"
                     " document.getElementById('gk-menu-toggle').getAttribute('aria-expanded') === 'true';",
             "the menu to unfold after Enter on #gk-menu-toggle")
    harness.set_viewport(driver, 1280, 1000)
    wait_for(driver, "return document.getElementById('gk-menu-toggle').hidden &&"
                     " document.getElementById('gk-nav').getClientRects().length > 0;",
             "on a wide screen the menu button to go and the menu to show")


def test_print_button_on_documents_by_keyboard(fresh_driver, page_urls):
    driver = fresh_driver
    harness.load(driver, page_urls["document"])
    driver.execute_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    harness.tab_to(driver, "gk-print", limit=200)
    assert driver.execute_script("return document.getElementById('gk-print').textContent;") == "打印本页"
    harness.press(driver, Keys.ENTER)
    wait_for(driver, "return window.__printed === 1;", "window.print() after Enter on 打印本页")


def test_close_button_closes_the_toolbar_and_returns_focus(fresh_driver, page_urls):
    driver = fresh_driver
    open_toolbar(driver, page_urls["home"])
    activate(driver, "gk-care-close")
    wait_for(driver, "return document.getElementById('gk-care').hidden &&"
                     " document.activeElement.id === 'gk-care-toggle';",
             "the toolbar to close and focus to return to 关怀模式")
    assert driver.execute_script("return document.getElementById('gk-care-toggle').getAttribute('aria-expanded');") == "false"
