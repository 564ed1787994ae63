#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ProcViz set-up on Debian 12: installs what is missing, builds, then launches the app or runs the tests.
#   ./setup.sh run    install + build + launch the window (or explain how to use the CLI without a display)
#   ./setup.sh test   install + build + run the whole test suite with ctest
set -euo pipefail

cd "$(dirname "$0")"
BUILD_DIR=${PROCVIZ_BUILD_DIR:-build}
# desktop-file-utils and appstream validate the menu entry and AppStream data in the `package` test;
# poppler-utils' pdftotext lets tst_exports read back the text of an exported PDF. python3 is Debian's
# /usr/bin/python3, which runs the lessons' own Python programs (resources/python/, tst_pythonlessons).
PACKAGES=(build-essential cmake qt6-base-dev qt6-tools-dev qt6-l10n-tools libqcustomplot-dev fonts-noto-cjk
    qt6-translations-l10n desktop-file-utils appstream poppler-utils python3)
# Only for CI's extras (the fuzzers): clang with its libFuzzer runtime.
CI_PACKAGES=(clang libclang-rt-dev)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing() {
    local missing=() wanted=("${PACKAGES[@]}")
    if [ "${CI:-}" = true ]; then wanted+=("${CI_PACKAGES[@]}"); fi
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local apt=(apt-get)
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            apt=(sudo apt-get)
        else
            echo "ProcViz needs these Debian packages: ${missing[*]}" >&2
            echo "You are not root and sudo is not installed: ask an administrator to run" >&2
            echo "  apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    say "Installing ${missing[*]}"
    "${apt[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    say "Configuring and building in $BUILD_DIR/"
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

case "${1:-}" in
run)
    install_missing
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo
        echo "Built, but there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window."
        echo "The same engine runs headless from the command line:"
        echo "  $BUILD_DIR/bin/procviz list                 # the scenarios and their parameters"
        echo "  $BUILD_DIR/bin/procviz run timing           # threads vs processes, live progress and a summary"
        echo "  $BUILD_DIR/bin/procviz --help"
        exit 0
    fi
    say "Launching ProcViz"
    exec "$BUILD_DIR/bin/procviz"
    ;;
test)
    install_missing
    build
    say "Running the tests"
    ctest --test-dir "$BUILD_DIR" --output-on-failure --label-exclude 'soak|benchmark'
    ;;
*)
    echo "usage: $0 run|test" >&2
    echo "  run   install missing Debian packages, build, and launch the app" >&2
    echo "  test  install missing Debian packages, build, and run every test" >&2
    exit 2
    ;;
esac
