"""Session fixtures: the demo portal and a site made by `gongkai new site`, each built once and
served on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

import pytest

import harness
from harness import NEW_SITE_KINDS, PAGE_KINDS


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Directory of the demo portal, built with a fixed --as-of (harness.AS_OF)."""
    return harness.build_site(tmp_path_factory.mktemp("gongkai") / "site")


@pytest.fixture(scope="session")
def new_site(tmp_path_factory):
    """Directory of the built site that `gongkai new site` and `gongkai new …` made."""
    return harness.build_new_site(tmp_path_factory.mktemp("gongkai-new"))


@pytest.fixture(scope="session")
def new_server(new_site):
    with harness.SiteServer(new_site) as running:
        yield running


@pytest.fixture(params=["demo", "new-site"])
def any_site(request):
    """The demo's built folder, then the new site's: for checks over every file of a site."""
    return request.getfixturevalue("site" if request.param == "demo" else "new_site")


@pytest.fixture(scope="session")
def server(site):
    with harness.SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def origin(server):
    """e.g. http://127.0.0.1:40123"""
    return server.origin


@pytest.fixture(scope="session")
def pages(site):
    """{page kind: site-root-relative path}"""
    return harness.page_paths(site)


@pytest.fixture(scope="session")
def page_urls(pages, origin):
    """{page kind: absolute URL on the test server}"""
    return {kind: origin + path for kind, path in pages.items()}


@pytest.fixture(params=list(PAGE_KINDS) + list(NEW_SITE_KINDS))
def page(request):
    """(kind, absolute URL) of one page kind of the demo or (new-…) of the new site; fails when
    the generator did not write it. Its origin is harness.origin_of(url)."""
    kind = request.param
    if kind in NEW_SITE_KINDS:
        site, path = request.getfixturevalue("new_site"), NEW_SITE_KINDS[kind]
        origin = request.getfixturevalue("new_server").origin
    else:
        site, path = request.getfixturevalue("site"), request.getfixturevalue("pages")[kind]
        origin = request.getfixturevalue("origin")
    if not harness.file_for(site, path).is_file():
        pytest.fail(f"page kind {kind!r}: {path} was not generated")
    return kind, origin + path


@pytest.fixture(scope="session")
def driver():
    """Headless Chromium with JavaScript on, shared by tests that only read pages."""
    browser = harness.start_chromium()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def nojs_driver():
    """Headless Chromium with JavaScript disabled by content setting."""
    browser = harness.start_chromium(javascript=False)
    # Make sure the setting took: a page script must not run.
    browser.get("data:text/html,<title>off</title><script>document.title='on'</script>")
    assert browser.title == "off", "JavaScript is still enabled in the no-JavaScript browser"
    yield browser
    browser.quit()


@pytest.fixture
def fresh_driver():
    """A new Chromium (own profile, empty localStorage) for tests that change state."""
    browser = harness.start_chromium()
    yield browser
    browser.quit()
