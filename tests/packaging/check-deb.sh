#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The `package` test: builds the .deb from an existing build tree into a temporary folder (the build tree is
# left as it was) and checks what a lab machine would get: the control fields apt resolves (Depends,
# Recommends), the installed files, the desktop entry and AppStream data as their validators see them, the
# icon sizes, and that the unpacked procviz finds its worker and runs a scenario with real processes.
#
#   tests/packaging/check-deb.sh BUILD_DIR VERSION [CPACK]
#
# Exit status: 0 all checks passed, 1 a check failed, 77 a tool it cannot do without is missing (ctest
# reports the test as skipped). desktop-file-validate and appstreamcli are optional: without them those
# two checks are skipped with a note.
set -euo pipefail

build_dir=$(realpath "$1")
version=$2
cpack=${3:-cpack}
app_id=io.github.procviz.ProcViz

for tool in "$cpack" dpkg-deb dpkg-shlibdeps readelf; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (dpkg-dev and binutils provide the Debian tools)"
        exit 77
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
pass() { echo "PASS: $*"; }

# --- Build the package -------------------------------------------------------------------------------
if ! "$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack could not build the package"
    exit 1
fi
deb=$(find "$work/out" -maxdepth 1 -name 'procviz_*.deb' | head -n 1)
if [ -z "$deb" ]; then
    cat "$work/cpack.log"
    echo "FAIL: cpack ran but left no procviz_*.deb in $work/out"
    exit 1
fi
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

# --- Control fields ----------------------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = procviz ] && pass "Package: procviz" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)', not $version"
[ "$(field Section)" = education ] && pass "Section: education" || fail "Section is '$(field Section)'"

depends=$(field Depends)
# One name per entry, without version constraints: "libc6 (>= 2.34), fonts-noto-cjk" -> libc6 fonts-noto-cjk
depends_names=" $(echo "$depends" | tr ',|' '\n\n' | sed 's/(.*)//; s/^ *//; s/ *$//' | tr '\n' ' ') "
# libqcustomplot2.1-qt6 is Debian's Qt 6 build (libqcustomplot2.1 is the Qt 5 one, which would not do).
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqcustomplot2.1-qt6 qt6-qpa-plugins fonts-noto-cjk; do
    case "$depends_names" in
    *" $package "*) pass "Depends on $package" ;;
    *) fail "Depends lacks $package: $depends" ;;
    esac
done
case "$depends" in
*"/"* | *"$build_dir"*) fail "Depends names a path, not a package: $depends" ;;
esac
[ "$(field Recommends)" = qt6-translations-l10n ] && pass "Recommends: qt6-translations-l10n" \
    || fail "Recommends is '$(field Recommends)'"

# --- Files -------------------------------------------------------------------------------------------
dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
expected=(
    /usr/bin/procviz
    /usr/bin/procviz-worker
    /usr/share/applications/$app_id.desktop
    /usr/share/metainfo/$app_id.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg
    /usr/share/doc/procviz/copyright
    /usr/share/doc/procviz/README.md
    /usr/share/doc/procviz/changelog.gz
    /usr/share/man/man1/procviz.1.gz
    /usr/share/man/man1/procviz-worker.1.gz
    /usr/share/procviz/python/observer/sitecustomize.py
    /usr/share/procviz/python/observer/procviz_observer/__init__.py
    /usr/share/procviz/python/observer/procviz_observer/__pycache__/__init__.cpython-311.pyc
)
sizes=(16 24 32 48 64 128 256)
for size in "${sizes[@]}"; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qx "$path" "$work/contents" && pass "contains $path" || fail "missing $path"
done

# --- Unpacked: validators, icons, binaries -----------------------------------------------------------
root=$work/root
dpkg-deb --extract "$deb" "$root"

if command -v desktop-file-validate >/dev/null; then
    # Hints (more than one main category: Education and Development, as asked) are not errors.
    if desktop-file-validate "$root/usr/share/applications/$app_id.desktop"; then
        pass "desktop-file-validate"
    else
        fail "desktop-file-validate"
    fi
else
    echo "SKIP: desktop-file-validate is not installed (apt-get install desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    if appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"; then
        pass "appstreamcli validate"
    else
        fail "appstreamcli validate"
    fi
else
    echo "SKIP: appstreamcli is not installed (apt-get install appstream)"
fi

# The three files must name one another: the menu entry its program and icon, the metainfo the entry.
desktop=$root/usr/share/applications/$app_id.desktop
if [ -f "$desktop" ]; then
    exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
    [ -x "$root/usr/bin/$exec_program" ] && pass "Exec=$exec_program is in /usr/bin" \
        || fail "Exec names '$exec_program', which the package does not install in /usr/bin"
    icon=$(sed -n 's/^Icon=//p' "$desktop")
    [ "$icon" = "$app_id" ] && pass "Icon=$icon" || fail "Icon is '$icon', not $app_id"
fi
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
    "$root/usr/share/metainfo/$app_id.metainfo.xml" 2>/dev/null \
    && pass "metainfo launches $app_id.desktop" || fail "metainfo does not launch $app_id.desktop"

# A PNG's width and height are the big-endian 32-bit words at bytes 16 and 20.
for size in "${sizes[@]}"; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || continue
    actual=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
    [ "$actual" = "${size}x${size}" ] && pass "icon ${size}x${size} is $actual" || fail "icon ${size}x${size} is $actual"
done

for binary in procviz procviz-worker; do
    # An RPATH into the build tree would make the installed program load the developer's libraries.
    if readelf -d "$root/usr/bin/$binary" | grep -Eq 'RPATH|RUNPATH'; then
        fail "$binary carries an RPATH: $(readelf -d "$root/usr/bin/$binary" | grep -E 'RPATH|RUNPATH')"
    else
        pass "$binary has no RPATH"
    fi
    if readelf -S "$root/usr/bin/$binary" | grep -q '\.debug_info'; then
        fail "$binary is not stripped"
    else
        pass "$binary is stripped"
    fi
done

# The unpacked application must find the worker next to itself, as the installed one will in /usr/bin.
if (unset PROCVIZ_WORKER && cd "$work" && "$root/usr/bin/procviz" run lifecycle --workers 2 --sleep-ms 100 \
    --json "$work/run.json") >"$work/run.log" 2>&1 && grep -Eq '"outcome": *"completed"' "$work/run.json"; then
    pass "unpacked procviz ran lifecycle with its own worker"
else
    cat "$work/run.log"
    fail "unpacked procviz could not run lifecycle"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
