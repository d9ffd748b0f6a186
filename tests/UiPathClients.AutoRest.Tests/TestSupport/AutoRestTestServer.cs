using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;

using UiPathClients.Tests.Common;

namespace UiPathClients.AutoRest.Tests.TestSupport;

/// <summary>
/// Microsoft's AutoRest test server (npm <c>@microsoft.azure/autorest.testserver</c>, pinned in TestServer/package-lock.json),
/// installed by the build into <c>autorest-testserver/</c> beside the test assembly and started here on 127.0.0.1 on a
/// port the OS picks. One server serves every test of the collection, so its coverage counters add up over the run.
/// </summary>
public sealed class AutoRestTestServer : IAsyncLifetime
{
    private const string ListeningMarker = "UIPC-AUTOREST-LISTENING ";
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> _countersAtStart = new(StringComparer.Ordinal);
    private ListeningServerProcess? _server;

    /// <summary>Where the build installed the package (with <c>npm ci</c>).</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "autorest-testserver");

    /// <summary>The package's own folder (swagger documents, the server's route files).</summary>
    public static string PackageDirectory { get; } = Path.Combine(Directory, "node_modules", "@microsoft.azure", "autorest.testserver");

    /// <summary>The swagger documents the package ships (the ones the clients were generated from).</summary>
    public static string SwaggerDirectory { get; } = Path.Combine(PackageDirectory, "swagger");

    /// <summary>True when the build installed the package; otherwise the scenario tests were not compiled.</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "node_modules", ".uipc-installed-lock.json"));

    /// <summary>CI runs these tests whatever the machine has: a missing server there is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A plain client on the server (no handlers: the generated client's own pipeline is what is tested).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static readonly string[] Categories = ["vanilla", "optional", "azure"];

    /// <summary>The server's scenario counters of one category (<c>vanilla</c>, <c>optional</c> or <c>azure</c>).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReadCoverageAsync(string category)
    {
        using var http = CreateHttpClient();
        var path = category == "vanilla" ? "report" : "report/" + category;
        return await http.GetFromJsonAsync<Dictionary<string, int>>(path).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The test server returned no coverage report.");
    }

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
        {
            return; // Only the availability test runs, and it says why.
        }

        _server = await ListeningServerProcess.StartAsync(
            new ProcessStartInfo("node", "start-on-loopback.js") { WorkingDirectory = Directory }, ListeningMarker, "AutoRest test server", TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        BaseAddress = _server.Address;

        // The server starts some counters above zero (HeaderParameterProtectedKey is 1, "not a thing"): only an
        // increase during the run counts as a hit.
        foreach (var category in Categories)
        {
            _countersAtStart[category] = await ReadCoverageAsync(category).ConfigureAwait(false);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is { IsRunning: true })
        {
            await WriteCoverageAsync().ConfigureAwait(false);
        }

        _server?.Dispose();
    }

    /// <summary>
    /// After the collection: the counters per document, beside the test assembly (conformance-coverage.md) and, with
    /// UPDATE_CONFORMANCE=1, into the project's CONFORMANCE.md - the way snapshots are accepted.
    /// </summary>
    private async Task WriteCoverageAsync()
    {
        var hits = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var category in Categories)
        {
            var atStart = _countersAtStart[category];
            hits[category] = (await ReadCoverageAsync(category).ConfigureAwait(false))
                .ToDictionary(counter => counter.Key, counter => counter.Value - atStart.GetValueOrDefault(counter.Key), StringComparer.Ordinal);
        }

        var report = ConformanceReport.From(hits, PackageDirectory);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-coverage.md"), report.ToMarkdown());
        // Every counter that rose, for finding which scenario a single test stands for (run it alone, read this).
        File.WriteAllText(
            Path.Combine(AppContext.BaseDirectory, "conformance-hits.json"),
            JsonSerializer.Serialize(hits.ToDictionary(category => category.Key, category => category.Value.Where(counter => counter.Value > 0).ToDictionary()), new JsonSerializerOptions { WriteIndented = true }));
        if (Environment.GetEnvironmentVariable("UPDATE_CONFORMANCE") == "1")
        {
            report.WriteInto(Path.Combine(ProjectDirectory(), "CONFORMANCE.md"));
        }
    }

    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "UiPathClients.AutoRest.Tests");
            }
        }

        throw new InvalidOperationException("UPDATE_CONFORMANCE=1 but the repository (Generator.sln) is not above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AutoRestTestServerCollection : ICollectionFixture<AutoRestTestServer>
{
    public const string Name = "AutoRest test server";
}
