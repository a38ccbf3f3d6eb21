#!/bin/sh
# Build step after the distribution is assembled: makes its start and its long commands faster with
# class-data sharing (CDS). Usage: class-data-archive.sh DISTRIBUTION
#   1. Signed jars in lib/ lose their signature (StripJarSignatures.java says why).
#   2. lib/reposix.classlist: the classes `reposix demo` loads, in the CLI and in git-remote-reposix.
#      The demo runs init, mirror sync, attach and a push against its built-in simulator, so the
#      list holds what those commands load (JGit, HTTP, JSON, the codec), not just what a start
#      loads. Lambda proxy lines are left out: JDK 17 crashes dumping them.
#   3. lib/reposix.jsa: the archive of those classes, for this JVM. The launchers use it when it
#      matches; an installed release, which leaves it out, writes it from the list on its first run.
# Each file is written under another name and renamed, so an interrupted build leaves none half-written.
set -eu
# physical path, as the launchers have it: an archive is used only with the class path it was written for
distribution=$(cd "$1" && pwd -P)
lib=$distribution/lib
here=$(dirname "$0")
java_command=java
if [ -n "${JAVA_HOME:-}" ]; then java_command=$JAVA_HOME/bin/java; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$java_command" "$here/StripJarSignatures.java" "$lib"

# The demo must not see the settings of a developer's real site.
for variable in $(env | sed -n 's/^\(\(REPOSIX\|ATLASSIAN\)_[A-Za-z0-9_]*\)=.*/\1/p'); do
  unset "$variable"
done
rm -f "$lib/reposix.jsa"
if ! REPOSIX_JAVA_OPTS="-XX:DumpLoadedClassList=$work/%p.classlist" \
    "$distribution/bin/reposix" demo --dir "$work/demo" >"$work/demo.log" 2>&1; then
  cat "$work/demo.log" >&2
  echo "class-data-archive.sh: reposix demo failed; see its output above" >&2
  exit 1
fi
cat "$work"/*.classlist | sed -e '/^[#@]/d' -e 's/ id:.*//' | awk '!seen[$0]++' >"$lib/reposix.classlist.tmp"
mv -f "$lib/reposix.classlist.tmp" "$lib/reposix.classlist"

"$java_command" -Xshare:dump -XX:SharedClassListFile="$lib/reposix.classlist" \
  -XX:SharedArchiveFile="$lib/reposix.jsa.tmp" -Xlog:disable -cp "$lib/*:$distribution/plugins/*" >/dev/null
mv -f "$lib/reposix.jsa.tmp" "$lib/reposix.jsa"
