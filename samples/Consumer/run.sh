#!/usr/bin/env bash
# Packs UiPathClients into a local folder feed, then restores and runs this consumer project from
# that feed in a temporary copy: the same path a user takes with the published package.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A unique version per run: NuGet caches packages by id+version, so reusing one would test a stale copy.
version="0.1.0-local.$(date +%s)"

dotnet pack "$repo_root/src/UiPathClients/UiPathClients.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q

echo "Package contents:"
contents="$(unzip -Z1 "$work/feed/UiPathClients.$version.nupkg" | grep -E '^(analyzers|lib|build|specs)/' | sort)"
sed 's/^/  /' <<<"$contents"
# The generator only loads in the compiler if every DLL it needs sits beside it.
for required in \
  analyzers/dotnet/cs/UiPathClients.Generator.dll \
  analyzers/dotnet/cs/Scriban.Signed.dll \
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

cp -r "$repo_root/samples/Consumer" "$work/consumer"
# The consumer is meant to stand alone, outside the repository's Directory.*.props.
cat > "$work/consumer/Directory.Build.props" <<'PROPS'
<Project />
PROPS
cat > "$work/consumer/Directory.Packages.props" <<'PROPS'
<Project />
PROPS

# Adds the folder feed on top of the machine's configured sources (no <clear/>).
cat > "$work/consumer/nuget.config" <<CONFIG
<configuration>
  <packageSources>
    <add key="uipathclients-local" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG

dotnet run --project "$work/consumer/Consumer.csproj" -p:UiPathClientsVersion="$version"
