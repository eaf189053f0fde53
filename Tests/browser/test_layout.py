"""Readable body text and reflow at 320 CSS px, on every page kind."""

from __future__ import annotations

import harness

MIN_FONT_PX = 18
MIN_LINE_HEIGHT = 1.5

# Each visible paragraph of main (or body when main has none): font size and line height.
TEXT_METRICS = """
const paragraphs = [...document.querySelectorAll('main p')]
  .filter(p => p.innerText.trim() && p.getClientRects().length);
const elements = paragraphs.length ? paragraphs : [document.body];
return elements.map(e => {
  const style = getComputedStyle(e);
  const text = e.innerText.trim().replace(/\\s+/g, ' ');
  return {
    where: e === document.body ? 'body' : 'main p “' + text.slice(0, 30) + '”',
    fontSize: parseFloat(style.fontSize),
    lineHeight: style.lineHeight === 'normal' ? null : parseFloat(style.lineHeight),
  };
});
"""


def test_body_text_is_at_least_18px_with_line_height_1_5(driver, page):
    kind, url = page
    harness.load(driver, url)
    problems = []
    for m in driver.execute_script(TEXT_METRICS):
        if m["fontSize"] < MIN_FONT_PX:
            problems.append(f"{m['where']}: font-size {m['fontSize']}px < {MIN_FONT_PX}px")
        if m["lineHeight"] is None:
            problems.append(f"{m['where']}: line-height is 'normal' (needs ≥ {MIN_LINE_HEIGHT})")
        elif m["lineHeight"] < MIN_LINE_HEIGHT * m["fontSize"] - 0.01:
            problems.append(f"{m['where']}: line-height {m['lineHeight']}px < "
                            f"{MIN_LINE_HEIGHT} × {m['fontSize']}px")
    assert not problems, f"body text too small or too tight on {kind} ({url}):\n" + \
        "\n".join(problems[:20]) + (f"\n… and {len(problems) - 20} more" if len(problems) > 20
                                    else "")


# Elements that stick out to the right of the viewport: the outermost ones name the culprit.
OVERFLOW = """
const width = document.documentElement.clientWidth;
const wide = [...document.body.querySelectorAll('*')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width && r.right > width + 0.5;
});
const outermost = wide.filter(e => !wide.includes(e.parentElement));
return {
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: width,
  culprits: outermost.slice(0, 8).map(e => {
    let name = e.tagName.toLowerCase();
    if (e.id) name += '#' + e.id;
    if (e.classList.length) name += '.' + [...e.classList].join('.');
    return name + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)';
  }),
};
"""


def test_reflows_at_320_css_px_without_horizontal_scrolling(driver, page):
    kind, url = page
    harness.set_viewport(driver, 320, 800)
    try:
        harness.load(driver, url)
        result = driver.execute_script(OVERFLOW)
    finally:
        harness.reset_viewport(driver)
    assert result["clientWidth"] == 320, f"viewport emulation failed: {result}"
    assert result["scrollWidth"] <= result["clientWidth"], (
        f"{kind} ({url}) scrolls horizontally at 320 CSS px: scrollWidth "
        f"{result['scrollWidth']} > {result['clientWidth']}; too wide: "
        + ", ".join(result["culprits"]))
