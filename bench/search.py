#!/usr/bin/env python3
"""Measures Gongkai's search against Pagefind's extended build on one built corpus.

Run by bench/search (which installs what this needs). Steps, all in one run:
1. `gongkai build --full --timings` of the corpus, three times (the first warms the file cache);
   Gongkai's index build time is the 建立检索索引 phase of the faster run (records, ICU
   analysis, merge into files in memory); writing the files (写入检索索引) is given apart.
2. `pagefind_extended` on the same built site, indexing the document pages' <main>
   (--glob '**/doc-*.html' --root-selector main --force-language zh), timed as a whole.
3. Headless Chromium (the browser tests' harness: a local no-store server, cache disabled,
   no other host reachable) runs a cold first query and a second query with each client. The
   server counts the bytes of every file it sends (Pagefind fetches from a web worker, whose
   requests the page's Resource Timing does not see), split into index data and client code
   (search.js; pagefind.js, its worker and WebAssembly); the page times the call from starting
   the search to having the first ten results' display data.
Pagefind keeps its index files gzip-compressed on disk; Gongkai's are plain JSON, so the
table also gives what gzip would make of the Gongkai bytes (as a server with gzip on sends).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "Tests" / "browser"))
import harness  # noqa: E402

QUERIES = ["优化营商环境", "电子证照 互认"]

PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><script type="module">
window.pagefind = await import("/pagefind/pagefind.js");
window.pagefindReady = true;
</script></body></html>
"""

RUN_GONGKAI = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const start = performance.now();
window.gongkaiSearch.search(query).then(outcome => {
  done({ms: performance.now() - start, total: outcome ? outcome.total : -1, shown: outcome ? outcome.shown : -1});
}, error => done({error: String(error)}));
"""

RUN_PAGEFIND = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const start = performance.now();
(async () => {
  const search = await window.pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  done({ms: performance.now() - start, total: search.results.length, shown: data.length});
})().catch(error => done({error: String(error)}));
"""


class CountingHandler(harness._SiteHandler):
    """Serves the site like the browser tests do, and notes the bytes of each file sent."""

    sent: list[tuple[str, int]] = []
    lock = threading.Lock()

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        with CountingHandler.lock:
            CountingHandler.sent.append((urlsplit(self.path).path, len(data)))


def take_sent() -> list[tuple[str, int]]:
    with CountingHandler.lock:
        sent = list(CountingHandler.sent)
        CountingHandler.sent.clear()
    return sent


def build(binary: Path, corpus: Path, site: Path) -> dict:
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(
            [str(binary), "build", "--full", "--quiet", "--timings", "--as-of", "2026-01-01",
             "--content", str(corpus), "--templates", "templates", "--output", str(site)],
            cwd=REPO, capture_output=True, text=True)
        wall = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"gongkai build failed:\n{result.stdout}\n{result.stderr}")
        phase = re.search(r"建立检索索引：([0-9.]+) 秒", result.stderr)
        written = re.search(r"写入检索索引：([0-9.]+) 秒", result.stderr)
        if not phase or not written:
            raise SystemExit(f"no 建立/写入检索索引 phase in --timings output:\n{result.stderr}")
        runs.append({"index_seconds": float(phase.group(1)), "write_seconds": float(written.group(1)),
                     "build_seconds": wall})
    return min(runs, key=lambda run: run["index_seconds"])


def pagefind(site: Path) -> float:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pagefind_bin_extended", "--site", str(site), "--glob", "**/doc-*.html",
         "--root-selector", "main", "--force-language", "zh", "--quiet"],
        capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"pagefind failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def tree_bytes(directory: Path, keep=lambda path: True) -> tuple[int, int]:
    files = [p for p in directory.rglob("*") if p.is_file() and keep(p)]
    return sum(p.stat().st_size for p in files), len(files)


