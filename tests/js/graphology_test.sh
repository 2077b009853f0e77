#!/usr/bin/env bash
# The GraphML and GEXF of the samples, read by graphology, the JavaScript graph
# library (CTest name: graphology).
# usage: graphology_test.sh DIPLOGRAPH_BINARY SOURCE_DIR BUILD_DIR
#
# Builds samples/ into a saved graph, exports it as GraphML and GEXF 1.3, installs
# tests/js/package-lock.json's packages (graphology, graphology-graphml,
# graphology-gexf, @xmldom/xmldom) with npm ci in BUILD_DIR/graphology (not in the
# source tree; reused while the lock file is unchanged), then runs
# tests/js/load_exports.mjs on the three files.
# Exits 77 (skip) without node 18+ or npm, or when npm cannot reach the registry.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 DIPLOGRAPH_BINARY SOURCE_DIR BUILD_DIR" >&2
  exit 2
fi
bin=$1
src=$2
work=$3/graphology
js=$src/tests/js

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

command -v node >/dev/null 2>&1 || skip "node not found (apt-get install nodejs, or tools/install-deps.sh)"
command -v npm >/dev/null 2>&1 || skip "npm not found (apt-get install npm, or tools/install-deps.sh)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' ||
  skip "node $(node --version) is older than 18"
[ -x "$bin" ] || fail "$bin is not an executable"

mkdir -p "$work/out"
out=$work/out

# diplograph ARGS...: must exit 0 with nothing on stderr.
run() {
  local err=$out/stderr
  if ! (cd "$out" && "$bin" "$@") 2>"$err"; then
    cat "$err"
    fail "diplograph $* failed"
  fi
  [ ! -s "$err" ] || { cat "$err"; fail "diplograph $* wrote to stderr"; }
}
run build "$src/samples" -o samples.json
run export samples.json -o samples.graphml
run export samples.json -o samples.gexf
grep -q 'version="1.3"' "$out/samples.gexf" || fail "samples.gexf is not GEXF 1.3"
echo "ok: built samples.json, samples.graphml and samples.gexf in $out"

# The packages, as package-lock.json pins them.
cp "$js/package.json" "$js/package-lock.json" "$js/load_exports.mjs" "$work/"
stamp=$work/node_modules/.diplograph-package-lock.json
if cmp -s "$work/package-lock.json" "$stamp"; then
  echo "ok: $work/node_modules already installed from this package-lock.json"
else
  log=$work/npm-ci.log
  rc=0
  (cd "$work" && timeout 240 npm ci --no-audit --no-fund) >"$log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    tail -n 30 "$log"
    if [ $rc -eq 124 ]; then
      skip "npm ci timed out after 240 s (npm registry unreachable?)"
    fi
    if grep -Eq 'E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH|PROTO)|ERR_SOCKET_TIMEOUT|network|proxy|request to https?://[^ ]* failed' "$log"; then
      skip "npm ci cannot reach the npm registry ($(npm config get registry)); see $log"
    fi
    fail "npm ci failed (exit $rc); see $log"
  fi
  cp "$work/package-lock.json" "$stamp"
  echo "ok: npm ci installed $(cd "$work" && npm ls --depth=0 2>/dev/null | tail -n +2 | sed 's/^[^@a-z]*//' | tr '\n' ' ')"
fi

(cd "$work" && node load_exports.mjs "$out/samples.graphml" "$out/samples.gexf" "$out/samples.json")
