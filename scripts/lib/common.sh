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

# The C libraries the Swift package links (see Package.swift's systemLibrary targets).
BUILD_PACKAGES=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev libicu-dev)

if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH" && break
  done
fi
command -v swift >/dev/null 2>&1 || { echo "找不到 swift。请先安装 Swift 6.3（https://www.swift.org/install/）。" >&2; exit 1; }
