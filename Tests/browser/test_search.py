"""The search page in a real browser: search.js against the demo portal's static index.

Each query is typed or put in the URL exactly as a visitor would, and the documents it must
find are named by their page URL. The same pairs run a second time with Intl.Segmenter deleted
before any script runs (the bigram fallback of older browsers) and must find the same
documents.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit, parse_qs

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from test_axe import axe_source, describe, run_axe  # noqa: F401  (axe_source is a fixture)

HUNAN = "/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html"
HUNAN_READING = "/xxgk/fdzdgknr/zcjd/hunan-2023-zwgk-zwfw-jiedu.html"
HESHAN = "/xxgk/fdzdgknr/ghjh/heshan-2023-zwgk-zwfw.html"
KAIFU = "/xxgk/fdzdgknr/ghjh/kaifu-2023-zwgk.html"
SHAOYANG = "/xxgk/fdzdgknr/ghjh/shaoyang-2022-zwfw-zwgk.html"
ZHANGJIAJIE = "/xxgk/fdzdgknr/ghjh/zhangjiajie-2022-zwfw-zwgk.html"
APPLICATION = "/xxgk/fdzdgknr/zcwj/application-rules-2023.html"
APPLICATION_READING = "/xxgk/fdzdgknr/zcjd/application-rules-2023-jiedu.html"
NEW_MEDIA = "/xxgk/fdzdgknr/zcwj/new-media-rules-2023.html"
NORMATIVE_2019 = "/xxgk/fdzdgknr/zcwj/normative-rules-2019.html"
GUIDE_2021 = "/xxgk/gkzn/guide-2021.html"
GUIDE_2023 = "/xxgk/gkzn/guide-2023.html"
FAQ_AGEING = "/faq/website-ageing.html"
FAQ_ONLINE = "/faq/online-application.html"

# (query, documents that must rank first (in any order among themselves), documents that must be
# found too)
PAIRS = [
    # 文号, with and without the 〔〕, with [] or spaces, or in full-width digits
    ("湘政办发〔2023〕11号", [HUNAN], [HUNAN_READING]),
    ("湘政办发202311号", [HUNAN], [HUNAN_READING]),
    ("湘政办发[2023]11号", [HUNAN], []),
    ("湘政办发 2023 11号", [HUNAN], []),
    ("张政办发〔2022〕14号", [ZHANGJIAJIE], []),
    ("张政办发２０２２１４号", [ZHANGJIAJIE], []),
    ("开政务公开办发〔2023〕2号", [KAIFU], []),
    ("邵放组办字2022 7号", [SHAOYANG], []),
    ("演示政发〔2019〕3号", [NORMATIVE_2019], []),
    ("演示政发2023 1号", [APPLICATION], []),
    # unit names, found in the work plans a notice publishes
    ("区政务服务中心", [HESHAN], []),
    ("市政务服务中心", [], [ZHANGJIAJIE]),
    ("长沙市开福区", [KAIFU], []),
    # title words; title matches above body-only matches
    ("政府信息公开指南", [GUIDE_2023, GUIDE_2021], []),
    ("新媒体", [NEW_MEDIA], []),
    ("申请办理规定", [APPLICATION, APPLICATION_READING], []),
    ("一图读懂", [APPLICATION_READING], []),
    ("张家界", [ZHANGJIAJIE], []),
    ("邵阳市", [SHAOYANG], []),
    ("行政规范性文件", [NORMATIVE_2019], [APPLICATION, NEW_MEDIA]),
    # two words with a space
    ("赫山区 政务公开", [HESHAN], []),
    ("湘易办 用户数", [], [HUNAN, HUNAN_READING]),
    # body text only
    ("湘易办", [], [HUNAN, HUNAN_READING, HESHAN]),
    ("20个工作日", [], [APPLICATION, APPLICATION_READING]),
    # ICU cuts 全市政府 as 全|市政府 in the text: the query 全市 still meets it
    ("全市政府信息公开申请办理规范", [ZHANGJIAJIE], []),
    # 常见问题 are in the index too, found by their question and their answer
    ("网站适老化与无障碍改造有什么要求", [FAQ_AGEING], []),
    ("政府信息公开申请可以在网上办理吗", [FAQ_ONLINE], []),
    # letters, in any width and case
    ("Gongkai", [], [GUIDE_2021, GUIDE_2023, HUNAN_READING]),
    ("ＧＯＮＧＫＡＩ", [], [GUIDE_2021, GUIDE_2023, HUNAN_READING]),
]

NOT_FOUND = ["量子计算机", "湘政办发〔2023〕99号"]


def search_url(origin: str, query: str, **filters) -> str:
    parts = [f"q={quote(query)}"] + [f"{k}={quote(v)}" for k, v in filters.items()]
    return origin + "/search/?" + "&".join(parts)


def settled(driver, timeout: float = 15) -> dict:
    """Waits until search.js has answered; returns the status text and the result URLs."""
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "const r = document.getElementById('gk-search');"
        "const s = document.getElementById('gk-search-status');"
        "return r.classList.contains('gk-search--ready') && !r.hasAttribute('aria-busy')"
        "  && s.textContent !== '' && s.textContent !== '正在搜索……';"))
    return driver.execute_script(
        "return {status: document.getElementById('gk-search-status').textContent,"
        " results: [...document.querySelectorAll('#gk-search-results a')]"
        "   .map(a => new URL(a.href).pathname),"
        " hidden: document.getElementById('gk-search-results').hidden,"
        " segmenter: document.getElementById('gk-search').getAttribute('data-segmenter')};")


def check_pair(result, query, first, also):
    found = result["results"]
    assert sorted(found[:len(first)]) == sorted(first), (f"{query!r}: expected first {first}, got {found} "
                                         f"({result['status']})")
    missing = [d for d in also if d not in found]
    assert not missing, f"{query!r}: {missing} not found; got {found} ({result['status']})"
    assert result["status"].startswith(f"找到 {len(found)} 条"), result["status"]


@pytest.fixture(scope="module")
def fallback_driver():
    """Chromium without Intl.Segmenter: deleted before any page script runs."""
    browser = harness.start_chromium()
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                            {"source": "delete Intl.Segmenter;"})
    yield browser
    browser.quit()


@pytest.mark.parametrize("query,first,also", PAIRS, ids=[p[0] for p in PAIRS])
def test_query_finds_its_documents(driver, origin, query, first, also):
    driver.get(search_url(origin, query))
    result = settled(driver)
    assert result["segmenter"] == "intl", "this Chromium should have Intl.Segmenter"
    check_pair(result, query, first, also)


def test_bigram_fallback_finds_the_same_documents(driver, fallback_driver, origin):
    differences = []
    for query, first, also in PAIRS:
        driver.get(search_url(origin, query))
        with_segmenter = settled(driver)
        fallback_driver.get(search_url(origin, query))
        without = settled(fallback_driver)
        assert without["segmenter"] == "bigram", "Intl.Segmenter was not removed"
        check_pair(without, query, first, also)
        if sorted(without["results"]) != sorted(with_segmenter["results"]):
            differences.append(f"{query!r}: {with_segmenter['results']} vs {without['results']}")
    assert not differences, "the fallback finds other documents:\n" + "\n".join(differences)


@pytest.mark.parametrize("query", NOT_FOUND)
def test_a_query_without_matches_says_so_with_advice(driver, origin, query):
    driver.get(search_url(origin, query))
    result = settled(driver)
    assert result["results"] == [] and result["hidden"]
    assert result["status"].startswith(f"没有找到与“{query}”相关的文件"), result["status"]
    assert "错别字" in result["status"] and "政策文件库" in result["status"]


def test_a_query_of_stop_characters_alone_is_explained_not_matched(driver, origin):
    driver.get(search_url(origin, "的 和 ！"))
    result = settled(driver)
    assert result["results"] == [] and result["hidden"], result
    assert "中没有可以搜索的词语" in result["status"] and "常用字" in result["status"], result["status"]


def test_typing_a_query_and_filtering_updates_results_url_and_live_region(fresh_driver, origin):
    driver = fresh_driver
    harness.load(driver, origin + "/search/")
    live = driver.find_element(By.ID, "gk-search-status")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    box = driver.find_element(By.ID, "gk-search-q")
    box.send_keys("政务公开工作要点", Keys.ENTER)
    result = settled(driver)
    everything = result["results"]
    assert {HUNAN, HESHAN, KAIFU, SHAOYANG, ZHANGJIAJIE} <= set(everything), result
    assert result["status"] == f"找到 {len(everything)} 条与“政务公开工作要点”相关的结果。"
    assert parse_qs(urlsplit(driver.current_url).query) == {"q": ["政务公开工作要点"]}
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#gk-search-results mark')].map(m => m.textContent);")
    assert "政务公开工作要点" in marks, marks

    driver.execute_script("document.getElementById('gk-search-status').textContent = '';")
    Select(driver.find_element(By.ID, "gk-filter-year")).select_by_value("2022")
    result = settled(driver)
    assert sorted(result["results"]) == sorted([SHAOYANG, ZHANGJIAJIE]), result
    assert result["status"] == "找到 2 条与“政务公开工作要点”相关的结果（筛选条件：年份：2022年）。"
    assert parse_qs(urlsplit(driver.current_url).query) == {"q": ["政务公开工作要点"], "year": ["2022"]}
    dates = driver.execute_script(
        "return [...document.querySelectorAll('#gk-search-results time')].map(t => t.dateTime);")
    assert dates and all(d.startswith("2022-") for d in dates), dates

    Select(driver.find_element(By.ID, "gk-filter-issuer")).select_by_value("张家界市人民政府办公室")
    result = settled(driver)
    assert result["results"] == [ZHANGJIAJIE], result

    driver.back()
    result = settled(driver)
    assert sorted(result["results"]) == sorted([SHAOYANG, ZHANGJIAJIE]), "back button: " + str(result)
    assert Select(driver.find_element(By.ID, "gk-filter-issuer")).first_selected_option \
        .get_attribute("value") == ""


def test_a_shared_url_shows_its_results_and_fills_the_form(driver, origin):
    driver.get(search_url(origin, "行政规范性文件", type="行政规范性文件", validity="现行有效"))
    result = settled(driver)
    assert sorted(result["results"]) == sorted([APPLICATION, NEW_MEDIA]), result
    assert driver.find_element(By.ID, "gk-search-q").get_attribute("value") == "行政规范性文件"
    assert Select(driver.find_element(By.ID, "gk-filter-validity")).first_selected_option \
        .get_attribute("value") == "现行有效"
    assert Select(driver.find_element(By.ID, "gk-filter-type")).first_selected_option \
        .get_attribute("value") == "行政规范性文件"
    assert driver.title.startswith("“行政规范性文件”的搜索结果 - ")


def test_filters_alone_list_documents_with_pagination(fresh_driver, origin):
    driver = fresh_driver
    driver.get(origin + "/search/?topic=" + quote("综合政务\\政务公开"))
    result = settled(driver)
    assert len(result["results"]) == 10
    assert result["status"] == "找到 12 条结果（筛选条件：主题分类：综合政务\\政务公开），第 1 页，共 2 页。"
    next_link = driver.find_element(By.XPATH, "//nav[@id='gk-search-pages']//a[text()='下一页']")
    next_link.click()
    WebDriverWait(driver, 10).until(lambda d: "page=2" in d.current_url)
    result = settled(driver)
    assert len(result["results"]) == 2 and "第 2 页，共 2 页" in result["status"], result
    focused = driver.execute_script("return document.activeElement.closest('#gk-search-results') !== null;")
    assert focused, "after changing page, focus should move to the first result"
    assert driver.execute_script("return document.getElementById('gk-search-results').start;") == 11


def test_a_query_downloads_only_the_manifest_its_shards_and_shown_results(driver, origin, site):
    urls = harness.requested_urls(driver, search_url(origin, "湘易办"))
    settled(driver)
    entries = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);")
    data = [urlsplit(u).path for u in set(entries) | urls if "/search/data/" in u]
    shards = [p for p in data if "/search/data/t/" in p]
    chunks = [p for p in data if "/search/data/d/" in p]
    assert "/search/data/manifest.json" in data
    # 湘易办 is the bigrams 湘易 and 易办, and the word 湘易办 at most: three shards.
    assert 1 <= len(shards) <= 3, shards
    total_shards = len(list((site / "search" / "data" / "t").iterdir()))
    assert total_shards > 3, f"the demo index has {total_shards} shards: too few to test sharding"
    assert chunks and len(chunks) <= 2, chunks
    assert not [p for p in data if "/search/data/f/" in p], "no filter used, no facet file"
    manifest = json.loads((site / "search" / "data" / "manifest.json").read_text(encoding="utf-8"))
    # 16 documents of the portal, 12 of the demo bodies (4 each), 3 常见问题 and 4 意见征集
    assert manifest["documents"] == 16 + 12 + 3 + 4 and manifest["shards"] == total_shards


def test_search_page_with_results_and_filter_has_no_axe_violations(driver, origin, axe_source):
    driver.get(search_url(origin, "政务公开", year="2023"))
    result = settled(driver)
    assert result["results"], result
    results = run_axe(driver, axe_source)
    assert "error" not in results, results.get("error")
    assert not results["violations"], describe(results["violations"])


def test_without_javascript_the_search_page_explains_and_links_the_library(nojs_driver, origin):
    nojs_driver.get(search_url(origin, "湘易办"))
    note = nojs_driver.find_element(By.CLASS_NAME, "gk-search__nojs")
    assert note.is_displayed()
    assert "需要浏览器启用 JavaScript" in note.text
    links = [urlsplit(a.get_attribute("href")).path
             for a in note.find_elements(By.CSS_SELECTOR, "a")]
    assert "/library/" in links and "/library/year/2023/" in links and "/library/year/2019/" in links
    assert not nojs_driver.find_element(By.ID, "gk-search-status").text


def test_header_search_box_works_without_javascript(nojs_driver, origin):
    nojs_driver.get(origin + "/")
    box = nojs_driver.find_element(By.ID, "gk-site-search-q")
    box.send_keys("湘易办", Keys.ENTER)
    WebDriverWait(nojs_driver, 10).until(lambda d: "/search/" in d.current_url)
    assert parse_qs(urlsplit(nojs_driver.current_url).query) == {"q": ["湘易办"]}


def test_facet_listing_lists_every_document_of_its_value(driver, origin):
    harness.load(driver, origin + "/library/")
    link = driver.find_element(By.XPATH, "//section[@aria-labelledby='facet-validity']//a[text()='已废止']")
    link.click()
    WebDriverWait(driver, 10).until(lambda d: "/library/validity/" in d.current_url)
    listed = driver.execute_script(
        "return [...document.querySelectorAll('main .gk-list__link')].map(a => new URL(a.href).pathname);")
    assert listed == [NORMATIVE_2019]
    assert driver.find_element(By.TAG_NAME, "h1").text == "有效性：已废止"


def test_each_result_says_what_it_is(driver, origin):
    driver.get(search_url(origin, "政府信息公开申请"))
    settled(driver)
    kinds = dict(driver.execute_script(
        "return [...document.querySelectorAll('#gk-search-results li')].map(li =>"
        " [new URL(li.querySelector('a').href).pathname, li.querySelector('.gk-results__kind').textContent]);"))
    assert kinds and all(kinds.values()), kinds
    assert kinds.get(FAQ_ONLINE) == "常见问题", kinds
    assert kinds.get(APPLICATION_READING) == "政策解读", kinds
    assert kinds.get(APPLICATION) == "行政规范性文件", kinds


def test_one_search_box_on_every_page_kind(driver, page):
    kind, url = page
    harness.load(driver, url)
    boxes = driver.execute_script(
        "return [...document.querySelectorAll('input[type=search], input[name=q]')]"
        ".filter(i => i.getClientRects().length).map(i => i.id);")
    assert len(boxes) == 1, f"{kind} ({url}) shows {len(boxes)} search boxes: {boxes}"


def test_rankings_are_the_recorded_ones(driver, fallback_driver, origin):
    """Every result of every query, in order, as recorded from the index that held the scores
    (search_rankings.json, made by record_search_rankings.py): computing the scores in the
    browser from raw counts ranks the same."""
    from pathlib import Path
    from record_search_rankings import FIXTURE, ranking

    recorded = json.loads(Path(FIXTURE).read_text(encoding="utf-8"))
    differences = []
    for query, expected in recorded.items():
        for name, browser in (("intl", driver), ("bigram", fallback_driver)):
            got = ranking(browser, origin, query)
            if got != expected[name]:
                differences.append(f"{query!r} ({name}): {expected[name]} recorded, {got} now")
    assert not differences, "\n".join(differences)
