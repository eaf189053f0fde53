"""The 公开主体 pages in a browser: the application form prints on one A4 sheet, composes its
mailto: from the fields, hides the email link without JavaScript; search filters by body."""

from __future__ import annotations

import base64
import re
import subprocess
from urllib.parse import parse_qs, unquote, urlsplit

from selenium.webdriver.common.by import By

import harness
from test_search import search_url, settled

FORM = "/bodies/jyj/sqb.html"
TOWNSHIP_FORM = "/bodies/yanshizhen/sqb.html"


def print_pdf(driver, url: str, tmp_path, name: str):
    """Prints `url` as Chromium's print preview would (CSS page size honoured); returns pdfinfo."""
    harness.load(driver, url)
    data = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(base64.b64decode(data["data"]))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
    return pages, size


def test_the_blank_form_prints_on_one_a4_sheet(driver, origin, tmp_path):
    pages, size = print_pdf(driver, origin + FORM, tmp_path, "blank")
    assert pages == 1, f"the blank application form prints on {pages} pages"
    assert "A4" in size, size


def test_the_blank_form_prints_on_one_sheet_without_javascript(nojs_driver, origin, tmp_path):
    pages, size = print_pdf(nojs_driver, origin + TOWNSHIP_FORM, tmp_path, "nojs")
    assert pages == 1 and "A4" in size, (pages, size)


def test_a_filled_form_still_prints_on_one_sheet(fresh_driver, origin, tmp_path):
    driver = fresh_driver
    harness.load(driver, origin + FORM)
    driver.find_element(By.ID, "apply-name").send_keys("样例申请人")
    driver.find_element(By.ID, "apply-description").send_keys("二〇二四年秋季招生划片范围的文件。" * 4)
    data = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    path = tmp_path / "filled.pdf"
    path.write_bytes(base64.b64decode(data["data"]))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info


def test_the_email_link_composes_the_application_from_the_fields(fresh_driver, origin):
    driver = fresh_driver
    harness.load(driver, origin + FORM)
    link = driver.find_element(By.ID, "gk-apply-mail")
    assert link.is_displayed(), "with JavaScript the email link shows"
    driver.find_element(By.CSS_SELECTOR, "input[name=applicant][value='公民']").click()
    driver.find_element(By.ID, "apply-name").send_keys("样例申请人")
    driver.find_element(By.ID, "apply-phone").send_keys("0000-1111111")
    driver.find_element(By.ID, "apply-description").send_keys("本局二〇二四年校车运营补助的分配文件")
    driver.find_element(By.CSS_SELECTOR, "input[name=delivery][value='电子邮件']").click()
    driver.find_element(By.CSS_SELECTOR, "input[name=medium][value='电子文档']").click()
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "jyj@demo.gongkai.example", href
    query = parse_qs(parts.query)
    assert query["subject"] == ["政府信息公开申请（演示县教育局（演示））"], query
    body = query["body"][0]
    for line in ("申请人类型：公民", "姓名或名称：样例申请人", "联系电话：0000-1111111",
                 "所需信息的名称、文号或便于查询的其他特征性描述（必填）：本局二〇二四年校车运营补助的分配文件",
                 "获取信息的方式（可多选）：电子邮件", "信息的载体形式（可多选）：电子文档", "证件号码：（未填）"):
        assert line in body, f"{line!r} not in the mail body:\n{body}"
    assert body.index("【申请人信息】") < body.index("【所需政府信息情况】")


def test_no_request_leaves_the_page_while_filling_the_form(driver, origin):
    urls = harness.requested_urls(driver, origin + FORM)
    foreign = [u for u in urls if not u.startswith(origin)]
    assert not foreign, foreign


def test_without_javascript_the_email_link_is_hidden(nojs_driver, origin):
    nojs_driver.get(origin + FORM)
    assert not nojs_driver.find_element(By.ID, "gk-apply-mail").is_displayed()
    assert nojs_driver.find_element(By.ID, "apply-description").is_displayed()


def test_a_body_without_email_has_no_email_link(driver, origin):
    harness.load(driver, origin + TOWNSHIP_FORM)
    assert not driver.find_elements(By.ID, "gk-apply-mail")


def test_search_filters_by_body(fresh_driver, origin):
    driver = fresh_driver
    driver.get(origin + "/search/?body=" + "%E6%BC%94%E7%A4%BA%E5%8E%BF%E6%95%99%E8%82%B2%E5%B1%80%EF%BC%88%E6%BC%94%E7%A4%BA%EF%BC%89")
    result = settled(driver)
    assert len(result["results"]) == 4, result
    assert all(path.startswith("/bodies/jyj/") for path in result["results"]), result
    assert "公开主体：演示县教育局（演示）" in result["status"], result["status"]
    driver.get(search_url(origin, "招生", body="演示镇人民政府（演示）"))
    result = settled(driver)
    assert result["results"] == [], result
    driver.get(search_url(origin, "招生", body="演示县教育局（演示）"))
    result = settled(driver)
    assert unquote(result["results"][0]) == "/bodies/jyj/fdzdgknr/tzgg/notice-2024.html", result
