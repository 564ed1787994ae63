#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Clean-machine check of the .deb: installs it with apt into a minimal Debian 12 (bookworm) chroot, which
# proves that its Depends bring in everything it needs, then uses it there as a lab machine would, as an
# ordinary user:
#   - the installed files are where the desktop and software centres look for them;
#   - `procviz list` and `procviz run lock` start real worker processes (hence /proc and a tmpfs /dev/shm
#     mounted in the chroot for the run, with a private /dev/pts for apt, all unmounted afterwards);
#   - the menu entry's Exec line opens the window on an X server (xvfb-run): the xcb platform plugin loads
#     and the window's WM_CLASS matches StartupWMClass;
#   - `procviz shot timing` (English and Korean) draws the window on that X server into PNGs copied out.
#
# It needs root (debootstrap, chroot, mount) and the network (the Debian mirror), so it is not part of ctest.
#
#   cpack --config build/CPackConfig.cmake -G DEB -B build/package     # or: cmake --build build --target package
#   sudo tests/packaging/clean-install.sh build/package/procviz_0.1.0_amd64.deb
#
# Environment: PROCVIZ_CHROOT (default /var/tmp/procviz-bookworm; made with debootstrap when missing, and
# reused as it is when present: delete it for a fresh machine), PROCVIZ_MIRROR (default: the Debian mirror
# in this machine's apt sources), PROCVIZ_OUT (where the screenshots go, default /var/tmp/procviz-clean-install).
set -euo pipefail

app_id=io.github.procviz.ProcViz
chroot_dir=${PROCVIZ_CHROOT:-/var/tmp/procviz-bookworm}
out_dir=${PROCVIZ_OUT:-/var/tmp/procviz-clean-install}
student=student

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
    echo "clean-install: $*" >&2
    exit 1
}

[ $# -eq 1 ] || die "usage: $0 path/to/procviz_VERSION_ARCH.deb"
deb=$(realpath "$1")
[ -f "$deb" ] || die "no such package: $1"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mount): run it with sudo"

debian_mirror() {
    if [ -n "${PROCVIZ_MIRROR:-}" ]; then
        echo "$PROCVIZ_MIRROR"
        return
    fi
    # The main archive (…/debian, not …/debian-security) from deb822 .sources files or a one-line sources.list.
    local uri
    uri=$({
        grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
        grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}'
    } | grep -E '/debian/?$' | head -n 1)
    echo "${uri:-http://deb.debian.org/debian}"
}

if [ ! -f "$chroot_dir/etc/debian_version" ]; then
    command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install debootstrap"
    mirror=$(debian_mirror)
    say "Creating a minimal bookworm in $chroot_dir from $mirror"
    debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror"
fi
grep -q '^12' "$chroot_dir/etc/debian_version" || die "$chroot_dir is not Debian 12"

