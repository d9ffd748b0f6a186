using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator.Orchestrator.Triggers;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.CallModes;
using Contracts = UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.EndToEnd.Tests.Triggers;

/// <summary>
/// The runtime's <see cref="ApiTriggerClient"/> against the emulator's <c>/t/{slug}</c> in each call mode of Orchestrator's
/// call-modes page, on fake clocks: the server's (jobs, held calls) and the client's (poll delays). Each test checks the
/// server side too: exactly one job started, its input arguments, its final state.
/// </summary>
public sealed class ApiTriggerCallModeTests
{
    private const string ReleaseKey = "5e1f0000-0000-4000-8000-00000000a001";
    private static readonly TimeSpan PendingTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunTime = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AsyncRequestReply_answers_202_then_200_while_running_then_303_to_the_output()
    {
        var server = new ObservedClock();
        var client = new ObservedClock();
        await using var emulator = await StartAsync(server);
        var triggers = CreateClient(emulator.CloudBaseAddress, client);
        var options = new ApiTriggerOptions { CallMode = ApiTriggerCallMode.AsyncRequestReply, PollInterval = TimeSpan.FromSeconds(1), MaxPollInterval = TimeSpan.FromSeconds(1) };

        var invocation = triggers.InvokeAsync("orders/create", new JsonObject { ["OrderId"] = 42, ["Customer"] = "O'Brien" }, options);
        Assert.Equal(options.Timeout, await client.NextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(1), await client.NextTimerAsync()); // the 202 came: the first poll is due

        var job = Assert.Single(emulator.Data.Jobs.InFolder(null));
        Assert.Equal(Contracts.JobState.Pending, job.State);
        Assert.Equal(Contracts.JobSourceType.HttpTrigger, job.SourceType);
        Assert.Equal("""{"OrderId":42,"Customer":"O'Brien"}""", job.InputArguments);

        client.Advance(TimeSpan.FromSeconds(1)); // poll: the job is still pending
        Assert.Equal(TimeSpan.FromSeconds(1), await client.NextTimerAsync());
        server.Advance(PendingTime + RunTime);
        client.Advance(TimeSpan.FromSeconds(1)); // poll: finished, 303 to the output
        var result = await invocation;

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(42, result.Output!.Value.GetProperty("OrderId").GetInt32());
        Assert.Equal((job.CreationTime!.Value + PendingTime + RunTime).ToString("O", CultureInfo.InvariantCulture), result.Output.Value.GetProperty("CompletedAt").GetString());
        Assert.Equal(
            ["POST 202 /t/orders/create", "GET 200 status", "GET 303 status", "GET 200 output"],
            TriggerRequests(emulator));
        Assert.Equal(4, result.Requests);
        Assert.Equal(Contracts.JobState.Successful, Assert.Single(emulator.Data.Jobs.InFolder(null)).State);
    }

