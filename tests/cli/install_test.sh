#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks that the installed
# binary finds its dictionaries, triggers and schemas there.
# usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
bin="$prefix/bin/diplograph"
[ -x "$bin" ] || { echo "FAIL: $bin not installed"; exit 1; }
for f in share/diplograph/dict/countries.json share/diplograph/lexicon/events.json \
         share/diplograph/schemas/extraction.schema.json; do
  [ -f "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
# Run from elsewhere, with the source tree out of reach of the binary's search.
cd "$prefix"
out=$(env -u DIPLOGRAPH_DATA "$bin" extract "$src/samples/03-warsaw-expels-russian-diplomats.txt")
echo "$out" | grep -q '"id":"poland"' || { echo "FAIL: installed binary found no actors"; exit 1; }
echo "$out" | grep -q '"type":"expelled"' || { echo "FAIL: installed binary found no events"; exit 1; }
echo "ok: installed binary finds its data in $prefix/share/diplograph"
