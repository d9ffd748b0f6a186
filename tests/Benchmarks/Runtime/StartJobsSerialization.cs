using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Benchmarks.Clients.Orchestrator;
using UiPathClients.Runtime.Client;

namespace Benchmarks.Runtime;

/// <summary>
/// The body of <c>StartJobsAsync</c> — <c>{"startInfo":{…}}</c> — written the way the generated client writes it (its
/// parameter writer over the connection's metadata, which sends only the properties the caller set) and by System.Text.Json's
/// source generator over the same <c>StartProcessDto</c>.
/// </summary>
[ShortRunJob]
public class StartJobsSerialization
{
    private HttpClient _unusedHttp = null!;
    private ODataConnection _connection = null!;
    private StartProcessDto _startInfo = null!;
    private StartJobsRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _unusedHttp = new HttpClient { BaseAddress = JobPageHandler.BaseAddress };
        _connection = new OrchestratorClient(_unusedHttp).Connection;
        _startInfo = new StartProcessDto
        {
            ReleaseKey = "3f1c5e1a-0000-4000-8000-000000000000",
            ReleaseName = "InvoiceProcessing",
            Strategy = StartProcessStrategy.Specific,
            RobotIds = [101, 102, 103],
            JobsCount = 3,
            Source = StartProcessSource.Manual,
            JobPriority = StartProcessJobPriority.High,
            SpecificPriorityValue = 80,
            RuntimeType = StartProcessRuntimeType.Unattended,
            InputArguments = "{\"Invoice\":\"INV-00042\",\"Amount\":1250.5,\"Currency\":\"EUR\",\"Approvers\":[\"anna@acme.example\",\"o'brien@acme.example\"],\"DryRun\":false}",
            Reference = "invoice-INV-00042",
            EntryPointPath = "Main.xaml",
            TargetFramework = StartProcessTargetFramework.Windows,
            ResumeOnSameContext = false,
            RequiresUserInteraction = false,
            RunAsMe = false,
            BatchExecutionKey = new Guid("0c6a3b52-5a3e-4d7f-9f43-8d1b1c0e2a11"),
            StopStrategy = StartProcessStopStrategy.SoftStop,
            StopProcessExpression = "0 0 18 ? * MON-FRI",
            AutopilotForRobots = new AutopilotForRobotsSettingsDto { Enabled = true, HealingEnabled = false },
        };
        _request = new StartJobsRequest { StartInfo = _startInfo };

        // Same JSON, but for the lists the caller left empty: the generated client leaves them out (never set), and
        // System.Text.Json has no setting for that, so it writes them as []. Everything else must be equal.
        var generated = JsonNode.Parse(GeneratedClient())!;
        var floor = JsonNode.Parse(SystemTextJsonSourceGenerated())!.AsObject();
        var startInfo = floor["startInfo"]!.AsObject();
        foreach (var empty in startInfo.Where(property => property.Value is JsonArray { Count: 0 }).Select(property => property.Key).ToList())
        {
            startInfo.Remove(empty);
        }

        if (!JsonNode.DeepEquals(generated, floor))
        {
            throw new InvalidOperationException($"The two bodies differ:\n{generated.ToJsonString()}\n{floor.ToJsonString()}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _unusedHttp.Dispose();

    [Benchmark(Baseline = true, Description = "STJ source-gen (floor)")]
    public byte[] SystemTextJsonSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_request, FloorJsonContext.Default.StartJobsRequest);

    [Benchmark(Description = "Generated client body writer")]
    public byte[] GeneratedClient()
    {
        // As StartJobsAsync does: a local function capturing the argument, handed to the connection's body writer.
        var startInfo = _startInfo;
        void WriteParameters(Utf8JsonWriter writer) => _connection.WriteParameter(writer, "startInfo", startInfo);
        return ODataConnection.ParametersBody(WriteParameters)!;
    }
}