    [Fact]
    public async Task FireAndForget_answers_200_and_the_job_runs_on_as_a_real_job()
    {
        var server = new ObservedClock();
        await using var emulator = await StartAsync(server);
        var triggers = CreateClient(emulator.BaseAddress, new ObservedClock());

        var result = await triggers.InvokeAsync("orders/notify", new JsonObject { ["Channel"] = "mail" }, new ApiTriggerOptions { CallMode = ApiTriggerCallMode.FireAndForget });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Null(result.Output);
        Assert.Equal(1, result.Requests);
        var job = Assert.Single(emulator.Data.Jobs.InFolder(null));
        Assert.Equal("""{"Channel":"mail"}""", job.InputArguments);

        server.Advance(PendingTime + RunTime);
        using var http = emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"odata/Jobs({job.Id})");
        request.Headers.Add("X-UIPATH-OrganizationUnitId", job.OrganizationUnitId!.Value.ToString(CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);
        using var odata = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Successful", odata.RootElement.GetProperty("State").GetString());
        Assert.Equal("mail", JsonNode.Parse(odata.RootElement.GetProperty("OutputArguments").GetString()!)!["Channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_call_mode_the_trigger_does_not_allow_is_refused_and_starts_no_job()
    {
        await using var emulator = await StartAsync(new ObservedClock());
        var triggers = CreateClient(emulator.BaseAddress, new ObservedClock());

        var refused = await Assert.ThrowsAsync<ApiTriggerException>(() => triggers.InvokeAsync("orders/notify", null, new ApiTriggerOptions { CallMode = ApiTriggerCallMode.AsyncRequestReply }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("does not allow the call mode AsyncRequestReply", refused.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Data.Jobs.Count);
    }

    [Fact]
    public async Task LongPolling_over_GET_holds_the_call_then_redirects_to_the_status_URI_until_the_job_ends()
    {
        var server = new ObservedClock();
        await using var emulator = await StartAsync(server, wait: TimeSpan.FromMinutes(1));
        var triggers = CreateClient(emulator.CloudBaseAddress, new ObservedClock());
        var options = new ApiTriggerOptions { Method = HttpMethod.Get, CallMode = ApiTriggerCallMode.LongPolling };

        var invocation = triggers.InvokeAsync("orders/lookup", new JsonObject { ["OrderId"] = 7, ["Express"] = true, ["Note"] = "a b&c" }, options);
        Assert.Equal(TimeSpan.FromMinutes(1), await server.NextTimerAsync()); // held for the wait
        var job = Assert.Single(emulator.Data.Jobs.InFolder(null));
        Assert.Equal("""{"OrderId":7,"Express":true,"Note":"a b&c"}""", job.InputArguments);

        server.Advance(TimeSpan.FromMinutes(1)); // 303 to the status URI, which holds again
        Assert.Equal(TimeSpan.FromMinutes(1), await server.NextTimerAsync());
        server.Advance(TimeSpan.FromMinutes(1)); // 303 to itself
        Assert.Equal(TimeSpan.FromSeconds(30), await server.NextTimerAsync()); // held until the job ends
        server.Advance(TimeSpan.FromSeconds(30));
        var result = await invocation;

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(7, result.Output!.Value.GetProperty("OrderId").GetInt32());
        Assert.True(result.Output.Value.GetProperty("Express").GetBoolean());
        Assert.Equal(["GET 303 /t/orders/lookup", "GET 303 status", "GET 200 status"], TriggerRequests(emulator));
        var statusCalls = emulator.Requests.Where(request => request.PathAndQuery.EndsWith("/status", StringComparison.Ordinal)).Select(request => request.PathAndQuery).Distinct();
        Assert.Equal($"/{emulator.Organization}/{emulator.Tenant}/orchestrator_/t/_jobs/{job.Key}/status", Assert.Single(statusCalls));
        Assert.Equal(Contracts.JobState.Successful, Assert.Single(emulator.Data.Jobs.InFolder(null)).State);
    }

    [Fact]
    public async Task A_faulted_job_comes_back_as_its_error_where_the_output_would()
    {
        var server = new ObservedClock();
        await using var emulator = await StartAsync(server, wait: TimeSpan.FromMinutes(5));
        var triggers = CreateClient(emulator.BaseAddress, new ObservedClock());

        var invocation = triggers.InvokeAsync("orders/create", new JsonObject { ["ShouldFail"] = true }, new ApiTriggerOptions { CallMode = ApiTriggerCallMode.LongPolling });
        Assert.Equal(PendingTime + RunTime, await server.NextTimerAsync()); // the job ends before the wait runs out
        server.Advance(PendingTime + RunTime);
        var failed = await Assert.ThrowsAsync<ApiTriggerJobFailedException>(() => invocation);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using var error = JsonDocument.Parse(failed.ResponseBody!);
        Assert.Equal("Faulted", error.RootElement.GetProperty("state").GetString());
        Assert.Contains("ShouldFail", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(Contracts.JobState.Faulted, Assert.Single(emulator.Data.Jobs.InFolder(null)).State);
    }

    [Fact]
    public async Task A_LongPolling_job_past_the_limit_is_stopped_and_its_error_answered()
    {
        var server = new ObservedClock();
        await using var emulator = await StartAsync(server, wait: TimeSpan.FromMinutes(5), limit: TimeSpan.FromMinutes(2));
        var triggers = CreateClient(emulator.BaseAddress, new ObservedClock());

        var invocation = triggers.InvokeAsync("orders/create", new JsonObject(), new ApiTriggerOptions { CallMode = ApiTriggerCallMode.LongPolling });
        Assert.Equal(TimeSpan.FromMinutes(2), await server.NextTimerAsync());
        server.Advance(TimeSpan.FromMinutes(2));
        var failed = await Assert.ThrowsAsync<ApiTriggerJobFailedException>(() => invocation);

        Assert.Contains("LongPolling jobs may run at most", failed.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(Contracts.JobState.Stopped, Assert.Single(emulator.Data.Jobs.InFolder(null)).State);
    }

    [Fact]
    public async Task Unknown_triggers_answer_404_and_other_methods_405_without_a_job()
    {
        await using var emulator = await StartAsync(new ObservedClock());
        using var http = emulator.CreateHttpClient();

        using var unknown = await http.PostAsync(new Uri("t/no/such/trigger", UriKind.Relative), new StringContent("{}"));
        using var wrongMethod = await http.DeleteAsync(new Uri("t/orders/create", UriKind.Relative));
        using var anonymous = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var unauthenticated = await anonymous.PostAsync(new Uri("t/orders/create", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("POST", wrongMethod.Content.Headers.Allow.Single());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(0, emulator.Data.Jobs.Count);
    }

    [Fact]
    public async Task The_default_seed_has_triggers_on_its_releases()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { TimeProvider = new ObservedClock() });
        var before = emulator.Data.Jobs.Count;
        var triggers = CreateClient(emulator.BaseAddress, new ObservedClock());

        var result = await triggers.InvokeAsync("invoices/process", new JsonObject { ["Batch"] = 1 }, new ApiTriggerOptions { CallMode = ApiTriggerCallMode.FireAndForget });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(before + 1, emulator.Data.Jobs.Count);
        Assert.Contains(emulator.Data.ApiTriggers.All, trigger => trigger is { Slug: "reports/monthly", Method: "GET", DefaultCallMode: TriggerCallModes.LongPolling });
        Assert.Single(emulator.Data.Jobs.InFolder(null), job => job.SourceType == Contracts.JobSourceType.HttpTrigger && job.ReleaseName == "InvoiceProcessing");
    }

    private static Task<OrchestratorEmulator> StartAsync(ObservedClock clock, TimeSpan? wait = null, TimeSpan? limit = null)
    {
        var options = new OrchestratorEmulatorOptions
        {
            Seed = EmulatorSeed.Empty,
            TimeProvider = clock,
            JobPendingTime = PendingTime,
            JobRunTime = RunTime,
            AddData = seed =>
            {
                var folder = seed.AddFolder("Orders");
                var release = seed.Orchestrator.Releases.Add(
                    new Contracts.ReleaseDto { Name = "OrderDesk", Key = ReleaseKey, ProcessKey = "OrderDesk", ProcessVersion = "1.0.0", OrganizationUnitId = folder.Id, OrganizationUnitFullyQualifiedName = folder.FullyQualifiedName },
                    folder.Id);
                seed.AddApiTrigger("orders/create", "POST", release);
                seed.AddApiTrigger("orders/lookup", "GET", release, TriggerCallModes.LongPolling);
                seed.AddApiTrigger("orders/notify", "POST", release, TriggerCallModes.FireAndForget, allowedCallModes: TriggerCallModes.FireAndForget);
            },
        };
        options.ApiTriggerLongPollingWait = wait ?? options.ApiTriggerLongPollingWait;
        options.ApiTriggerLongPollingLimit = limit ?? options.ApiTriggerLongPollingLimit;
        return OrchestratorEmulator.StartAsync(options);
    }

    private static ApiTriggerClient CreateClient(Uri orchestrator, ObservedClock clock) =>
        ApiTriggerClient.Create(
            new StaticAccessTokenProvider(EmulatorIdentityOptions.DefaultPersonalAccessToken),
            orchestrator,
            new SocketsHttpHandler { AllowAutoRedirect = false },
            clock);

    /// <summary>The trigger's requests as "METHOD status what": the trigger path, or the stage of the emulator's job URIs.</summary>
    private static string[] TriggerRequests(OrchestratorEmulator emulator) =>
        emulator.Requests
            .Where(request => request.PathAndQuery.Contains("/t/", StringComparison.Ordinal))
            .Select(request =>
            {
                var path = request.PathAndQuery.Split('?')[0];
                var what = path.Contains("/t/_jobs/", StringComparison.Ordinal) ? path[(path.LastIndexOf('/') + 1)..] : path[path.IndexOf("/t/", StringComparison.Ordinal)..];
                return $"{request.Method} {request.StatusCode} {what}";
            })
            .ToArray();
}
