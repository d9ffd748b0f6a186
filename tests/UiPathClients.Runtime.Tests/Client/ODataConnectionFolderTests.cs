using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>The Orchestrator folder of <c>WithFolder</c> clients: on every request, and never shared between clients.</summary>
public sealed class ODataConnectionFolderTests
{
    private static readonly string[] FolderHeaders =
    {
        FolderContext.OrganizationUnitIdHeader, FolderContext.FolderPathHeader, FolderContext.FolderPathEncodedHeader, FolderContext.FolderKeyHeader,
    };

    /// <summary>The folder headers a request carried, by name.</summary>
    private static Dictionary<string, string> FolderHeadersOf(RecordedRequest request) =>
        FolderHeaders.Where(name => request.Header(name) is not null).ToDictionary(name => name, name => request.Header(name)!);

    public static IEnumerable<object[]> Folders() => new[]
    {
        new object[] { FolderContext.ById(42), "X-UIPATH-OrganizationUnitId", "42" },
        new object[] { FolderContext.ByPath("Finance/Invoices"), "X-UIPATH-FolderPath", "Finance/Invoices" },
        new object[] { FolderContext.ByPath("Fïnance/Ωmega/請求書"), "X-UIPATH-FolderPath-Encoded", Convert.ToBase64String(Encoding.Unicode.GetBytes("Fïnance/Ωmega/請求書")) },
        new object[] { FolderContext.ByKey(Guid.Parse("5e2f0b4c-1111-4222-8333-944455556666")), "X-UIPATH-FolderKey", "5e2f0b4c-1111-4222-8333-944455556666" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Every_kind_of_request_carries_the_folder_header(FolderContext folder, string header, string value)
    {
        var handler = new RecordingHandler(request => request.Method == HttpMethod.Get && request.Uri.AbsolutePath.EndsWith("/$count", StringComparison.Ordinal)
            ? RecordingHandler.Text("3", "text/plain")
            : request.Uri.Query.Contains("skiptoken", StringComparison.Ordinal) || request.Method != HttpMethod.Get
                ? RecordingHandler.Json("{\"value\":[{\"Id\":2}],\"Id\":2}")
                : RecordingHandler.Json("{\"value\":[{\"Id\":1}],\"@odata.nextLink\":\"WorkItems?$skiptoken=1\",\"Id\":1}"));
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http).WithFolder(folder);

        await client.WorkItems.ToListAsync();
        await client.WorkItems.ToPageAsync();
        await client.WorkItems.CountAsync();
        await client.WorkItems[1].GetAsync();
        await client.WorkItems.CreateAsync(new WorkItem());
        await client.WorkItems[1].UpdateAsync(new WorkItem());
        await client.WorkItems[1].PatchAsync(d => d.Set(w => w.Title, "x"));
        await client.WorkItems[1].DeleteAsync();
        await client.WorkItems[1].CompleteAsync();
        await client.WorkItems.ScheduleAsync(new Window(), null);

        Assert.Equal(11, handler.Requests.Count);
        Assert.Contains(handler.Requests, request => request.RelativeUri == "odata/WorkItems?$skiptoken=1");
        Assert.All(handler.Requests, request => Assert.Equal(new Dictionary<string, string> { [header] = value }, FolderHeadersOf(request)));
        Assert.Same(folder, client.Connection.Folder);
    }

    [Fact]
    public void A_non_ascii_path_is_sent_as_Base64_of_UTF16LE()
    {
        var folder = FolderContext.ByPath("Fïnance/Ωmega");

        Assert.Equal(FolderContext.FolderPathEncodedHeader, folder.Header);
        Assert.Equal("Fïnance/Ωmega", Encoding.Unicode.GetString(Convert.FromBase64String(folder.Value)));
        // 'F' 0x46 0x00, 'ï' 0xEF 0x00 …: little-endian UTF-16.
        Assert.Equal(new byte[] { 0x46, 0x00, 0xEF, 0x00 }, Convert.FromBase64String(folder.Value).Take(4));
    }

    [Fact]
    public async Task WithFolder_leaves_the_original_client_without_a_folder_and_a_second_WithFolder_replaces_the_first()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"Id\":1}"));
        using var http = handler.CreateClient();
        var root = new TestServiceClient(http);
        var inFinance = root.WithFolder(FolderContext.ById(1));
        var moved = inFinance.WithFolder(FolderContext.ByPath("HR"));

        await root.WorkItems[1].GetAsync();
        await inFinance.WorkItems[1].GetAsync();
        await moved.WorkItems[1].GetAsync();

        Assert.Null(root.Connection.Folder);
        Assert.Empty(FolderHeadersOf(handler.Requests[0]));
        Assert.Equal(new Dictionary<string, string> { ["X-UIPATH-OrganizationUnitId"] = "1" }, FolderHeadersOf(handler.Requests[1]));
        Assert.Equal(new Dictionary<string, string> { ["X-UIPATH-FolderPath"] = "HR" }, FolderHeadersOf(handler.Requests[2]));
    }

    [Fact]
    public async Task Concurrent_calls_in_different_folders_never_see_each_others_folder()
    {
        const int Calls = 8;
        var arrived = 0;
        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler(async (request, cancellationToken) =>
        {
            // Nobody is answered before every call is in flight, so all of them overlap.
            if (Interlocked.Increment(ref arrived) == Calls)
            {
                allInFlight.SetResult();
            }

            await allInFlight.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var folder = request.Header(FolderContext.OrganizationUnitIdHeader) ?? request.Header(FolderContext.FolderPathHeader) ?? "none";
            return RecordingHandler.Json("{\"Id\":1,\"Title\":\"" + folder + "\"}");
        });
        using var http = handler.CreateClient();
        var root = new TestServiceClient(http);
        var clients = Enumerable.Range(1, Calls)
            .Select(i => (Expected: i % 2 == 0 ? i.ToString(CultureInfo.InvariantCulture) : "Folder" + i, Client: root.WithFolder(i % 2 == 0 ? FolderContext.ById(i) : FolderContext.ByPath("Folder" + i))))
            .ToList();

        var answers = await Task.WhenAll(clients.Select(async entry => (entry.Expected, Seen: (await entry.Client.WorkItems[1].GetAsync()).Title)));

        Assert.All(answers, answer => Assert.Equal(answer.Expected, answer.Seen));
        Assert.Equal(Calls, handler.Requests.Count);
        Assert.All(handler.Requests, request => Assert.Single(FolderHeadersOf(request)));
        Assert.Null(root.Connection.Folder);
    }

    [Fact]
    public async Task The_connection_folder_wins_over_the_pipeline_default_folder()
    {
        var recording = new RecordingHandler(_ => RecordingHandler.Json("{\"Id\":1}"));
        using var pipeline = new OrchestratorContextHandler(FolderContext.ById(7), "DefaultTenant") { InnerHandler = recording };
        using var http = new HttpClient(pipeline, disposeHandler: false) { BaseAddress = RecordingHandler.BaseAddress };
        var root = new TestServiceClient(http);

        await root.WorkItems[1].GetAsync();
        await root.WithFolder(FolderContext.ByPath("Finance")).WorkItems[1].GetAsync();

        Assert.Equal(new Dictionary<string, string> { ["X-UIPATH-OrganizationUnitId"] = "7" }, FolderHeadersOf(recording.Requests[0]));
        Assert.Equal(new Dictionary<string, string> { ["X-UIPATH-FolderPath"] = "Finance" }, FolderHeadersOf(recording.Requests[1]));
        Assert.Equal("DefaultTenant", recording.Requests[1].Header(OrchestratorContextHandler.TenantNameHeader));
    }
}
