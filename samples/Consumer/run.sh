#!/usr/bin/env bash
# Packs UiPathClients, UiPathClients.Emulator, UiPathClients.AspNetCore and the uipath-emulator tool into a local folder
# feed, then restores and runs consumers from that feed in temporary copies: the same path a user takes with the
# published packages.
#   - samples/Consumer and samples/AotConsumer (native AOT) from UiPathClients;
#   - samples/EmulatorFixture: a test project that starts the emulator package in its tests (dotnet test) and receives
#     its signed webhooks with MapUiPathWebhooks from the AspNetCore package;
#   - the tool, installed with dotnet tool install, serving the AOT consumer and curl until SIGINT; a second instance
#     serving on-premises Orchestrator 2020.10 (--orchestrator-version), whose $metadata download-metadata writes (with
#     the on-premises login) for samples/TenantClient to generate a trimmed client from, which runs against that
#     instance through a fault injected with its control endpoint.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
emulator_pid=""
onprem_pid=""
cleanup() {
  for pid in $emulator_pid $onprem_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
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
  specs/orchestrator-2020.10/orchestrator-2020.10.edmx \
  specs/orchestrator-2019.10/orchestrator-2019.10.edmx \
  specs/communications-mining/communications-mining.openapi.yaml; do
  grep -qx "$required" <<<"$contents" || { echo "error: the package lacks $required" >&2; exit 1; }
done

# A package that ships beside UiPathClients (the emulator, the ASP.NET Core receiver): its own assembly only, the
# runtime through a dependency on UiPathClients (same version) without the generator or MSBuild files, never a
# dependency on a project that is not a package. Prints the contents and dependencies; leaves the nuspec in $nuspec.
check_runtime_from_uipathclients() {
  local id="$1" assembly="$2" package="$work/feed/$1.$version.nupkg" listing
  listing="$(unzip -Z1 "$package")"
  echo "$id contents:"
  grep -E '^(lib|build|analyzers)/' <<<"$listing" | sort | sed 's/^/  /'
  grep -qx "$assembly" <<<"$listing" || { echo "error: the $id package lacks $assembly" >&2; exit 1; }
  if grep -q "UiPathClients.Runtime.dll" <<<"$listing"; then
    echo "error: the $id package carries its own UiPathClients.Runtime.dll; it must come from the UiPathClients package" >&2
    exit 1
  fi
  nuspec="$(unzip -p "$package" "$id.nuspec")"
  grep -E '<dependency |<frameworkReference ' <<<"$nuspec" | sed 's/^ */  /'
  grep -q "<dependency id=\"UiPathClients\" version=\"$version\" exclude=\"Build,Analyzers\" />" <<<"$nuspec" \
    || { echo "error: the $id package does not depend on UiPathClients $version without Build and Analyzers" >&2; exit 1; }
  if grep -q 'id="UiPathClients.Runtime"\|id="UiPathClients.Generator"' <<<"$nuspec"; then
    echo "error: the $id package depends on a project that is not a package" >&2
    exit 1
  fi
}

# The emulator package also brings ASP.NET Core OData and the ASP.NET Core shared framework.
dotnet pack "$repo_root/src/UiPathClients.Emulator/UiPathClients.Emulator.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$repo_root/src/UiPathClients.Emulator.Tool/UiPathClients.Emulator.Tool.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
check_runtime_from_uipathclients UiPathClients.Emulator lib/net10.0/UiPathClients.Emulator.dll
for required in 'id="Microsoft.AspNetCore.OData"' 'frameworkReference name="Microsoft.AspNetCore.App"'; do
  grep -q "$required" <<<"$nuspec" || { echo "error: the emulator nuspec lacks $required" >&2; exit 1; }
done

# The webhook receiver package: the ASP.NET Core shared framework and UiPathClients, nothing else.
dotnet pack "$repo_root/src/UiPathClients.AspNetCore/UiPathClients.AspNetCore.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
check_runtime_from_uipathclients UiPathClients.AspNetCore lib/net8.0/UiPathClients.AspNetCore.dll
grep -q 'frameworkReference name="Microsoft.AspNetCore.App"' <<<"$nuspec" || { echo "error: the AspNetCore nuspec lacks the ASP.NET Core shared framework" >&2; exit 1; }
[ "$(grep -c '<dependency ' <<<"$nuspec")" -eq 1 ] || { echo "error: the AspNetCore package depends on more than UiPathClients" >&2; exit 1; }
# The listing is read whole first: `unzip | grep -q` fails under pipefail when grep stops early and unzip gets SIGPIPE.
tool_listing="$(unzip -Z1 "$work/feed/UiPathClients.Emulator.Tool.$version.nupkg")"
grep -qx "tools/net10.0/any/DotnetToolSettings.xml" <<<"$tool_listing" \
  || { echo "error: UiPathClients.Emulator.Tool is not a .NET tool package" >&2; exit 1; }

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

echo
echo "The emulator as a test fixture, delivering webhooks to MapUiPathWebhooks: samples/EmulatorFixture with dotnet test, from the packages …"
stand_alone EmulatorFixture
dotnet test "$work/EmulatorFixture/EmulatorFixture.csproj" -p:UiPathClientsVersion="$version" --nologo
# The runtime reaches the test project once, from UiPathClients (though the emulator and AspNetCore packages bring it
# too): one compile reference and one runtime asset. The receiver is compiled against the AspNetCore package.
reference_paths="$(dotnet msbuild "$work/EmulatorFixture/EmulatorFixture.csproj" -p:UiPathClientsVersion="$version" -t:ResolveReferences -getItem:ReferencePath)"
grep -qi "\"Identity\": \"[^\"]*/uipathclients.aspnetcore/$version/lib/net8.0/UiPathClients\.AspNetCore\.dll\"" <<<"$reference_paths" \
  || { echo "error: the test project does not reference UiPathClients.AspNetCore.dll from its package" >&2; exit 1; }
references="$(grep -o '"Identity": "[^"]*UiPathClients\.Runtime\.dll"' <<<"$reference_paths" || true)"
echo "UiPathClients.Runtime.dll compile references: ${references:-none}"
[ "$(grep -c . <<<"$references")" -eq 1 ] && grep -qi "/uipathclients/$version/lib/" <<<"$references" \
  || { echo "error: the test project does not reference exactly one UiPathClients.Runtime.dll, from the UiPathClients package" >&2; exit 1; }
runtime_assets="$(find "$work/EmulatorFixture/bin" -name EmulatorFixture.deps.json -exec grep -o '"[^"]*UiPathClients\.Runtime\.dll"' {} + | sort -u)"
[ "$(grep -c . <<<"$runtime_assets")" -eq 1 ] \
  || { echo "error: the test project's deps.json names UiPathClients.Runtime.dll more than once: $runtime_assets" >&2; exit 1; }

echo
echo "The uipath-emulator tool: dotnet tool install from the feed, serve, call, SIGINT …"
dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" UiPathClients.Emulator.Tool --version "$version"
help="$("$work/tools/uipath-emulator" --help)"
head -1 <<<"$help"
token="rt_emulator_personal_access_token"
port=$((20000 + RANDOM % 20000))
# Starts the installed tool in the background with the options after $2, its output in $2, and returns once it listens.
# The pid goes into the variable named $1 at once, so cleanup stops it even if it never listens.
start_emulator() {
  local pid_variable="$1" log="$2"
  shift 2
  # Job control on while it starts: a background job of a script otherwise ignores SIGINT, and SIGINT is what is tested.
  set -m
  "$work/tools/uipath-emulator" "$@" > "$log" 2>&1 &
  printf -v "$pid_variable" '%s' "$!"
  set +m
  for _ in $(seq 1 120); do
    grep -q "listening on" "$log" && { sed 's/^/  | /' "$log"; return 0; }
    kill -0 "${!pid_variable}" 2>/dev/null || { cat "$log" >&2; echo "error: uipath-emulator $* did not start" >&2; exit 1; }
    sleep 1
  done
  echo "error: uipath-emulator $* did not start within 120 s" >&2
  exit 1
}
start_emulator emulator_pid "$work/emulator.log" --port "$port" --quiet

releases="$(curl -fsS -H "Authorization: Bearer $token" -H "X-UIPATH-FolderPath: Shared" "http://127.0.0.1:$port/odata/Releases?\$select=Name")"
grep -q '"InvoiceProcessing"' <<<"$releases" \
  || { echo "error: curl did not list the seeded releases from uipath-emulator" >&2; exit 1; }
echo "curl: GET odata/Releases answered with the seeded releases"

echo
echo "An on-premises Orchestrator 2020.10 (a second tool instance): download-metadata with its login into samples/TenantClient,"
echo "which generates a trimmed client from it and runs against it …"
onprem_port=$((port + 1))
onprem="http://127.0.0.1:$onprem_port/"
start_emulator onprem_pid "$work/onprem.log" --port "$onprem_port" --orchestrator-version 2020.10 --quiet
grep -q "Orchestrator 2020.10, on-premises" "$work/onprem.log" || { echo "error: the tool's banner does not name the version it serves" >&2; exit 1; }
stand_alone TenantClient
UIPATH_PASSWORD="emulator-password" "$work/tools/uipath-emulator" download-metadata "$onprem" --tenancy Default --user admin \
  --out "$work/TenantClient/tenant.edmx" --client-name Tenant | tee "$work/download-metadata.log"
grep -q 'AdditionalFiles Include=' "$work/download-metadata.log" || { echo "error: download-metadata printed no MSBuild line" >&2; exit 1; }
# 2020.10 has 47 entity sets (cloud 52): the file is that server's description, not the cloud's.
grep -q "47 entity sets" "$work/download-metadata.log" || { echo "error: the downloaded \$metadata is not Orchestrator 2020.10's" >&2; exit 1; }
# The first Jobs query is throttled through the control endpoint; the client's resilience handler waits and retries.
fault="$(curl -fsS -X POST -H 'Content-Type: application/json' "${onprem}_emulator/faults" \
  -d '{"path": "odata/Jobs", "method": "GET", "statusCode": 429, "retryAfterSeconds": 1}')"
grep -q '"id":' <<<"$fault" || { echo "error: the fault control endpoint did not add the fault: $fault" >&2; exit 1; }
dotnet run --project "$work/TenantClient/TenantClient.csproj" -p:UiPathClientsVersion="$version" -- "$onprem" "Shared" "$token"
faults="$(curl -fsS "${onprem}_emulator/faults")"
grep -q '"injectedCount":1' <<<"$faults" || { echo "error: the throttling fault was not injected: $faults" >&2; exit 1; }
echo "The trimmed 2020.10 client was throttled once (429, Retry-After 1) and retried: $faults"
kill -INT "$onprem_pid"
wait "$onprem_pid" || { echo "error: the on-premises uipath-emulator did not stop cleanly on SIGINT" >&2; exit 1; }
onprem_pid=""

started=$(date +%s%N)
"$binary" "http://127.0.0.1:$port/" "Shared" "$token"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "Native AOT binary: $(du -k "$binary" | cut -f1) KiB, ran against uipath-emulator in ${elapsed_ms} ms"

kill -INT "$emulator_pid"
exit_code=0
wait "$emulator_pid" || exit_code=$?
emulator_pid=""
[ "$exit_code" -eq 0 ] || { cat "$work/emulator.log" >&2; echo "error: uipath-emulator exited with $exit_code after SIGINT (expected 0)" >&2; exit 1; }
echo "uipath-emulator stopped on SIGINT with exit code 0"
