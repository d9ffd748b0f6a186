#!/usr/bin/env bash
# The one command for the whole benchmark suite (README.md here): builds the program in Release, runs every
# BenchmarkDotNet class with the short jobs of Support/Jobs.cs, and writes RESULTS.md beside this script.
#   bash tests/Benchmarks/run.sh                  the BenchmarkDotNet suite (about 10-15 minutes on 2 cores)
#   bash tests/Benchmarks/run.sh --build-loop     then the consumer build loop too (BuildLoop/build-loop.sh, ~15 minutes more)
#   bash tests/Benchmarks/run.sh --filter '*Filter*'   only some classes (RESULTS.md then reports the others as not run)
# Needs ../shared/specs-real beside the repository (the real specs the generator is measured on).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
filter='*'
build_loop=false
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) filter="$2"; shift 2 ;;
    --build-loop) build_loop=true; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

[ -d "$repo_root/../shared/specs-real" ] || { echo "error: the real specs are not at $repo_root/../shared/specs-real" >&2; exit 1; }

started=$(date +%s)
dotnet build "$here/Benchmarks.csproj" -c Release --nologo -v q
program="$here/bin/Release/net10.0/Benchmarks.dll"

# A stale export of an earlier run must not pass for this one.
rm -rf "$repo_root/artifacts/benchmarks/results"
(cd "$here" && dotnet "$program" --filter "$filter")
suite_seconds=$(( $(date +%s) - started ))
echo "BenchmarkDotNet suite: ${suite_seconds} s"

# The build loop is as slow as the suite: its last recorded table (committed) is quoted unless it is run again.
fragment="$here/BuildLoop/results.md"
if $build_loop; then
  bash "$here/BuildLoop/build-loop.sh" --out "$fragment"
fi
[ -f "$fragment" ] || fragment=""

# Each optional part is built by an if: under set -e a substitution that ends false would end the script here.
command="bash tests/Benchmarks/run.sh"
if [ "$filter" != '*' ]; then command+=" --filter '$filter'"; fi
if $build_loop; then command+=" --build-loop"; fi
command+=" (suite: ${suite_seconds} s)"
dotnet "$program" results "$here/RESULTS.md" "$command" ${fragment:+"$fragment"}
echo "Total: $(( $(date +%s) - started )) s"
