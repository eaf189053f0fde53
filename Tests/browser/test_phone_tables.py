"""Data tables on a 390 px phone: the 年报's tables, catalogues and ledgers.

For each table of the annual report: the caption is drawn above everything else of the table,
and every number is shown with the headings of its column (inside the cell) and of its row (the
row heading above it in the same card, which names the row groups too). What is checked is what
is on the screen: rendered boxes and their visible text, resolved through the cells' `headers`.
"""

from __future__ import annotations

import harness

TABLES = r"""
const visible = e => { const r = e.getBoundingClientRect(); return r.width > 2 && r.height > 2 &&
  getComputedStyle(e).visibility !== 'hidden'; };
const text = e => (e.innerText || '').replace(/\s+/g, '');
return [...document.querySelectorAll(arguments[0])].map(table => {
  const caption = table.querySelector('caption');
  const captionBox = caption ? caption.getBoundingClientRect() : null;
  const below = [...table.querySelectorAll('thead tr, tbody tr')].filter(visible)
    .map(tr => tr.getBoundingClientRect().top);
  const problems = [];
  let numbers = 0;
  for (const td of table.querySelectorAll('td')) {
    if (!/^\s*[0-9.]+\s*$/.test(td.lastChild ? td.lastChild.textContent : '')) continue;
    numbers += 1;
    if (!visible(td)) { problems.push('hidden number'); continue; }
    const tr = td.closest('tr');
    const ids = (td.getAttribute('headers') || '').split(/\s+/).filter(Boolean);
    if (!ids.length) problems.push('number without headers: ' + text(tr).slice(0, 40));
    const rowHeads = [...tr.querySelectorAll('th')].filter(visible)
      .filter(th => th.getBoundingClientRect().bottom <= td.getBoundingClientRect().top + 1 ||
                    th.getBoundingClientRect().right <= td.getBoundingClientRect().left + 1);
    const rowText = rowHeads.map(text).join('|');
    const thead = table.querySelector('thead');
    const headVisible = thead && visible(thead) && thead.getBoundingClientRect().width > 50;
    for (const id of ids) {
      const th = document.getElementById(id);
      if (!th) { problems.push('headers names a missing id ' + id); continue; }
      const label = text(th);
      if (thead && thead.contains(th)) {
        // Column heading: in the cell (card layout) or, when the grid is drawn, visible above.
        const inCell = text(td).includes(label);
        const above = headVisible && visible(th) && th.getBoundingClientRect().bottom <= td.getBoundingClientRect().top + 1;
        if (!inCell && !above) problems.push('number ' + text(td) + ' lacks its column heading “' + label + '”');
      } else if (!rowText.includes(label)) {
        problems.push('number ' + text(td) + ' lacks its row heading “' + label + '” (row shows “' + rowText.slice(0, 60) + '”)');
      }
    }
  }
  return {caption: caption ? caption.innerText.trim() : null,
          captionVisible: !!caption && visible(caption),
          captionAbove: !!captionBox && below.every(top => captionBox.bottom <= top + 1),
          captionBottom: captionBox && captionBox.bottom, firstRow: Math.min(...below),
          numbers, problems: problems.slice(0, 12), pageWidth: document.documentElement.scrollWidth};
});
"""


def tables_at_390(driver, url: str, selector: str):
    harness.set_viewport(driver, 390, 844, mobile=True)
    try:
        harness.load(driver, url)
        return driver.execute_script(TABLES, selector)
    finally:
        harness.reset_viewport(driver)


def test_annual_report_tables_on_a_390_px_phone(driver, page_urls):
    tables = tables_at_390(driver, page_urls["report"], "table.gk-data-table")
    assert len(tables) >= 6, f"expected the report's tables 二 (four blocks), 三 and 四; found {len(tables)}"
    for table in tables:
        name = table["caption"]
        assert name and table["captionVisible"], f"a report table has no visible caption: {table}"
        assert table["captionAbove"], (f"“{name}”: the caption (bottom {table['captionBottom']}) is not "
                                       f"above the table's rows (first at {table['firstRow']})")
        assert table["numbers"] > 0, f"“{name}”: no numbers found"
        assert not table["problems"], f"“{name}” at 390 px:\n" + "\n".join(table["problems"])
        assert table["pageWidth"] <= 390
    application = next(t for t in tables if t["caption"] == "收到和处理政府信息公开申请情况")
    assert application["numbers"] == 7 * 25, application["numbers"]  # 25 rows in the national format


def test_annual_report_tables_keep_their_labels_at_200_percent_text(driver, page_urls, origin):
    harness.load(driver, origin + "/404.html")
    driver.execute_script("localStorage.setItem('gongkai.care', '{\"text\": 200}');")
    try:
        tables = tables_at_390(driver, page_urls["report"], "table.gk-data-table")
    finally:
        driver.execute_script("localStorage.removeItem('gongkai.care');")
    for table in tables:
        assert table["captionAbove"] and not table["problems"], table


def test_catalogue_and_ledger_tables_show_caption_first_and_labels_on_phones(driver, page_urls):
    for kind in ("catalogue", "catalogue-grouped", "ledger"):
        harness.set_viewport(driver, 390, 844, mobile=True)
        try:
            harness.load(driver, page_urls[kind])
            result = driver.execute_script(r"""
              return [...document.querySelectorAll('main table.gk-table')].map(t => {
                const c = t.querySelector('caption').getBoundingClientRect();
                const rows = [...t.querySelectorAll('tbody tr')].map(r => r.getBoundingClientRect().top);
                const labels = [...t.querySelectorAll('tbody td .gk-table__label')];
                return {above: rows.every(top => c.bottom <= top + 1), cells: t.querySelectorAll('tbody td').length,
                        shown: labels.filter(l => l.getBoundingClientRect().width > 0).length};
              });""")
        finally:
            harness.reset_viewport(driver)
        assert result, f"{kind}: no table"
        for table in result:
            assert table["above"], f"{kind}: caption not above the rows"
            assert table["cells"] and table["shown"] == table["cells"], \
                f"{kind}: {table['shown']} of {table['cells']} cells show their column label"
