using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Http;

public sealed class OrchestratorContextHandlerTests
{
    private static async Task<ReceivedRequest> SendAsync(OrchestratorContextHandler handler, Func<HttpRequestMessage, HttpRequestMessage>? configure = null)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Results.Ok()));
        handler.InnerHandler = new HttpClientHandler();
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "odata/Jobs"));
        using var response = await http.SendAsync(configure?.Invoke(request) ?? request);
        return server.Requests.Single();
    }

    [Fact]
    public async Task Folder_by_id_and_tenant_name()
    {
        var received = await SendAsync(new OrchestratorContextHandler(FolderContext.ById(42), "DefaultTenant"));

        Assert.Equal("42", received.Header("X-UIPATH-OrganizationUnitId"));
        Assert.Equal("DefaultTenant", received.Header("X-UIPATH-TenantName"));
    }

    [Fact]
    public async Task Ascii_paths_go_as_they_are()
    {
        var received = await SendAsync(new OrchestratorContextHandler(FolderContext.ByPath("Finance/Invoices")));

        Assert.Equal("Finance/Invoices", received.Header("X-UIPATH-FolderPath"));
        Assert.Null(received.Header("X-UIPATH-FolderPath-Encoded"));
    }

    [Fact]
    public async Task Other_paths_go_Base64_encoded_as_UTF16LE()
    {
        var received = await SendAsync(new OrchestratorContextHandler(FolderContext.ByPath("Finanzen/Überweisungen/請求書")));

        var encoded = received.Header("X-UIPATH-FolderPath-Encoded");
        Assert.Equal("Finanzen/Überweisungen/請求書", Encoding.Unicode.GetString(Convert.FromBase64String(encoded!)));
        Assert.Null(received.Header("X-UIPATH-FolderPath"));
    }

    [Fact]
    public async Task A_folder_set_on_the_request_replaces_the_default()
    {
        var key = Guid.Parse("5e2f0b4c-1111-4222-8333-944455556666");

        var received = await SendAsync(new OrchestratorContextHandler(FolderContext.ById(42)), request => request.WithFolder(FolderContext.ByKey(key)));

        Assert.Equal(key.ToString(), received.Header("X-UIPATH-FolderKey"));
        Assert.Null(received.Header("X-UIPATH-OrganizationUnitId"));
    }

    [Fact]
    public async Task Concurrent_calls_in_different_folders_keep_their_own_folder()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", (HttpRequest request) => Results.Text(request.Headers["X-UIPATH-OrganizationUnitId"].ToString())));
        using var http = new HttpClient(new OrchestratorContextHandler(FolderContext.ById(1)) { InnerHandler = new HttpClientHandler() });

        var answers = await Task.WhenAll(Enumerable.Range(1, 50).Select(async folder =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "odata/Jobs")).WithFolder(FolderContext.ById(folder));
            using var response = await http.SendAsync(request);
            return (folder, seen: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, answer => Assert.Equal(answer.folder.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.seen));
    }

    [Fact]
    public void Invalid_folders_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FolderContext.ById(0));
        Assert.Throws<ArgumentException>(() => FolderContext.ByPath(" "));
        Assert.Throws<ArgumentException>(() => FolderContext.ByKey(Guid.Empty));
    }
}
