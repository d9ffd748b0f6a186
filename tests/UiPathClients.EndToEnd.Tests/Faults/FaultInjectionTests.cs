using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.Faults;

/// <summary>
/// What the emulator's fault injection does on the wire, seen through a plain <see cref="HttpClient"/>: which requests a
/// fault takes (path pattern, method, call count), what the caller gets (status with the service's body and
/// <c>Retry-After</c>, latency, a dropped connection), that a fault after handling leaves the service's work done, and the
/// control endpoint.
/// </summary>
public sealed class FaultInjectionTests
{
    private const string FolderHeader = "X-UIPATH-FolderPath";

    [Fact]
    public async Task A_status_fault_answers_the_service_error_body_with_Retry_After_and_is_recorded()
    {
        var options = new OrchestratorEmulatorOptions();
        options.Faults.Add(new EmulatorFault { Path = "odata/Jobs", StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(3) });
        await using var emulator = await OrchestratorEmulator.StartAsync(options);
        using var http = emulator.CreateHttpClient();

        using var throttled = await GetJobsAsync(http, emulator);
        using var served = await GetJobsAsync(http, emulator);

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync());
        Assert.StartsWith("429 Too Many Requests (injected by the emulator's fault 1", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode); // Times = 1 by default: the next call is served.
        var recorded = emulator.Requests.Where(request => request.PathAndQuery == "/odata/Jobs").ToArray();
        Assert.Equal([429, 200], recorded.Select(request => request.StatusCode));
        Assert.Equal("fault 1: 429 (Retry-After 3 s) before handling, on any method odata/Jobs", recorded[0].InjectedFault);
        Assert.Null(recorded[1].InjectedFault);
        var status = Assert.Single(emulator.Faults.Current);
        Assert.Equal((2, 1), (status.MatchedCalls, status.InjectedCount));
    }

    [Fact]
    public async Task Skip_and_Times_pick_the_calls_by_count_and_the_pattern_and_method_pick_the_requests()
    {
        var options = new OrchestratorEmulatorOptions();
        options.Faults.Add(new EmulatorFault { Path = "odata/*Definitions", Method = "GET", Skip = 1, Times = 2, StatusCode = 503 });
        await using var emulator = await OrchestratorEmulator.StartAsync(options);
        using var http = emulator.CreateHttpClient();

        var statuses = new int[5];
        for (var call = 0; call < statuses.Length; call++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "odata/QueueDefinitions");
            request.Headers.Add(FolderHeader, emulator.DefaultFolderPath);
            using var response = await http.SendAsync(request);
            statuses[call] = (int)response.StatusCode;
        }

        using var releases = await http.GetAsync("odata/Releases"); // another set: not matched

        Assert.Equal([200, 503, 503, 200, 200], statuses);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, releases.StatusCode);
        Assert.Equal(5, emulator.Faults.Current[0].MatchedCalls);
        Assert.Equal(2, emulator.Faults.Current[0].InjectedCount);
    }

    [Fact]
    public async Task A_fault_after_handling_does_the_work_and_answers_the_fault()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var http = emulator.CreateHttpClient();
        var queue = emulator.Data.QueueDefinitions.InFolder(null).First();
        var itemsBefore = emulator.Data.QueueItems.Count;
        emulator.Faults.Add(new EmulatorFault { Path = "odata/Queues/*.AddQueueItem", Method = "POST", StatusCode = 502, AfterHandling = true });

        using var request = new HttpRequestMessage(HttpMethod.Post, "odata/Queues/UiPathODataSvc.AddQueueItem")
        {
            Content = JsonContent.Create(new JsonObject { ["itemData"] = new JsonObject { ["Name"] = queue.Name, ["Reference"] = "fault-after-handling" } }),
        };
        request.Headers.Add("X-UIPATH-OrganizationUnitId", queue.OrganizationUnitId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("fault-after-handling", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(itemsBefore + 1, emulator.Data.QueueItems.Count);
        Assert.Contains(emulator.Data.QueueItems.InFolder(null), item => item.Reference == "fault-after-handling");
        Assert.Equal(502, emulator.Requests.Single(recorded => recorded.Method == "POST").StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_connection_ends_the_call_without_an_answer(bool afterHandling)
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var http = emulator.CreateHttpClient();
        emulator.Faults.Add(new EmulatorFault { Path = "odata/Releases", DropConnection = true, AfterHandling = afterHandling });

        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Releases");
        request.Headers.Add(FolderHeader, emulator.DefaultFolderPath);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(request));

        using var again = new HttpRequestMessage(HttpMethod.Get, "odata/Releases");
        again.Headers.Add(FolderHeader, emulator.DefaultFolderPath);
        using var served = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var recorded = emulator.Requests.Where(request => request.PathAndQuery == "/odata/Releases").ToArray();
        Assert.Equal(2, recorded.Length);
        Assert.Single(recorded, request => request.InjectedFault?.Contains("dropped connection", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Latency_holds_the_answer_at_least_that_long()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var http = emulator.CreateHttpClient();
        emulator.Faults.Add(new EmulatorFault { Path = "odata/Releases", Latency = TimeSpan.FromMilliseconds(400) });

        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Releases");
        request.Headers.Add(FolderHeader, emulator.DefaultFolderPath);
        using var response = await http.SendAsync(request);

        // A lower bound only: a loaded machine may take longer, never less.
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Patterns_see_the_service_path_whichever_address_form_the_client_used()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var http = emulator.CreateHttpClient();
        emulator.Faults.Add(new EmulatorFault { Path = "odata/Folders", StatusCode = 500, Times = null });

        using var cloud = await http.GetAsync(new Uri(emulator.CloudBaseAddress, "odata/Folders"));
        using var onPremises = await http.GetAsync("odata/Folders");
        using var communicationsMining = await http.GetAsync(new Uri(emulator.CloudCommunicationsMiningAddress, "v1/datasets"));

        Assert.Equal(HttpStatusCode.InternalServerError, cloud.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, onPremises.StatusCode);
        Assert.Equal(HttpStatusCode.OK, communicationsMining.StatusCode);
    }

    [Fact]
    public async Task The_control_endpoint_adds_lists_and_removes_faults_without_being_recorded()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        using var control = new HttpClient(); // No token: it controls the emulator.
        using var http = emulator.CreateHttpClient();

        using var added = await control.PostAsJsonAsync(emulator.FaultsAddress, new { path = "t/*", method = "POST", statusCode = 502, afterHandling = true, everyCall = true });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var fault = JsonDocument.Parse(await added.Content.ReadAsStringAsync());
        var id = fault.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("502 after handling, on POST t/*", fault.RootElement.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, fault.RootElement.GetProperty("times").ValueKind);
        Assert.Equal("t/*", Assert.Single(emulator.Faults.Current).Fault.Path);

        using var refused = await control.PostAsJsonAsync(emulator.FaultsAddress, new { path = "odata/Jobs", statusCode = 302 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("400 to 599", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await control.PostAsJsonAsync(emulator.FaultsAddress, new { path = "odata/Jobs" });
        Assert.Contains("needs an effect", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var triggered = await http.PostAsync("t/nothing-here", null);
        Assert.Equal(HttpStatusCode.BadGateway, triggered.StatusCode);
        using var listed = JsonDocument.Parse(await control.GetStringAsync(emulator.FaultsAddress));
        var entry = Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal((1, 1), (entry.GetProperty("matchedCalls").GetInt32(), entry.GetProperty("injectedCount").GetInt32()));

        using var removed = await control.DeleteAsync(new Uri(emulator.FaultsAddress + "/" + id));
        using var missing = await control.DeleteAsync(new Uri(emulator.FaultsAddress + "/" + id));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(emulator.Faults.Current);
        Assert.DoesNotContain(emulator.Requests, request => request.PathAndQuery.Contains("_emulator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fault_that_cannot_be_injected_is_refused_when_the_emulator_starts()
    {
        var options = new OrchestratorEmulatorOptions();
        options.Faults.Add(new EmulatorFault { Path = "/odata/Jobs", StatusCode = 500 });

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OrchestratorEmulator.StartAsync(options));

        Assert.Contains("without the leading slash: 'odata/Jobs'", refused.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> GetJobsAsync(HttpClient http, OrchestratorEmulator emulator)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "odata/Jobs");
        request.Headers.Add(FolderHeader, emulator.DefaultFolderPath);
        return http.SendAsync(request);
    }
}
