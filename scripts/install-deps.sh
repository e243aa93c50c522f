#!/usr/bin/env bash
# install-deps.sh: install the Debian packages minipy builds and tests with.
#
# Idempotent: installs only what is missing, and does nothing (quickly) when
# everything is there. Needs root for apt-get; otherwise it prints the one
# command to run. docs/dependencies.md says why each package is here.
set -euo pipefail

packages=(
    cmake ninja-build g++ clang   # build: CMake presets, g++ 12 and clang 14
    patch                         # tools/check_exercise.py applies exercise solutions
    re2c                          # lexer: the scanner is a re2c specification (>= 3)
    libboost-program-options-dev  # main: the command line
    doctest-dev                   # tests: one doctest binary per stage
    libicu-dev                    # lexer/runtime: Unicode identifiers, str methods, unicodedata
    libreadline-dev               # vm: line editing and history at the interactive prompt
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
# python3.11 is the reference everything is compared with; Debian 12's python3 is 3.11.
if ! command -v python3.11 >/dev/null 2>&1; then
    missing+=(python3.11)
fi

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "minipy needs these Debian packages: ${missing[*]}" >&2
        echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! re2c --version | awk '{ split($2, v, "."); exit !(v[1] >= 3) }'; then
    echo "minipy needs re2c >= 3, found: $(re2c --version)" >&2
    exit 1
fi
