#!/usr/bin/env bash
# The consumer's build loop: how long `dotnet build` takes in a project that uses UiPathClients, cold and after an
# edit of Program.cs, against an empty console app and an NSwag-generated client for the same service. The consumers
# are generated in a throwaway folder outside the repository and install the packed package from a local folder feed,
# as users do. See README.md beside this file for what "cold" and "rebuild" mean here.
#
#   bash tests/Benchmarks/BuildLoop/build-loop.sh [--runs N] [--only i,ii,iii,iv,v,vi] [--out results.md]
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: build-loop.sh [--runs N] [--only LIST] [--out FILE]
  --runs N     repetitions of each measurement (default 3, at least 1); the table shows the median, min and max
  --only LIST  comma-separated consumers to measure (default i,ii,iii,iv,v,vi):
                 i    an empty console app
                 ii   Orchestrator + CommunicationsMining generated in the app itself
                 iii  the same clients generated in a class library the app references
                 iv   NSwag's client for the Orchestrator v20 OpenAPI document compiled in the app
                 v    Orchestrator alone, whole, generated in the app
                 vi   Orchestrator alone, trimmed to Jobs, Releases and Webhooks (include-lists), in the app
  --out FILE   also write the markdown fragment to FILE (it is always printed)
USAGE
}

runs=3
only="i,ii,iii,iv,v,vi"
out_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --only) only="${2:?--only needs a list}"; shift 2 ;;
    --out) out_file="${2:?--out needs a file}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: --runs must be a positive integer, got '$runs'" >&2; exit 2; }
declare -A selected=()
IFS=',' read -ra only_list <<<"$only"
for consumer in "${only_list[@]}"; do
  case "$consumer" in
    i|ii|iii|iv|v|vi) selected[$consumer]=1 ;;
    *) echo "error: --only takes i, ii, iii, iv, v, vi; got '$consumer'" >&2; exit 2 ;;
  esac
done
if [ -n "$out_file" ]; then
  # Resolved now: the script changes no directory, but the caller's relative path must mean the caller's folder.
  mkdir -p "$(dirname "$out_file")"
  out_file="$(cd "$(dirname "$out_file")" && pwd)/$(basename "$out_file")"
fi

script_started=$(date +%s)
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
nswag_spec="$(dirname "$repo_root")/shared/specs-real/uipath/orchestrator-cloud-v20.0.uipathcli.openapi3.yaml"
work="$(mktemp -d -t uipath-build-loop.XXXXXX)"
# The consumers' build servers (compiler server, MSBuild nodes) talk over sockets in TMPDIR: a TMPDIR of our own means
# `dotnet build-server shutdown` reaches only the servers this script started, never another build on the machine.
server_tmp="$work/tmp"
mkdir -p "$server_tmp" "$work/logs"

# Every process that carries our TMPDIR is one this script started (directly or as a detached build server).
our_server_pids() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"; pid="${pid%/environ}"
    # Kernel threads and processes that end meanwhile have no readable environment: they are not ours.
    if { tr '\0' '\n' <"$environ"; } 2>/dev/null | grep -qxF "TMPDIR=$server_tmp"; then echo "$pid"; fi
  done
}

# Runs dotnet with a developer machine's defaults: compiler server and MSBuild node reuse on. This machine's
# environment turns both off (UseSharedCompilation=false, MSBUILDDISABLENODEREUSE=1), which no developer has.
consumer_dotnet() {
  env -u MSBUILDDISABLENODEREUSE -u UseSharedCompilation -u DOTNET_CLI_USE_MSBUILD_SERVER TMPDIR="$server_tmp" dotnet "$@"
}

