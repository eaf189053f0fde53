# Shared by the scripts in bench/ (after scripts/lib/common.sh: run from the repository root).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"

# A short hash of the files' contents: what a cached output was made from.
stamp() { cat "$@" | sha256sum | cut -c1-16; }

# Generates bench/out/corpus-N with bench/corpus.py unless it is there from the same corpus.py
# and demo plans; prints the folder.
ensure_corpus() { # n
  local corpus="bench/out/corpus-$1" corpus_stamp
  corpus_stamp=$(stamp bench/corpus.py content/plans/*.yml)
  if [ "$(cat "$corpus/.stamp" 2>/dev/null)" != "$corpus_stamp" ]; then
    echo "Generating $1 documents…" >&2
    mkdir -p bench/out
    rm -rf "$corpus" && python3 bench/corpus.py "$1" "$corpus" >/dev/null && echo "$corpus_stamp" >"$corpus/.stamp"
  fi
  echo "$corpus"
}
