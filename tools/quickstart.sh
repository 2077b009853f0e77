#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and builds the knowledge graph
# of the bundled sample articles into samples.graphml (and samples.json).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh --target diplograph
build/diplograph build samples -o samples.json
build/diplograph export samples.json -o samples.graphml
build/diplograph stats samples.json
echo "wrote $(pwd)/samples.graphml (open it in Gephi) and samples.json (the saved graph)"
