using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using UiPathClients.Emulator.Identity;
using UiPathClients.Generator.Tests.TestSupport;
using Xunit.Abstractions;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>
/// Every path and method of the bundled Communications Mining description answers under the emulator's API
/// address: with its behaviour (2xx on minimal valid input) or, where the emulator has none, an honest
/// <c>501</c> in the service's error shape. Never 404 or 405, which would tell a client the route does not exist.
/// </summary>
public sealed partial class EveryDescribedRouteTests(CommunicationsMiningSession session, ITestOutputHelper output) : IClassFixture<CommunicationsMiningSession>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_described_route_answers_with_its_behaviour_or_501()
    {
        var routes = DescribedRoutes();
        using var http = session.Emulator.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);

        var implemented = new List<string>();
        var notImplemented = new List<string>();
        var failures = new List<string>();
        var number = 0;
        foreach (var route in routes)
        {
            var fixture = await CreateFixtureAsync($"route-{number++}");
            var (status, body) = await CallAsync(http, session.Emulator.CommunicationsMiningAddress, route, fixture);
            if (status is >= 200 and < 300)
            {
                implemented.Add(route.ToString());
            }
            else if (status == (int)HttpStatusCode.NotImplemented && IsServiceError(body, route.OperationId))
            {
                notImplemented.Add(route.ToString());
            }
            else
            {
                failures.Add($"{route} ({route.OperationId}): {status} {body}");
            }
        }

        output.WriteLine($"described {routes.Count} / implemented {implemented.Count} / 501 {notImplemented.Count}");
        notImplemented.ForEach(route => output.WriteLine("501 " + route));
        Assert.Empty(failures);
        Assert.Equal(routes.Count, implemented.Count + notImplemented.Count);
        Assert.Contains("GET /v1/datasets/{owner}/{dataset_name}/triggers/{trigger_name}", implemented);
    }

    [Fact]
    public async Task A_route_without_behaviour_names_its_operation_in_the_service_error_body()
    {
        using var http = session.Emulator.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);

        using var response = await http.GetAsync(new Uri(session.Emulator.CommunicationsMiningAddress, "v1/users"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"message":"The emulator does not implement getUsersV1 (GET /v1/users).","status":"error"}""", body);
    }

    [Fact]
    public async Task A_stream_made_as_a_trigger_is_the_same_stream()
    {
        var fixture = await CreateFixtureAsync("triggers-are-streams");

        var created = await session.Api.PutJsonAsync($"v1/datasets/{fixture.Project}/triage/triggers", new { trigger = new { name = "legacy", title = "Legacy" } });
        var asStream = (await session.Api.GetJsonAsync($"v1/datasets/{fixture.Project}/triage/streams/legacy")).GetProperty("stream");
        var polled = await session.Api.PostJsonAsync($"v1/datasets/{fixture.Project}/triage/triggers/orders/fetch", new { size = 8 });

        Assert.Equal(created.GetProperty("trigger").GetProperty("id").GetString(), asStream.GetProperty("id").GetString());
        Assert.Equal("Legacy", asStream.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("trigger").GetProperty("updated_at").ValueKind);
        Assert.Equal(["first"], polled.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("comment").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Statistics_threads_and_model_tags_read_what_the_emulator_holds()
    {
        var fixture = await CreateFixtureAsync("source-reads");
        await session.Api.SyncAsync(fixture.Project, "inbox", [
            Threaded("a1", "t-a"), Threaded("b1", "t-b"), Threaded("a2", "t-a"),
        ]);

        var statistics = await session.Api.PostJsonAsync($"v1/sources/{fixture.Project}/inbox/statistics", new { });
        var threads = (await session.Api.GetJsonAsync($"v1/sources/{fixture.Project}/inbox/threads")).GetProperty("threads");
        var one = (await session.Api.GetJsonAsync($"v1/sources/{fixture.Project}/inbox/threads?thread_id=t-b")).GetProperty("threads");
        var tags = (await session.Api.GetJsonAsync($"v1/datasets/{fixture.Project}/triage/model-tags")).GetProperty("model_tags");
        using var filtered = await session.Raw.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"reinfer_/api/v1/sources/{fixture.Project}/inbox/statistics")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken) },
            Content = new StringContent("""{"comment_filter": {"sources": []}}""", Encoding.UTF8, "application/json"),
        });

        Assert.Equal(4, statistics.GetProperty("statistics").GetProperty("num_comments").GetInt32());
        Assert.Equal(["t-a:a1,a2", "t-b:b1"], threads.EnumerateArray().Select(Describe));
        Assert.Equal(["t-b:b1"], one.EnumerateArray().Select(Describe));
        Assert.Equal(0, tags.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotImplemented, filtered.StatusCode);

        static object Threaded(string id, string thread) => new
        {
            id,
            thread_id = thread,
            timestamp = "2026-03-30T11:00:00Z",
            messages = new[] { new { body = new { text = "Re: order" } } },
        };

        static string Describe(JsonElement thread) =>
            thread.GetProperty("thread_id").GetString() + ":" + string.Join(",", thread.GetProperty("comments").EnumerateArray().Select(id => id.GetString()));
    }

    /// <summary>A project with a source, a dataset over it, a stream <c>orders</c> made before one comment, and a sequence id of that stream.</summary>
    private async Task<Fixture> CreateFixtureAsync(string project)
    {
        var sourceId = await session.Api.CreateProjectSourceAndDatasetAsync(project);
        var datasetId = (await session.Api.GetJsonAsync($"v1/datasets/{project}/triage")).GetProperty("dataset").GetProperty("id").GetString()!;
        await session.Api.PutJsonAsync($"v1/datasets/{project}/triage/streams", new { stream = new { name = "orders" } });
        await session.Api.SyncAsync(project, "inbox", [CommunicationsMiningHttp.Comment("first", "Where is my order?", Monday)]);
        var fetched = await session.Api.PostJsonAsync($"v1/datasets/{project}/triage/streams/orders/fetch", new { size = 1 });
        return new Fixture(project, sourceId, datasetId, fetched.GetProperty("sequence_id").GetString()!);
    }

    private static async Task<(int Status, string Body)> CallAsync(HttpClient http, Uri address, DescribedRoute route, Fixture fixture)
    {
        // A create by name (PUT …/{name}) names something new; every other route addresses what the fixture made.
        var created = route.Method == "PUT" && route.Path.EndsWith('}') ? PathParameter().Matches(route.Path)[^1].Groups[1].Value : null;
        var path = PathParameter().Replace(route.Path, match => match.Groups[1].Value switch
        {
            var name when name == created => "fresh",
            "owner" => fixture.Project,
            "dataset_name" => "triage",
            "source_name" => "inbox",
            "stream_name" or "trigger_name" => "orders",
            "comment_id" => "first",
            "dataset_id" => fixture.DatasetId,
            "source_id" => fixture.SourceId,
            "model_version" => "1",
            "attachment_reference" => "reference",
            var name => throw new InvalidOperationException($"No value for the path parameter '{name}' of {route}."),
        });
        if (route.OperationId == "deleteComment")
        {
            path += "?id=first";
        }

        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(address, path.TrimStart('/')));
        if (route.Method is "PUT" or "POST")
        {
            request.Content = new StringContent(MinimalBody(route.OperationId, fixture), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The least a request of the operation must carry to succeed; <c>{}</c> for operations that take no required member.</summary>
    private static string MinimalBody(string operationId, Fixture fixture) => operationId switch
    {
        "createDataset" or "updateDataset" => """{"dataset": {"title": "Routes"}}""",
        "createSource" or "updateSource" => """{"source": {"title": "Routes"}}""",
        "createStream" or "updateStream" => """{"stream": {"name": "fresh"}}""",
        "createTrigger" => """{"trigger": {"name": "fresh"}}""",
        "updateTrigger" => """{"trigger": {"title": "Routes"}}""",
        "fetchFromStream" or "pollTrigger" => """{"size": 1}""",
        "advanceStream" or "advanceTrigger" => $$"""{"sequence_id": "{{fixture.SequenceId}}"}""",
        "resetStream" or "resetTrigger" => """{"to_comment_created_at": "2026-01-01T00:00:00Z"}""",
        "syncComments" => """{"comments": [{"id": "second", "timestamp": "2026-03-30T10:00:00Z", "messages": [{"body": {"text": "Hello"}}]}]}""",
        _ => "{}",
    };

    private static bool IsServiceError(string body, string operationId)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.EnumerateObject().Select(member => member.Name).SequenceEqual(["message", "status"])
            && json.RootElement.GetProperty("status").GetString() == "error"
            && json.RootElement.GetProperty("message").GetString()!.Contains(operationId, StringComparison.Ordinal);
    }

    /// <summary>
    /// The description's operations, read from the bundled file's <c>paths</c> block: path keys at two spaces, methods
    /// at four (the layout the file is written in). Each operation has one <c>operationId</c>, so the count of those in
    /// the block checks that no operation was missed.
    /// </summary>
    private static List<DescribedRoute> DescribedRoutes()
    {
        var lines = File.ReadAllLines(TestPaths.BundledCommunicationsMiningSpec);
        var start = Array.IndexOf(lines, "paths:");
        var end = Array.IndexOf(lines, "components:");
        Assert.True(start >= 0 && end > start, "The description has a 'paths:' block before 'components:'.");

        var routes = new List<DescribedRoute>();
        string? path = null;
        string? method = null;
        foreach (var line in lines[(start + 1)..end])
        {
            if (PathKey().Match(line) is { Success: true } pathKey)
            {
                path = pathKey.Groups[1].Value;
            }
            else if (MethodKey().Match(line) is { Success: true } methodKey)
            {
                method = methodKey.Groups[1].Value.ToUpperInvariant();
            }
            else if (OperationIdLine().Match(line) is { Success: true } operationId)
            {
                routes.Add(new DescribedRoute(method!, path!, operationId.Groups[1].Value));
            }
        }

        Assert.Equal(lines[(start + 1)..end].Count(line => line.TrimStart().StartsWith("operationId:", StringComparison.Ordinal)), routes.Count);
        Assert.True(routes.Count > 40, $"Only {routes.Count} operations read from the description.");
        return routes;
    }

    [GeneratedRegex("^  '?(/[^']*?)'?:$")]
    private static partial Regex PathKey();

    [GeneratedRegex("^    (get|put|post|delete|patch):$")]
    private static partial Regex MethodKey();

    [GeneratedRegex("^      operationId: (\\w+)$")]
    private static partial Regex OperationIdLine();

    [GeneratedRegex("\\{(\\w+)\\}")]
    private static partial Regex PathParameter();

    private sealed record DescribedRoute(string Method, string Path, string OperationId)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private sealed record Fixture(string Project, string SourceId, string DatasetId, string SequenceId);
}
