#!/bin/sh
# Builds the Debian packages from the `make dist` tarball, lints them,
# installs them, uses them as debian/tests/installed does (C, Python, GJS,
# Vala, the softlif tool) and checks that removing them removes every file.
# Run as root or with sudo on Debian 12:
#
#     sh build-aux/check-debian.sh
#
# SPDX-License-Identifier: LGPL-2.1-or-later

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$(id -u)" = 0 ]; then
  as_root() { env DEBIAN_FRONTEND=noninteractive "$@"; }
else
  as_root() { sudo env DEBIAN_FRONTEND=noninteractive "$@"; }
fi

echo "== build dependencies"
as_root apt-get install -y -q --no-install-recommends \
  autoconf automake autopoint build-essential devscripts equivs gettext libtool lintian man-db
(cd "$work" && as_root mk-build-deps --install --remove \
   --tool 'apt-get -y -q --no-install-recommends' "$top/debian/control")

echo "== the release tarball"
(cd "$top" && autoreconf -fi)
mkdir "$work/dist"
(cd "$work/dist" && "$top/configure" --disable-docs PYTHON3=/usr/bin/python3 >/dev/null && make dist >/dev/null)
version=$(sed -n '1s/^softlif (\([^-]*\)-.*/\1/p' "$top/debian/changelog")
cp "$work/dist/softlif-$version.tar.xz" "$work/softlif_$version.orig.tar.xz"
(cd "$work" && tar xf "softlif_$version.orig.tar.xz" && cp -r "$top/debian" "softlif-$version/")

echo "== dpkg-buildpackage"
(cd "$work/softlif-$version" && DEB_BUILD_OPTIONS="parallel=$(nproc)" dpkg-buildpackage -us -uc -b)

echo "== lintian"
lintian --fail-on error,warning --pedantic --info "$work"/softlif_"$version"-*_*.changes

echo "== install"
debs=$(ls "$work"/*.deb | grep -v -- -dbgsym_)
pkgs=$(for d in $debs; do dpkg-deb -f "$d" Package; done)
as_root apt-get install -y -q $(for d in $debs; do echo "$d"; done)
for p in $pkgs; do dpkg -L "$p"; done | sort -u > "$work/files"

echo "== use, with no build tree on any path"
(cd / && env -u LD_LIBRARY_PATH -u GI_TYPELIB_PATH -u PKG_CONFIG_PATH \
   AUTOPKGTEST_TMP="$work/use" sh -c 'mkdir -p "$AUTOPKGTEST_TMP" && sh "$0"' "$top/debian/tests/installed")

echo "== remove"
as_root apt-get purge -y -q $pkgs
left=0
while read -r f; do
  if [ -f "$f" ] || [ -L "$f" ]; then
    echo "left behind: $f"
    left=1
  fi
done < "$work/files"
[ "$left" = 0 ]
echo "check-debian: all passed"
