"""Keyboard basics on every page kind, with page scripts running."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

import harness


def test_skip_link_is_first_focusable_and_no_positive_tabindex(driver, page):
    kind, url = page
    harness.load(driver, url)
    bad = driver.execute_script(
        "return [...document.querySelectorAll('[tabindex]')]"
        "  .filter(e => e.tabIndex > 0).map(e => e.outerHTML.slice(0, 120))"
        ".concat([...document.querySelectorAll('[href]')]"
        "  .filter(e => /^\\s*javascript:/i.test(e.getAttribute('href')))"
        "  .map(e => e.outerHTML.slice(0, 120)));")
    assert not bad, (f"{kind} ({url}) has positive tabindex or href=\"javascript:…\":\n"
                     + "\n".join(bad))
    harness.press(driver, Keys.TAB)
    first = driver.execute_script(
        "const a = document.activeElement;"
        "return {html: a.outerHTML.slice(0, 120), skip: a.matches('a.gk-skip-link'),"
        "        href: a.getAttribute('href'), visible: a.getBoundingClientRect().height > 0"
        "        && getComputedStyle(a).visibility !== 'hidden'};")
    assert first["skip"], f"{kind} ({url}): first Tab focuses {first['html']}, not a.gk-skip-link"
    assert first["href"] == "#main", f"{kind} ({url}): skip link points to {first['href']!r}"
    assert first["visible"], f"{kind} ({url}): the skip link stays invisible when focused"
    harness.press(driver, Keys.ENTER)
    target = driver.execute_script("return document.activeElement.id;")
    assert target == "main", (f"{kind} ({url}): following the skip link moves focus to "
                              f"#{target or '(none)'}, not #main")
