"""Full-page screenshots of every page kind of the demo portal, for people to look at.

Usage (through scripts/screenshots): screenshots.py [output folder, default screenshots/]
Writes KIND-desktop.png (1280 px), KIND-phone.png (390 px, mobile), KIND-care.png (1280 px,
关怀模式 at 200% text with high contrast) and KIND-phone-care.png (390 px, 200% text, high
contrast and wider spacing, toolbar open).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import harness

MAX_HEIGHT = 16_000  # CSS px; taller pages are cut
CARE = {"open": True, "text": 200, "contrast": True, "spacing": False, "guide": False}
PHONE_CARE = {**CARE, "spacing": True}
SHOTS = (("desktop", 1280, False), ("phone", 390, True), ("care", 1280, False), ("phone-care", 390, True))


def capture(driver, url: str, path: Path, width: int, mobile: bool) -> None:
    """Loads `url` at `width` CSS px and saves the whole page height as a PNG."""
    harness.set_viewport(driver, width, 900, mobile=mobile)
    harness.load(driver, url)
    height = driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")
    harness.set_viewport(driver, width, min(height, MAX_HEIGHT), mobile=mobile)
    driver.execute_script("window.scrollTo(0, 0);")
    driver.save_screenshot(str(path))


def main() -> int:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else harness.REPO / "screenshots").resolve()
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongkai-shots-") as temp:
        site = harness.build_site(Path(temp) / "site")
        with harness.SiteServer(site) as server:
            driver = harness.start_chromium()
            try:
                pages = harness.page_paths(site)
                missing = [k for k, p in pages.items() if not harness.file_for(site, p).is_file()]
                for kind in missing:
                    print(f"跳过 {kind}：{pages[kind]} 未生成", file=sys.stderr)
                written = 0
                for shot, width, mobile in SHOTS:
                    harness.load(driver, server.origin + "/")
                    stored = {"care": json.dumps(CARE), "phone-care": json.dumps(PHONE_CARE)}.get(shot)
                    driver.execute_script(
                        "arguments[0] === null ? localStorage.removeItem('gongkai.care')"
                        " : localStorage.setItem('gongkai.care', arguments[0]);", stored)
                    for kind, path in pages.items():
                        if kind in missing:
                            continue
                        capture(driver, server.origin + path, output / f"{kind}-{shot}.png",
                                width, mobile)
                        written += 1
            finally:
                driver.quit()
    print(f"已保存 {written} 张截图到 {output}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
