using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Tests.Common;

namespace UiPathClients.EndToEnd.Tests.SecondServer;

/// <summary>
/// The SAP CAP bookshop service (SecondServer/cap) as a second OData v4 implementation: installed with <c>npm ci</c> from
/// the registry into the test output (once per lock file: a stamp in node_modules remembers which), run with the Node 22
/// binary the <c>node</c> package brings (CAP 10 needs Node 22), in-memory SQLite, on 127.0.0.1 only, on a port the OS picks.
/// </summary>
public sealed class CapServer : IAsyncLifetime
{
    private const string ListeningMarker = "UIPC-CAP-LISTENING ";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private ListeningServerProcess? _server;

    /// <summary>Where the service is copied by the build.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "SecondServer", "cap");

    /// <summary>The base address of the server (the client's service path, <c>odata/v4/catalog/</c>, is relative to it).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>npm on PATH, or null on a machine without Node.js.</summary>
    public static string? Npm { get; } = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");

    /// <summary>CI runs these tests whatever the machine has: a missing npm there is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        if (Npm is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException("CI=true but npm is not on PATH: the second-server (SAP CAP) tests need Node.js with npm.");
            }

            return; // The tests skip themselves (CapFactAttribute).
        }

        await InstallAsync().ConfigureAwait(false);
        var node = Path.Combine(Directory, "node_modules", "node", "bin", OperatingSystem.IsWindows() ? "node.exe" : "node");
        var start = new ProcessStartInfo(File.Exists(node) ? node : "node", "start.js") { WorkingDirectory = Directory };
        start.Environment["NODE_ENV"] = "test";
        start.Environment["CDS_LOG_LEVELS_CDS"] = "warn";
        _server = await ListeningServerProcess.StartAsync(start, ListeningMarker, "CAP server", TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        BaseAddress = _server.Address;
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary><c>npm ci</c> unless node_modules already holds what this lock file names (test runs of one build share it).</summary>
    private static async Task InstallAsync()
    {
        await InstallLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var stamp = Path.Combine(Directory, "node_modules", ".uipc-lock-sha256");
            var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json"))));
            if (File.Exists(stamp) && File.ReadAllText(stamp) == lockHash)
            {
                return;
            }

            var install = new ProcessStartInfo(Npm!, "ci --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = Directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(install) ?? throw new InvalidOperationException("Could not start npm.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed ({process.ExitCode}) in {Directory}:\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
            }

            File.WriteAllText(stamp, lockHash);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string? FindOnPath(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, file))
            .FirstOrDefault(File.Exists);
}

/// <summary>A test against the CAP server: skipped (with the reason) on a machine without npm, unless CI=true.</summary>
public sealed class CapFactAttribute : FactAttribute
{
    public CapFactAttribute()
    {
        if (CapServer.Npm is null && !CapServer.IsCi)
        {
            Skip = "npm (Node.js) is not on PATH: the second OData server (SAP CAP) cannot be installed. CI=true makes this a failure.";
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CapServerCollection : ICollectionFixture<CapServer>
{
    public const string Name = "SAP CAP server";
}
