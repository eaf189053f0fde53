"""Every page kind works with JavaScript off: content shows, the care toolbar stays hidden."""

from __future__ import annotations

from selenium.webdriver.common.by import By


def displayed(driver, selector: str) -> bool:
    """True when an element matching `selector` exists and is rendered visibly."""
    return any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, selector))


def test_page_shows_main_content_without_javascript(nojs_driver, page):
    kind, url = page
    nojs_driver.get(url)
    mains = nojs_driver.find_elements(By.TAG_NAME, "main")
    assert len(mains) == 1, f"{kind} ({url}) has {len(mains)} <main> elements, expected 1"
    assert mains[0].text.strip(), f"{kind} ({url}): <main> shows no text without JavaScript"
    assert not displayed(nojs_driver, "#gk-care"), \
        f"{kind} ({url}): the care toolbar #gk-care is visible without JavaScript"
    assert not displayed(nojs_driver, "#gk-care-toggle"), \
        f"{kind} ({url}): the 关怀模式 button #gk-care-toggle is visible without JavaScript"
    # Buttons that need the script stay hidden; the menu they would fold is shown.
    for selector in ("#gk-menu-toggle", "#gk-print"):
        assert not displayed(nojs_driver, selector), f"{kind} ({url}): {selector} shows without JavaScript"
    assert displayed(nojs_driver, "#gk-nav"), f"{kind} ({url}): the main menu is hidden without JavaScript"
    assert not nojs_driver.execute_script(
        "const c = document.documentElement.classList; return c.contains('gk-js') ||"
        " [...c].some(n => n.startsWith('gk-care-') || n.startsWith('gk-scheme'));"), \
        f"{kind} ({url}): care classes on <html> without JavaScript"
