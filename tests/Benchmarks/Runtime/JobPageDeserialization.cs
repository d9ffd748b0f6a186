using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Benchmarks.Clients.Orchestrator;
using UiPathClients.Runtime.Paging;

namespace Benchmarks.Runtime;

/// <summary>
/// One 1,000-job OData page (2.6 MB of UTF-8, every JobDto property, robot and release expanded) deserialized four ways, from bytes already in memory: the generated
/// metadata through the runtime's page parser (what the client runs on every page), System.Text.Json's source
/// generator over the same <c>JobDto</c> (the floor), System.Text.Json by reflection, and Newtonsoft.Json.
/// </summary>
// Ten measured iterations rather than ShortRun's three: the targets are ratios of 1.2 and 1.3, which three
// iterations of a multi-millisecond operation on a shared machine cannot tell apart.
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class JobPageDeserialization
{
    private const int Jobs = 1000;

    private HttpClient _unusedHttp = null!;
    private byte[] _page = null!;
    private JsonTypeInfo<JobDto> _generated = null!;
    private JsonSerializerOptions _reflection = null!;
    private Newtonsoft.Json.JsonSerializer _newtonsoft = null!;

    [GlobalSetup]
    public void Setup()
    {
        _page = JobPageJson.Page(Jobs);

        // The metadata exactly as the client resolves it: from the connection's options (the generated resolver chained
        // with the runtime's primitive one). The HttpClient is never called.
        _unusedHttp = new HttpClient { BaseAddress = JobPageHandler.BaseAddress };
        _generated = new OrchestratorClient(_unusedHttp).Connection.TypeInfo<JobDto>();
        _reflection = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        _newtonsoft = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings
        {
            Converters = { new Newtonsoft.Json.Converters.StringEnumConverter() },
            DateParseHandling = Newtonsoft.Json.DateParseHandling.DateTimeOffset,
        });

        JobPageJson.CheckCoversJobDto(_page, _generated);
        var floor = JsonSerializer.Deserialize(_page, FloorJsonContext.Default.JobPage)!;
        var expected = JobPageJson.Fingerprint(floor.Value);
        if (expected.Length != Jobs || floor.Count != Jobs)
        {
            throw new InvalidOperationException($"The floor read {expected.Length} jobs (count {floor.Count}), expected {Jobs}.");
        }

        var page = ODataCollectionReader.Parse(_page, JobPageHandler.PageUri, _generated);
        if (page.Count != Jobs)
        {
            throw new InvalidOperationException($"The runtime's parser read @odata.count as {page.Count}.");
        }

        JobPageJson.CheckSame(nameof(GeneratedMetadata), expected, page.Items);
        JobPageJson.CheckSame(nameof(SystemTextJsonReflection), expected, SystemTextJsonReflection());
        JobPageJson.CheckSame(nameof(NewtonsoftJson), expected, NewtonsoftJson());
        foreach (var job in page.Items)
        {
            foreach (var read in new UiPathClients.Runtime.Metadata.IODataObject?[] { job, job.Robot, job.Release, job.JobError, job.AutopilotForRobots })
            {
                if (read?.AdditionalData is { Count: > 0 } unknown)
                {
                    throw new InvalidOperationException($"Job {job.Id} has properties its {read.GetType().Name} does not know: {string.Join(", ", unknown.Keys)}.");
                }
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _unusedHttp.Dispose();

    [Benchmark(Baseline = true, Description = "STJ source-gen (floor)")]
    public List<JobDto> SystemTextJsonSourceGenerated() => JsonSerializer.Deserialize(_page, FloorJsonContext.Default.JobPage)!.Value;

    [Benchmark(Description = "Generated metadata, runtime page parser")]
    public IReadOnlyList<JobDto> GeneratedMetadata() => ODataCollectionReader.Parse(_page, JobPageHandler.PageUri, _generated).Items;

    [Benchmark(Description = "STJ reflection")]
    public List<JobDto> SystemTextJsonReflection() => JsonSerializer.Deserialize<JobPage>(_page, _reflection)!.Value;

    [Benchmark(Description = "Newtonsoft.Json 13")]
    public List<JobDto> NewtonsoftJson()
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(new MemoryStream(_page, writable: false), Encoding.UTF8));
        return _newtonsoft.Deserialize<JobPage>(reader)!.Value;
    }
}
