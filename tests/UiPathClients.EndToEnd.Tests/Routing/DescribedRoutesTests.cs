using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Routing;

/// <summary>
/// The emulator serves only the routes of the bundled description (that it serves every one of them is
/// <see cref="EveryDescribedRouteTests"/>): requests the description does not have answer 405, and paths it does not
/// have at all 404 with an Orchestrator error other than entity-not-found.
/// </summary>
public sealed class DescribedRoutesTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    [Theory]
    [InlineData("POST", "Jobs", "GET")]
    [InlineData("PUT", "Jobs(1)", "GET")]
    [InlineData("DELETE", "Jobs(1)", "GET")]
    [InlineData("PATCH", "Assets(1)", "GET, PUT, DELETE")]
    [InlineData("GET", "Processes('InvoiceProcessing')", "DELETE")]
    [InlineData("GET", "Queues", "")]
    [InlineData("GET", "Alerts(6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e)", "")]
    [InlineData("POST", "Machines/$count", "GET")]
    [InlineData("GET", "Jobs/UiPath.Server.Configuration.OData.StartJobs", "POST")]
    [InlineData("POST", "Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier='x')", "GET")]
    public async Task A_method_the_description_lacks_answers_405_with_an_Orchestrator_error(string method, string path, string allowed)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "odata/" + path);
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(RouteAnswers.IsOrchestratorError(body), body);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("GET", "NoSuchSet")]
    [InlineData("GET", "Jobs/UiPath.Server.Configuration.OData.NoSuchFunction()")]
    [InlineData("POST", "QueueItems/UiPathODataSvc.AddQueueItem")]
    [InlineData("GET", "Jobs(1)/Robot")]
    [InlineData("GET", "Alerts(1)")]
    public async Task A_path_the_description_lacks_answers_404_with_an_Orchestrator_error_that_is_not_entity_not_found(string method, string path)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "odata/" + path);
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(RouteAnswers.IsOrchestratorError(body), body);
        Assert.False(RouteAnswers.IsEntityNotFound(body), body);
    }

    [Fact]
    public async Task An_entity_that_does_not_exist_answers_404_with_an_Orchestrator_error()
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Calendars(424242)");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(RouteAnswers.IsEntityNotFound(await response.Content.ReadAsStringAsync()));
    }
}
