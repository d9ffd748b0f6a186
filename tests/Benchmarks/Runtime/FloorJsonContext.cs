using System.Collections.Generic;
using System.Text.Json.Serialization;
using Benchmarks.Clients.Orchestrator;

namespace Benchmarks.Runtime;

/// <summary>An OData collection page as a plain type: what System.Text.Json and Newtonsoft.Json read the page into.</summary>
public sealed class JobPage
{
    [JsonPropertyName("@odata.count")]
    [Newtonsoft.Json.JsonProperty("@odata.count")]
    public long? Count { get; set; }

    [JsonPropertyName("value")]
    [Newtonsoft.Json.JsonProperty("value")]
    public List<JobDto> Value { get; set; } = [];
}

/// <summary>The body the client posts to <c>Jobs/UiPath.Server.Configuration.OData.StartJobs</c>: the action's one parameter.</summary>
public sealed class StartJobsRequest
{
    [JsonPropertyName("startInfo")]
    public StartProcessDto? StartInfo { get; set; }
}

/// <summary>
/// The floor: System.Text.Json's own source generator over the same generated types. The options are the ones the
/// runtime's connection uses (no naming policy, the enums' own converters from their <c>[JsonConverter]</c>
/// attributes, nulls left out of request bodies), so both read and write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobPage))]
[JsonSerializable(typeof(StartJobsRequest))]
public sealed partial class FloorJsonContext : JsonSerializerContext;