compiler_server_running() {
  local pid
  for pid in $(our_server_pids); do
    if { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q VBCSCompiler; then return 0; fi
  done
  return 1
}

# Asks our build servers to stop, then ends (by pid) any that outlive the request; fails if one will not end.
stop_build_servers() {
  consumer_dotnet build-server shutdown >>"$work/logs/build-server-shutdown.log" 2>&1 || true
  local signal pid attempt
  for signal in TERM KILL; do
    for attempt in $(seq 1 20); do
      [ -z "$(our_server_pids)" ] && return 0
      sleep 0.5
    done
    for pid in $(our_server_pids); do kill -s "$signal" "$pid" 2>/dev/null || true; done
  done
  sleep 1
  [ -z "$(our_server_pids)" ] || { echo "error: build servers would not end: $(our_server_pids | tr '\n' ' ')" >&2; return 1; }
}

cleanup() {
  stop_build_servers || true
  rm -rf "$work"
}
trap cleanup EXIT

# Progress on stderr, stamped with the time since the start; stdout carries only the results.
progress() {
  local elapsed=$(( $(date +%s) - script_started ))
  printf '[%d:%02d] %s\n' $((elapsed / 60)) $((elapsed % 60)) "$*" >&2
}

fail_with_log() {
  echo "error: $1; the last lines of $2:" >&2
  tail -n 40 "$2" >&2
  exit 1
}

progress "Working in $work"

# --- the package, as users get it ------------------------------------------------------------------------------------

# A unique version per run: NuGet caches packages by id+version, so reusing one would build against a stale copy.
version="0.1.0-local.$(date +%s)"
progress "Packing UiPathClients $version …"
# Built under an artifacts folder of its own: packing with a new version in the repository's bin/ and obj/ would make
# the next build of tests/Benchmarks (which references the generator and the runtime) recompile everything.
dotnet pack "$repo_root/src/UiPathClients/UiPathClients.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo \
  --artifacts-path "$work/pack-artifacts" \
  >"$work/logs/pack.log" 2>&1 || fail_with_log "dotnet pack failed" "$work/logs/pack.log"

# A folder standing alone outside the repository (no Directory.*.props above it reaches it: it is under the temp
# folder), with the local feed added on top of the machine's configured sources.
stand_alone() {
  local folder="$1"
  mkdir -p "$folder"
  echo '<Project />' >"$folder/Directory.Build.props"
  echo '<Project />' >"$folder/Directory.Packages.props"
  cat >"$folder/nuget.config" <<CONFIG
<configuration>
  <packageSources>
    <add key="uipathclients-local" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
}

# What `dotnet new console` writes, plus the extra lines of each consumer.
write_app_project() {
  local project="$1" extra_items="$2"
  mkdir -p "$(dirname "$project")"
  cat >"$project" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
$extra_items
  </ItemGroup>
</Project>
PROJECT
}

# The line the rebuild edits: a changed string literal, so the compiler really has new input (not just a newer file).
edit_marker='Console.WriteLine("build-loop edit 0");'

write_orchestrator_program() {
  local program="$1" namespace="$2"
  cat >"$program" <<PROGRAM
using $namespace.Orchestrator;

// A realistic start of an app: the generated client over an HttpClient and one typed query, shown as its URL.
using var http = new HttpClient { BaseAddress = new Uri("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/") };
var orchestrator = new OrchestratorClient(http);
var faulted = orchestrator.Jobs
    .Where(j => j.State == JobState.Faulted & j.ReleaseName.StartsWith("Invoice"))
    .OrderByDescending(j => j.CreationTime)
    .Top(10);
Console.WriteLine(\$"GET {faulted.ToUri()}");
$edit_marker
PROGRAM
}

declare -A consumer_title=(
  [i]="(i) empty console app"
  [ii]="(ii) Orchestrator + CM generated in the app"
  [iii]="(iii) Orchestrator + CM generated in a class library the app references"
  [iv]="(iv) NSwag client for Orchestrator v20 (OpenAPI) in the app"
  [v]="(v) Orchestrator alone, whole, in the app"
  [vi]="(vi) Orchestrator alone, trimmed to Jobs + Releases + Webhooks, in the app"
)
declare -A consumer_project=()
declare -A skipped_reason=()

if [ -n "${selected[i]:-}" ]; then
  stand_alone "$work/i"
  write_app_project "$work/i/App/App.csproj" ""
  cat >"$work/i/App/Program.cs" <<PROGRAM
Console.WriteLine("Hello, World!");
$edit_marker
PROGRAM
  consumer_project[i]="$work/i/App/App.csproj"
fi

opt_in_lines="    <PackageReference Include=\"UiPathClients\" Version=\"$version\" />
    <UiPathClient Include=\"Orchestrator\" />
    <UiPathClient Include=\"CommunicationsMining\" />"

if [ -n "${selected[ii]:-}" ]; then
  stand_alone "$work/ii"
  write_app_project "$work/ii/App/App.csproj" "$opt_in_lines"
  write_orchestrator_program "$work/ii/App/Program.cs" "App"
  consumer_project[ii]="$work/ii/App/App.csproj"
fi

if [ -n "${selected[iii]:-}" ]; then
  # The layout README.md recommends: a library with nothing but the clients, compiled once, referenced by the app.
  stand_alone "$work/iii"
  mkdir -p "$work/iii/Clients"
  cat >"$work/iii/Clients/Clients.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>UiPath.Clients</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
$opt_in_lines
  </ItemGroup>
</Project>
PROJECT
  write_app_project "$work/iii/App/App.csproj" '    <ProjectReference Include="../Clients/Clients.csproj" />'
  write_orchestrator_program "$work/iii/App/Program.cs" "UiPath.Clients"
  consumer_project[iii]="$work/iii/App/App.csproj"
fi

# (v) and (vi) differ only in the include-lists: what trimming a client saves in the user's build.
if [ -n "${selected[v]:-}" ]; then
  stand_alone "$work/v"
  write_app_project "$work/v/App/App.csproj" "    <PackageReference Include=\"UiPathClients\" Version=\"$version\" />
    <UiPathClient Include=\"Orchestrator\" />"
  write_orchestrator_program "$work/v/App/Program.cs" "App"
  consumer_project[v]="$work/v/App/App.csproj"
fi

if [ -n "${selected[vi]:-}" ]; then
  stand_alone "$work/vi"
  write_app_project "$work/vi/App/App.csproj" "    <PackageReference Include=\"UiPathClients\" Version=\"$version\" />
    <UiPathClient Include=\"Orchestrator\" EntitySets=\"Jobs;Releases;Webhooks\" />"
  write_orchestrator_program "$work/vi/App/Program.cs" "App"
  consumer_project[vi]="$work/vi/App/App.csproj"
fi

if [ -n "${selected[iv]:-}" ]; then
  if [ ! -f "$nswag_spec" ]; then
    skipped_reason[iv]="the Orchestrator v20 OpenAPI document is not at $nswag_spec (the real-spec corpus beside the repository)"
    progress "Skipping (iv): ${skipped_reason[iv]}"
  else
    progress "Building tests/Benchmarks (Release) for NSwag's generator …"
    dotnet build "$repo_root/tests/Benchmarks/Benchmarks.csproj" -c Release --nologo >"$work/logs/benchmarks-build.log" 2>&1 \
      || fail_with_log "building tests/Benchmarks failed" "$work/logs/benchmarks-build.log"
    stand_alone "$work/iv"
    # NSwag's default output serializes with Newtonsoft.Json; it needs no other package on net10.0.
    write_app_project "$work/iv/App/App.csproj" '    <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />'
    dotnet "$repo_root/tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll" nswag-generate "$nswag_spec" "$work/iv/App/NSwagClient.cs" \
      >"$work/logs/nswag-generate.log" 2>&1 || fail_with_log "NSwag generation failed" "$work/logs/nswag-generate.log"
    cat >"$work/iv/App/Program.cs" <<PROGRAM
// The same start with NSwag's client: the jobs client over an HttpClient and the same query, as OData strings.
using var http = new HttpClient();
var jobs = new NSwagGenerated.JobsClient(http) { BaseUrl = "https://cloud.uipath.com/acme/DefaultTenant/orchestrator_" };
Func<Task<NSwagGenerated.ODataValueOfIEnumerableOfJobDto>> faulted = () => jobs.GetAsync(
    null!, null!, null!, "State eq 'Faulted' and startswith(ReleaseName,'Invoice')", null!, "CreationTime desc", 10, null, null, 1);
Console.WriteLine(\$"GET {jobs.BaseUrl}/odata/Jobs via {faulted.Method.Name}");
$edit_marker
PROGRAM
    consumer_project[iv]="$work/iv/App/App.csproj"
  fi
fi

# --- measuring -------------------------------------------------------------------------------------------------------

build_args=(--no-restore -c Debug --nologo -nodeReuse:true -p:UseSharedCompilation=true)
build_count=0

# Times one `dotnet build` of a consumer (milliseconds on stdout); fails loudly, with the log's tail, if it fails or
# if the app's assembly was not written after Program.cs changed (a build that compiled nothing measures nothing).
timed_build() {
  local project="$1" label="$2"
  local log="$work/logs/$label.log" app_dir started elapsed
  app_dir="$(dirname "$project")"
  started=$(date +%s%N)
  consumer_dotnet build "$project" "${build_args[@]}" >"$log" 2>&1 || fail_with_log "the build '$label' failed" "$log"
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  [ -n "$(find "$app_dir/bin/Debug/net10.0/App.dll" -newer "$app_dir/Program.cs" 2>/dev/null)" ] \
    || fail_with_log "the build '$label' did not write App.dll after Program.cs changed" "$log"
  echo "$elapsed"
}

# Leaves a project as `git clean` + `dotnet restore` would: no bin/, and obj/ holding only the restore output.
clean_to_restored() {
  local project_dir="$1"
  rm -rf "$project_dir/bin"
  find "$project_dir/obj" -mindepth 1 -maxdepth 1 \
    ! -name project.assets.json ! -name project.nuget.cache ! -name '*.nuget.dgspec.json' \
    ! -name '*.nuget.g.props' ! -name '*.nuget.g.targets' -exec rm -rf {} +
}

edit_program() {
  build_count=$((build_count + 1))
  sed -i "s/build-loop edit [0-9]*/build-loop edit $build_count/" "$1"
}

# "median min max" of whole milliseconds, printed as seconds.
summarize() {
  printf '%s\n' "$@" | sort -n | awk '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f s [%.1f–%.1f]", median / 1000, v[1] / 1000, v[NR] / 1000
    }'
}

