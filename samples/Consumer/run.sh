#!/usr/bin/env bash
# Packs UiPathClients into a local folder feed, then restores and runs this consumer project from
# that feed in a temporary copy: the same path a user takes with the published package.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A unique version per run: NuGet caches packages by id+version, so reusing one would test a stale copy.
version="0.1.0-local.$(date +%s)"

dotnet pack "$repo_root/src/UiPathClients/UiPathClients.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q

echo "Package contents:"
contents="$(unzip -Z1 "$work/feed/UiPathClients.$version.nupkg" | grep -E '^(analyzers|lib|build|specs)/' | sort)"
sed 's/^/  /' <<<"$contents"
# The generator only loads in the compiler if every DLL it needs sits beside it.
for required in \
  analyzers/dotnet/cs/UiPathClients.Generator.dll \
  analyzers/dotnet/cs/System.Text.Json.dll \
  analyzers/dotnet/cs/Microsoft.OpenApi.dll \
  analyzers/dotnet/cs/YamlDotNet.dll \
  lib/netstandard2.0/UiPathClients.Runtime.dll \
  lib/net8.0/UiPathClients.Runtime.dll \
  build/UiPathClients.props \
  build/UiPathClients.targets \
  specs/orchestrator/orchestrator.edmx \
  specs/communications-mining/communications-mining.openapi.yaml; do
  grep -qx "$required" <<<"$contents" || { echo "error: the package lacks $required" >&2; exit 1; }
done

# Copies a sample outside the repository, standing alone (no Directory.*.props), with the folder feed added on
# top of the machine's configured sources (no <clear/>).
stand_alone() {
  cp -r "$repo_root/samples/$1" "$work/$1"
  echo '<Project />' > "$work/$1/Directory.Build.props"
  echo '<Project />' > "$work/$1/Directory.Packages.props"
  cat > "$work/$1/nuget.config" <<CONFIG
<configuration>
  <packageSources>
    <add key="uipathclients-local" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
}

stand_alone Consumer
dotnet run --project "$work/Consumer/Consumer.csproj" -p:UiPathClientsVersion="$version"

echo
echo "Native AOT: publishing samples/AotConsumer from the package (IL and AOT warnings are errors) …"
stand_alone AotConsumer
dotnet publish "$work/AotConsumer/AotConsumer.csproj" -c Release -o "$work/AotConsumer/out" -p:UiPathClientsVersion="$version" --nologo \
  | tee "$work/aot-publish.log"
if grep -E "warning (IL|CS|NU)[0-9]+" "$work/aot-publish.log"; then
  echo "error: the native-AOT publish printed warnings" >&2
  exit 1
fi
binary="$work/AotConsumer/out/AotConsumer"
[ -x "$binary" ] || { echo "error: no native binary at $binary" >&2; exit 1; }

port=$((20000 + RANDOM % 20000))
dotnet run -c Release --project "$repo_root/src/UiPathClients.Emulator" -- --port "$port" > "$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 120); do
  grep -q "listening on" "$work/emulator.log" && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; echo "error: the emulator did not start" >&2; exit 1; }
  sleep 1
done
grep -q "listening on" "$work/emulator.log" || { echo "error: the emulator did not start within 120 s" >&2; exit 1; }

started=$(date +%s%N)
"$binary" "http://127.0.0.1:$port/" "Shared" "rt_emulator_personal_access_token"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "Native AOT binary: $(du -k "$binary" | cut -f1) KiB, ran against the emulator in ${elapsed_ms} ms"
