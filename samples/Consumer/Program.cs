using System.Text.Json;
using Consumer.Orchestrator;

// Uses generated types directly: without the generator in the package this does not compile.
var job = new JobDto
{
    Id = 1001,
    State = JobState.Faulted,
    Info = "Robot lost connection",
    Key = Guid.Parse("8a3f2c1e-0000-4000-8000-000000000001"),
};

var json = JsonSerializer.Serialize(job, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
Console.WriteLine($"JobDto as the service spells it: {json}");
Console.WriteLine($"JobState members: {string.Join(", ", Enum.GetNames<JobState>())}");

// The generated service client and the packaged runtime: a typed query, shown as the URL it requests.
using var http = new HttpClient { BaseAddress = new Uri("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/") };
var faulted = new OrchestratorClient(http).Jobs
    .Where(j => j.State == JobState.Faulted & j.ReleaseName.StartsWith("Invoice"))
    .OrderByDescending(j => j.CreationTime)
    .Top(10);
Console.WriteLine($"Typed query: GET {faulted.ToUri()}");

// The bundled Communications Mining OpenAPI 3.1 spec: its models, with the service's snake_case JSON names.
var request = new Consumer.CommunicationsMining.CreateSourceRequest { Source = new Consumer.CommunicationsMining.SourceUpdate { Title = "Invoices", Description = "Supplier mail" } };
Console.WriteLine($"Communications Mining CreateSourceRequest: {JsonSerializer.Serialize(request, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull })}");

// Its generated operations on the packaged runtime, with the conventions the package sets for it: the envelope
// {"status":"ok","dataset":{…}} comes back as the Dataset. The answer is canned, so nothing leaves this process.
using var cannedHttp = new HttpClient(new CannedAnswer("""{"status":"ok","dataset":{"id":"d1","owner":"acme","name":"invoices","title":"Invoices"}}"""))
{
    BaseAddress = new Uri("https://cloud.uipath.com/acme/DefaultTenant/reinfer_/api/"),
};
var communicationsMining = new Consumer.CommunicationsMining.CommunicationsMiningClient(cannedHttp);
var fetched = await communicationsMining.Datasets.GetAsync("acme", "invoices");
Console.WriteLine($"Communications Mining GetAsync: dataset {fetched.Owner}/{fetched.Name} ({fetched.Title}) from GET {CannedAnswer.LastRequest}");

/// <summary>Answers every request with one JSON body and remembers the last URI.</summary>
internal sealed class CannedAnswer(string json) : HttpMessageHandler
{
    public static Uri? LastRequest { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequest = request.RequestUri;
        return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }
}
