#!/usr/bin/env bash
# Installs the Debian 12 packages diplograph needs to build and test, skipping
# those already present. Run as root (or it re-runs itself with sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev nlohmann-json3-dev libre2-dev doctest-dev
  libxml2-utils python3 python3-networkx python3-igraph python3-jsonschema
  nodejs npm
)

# Packages whose command, when present, satisfies them whatever installed it:
# NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
declare -A commands=([nodejs]=node [npm]=npm)

missing=()
for p in "${packages[@]}"; do
  if [ -n "${commands[$p]:-}" ] && command -v "${commands[$p]}" >/dev/null 2>&1; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo "$0" "$@"
  fi
  echo "install-deps: missing packages (${missing[*]}); run as root" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