def is_pagefind_client(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name.endswith(".js") or name.startswith("wasm.") or name.endswith(".css")


def gzip_size(site: Path, paths: list[str]) -> int:
    return sum(len(gzip.compress((site / p.lstrip("/")).read_bytes(), 6)) for p in paths)


def measure(driver, origin: str, site: Path, page: str, ready: str, script: str, prefix: str,
            is_client) -> list[dict]:
    harness.load(driver, origin + page)
    harness_wait(driver, ready)
    take_sent()
    rows = []
    for query in QUERIES:
        result = driver.execute_async_script(script, query)
        if "error" in result:
            raise SystemExit(f"{page}: {query}: {result['error']}")
        time.sleep(0.2)  # let the server finish its bookkeeping
        data = [(path, size) for path, size in take_sent() if path.startswith(prefix)]
        index = [(path, size) for path, size in data if not is_client(path)]
        client = [(path, size) for path, size in data if is_client(path)]
        rows.append({
            "query": query, "ms": round(result["ms"], 1), "results": result["total"],
            "shown": result["shown"], "requests": len(data),
            "index_bytes": sum(size for _, size in index),
            "index_bytes_gzip": gzip_size(site, [path for path, _ in index]),
            "client_bytes": sum(size for _, size in client),
            "files": sorted(path for path, _ in data),
        })
    return rows


def harness_wait(driver, condition: str, timeout: float = 60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if driver.execute_script(f"return !!({condition});"):
            return
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {condition}")


def kb(value: int) -> str:
    return f"{value / 1000:,.1f} KB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--binary", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    site = (options.out / "search-site").resolve()
    documents = len(list(options.corpus.rglob("*.md")))

    print(f"构建 {documents} 篇文件的网站（gongkai build，三次）……", file=sys.stderr)
    built = build(options.binary.resolve(), options.corpus.resolve(), site)
    gongkai_bytes, gongkai_files = tree_bytes(site / "search" / "data")
    search_js = (site / "assets" / "search.js").stat().st_size
    print("运行 Pagefind（extended）……", file=sys.stderr)
    pagefind_seconds = pagefind(site)
    pagefind_index_bytes, pagefind_files = tree_bytes(site / "pagefind", lambda p: not is_pagefind_client(p.name))
    pagefind_client_bytes = (site / "pagefind" / "pagefind.js").stat().st_size
    (site / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")

    print("在无头 Chromium 中测量查询……", file=sys.stderr)
    with harness.SiteServer(site, CountingHandler) as server:
        driver = harness.start_chromium()
        try:
            gongkai_rows = measure(driver, server.origin, site, "/search/",
                                   "document.querySelector('.gk-search--ready') && window.gongkaiSearch",
                                   RUN_GONGKAI, "/search/data/", lambda path: False)
            driver.quit()
            driver = harness.start_chromium()
            pagefind_rows = measure(driver, server.origin, site, "/pagefind-bench.html",
                                    "window.pagefindReady", RUN_PAGEFIND, "/pagefind/", is_pagefind_client)
        finally:
            driver.quit()

    report = {
        "documents": documents,
        "queries": QUERIES,
        "gongkai": {"index_seconds": built["index_seconds"], "write_seconds": built["write_seconds"],
                    "build_seconds": round(built["build_seconds"], 2),
                    "index_bytes": gongkai_bytes, "index_files": gongkai_files, "client_bytes": search_js,
                    "queries": gongkai_rows},
        "pagefind": {"index_seconds": round(pagefind_seconds, 2), "index_bytes": pagefind_index_bytes,
                     "index_files": pagefind_files, "client_bytes": pagefind_client_bytes,
                     "queries": pagefind_rows},
    }
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "search.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")

    g, p = report["gongkai"], report["pagefind"]
    rows = [
        ("文件数", f"{documents:,}", f"{documents:,}"),
        ("建立索引用时", f"{g['index_seconds']:.2f} s（另写入文件 {g['write_seconds']:.2f} s）",
         f"{p['index_seconds']:.2f} s（含读取 HTML、写入文件）"),
        ("索引总大小（磁盘）", f"{kb(g['index_bytes'])}（{g['index_files']:,} 个文件）",
         f"{kb(p['index_bytes'])}（{p['index_files']:,} 个文件，gzip 压缩）"),
        ("随页面加载的客户端代码", kb(g["client_bytes"]) + "（search.js）", kb(p["client_bytes"]) + "（pagefind.js）"),
    ]
    for number, (gq, pq) in enumerate(zip(g["queries"], p["queries"]), start=1):
        label = "首次查询（冷）" if number == 1 else "第二次查询"
        rows += [
            (f"{label}“{gq['query']}”结果数", str(gq["results"]), str(pq["results"])),
            (f"{label}下载的索引数据", f"{kb(gq['index_bytes'])}（gzip 后 {kb(gq['index_bytes_gzip'])}）",
             f"{kb(pq['index_bytes'])}（已是 gzip）"),
            (f"{label}另外下载的客户端代码", kb(gq["client_bytes"]), kb(pq["client_bytes"])),
            (f"{label}请求数", str(gq["requests"]), str(pq["requests"])),
            (f"{label}用时", f"{gq['ms']:.0f} ms", f"{pq['ms']:.0f} ms"),
        ]
    width = max(len(r[0]) for r in rows) + 2
    print(f"\n{'':<{width}}{'Gongkai':<36}Pagefind 1.5.2 (extended)")
    for name, left, right in rows:
        print(f"{name:<{width}}{left:<36}{right}")
    print(f"\n结果已写入 {options.out / 'search.json'}")


if __name__ == "__main__":
    main()
