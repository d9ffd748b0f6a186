using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Benchmarks.Clients.Orchestrator;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Http;
using EmulatedFolder = UiPathClients.Emulator.Orchestrator.Contracts.FolderDto;
using EmulatedJob = UiPathClients.Emulator.Orchestrator.Contracts.JobDto;

namespace Benchmarks.Runtime;

/// <summary>
/// 10,000 jobs read from the emulator on loopback, the server paging itself (500 per answer with a next link, as ASP.NET
/// Core OData pages): through the generated client with <c>await foreach</c>, and with a bare <see cref="HttpClient"/>
/// and <see cref="JsonDocument"/> sending the same requests (the baseline). Both read the same 10,000 jobs in the
/// same 21 requests, checked in the setup. The emulator runs in the benchmark's process, so its time is in both.
/// </summary>
// Fifteen measured iterations: one read is half a second of mostly server work (the emulator runs in this process),
// and three iterations of it vary by more than the 1.2 the target allows.
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class EmulatorRead
{
    private const int Jobs = 10_000;
    private const int ServerPageSize = 500;
    private const int ClientPageSize = 1000;
    private const string FolderPath = "Benchmarks";

    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = MediaTypeWithQualityHeaderValue.Parse("application/json;IEEE754Compatible=false");

    private OrchestratorEmulator _emulator = null!;
    private HttpClient _http = null!;
    private OrchestratorClient _client = null!;
    private string _folderId = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { ServerPageSize = ServerPageSize });
        var folder = _emulator.Data.Folders.Add(new EmulatedFolder
        {
            FullyQualifiedName = FolderPath,
            DisplayName = FolderPath,
            Key = new Guid("1f6a3c1e-0f54-4d0c-9a57-3b3d3c6c1b01"),
            FolderType = UiPathClients.Emulator.Orchestrator.Contracts.FolderType.Standard,
        });
        _folderId = folder.Id.ToString(CultureInfo.InvariantCulture);

        // The same deterministic jobs as the in-memory page benchmarks, read into the server's own classes.
        using (var page = JsonDocument.Parse(JobPageJson.Page(Jobs)))
        {
            foreach (var job in page.RootElement.GetProperty("value").Deserialize<List<EmulatedJob>>()!)
            {
                _emulator.Data.Jobs.Add(job, folder.Id);
            }
        }

        _http = _emulator.CreateHttpClient();
        _client = new OrchestratorClient(_http).WithFolder(FolderContext.ById(folder.Id));

        var expectedIds = _emulator.Data.Jobs.InFolder(folder.Id).Select(job => job.Id).ToList();
        if (expectedIds.Count != Jobs)
        {
            throw new InvalidOperationException($"The folder holds {expectedIds.Count} jobs, expected {Jobs}.");
        }

        _emulator.ClearRequests();
        var viaClient = new List<long>();
        await foreach (var job in _client.Jobs)
        {
            viaClient.Add(job.Id);
        }

        var clientRequests = _emulator.Requests.Select(request => request.PathAndQuery).ToList();
        _emulator.ClearRequests();
        var viaRaw = await ReadRawAsync(collect: true);
        var rawRequests = _emulator.Requests.Select(request => request.PathAndQuery).ToList();
        _emulator.ClearRequests();

        if (!viaClient.SequenceEqual(expectedIds) || !viaRaw.Ids!.SequenceEqual(expectedIds))
        {
            throw new InvalidOperationException($"Read {viaClient.Count} jobs through the client and {viaRaw.Ids!.Count} raw; the folder holds {expectedIds.Count}, and all three must be the same ids in the same order.");
        }

        // 20 answers of 500, and one more: after a full 1000 without a next link the client cannot know it was the last.
        if (!clientRequests.SequenceEqual(rawRequests) || clientRequests.Count != Jobs / ServerPageSize + 1)
        {
            throw new InvalidOperationException($"The client sent\n  {string.Join("\n  ", clientRequests)}\nand the baseline\n  {string.Join("\n  ", rawRequests)}");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [IterationCleanup]
    public void ForgetRequests() => _emulator.ClearRequests();

    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, next links")]
    public async Task<long> RawHttpClient() => (await ReadRawAsync(collect: false).ConfigureAwait(false)).Count;

    [Benchmark(Description = "Client: await foreach Jobs")]
    public async Task<long> GeneratedClient()
    {
        long count = 0;
        await foreach (var job in _client.Jobs.ConfigureAwait(false))
        {
            count += job.Id > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// What the client does, by hand: ask for $top=1000, follow the service's next links, and where they end after a
    /// full 1000 ask for the next 1000 with $skip.
    /// </summary>
    private async Task<(long Count, List<long>? Ids)> ReadRawAsync(bool collect)
    {
        var ids = collect ? new List<long>() : null;
        long count = 0;
        long skip = 0;
        var answered = 0;
        var next = new Uri("odata/Jobs?$top=" + ClientPageSize.ToString(CultureInfo.InvariantCulture), UriKind.Relative);
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Accept.Add(AcceptJson);
            request.Headers.TryAddWithoutValidation(FolderContext.OrganizationUnitIdHeader, _folderId);
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body).ConfigureAwait(false);
            var items = document.RootElement.GetProperty("value");
            foreach (var item in items.EnumerateArray())
            {
                var id = item.GetProperty("Id").GetInt64();
                ids?.Add(id);
                count++;
            }

            var length = items.GetArrayLength();
            skip += length;
            answered += length;
            if (document.RootElement.TryGetProperty("@odata.nextLink", out var link))
            {
                next = new Uri(response.RequestMessage!.RequestUri!, link.GetString()!);
            }
            else if (answered == ClientPageSize)
            {
                answered = 0;
                next = new Uri("odata/Jobs?$top=" + ClientPageSize.ToString(CultureInfo.InvariantCulture) + "&$skip=" + skip.ToString(CultureInfo.InvariantCulture), UriKind.Relative);
            }
            else
            {
                next = null;
            }
        }

        return (count, ids);
    }
}
