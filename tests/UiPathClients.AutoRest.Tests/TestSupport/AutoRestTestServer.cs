using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.AutoRest.Tests.TestSupport;

/// <summary>
/// Microsoft's AutoRest test server (npm <c>@microsoft.azure/autorest.testserver</c>, pinned in TestServer/package-lock.json),
/// installed by the build into <c>autorest-testserver/</c> beside the test assembly and started here on 127.0.0.1 on a
/// port the OS picks. One server serves every test of the collection, so its coverage counters add up over the run.
/// </summary>
public sealed class AutoRestTestServer : IAsyncLifetime
{
    private const string ListeningMarker = "UIPC-AUTOREST-LISTENING ";
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>Where the build installed the package (with <c>npm ci</c>).</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "autorest-testserver");

    /// <summary>The swagger documents the package ships (the ones the clients were generated from).</summary>
    public static string SwaggerDirectory { get; } = Path.Combine(Directory, "node_modules", "@microsoft.azure", "autorest.testserver", "swagger");

    /// <summary>True when the build installed the package; otherwise the scenario tests were not compiled.</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "node_modules", ".uipc-installed-lock.json"));

    /// <summary>CI runs these tests whatever the machine has: a missing server there is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A plain client on the server (no handlers: the generated client's own pipeline is what is tested).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

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

        var start = new ProcessStartInfo("node", "start-on-loopback.js")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, line) => OnLine(line.Data, listening);
        _process.ErrorDataReceived += (_, line) => OnLine(line.Data, listening);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The AutoRest test server exited:\n" + Output()));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            BaseAddress = await listening.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The AutoRest test server did not start within 90 s:\n" + Output());
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(ListeningMarker, StringComparison.Ordinal))
        {
            listening.TrySetResult(new Uri(line.Substring(ListeningMarker.Length).Trim()));
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AutoRestTestServerCollection : ICollectionFixture<AutoRestTestServer>
{
    public const string Name = "AutoRest test server";
}
