"""What pages load: nothing from other origins, and a light home page."""

from __future__ import annotations

from urllib.parse import urlsplit

import harness

HOME_BUDGET = 100_000  # bytes, uncompressed: HTML + CSS + JS of the home page


def test_requests_stay_on_the_site_origin(driver, page):
    kind, url = page
    origin = harness.origin_of(url)
    foreign = sorted(u for u in harness.requested_urls(driver, url)
                     if not (u.startswith(origin + "/") or u.startswith("data:")))
    assert not foreign, (f"{kind} ({url}) requests resources from other origins:\n"
                         + "\n".join(foreign))


def test_home_page_html_css_and_js_under_100_kb(driver, site, origin):
    urls = harness.requested_urls(driver, origin + "/")
    # Other origins are test_requests_stay_on_the_site_origin's business.
    counted = {origin + "/"} | {u for u in urls if u.startswith(origin + "/")
                                and urlsplit(u).path.endswith((".css", ".js", ".mjs"))}
    sizes = {}
    for url in sorted(counted):
        path = harness.file_for(site, urlsplit(url).path)
        assert path.is_file(), f"home page requests {url}, which is not in the site"
        sizes[urlsplit(url).path] = path.stat().st_size
    total = sum(sizes.values())
    listing = "\n".join(f"  {size:>7} B  {path}" for path, size in sizes.items())
    assert total < HOME_BUDGET, (f"home page weighs {total} B uncompressed "
                                 f"(budget {HOME_BUDGET} B):\n{listing}")
