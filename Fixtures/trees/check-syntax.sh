#!/bin/sh
# Syntax-check every .c file of every fixture tree next to this script,
# once with -DCONFIG_SMP and once without.  Files under tools/virtio get
# -Itools/virtio ahead of -Iinclude, as the kernel's tools/virtio build does.
#
#   cd <tree> && cc -fsyntax-only -nostdinc -Iinclude -DCONFIG_SMP <file>
#   cd <tree> && cc -fsyntax-only -nostdinc -Iinclude <file>
#
# CC overrides the compiler; EXTRA_CFLAGS (e.g. "-Wall -Werror") is added
# to every command.  Exits non-zero if any check fails.

set -u

here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
extra_cflags=${EXTRA_CFLAGS:-}
checks=0
failures=0

for tree in "$here"/*/; do
	tree=${tree%/}
	[ -d "$tree/include" ] || continue
	name=$(basename "$tree")
	files=$(cd "$tree" && find . -name '*.c' -type f | sed 's|^\./||' | sort)
	if [ -z "$files" ]; then
		echo "FAIL $name: no .c files"
		failures=$((failures + 1))
		continue
	fi
	for f in $files; do
		case $f in
		tools/virtio/*) inc="-Itools/virtio -Iinclude" ;;
		*) inc="-Iinclude" ;;
		esac
		for smp in -DCONFIG_SMP ""; do
			checks=$((checks + 1))
			# shellcheck disable=SC2086
			if (cd "$tree" && "$cc" -fsyntax-only -nostdinc $inc \
			    $smp $extra_cflags "$f"); then
				:
			else
				echo "FAIL $name/$f ${smp:-(no CONFIG_SMP)}"
				failures=$((failures + 1))
			fi
		done
	done
done

echo "$checks checks, $failures failures"
[ "$failures" -eq 0 ]
