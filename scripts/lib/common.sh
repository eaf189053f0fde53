# Shared by the scripts in scripts/: run from the repository root, install Debian packages
# that are missing, find Swift.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Installs the Debian packages given as arguments that are not installed yet.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "正在安装缺少的 Debian 软件包：${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Creates the Python virtual environment DIR when missing and installs the PyPI packages
# REQUIREMENTS (and NO_DEPS without their dependencies) when they changed.
ensure_venv() { # dir requirements [no-deps]
  local venv=$1 requirements=$2 no_deps=${3:-}
  local wanted="$requirements${no_deps:+ $no_deps}"
  if [ ! -x "$venv/bin/python" ]; then
    rm -rf "$venv"
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      ensure_packages python3-venv
      python3 -m venv "$venv"
    fi
  fi
  if [ "$(cat "$venv/.requirements" 2>/dev/null)" != "$wanted" ]; then
    echo "正在安装所需的 Python 软件包（$venv）" >&2
    # shellcheck disable=SC2086
    "$venv/bin/python" -m pip install -q --disable-pip-version-check $requirements >&2
    if [ -n "$no_deps" ]; then
      # shellcheck disable=SC2086
      "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps $no_deps >&2
    fi
    echo "$wanted" >"$venv/.requirements"
  fi
}

# The C libraries the Swift package links (see Package.swift's systemLibrary targets).
BUILD_PACKAGES=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev libicu-dev libxml2-dev)
# The tools a build or an import runs: Office attachments (unzip), PDF text (pdftotext).
RUNTIME_PACKAGES=(poppler-utils unzip)

if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH" && break
  done
fi
command -v swift >/dev/null 2>&1 || { echo "找不到 swift。请先安装 Swift 6.3（https://www.swift.org/install/）。" >&2; exit 1; }
