using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Benchmarks.Clients.Orchestrator;
using UiPathClients.Runtime.Paging;

namespace Benchmarks.Runtime;

/// <summary>
/// The same 1,000-job page read through the generated client over an in-memory transport, against parsing its bytes
/// alone: the ratio is what the client's HTTP read path (request, response, body, page) adds to the parse.
/// </summary>
// Ten measured iterations rather than ShortRun's three: the targets are ratios of 1.2 and 1.3, which three
// iterations of a multi-millisecond operation on a shared machine cannot tell apart.
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class JobPageThroughClient
{
    private const int Jobs = 1000;

    private byte[] _page = null!;
    private JobPageHandler _handler = null!;
    private HttpClient _http = null!;
    private OrchestratorClient _client = null!;
    private JsonTypeInfo<JobDto> _generated = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _page = JobPageJson.Page(Jobs);
        _handler = new JobPageHandler(_page);
        _http = new HttpClient(_handler) { BaseAddress = JobPageHandler.BaseAddress };
        _client = new OrchestratorClient(_http);
        _generated = _client.Connection.TypeInfo<JobDto>();

        var expected = JobPageJson.Fingerprint(ODataCollectionReader.Parse(_page, JobPageHandler.PageUri, _generated).Items);
        var page = await _client.Jobs.Top(Jobs).ToPageAsync();
        JobPageJson.CheckSame(nameof(PageViaClient), expected, page.Items);
        if (_handler.LastRequestUri != JobPageHandler.PageUri)
        {
            throw new InvalidOperationException($"The client asked for {_handler.LastRequestUri}, expected {JobPageHandler.PageUri}.");
        }

        var enumerated = new System.Collections.Generic.List<JobDto>();
        await foreach (var job in _client.Jobs.Top(Jobs))
        {
            enumerated.Add(job);
        }

        JobPageJson.CheckSame(nameof(AwaitForeachViaClient), expected, enumerated);
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "Bare parse (runtime page parser)")]
    public int BareParse() => ODataCollectionReader.Parse(_page, JobPageHandler.PageUri, _generated).Items.Count;

    [Benchmark(Description = "Client: Jobs.Top(1000).ToPageAsync()")]
    public async Task<int> PageViaClient()
    {
        var page = await _client.Jobs.Top(Jobs).ToPageAsync().ConfigureAwait(false);
        return page.Items.Count;
    }

    [Benchmark(Description = "Client: await foreach Jobs.Top(1000)")]
    public async Task<long> AwaitForeachViaClient()
    {
        long ids = 0;
        await foreach (var job in _client.Jobs.Top(Jobs).ConfigureAwait(false))
        {
            ids += job.Id;
        }

        return ids;
    }
}
