#!/bin/sh
# ipkg-build.sh STAGED_TREE OUT_DIR: packs a staged install tree into an .ipk the way OpenWrt's
# include/package-pack.mk and scripts/ipkg-build do (written for ltemodem, not a copy). Package data comes in
# STUB_* environment variables from include/package.mk.
#
# The .ipk is a gzipped tar of ./debian-binary ("2.0"), ./data.tar.gz and ./control.tar.gz -- not an ar archive
# as with .deb: OpenWrt's opkg (opkg-lede, libbb/unarchive.c deb_extract) reads only that outer format. Every
# member belongs to 0:0; times are SOURCE_DATE_EPOCH, so the same tree gives the same bytes.
set -eu
umask 022

idir="$1"
out="$2"
pkg="$STUB_PKG"
ctl="$idir/CONTROL"
epoch="${SOURCE_DATE_EPOCH:-0}"

tar_c() {
	tar --format=gnu --numeric-owner --owner=0 --group=0 --sort=name --mtime="@$epoch" "$@"
}

# Conffile entries the package does not install as regular files (directories, files created at run time) go
# to /lib/upgrade/keep.d/<pkg>, which sysupgrade reads; files the package installs are kept when changed.
keep=""
for entry in $STUB_CONFFILES; do
	[ -f "$idir$entry" ] || keep="$keep $entry"
done
if [ -n "$keep" ]; then
	mkdir -p "$idir/lib/upgrade/keep.d"
	for entry in $keep; do
		echo "$entry"
	done >"$idir/lib/upgrade/keep.d/$pkg"
fi

mkdir -p "$ctl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tar_c -C "$idir" --exclude=./CONTROL -cf - . | gzip -9n >"$work/data.tar.gz"

# CONTROL/conffiles lists the regular files only, directories expanded (as ipkg-build resolves it).
for entry in $STUB_CONFFILES; do
	[ -e "$idir$entry" ] && (cd "$idir" && find ".$entry" -type f | sed 's|^\.||')
done | LC_ALL=C sort >"$ctl/conffiles"
[ -s "$ctl/conffiles" ] || rm -f "$ctl/conffiles"

description="${STUB_DESCRIPTION:-$STUB_TITLE}"
{
	echo "Package: $pkg"
	echo "Version: $STUB_VERSION"
	[ -z "$STUB_DEPENDS" ] || echo "Depends: $STUB_DEPENDS"
	[ -z "$STUB_SECTION" ] || echo "Section: $STUB_SECTION"
	[ -z "$STUB_MAINTAINER" ] || echo "Maintainer: $STUB_MAINTAINER"
	echo "Architecture: $STUB_PKGARCH"
	echo "Installed-Size: $(gzip -dc "$work/data.tar.gz" | wc -c)"
	printf 'Description: '
	printf '%s\n' "$description" | sed -e 's/^[[:space:]]*//' -e '2,$s/^/ /'
} >"$ctl/control"

# The wrappers every OpenWrt package gets: default_postinst/default_prerm (lib/functions.sh) run the package's
# own postinst-pkg/prerm-pkg, uci-defaults, and enable/start (or stop/disable) its init scripts.
cat >"$ctl/postinst" <<'EOF'
#!/bin/sh
[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0
[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0
. ${IPKG_INSTROOT}/lib/functions.sh
default_postinst $0 $@
EOF
cat >"$ctl/prerm" <<'EOF'
#!/bin/sh
[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0
. ${IPKG_INSTROOT}/lib/functions.sh
default_prerm $0 $@
EOF
[ -z "${STUB_POSTINST:-}" ] || printf '%s\n' "$STUB_POSTINST" >"$ctl/postinst-pkg"
[ -z "${STUB_PRERM:-}" ] || printf '%s\n' "$STUB_PRERM" >"$ctl/prerm-pkg"
chmod 0644 "$ctl/control"
[ ! -f "$ctl/conffiles" ] || chmod 0644 "$ctl/conffiles"
chmod 0755 "$ctl"/postinst "$ctl"/prerm
for f in "$ctl/postinst-pkg" "$ctl/prerm-pkg"; do
	[ ! -f "$f" ] || chmod 0755 "$f"
done

tar_c -C "$ctl" -cf - . | gzip -9n >"$work/control.tar.gz"
echo "2.0" >"$work/debian-binary"

ipk="$out/${pkg}_${STUB_VERSION}_${STUB_PKGARCH}.ipk"
tar_c -C "$work" -cf - ./debian-binary ./data.tar.gz ./control.tar.gz | gzip -9n >"$ipk"
echo "built $ipk"
