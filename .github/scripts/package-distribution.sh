#!/usr/bin/env bash
# Packs a built reposix distribution (reposix-cli/target/reposix) into the release archive
# reposix-<version>.tar.gz and its checksum file reposix-<version>.tar.gz.sha256, reproducibly:
# entries sorted by name under one folder reposix-<version>/, every mtime fixed, owner and group 0,
# modes normalised, gzip without a name or time stamp; the build machine's class-data-sharing
# archive is left out. The same distribution gives the same bytes,
# so anyone can rebuild a release and compare its SHA-256 with the published one. Needs GNU tar,
# gzip and sha256sum (Linux; on macOS install gnu-tar and coreutils). No Maven.
#
# Usage: package-distribution.sh <version> <distribution-dir> <output-dir>
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: $0 <version> <distribution-dir> <output-dir>" >&2
  exit 2
fi
version=$1
distribution=$2
output=$3
mtime='2026-11-24T00:00:00Z' # any fixed time keeps the archive reproducible

if ! tar --version 2>/dev/null | grep -q 'GNU tar'; then
  echo "$0: needs GNU tar (on macOS: brew install gnu-tar, and put its gnubin folder first on PATH)" >&2
  exit 2
fi
if [ ! -x "$distribution/bin/reposix" ]; then
  echo "$0: $distribution is not a built distribution (no executable bin/reposix); run mvn -B -ntp verify first" >&2
  exit 2
fi

archive="reposix-$version.tar.gz"
mkdir -p "$output"
# lib/reposix.jsa (the class-data-sharing archive) belongs to the JVM that built it: left out.
LC_ALL=C tar --create --directory="$distribution" --exclude=./lib/reposix.jsa --format=gnu --sort=name --mtime="$mtime" \
  --owner=0 --group=0 --numeric-owner --mode='u=rwX,go=rX' --transform="s,^\.,reposix-$version," . \
  | gzip --no-name --best > "$output/$archive"
(cd "$output" && sha256sum "$archive" > "$archive.sha256")
cat "$output/$archive.sha256"