mounted=()
cleanup() {
    local index
    for ((index = ${#mounted[@]} - 1; index >= 0; index--)); do
        umount "${mounted[index]}" || echo "clean-install: could not unmount ${mounted[index]}" >&2
    done
}
trap cleanup EXIT
mount_in_chroot() { # TYPE TARGET OPTIONS
    mount -t "$1" -o "$3" "$1" "$chroot_dir$2"
    mounted+=("$chroot_dir$2")
}
mount_in_chroot proc /proc nosuid,nodev,noexec
mkdir -p "$chroot_dir/dev/shm"
mount_in_chroot tmpfs /dev/shm mode=1777,nosuid,nodev
# Only so that apt can log through a pseudo-terminal (a private instance: the host's terminals stay out).
mount_in_chroot devpts /dev/pts newinstance,ptmxmode=0666,mode=620

in_chroot() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
as_student() {
    chroot "$chroot_dir" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="/home/$student" \
        /usr/sbin/runuser -u "$student" -- "$@"
}

say "Installing $(basename "$deb") with apt"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
cp "$deb" "$chroot_dir/tmp/"
in_chroot apt-get update -qq
# What an administrator types; Recommends are installed, as apt does by default. (--reinstall only matters
# when a reused chroot has this version already.)
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y -q "/tmp/$(basename "$deb")"
# Only for this check: an X server for the window, and xwininfo to read its WM_CLASS.
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends xvfb xauth x11-utils
in_chroot sh -c "id -u $student >/dev/null 2>&1 || useradd --create-home $student"

say "Installed files"
failures=0
for path in /usr/bin/procviz /usr/bin/procviz-worker "/usr/share/applications/$app_id.desktop" \
    "/usr/share/metainfo/$app_id.metainfo.xml" "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    /usr/share/icons/hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/$app_id.png \
    /usr/share/doc/procviz/copyright /usr/share/man/man1/procviz.1.gz; do
    if [ -e "$chroot_dir$path" ]; then
        echo "  ok       $path"
    else
        echo "  MISSING  $path"
        failures=$((failures + 1))
    fi
done
in_chroot dpkg-query -W -f='  ${Package} ${Version}: Depends: ${Depends}\n' procviz

say "procviz list"
as_student procviz list

say "procviz run lock (real worker processes)"
as_student sh -c 'cd && procviz run lock --json lock.json'
grep -q '"outcome": *"completed"' "$chroot_dir/home/$student/lock.json" || {
    echo "  the lock run did not complete"
    failures=$((failures + 1))
}

say "The menu entry: its Exec line on an X server"
exec_line=$(sed -n 's/^Exec=//p' "$chroot_dir/usr/share/applications/$app_id.desktop")
wm_class=$(sed -n 's/^StartupWMClass=//p' "$chroot_dir/usr/share/applications/$app_id.desktop")
echo "  Exec=$exec_line  StartupWMClass=$wm_class"
# The window stays up until it is closed: give it five seconds, list the X windows, then end it.
rm -f "$chroot_dir/home/$student/"{window.log,windows.txt,icon.txt}
as_student xvfb-run --auto-servernum --server-args='-screen 0 1920x1080x24' sh -c "
    $exec_line 2>\$HOME/window.log &
    app=\$!
    sleep 5
    xwininfo -root -tree >\$HOME/windows.txt
    window=\$(awk '/\\(\"$wm_class\" /{print \$1; exit}' \$HOME/windows.txt)
    # The first two numbers of _NET_WM_ICON are the first image's width and height.
    [ -n \"\$window\" ] && xprop -id \"\$window\" -len 16 -f _NET_WM_ICON 32c _NET_WM_ICON >\$HOME/icon.txt
    kill \$app
    wait \$app 2>/dev/null
    exit 0" || true
cat "$chroot_dir/home/$student/window.log"
if grep -q "(\"$wm_class\" \"" "$chroot_dir/home/$student/windows.txt"; then
    grep "(\"$wm_class\" \"" "$chroot_dir/home/$student/windows.txt" | head -n 3 | sed 's/^ */  window: /'
else
    echo "  no window with WM_CLASS \"$wm_class\" appeared:"
    cat "$chroot_dir/home/$student/windows.txt"
    failures=$((failures + 1))
fi
if grep -Eq '= [1-9][0-9]*, [1-9][0-9]*' "$chroot_dir/home/$student/icon.txt" 2>/dev/null; then
    echo "  window icon: $(sed -E 's/.*= ([0-9]+), ([0-9]+).*/\1×\2 px/' "$chroot_dir/home/$student/icon.txt")"
else
    echo "  the window has no icon (_NET_WM_ICON)"
    failures=$((failures + 1))
fi

say "procviz shot timing on the X server (English and Korean)"
mkdir -p "$out_dir"
for lang in en ko; do
    as_student xvfb-run --auto-servernum --server-args='-screen 0 1920x1080x24' \
        procviz shot timing --lang "$lang" --out "/home/$student/timing-$lang.png"
    cp "$chroot_dir/home/$student/timing-$lang.png" "$out_dir/"
    echo "  $out_dir/timing-$lang.png"
done

if [ "$failures" -ne 0 ]; then
    say "$failures check(s) failed"
    exit 1
fi
say "The package installs and runs on a clean Debian 12"