declare -A cold_result=() rebuild_result=() library_recompiled=()
for consumer in i ii iii iv v vi; do
  project="${consumer_project[$consumer]:-}"
  [ -n "$project" ] || continue
  consumer_dir="$(dirname "$(dirname "$project")")"
  app_dir="$(dirname "$project")"
  progress "Restoring ${consumer_title[$consumer]} …"
  consumer_dotnet restore "$project" --nologo >"$work/logs/$consumer-restore.log" 2>&1 \
    || fail_with_log "restoring ${consumer_title[$consumer]} failed" "$work/logs/$consumer-restore.log"
  cold_ms=() rebuild_ms=()
  library_dll="$consumer_dir/Clients/bin/Debug/net10.0/Clients.dll"
  for run in $(seq 1 "$runs"); do
    stop_build_servers
    for project_dir in "$consumer_dir"/*/; do
      if [ -d "$project_dir/obj" ]; then clean_to_restored "$project_dir"; fi
    done
    edit_program "$app_dir/Program.cs"
    elapsed_ms="$(timed_build "$project" "$consumer-cold-$run")"
    cold_ms+=("$elapsed_ms")
    library_before=""
    if [ -f "$library_dll" ]; then library_before="$(date -r "$library_dll" +%s%N)"; fi
    edit_program "$app_dir/Program.cs"
    elapsed_ms="$(timed_build "$project" "$consumer-rebuild-$run")"
    rebuild_ms+=("$elapsed_ms")
    compiler_server_running || fail_with_log "no compiler server of ours runs after '$consumer-rebuild-$run': the loop was not measured warm" "$work/logs/$consumer-rebuild-$run.log"
    if [ -n "$library_before" ] && [ "$library_before" != "$(date -r "$library_dll" +%s%N)" ]; then
      library_recompiled[$consumer]=1
    fi
    progress "  run $run: cold ${cold_ms[-1]} ms, rebuild ${rebuild_ms[-1]} ms"
  done
  cold_result[$consumer]="$(summarize "${cold_ms[@]}")"
  rebuild_result[$consumer]="$(summarize "${rebuild_ms[@]}")"
done
stop_build_servers

# --- generated code --------------------------------------------------------------------------------------------------

# "files lines" of the .cs files under a folder.
count_code() {
  local files lines
  files=$(find "$1" -type f -name '*.cs' | wc -l)
  lines=$(find "$1" -type f -name '*.cs' -exec cat {} + | wc -l)
  echo "$files $lines"
}

declare -a size_rows=()
# Writes a consumer's generated files with one build more, not timed (writing them to disk is not part of the measured
# loop), and adds a row per client: "<what>" names how the client was chosen.
count_generated() {
  local consumer="$1" what="$2"
  local generated="$work/generated-$consumer"
  edit_program "$work/$consumer/App/Program.cs"
  consumer_dotnet build "${consumer_project[$consumer]}" "${build_args[@]}" -p:EmitCompilerGeneratedFiles=true \
    -p:CompilerGeneratedFilesOutputPath="$generated" >"$work/logs/$consumer-emit.log" 2>&1 \
    || fail_with_log "the build that writes the generated files failed" "$work/logs/$consumer-emit.log"
  stop_build_servers
  # <output>/<generator assembly>/<generator type>/<hint name>; our hint names start with the client name.
  local generator_dir
  generator_dir="$(find "$generated/UiPathClients.Generator" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
  [ -n "$generator_dir" ] || { echo "error: the generator wrote no files under $generated" >&2; exit 1; }
  for client_dir in "$generator_dir"/*/; do
    read -r files lines <<<"$(count_code "$client_dir")"
    size_rows+=("| $(basename "$client_dir") (UiPathClients generator, $what) | $files | $lines |")
  done
  local loose_files
  loose_files=$(find "$generator_dir" -mindepth 1 -maxdepth 1 -type f -name '*.cs' | wc -l)
  if [ "$loose_files" -gt 0 ]; then
    size_rows+=("| shared by the clients (UiPathClients generator) | $loose_files | $(find "$generator_dir" -mindepth 1 -maxdepth 1 -type f -name '*.cs' -exec cat {} + | wc -l) |")
  fi
}
if [ -n "${consumer_project[ii]:-}" ]; then
  count_generated ii "bundled spec"
