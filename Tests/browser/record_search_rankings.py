"""Records the ranking search.js gives each query of test_search.PAIRS on the demo portal, every
result page, with Intl.Segmenter and without, into search_rankings.json (read by
test_search.test_rankings_are_the_recorded_ones).

The committed file was recorded from the index format before raw counts (commit 59d2ab1), so
that the test shows that the client computing the scores ranks as the index holding them did.
To record it again from a checkout of some commit (its content, templates and search.js):

    git archive 59d2ab1 content templates | tar -x -C /tmp/ref      # the reference tree
    GONGKAI=<that commit's gongkai> .build-browser/venv/bin/python \\
        Tests/browser/record_search_rankings.py --tree /tmp/ref

(the gongkai binary of that commit: e.g. `git stash; swift build --product gongkai; cp …`).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path

import harness
from test_search import NOT_FOUND, PAIRS, search_url, settled

FIXTURE = Path(__file__).resolve().parent / "search_rankings.json"


def ranking(driver, origin: str, query: str) -> list[str]:
    """Every result of `query`, best first, page after page."""
    driver.get(search_url(origin, query))
    result = settled(driver)
    found = list(result["results"])
    pages = re.search(r"共 (\d+) 页", result["status"])
    for page in range(2, int(pages.group(1)) + 1 if pages else 2):
        driver.get(search_url(origin, query) + f"&page={page}")
        found += settled(driver)["results"]
    return found


def record(origin: str) -> dict:
    with_segmenter = harness.start_chromium()
    without = harness.start_chromium()
    without.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "delete Intl.Segmenter;"})
    try:
        queries = [pair[0] for pair in PAIRS] + NOT_FOUND
        return {query: {"intl": ranking(with_segmenter, origin, query), "bigram": ranking(without, origin, query)}
                for query in queries}
    finally:
        with_segmenter.quit()
        without.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=harness.REPO,
                        help="the tree whose content and templates are built (default: this one)")
    arguments = parser.parse_args()
    harness.REPO = arguments.tree.resolve()
    with tempfile.TemporaryDirectory() as folder:
        site = harness.build_site(Path(folder) / "site")
        with harness.SiteServer(site) as server:
            rankings = record(server.origin)
    FIXTURE.write_text(json.dumps(rankings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{FIXTURE}: {len(rankings)} queries")


if __name__ == "__main__":
    main()