elif [ -n "${consumer_project[v]:-}" ]; then
  count_generated v "bundled spec"
fi
if [ -n "${consumer_project[vi]:-}" ]; then
  count_generated vi "EntitySets=\"Jobs;Releases;Webhooks\""
fi
if [ -n "${consumer_project[iv]:-}" ]; then
  nswag_version="$(grep -m1 -o 'NSwag toolchain v[0-9.]*' "$work/iv/App/NSwagClient.cs" | sed 's/NSwag toolchain v//')"
  size_rows+=("| Orchestrator v20 OpenAPI (NSwag ${nswag_version:-?} client, default settings) | 1 | $(wc -l <"$work/iv/App/NSwagClient.cs") |")
fi

# --- report ----------------------------------------------------------------------------------------------------------

total_seconds=$(( $(date +%s) - script_started ))
cpu_model="$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
sdk_version="$(cd "$work" && dotnet --version)"
{
  echo "### Consumer build loop"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores (${cpu_model:-unknown CPU}); .NET SDK $sdk_version; load average $load_at_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; UiPathClients $version from a local feed."
  echo "\`bash tests/Benchmarks/BuildLoop/build-loop.sh --runs $runs --only $only\` took $((total_seconds / 60)) min $((total_seconds % 60)) s in all."
  echo
  echo "\`dotnet build --no-restore -c Debug\`, wall clock, median [min–max] of $runs runs. Cold: build servers shut down, bin/ and obj/ deleted except the restore output. Rebuild: one string literal in Program.cs changed, build servers warm."
  echo
  echo "| Consumer | Cold build | Rebuild after editing Program.cs |"
  echo "| --- | ---: | ---: |"
  for consumer in i ii iii iv v vi; do
    if [ -n "${consumer_project[$consumer]:-}" ]; then
      note=""
      [ -n "${library_recompiled[$consumer]:-}" ] && note=" (the library was recompiled too)"
      echo "| ${consumer_title[$consumer]} | ${cold_result[$consumer]} | ${rebuild_result[$consumer]}$note |"
    elif [ -n "${skipped_reason[$consumer]:-}" ]; then
      echo "| ${consumer_title[$consumer]} | skipped: ${skipped_reason[$consumer]} | |"
    fi
  done
  if [ ${#size_rows[@]} -gt 0 ]; then
    echo
    echo "| Generated code | Files | Lines |"
    echo "| --- | ---: | ---: |"
    printf '%s\n' "${size_rows[@]}"
  fi
} >"$work/results.md"

cat "$work/results.md"
if [ -n "$out_file" ]; then
  cp "$work/results.md" "$out_file"
  echo "Written to $out_file" >&2
fi
