using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>Error answers and unreadable answers, as the typed exceptions the generated clients document.</summary>
public sealed class ODataErrorTests
{
    private const string Secret = "eyJhbGciOi.super-secret-token";
    private const string ItemUri = "https://cloud.test/org/tenant/orchestrator_/odata/WorkItems(1)";

    private static (RecordingHandler Handler, HttpClient Http, TestServiceClient Client) Serve(Func<HttpResponseMessage> response)
    {
        var handler = new RecordingHandler(_ => response());
        var http = handler.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return (handler, http, new TestServiceClient(http));
    }

    [Fact]
    public async Task A_404_with_an_OData_error_is_ODataNotFoundException()
    {
        const string Body = "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"WorkItem 1 does not exist.\",\"details\":[],\"innererror\":{\"message\":\"x\"}}}";
        var (_, http, client) = Serve(() => RecordingHandler.Json(Body, HttpStatusCode.NotFound));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataNotFoundException>(() => client.WorkItems[1].GetAsync());

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("ResourceNotFound", failure.ErrorCode);
        Assert.Equal("WorkItem 1 does not exist.", failure.ServiceMessage);
        Assert.Null(failure.TraceId);
        Assert.Equal(ItemUri, failure.RequestUri);
        Assert.Equal(Body, failure.ResponseBody);
        Assert.Equal(ItemUri + " answered HTTP 404: WorkItem 1 does not exist. (code ResourceNotFound).", failure.Message);
    }

    [Fact]
    public async Task An_OData_error_with_details_and_innererror_keeps_them_in_the_body()
    {
        const string Body =
            "{\"error\":{\"code\":\"BadRequest\",\"message\":\"The query specified in the URI is not valid.\","
            + "\"details\":[{\"code\":\"InvalidFilter\",\"message\":\"Unknown property 'Nme'.\",\"target\":\"$filter\"}],"
            + "\"innererror\":{\"message\":\"Could not find a property named 'Nme'.\",\"type\":\"Microsoft.OData.ODataException\",\"stacktrace\":\"at …\"}},"
            + "\"traceId\":\"00-aaa-bbb-01\"}";
        var (_, http, client) = Serve(() => RecordingHandler.Json(Body, HttpStatusCode.BadRequest));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => client.WorkItems.Where(w => w.Title == "x").ToPageAsync());

        Assert.IsNotType<ODataNotFoundException>(failure);
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("BadRequest", failure.ErrorCode);
        Assert.Equal("The query specified in the URI is not valid.", failure.ServiceMessage);
        Assert.Equal("00-aaa-bbb-01", failure.TraceId);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems?$filter=Title%20eq%20%27x%27", failure.RequestUri);
        Assert.Contains("Unknown property 'Nme'.", failure.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("Could not find a property named 'Nme'.", failure.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Orchestrator_error_gives_code_message_and_trace_id()
    {
        const string Body = "{\"message\":\"A work item with this title already exists.\",\"errorCode\":1002,\"traceId\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00\"}";
        var (_, http, client) = Serve(() => RecordingHandler.Json(Body, HttpStatusCode.Conflict));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => client.WorkItems.CreateAsync(new WorkItem { Title = "dup" }));

        Assert.Equal(HttpStatusCode.Conflict, failure.StatusCode);
        Assert.Equal("1002", failure.ErrorCode);
        Assert.Equal("A work item with this title already exists.", failure.ServiceMessage);
        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", failure.TraceId);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems", failure.RequestUri);
        Assert.Equal(
            "https://cloud.test/org/tenant/orchestrator_/odata/WorkItems answered HTTP 409: A work item with this title already exists. (code 1002) [trace 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00].",
            failure.Message);
    }

    [Fact]
    public async Task An_Orchestrator_404_is_also_not_found()
    {
        var (_, http, client) = Serve(() => RecordingHandler.Json("{\"message\":\"Robot does not exist.\",\"errorCode\":1002,\"traceId\":\"t-1\"}", HttpStatusCode.NotFound));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataNotFoundException>(() => client.People["ghost"].DeleteAsync());

        Assert.Equal("1002", failure.ErrorCode);
        Assert.Equal("Robot does not exist.", failure.ServiceMessage);
        Assert.Equal("t-1", failure.TraceId);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/People('ghost')", failure.RequestUri);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html", HttpStatusCode.BadGateway)]
    [InlineData("", "text/plain", HttpStatusCode.InternalServerError)]
    [InlineData("{\"unexpected\":true}", "application/json", HttpStatusCode.ServiceUnavailable)]
    [InlineData("[1,2]", "application/json", HttpStatusCode.BadRequest)]
    public async Task An_error_without_a_known_shape_still_names_status_and_uri(string body, string mediaType, HttpStatusCode status)
    {
        var (_, http, client) = Serve(() => RecordingHandler.Text(body, mediaType, status));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => client.WorkItems[1].GetAsync());

        Assert.Equal(status, failure.StatusCode);
        Assert.Null(failure.ErrorCode);
        Assert.Null(failure.ServiceMessage);
        Assert.Equal(body, failure.ResponseBody);
        Assert.Equal(ItemUri + " answered HTTP " + (int)status + ".", failure.Message);
    }

    [Fact]
    public async Task The_authorization_header_never_reaches_an_exception()
    {
        var (handler, http, client) = Serve(() => RecordingHandler.Json("{\"message\":\"Unauthorized.\",\"errorCode\":0}", HttpStatusCode.Unauthorized));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => client.WorkItems[1].GetAsync());

        Assert.Equal("Bearer " + Secret, Assert.Single(handler.Requests).Header("Authorization"));
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.RequestUri, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_query_values_and_user_info_are_masked_in_exceptions()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text("<html/>", "text/html", HttpStatusCode.Forbidden));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://user:hunter2@cloud.test/org/tenant/orchestrator_/") };
        var client = new TestServiceClient(http);

        var failure = await Assert.ThrowsAsync<ODataRequestException>(() => client.Connection.GetAsync<WorkItem>("WorkItems(1)?access_token=" + Secret + "&x=1", default));

        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems(1)?access_token=***&x=1", failure.RequestUri);
        Assert.DoesNotContain("hunter2", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_ODataResponseException_naming_the_uri()
    {
        var (_, http, client) = Serve(() => RecordingHandler.Json("{\"Id\":1,\"Title\":"));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].GetAsync());

        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.Equal("application/json", failure.ContentType);
        Assert.Equal(ItemUri, failure.RequestUri);
        Assert.Equal("{\"Id\":1,\"Title\":", failure.ResponseBody);
        Assert.IsAssignableFrom<JsonException>(failure.InnerException);
        Assert.StartsWith("The answer from " + ItemUri + " (HTTP 200, application/json) cannot be read: ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_content_type_is_ODataResponseException_for_entities_pages_and_enumeration()
    {
        var (_, http, client) = Serve(() => RecordingHandler.Text("<html>login</html>", "text/html"));
        using var _http = http;

        var entity = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].GetAsync());
        var page = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems.ToPageAsync());
        var all = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems.ToListAsync());
        var operation = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].ApproveAsync("x"));

        Assert.Equal("text/html", entity.ContentType);
        Assert.Equal(ItemUri, entity.RequestUri);
        Assert.Contains("expected JSON", entity.Message, StringComparison.Ordinal);
        Assert.Equal("<html>login</html>", entity.ResponseBody);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems", page.RequestUri);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems?$top=1000", all.RequestUri);
        Assert.Equal(ItemUri + "/Test.Approve", operation.RequestUri);
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_ODataResponseException()
    {
        var (_, http, client) = Serve(() => RecordingHandler.Json("[{\"Id\":1}]"));
        using var _http = http;

        await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems.ToPageAsync());
        await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].GetAsync());
    }

    [Fact]
    public async Task An_empty_success_body_for_an_entity_is_ODataResponseException()
    {
        var (_, http, client) = Serve(() => RecordingHandler.Text(string.Empty, "application/json"));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].GetAsync());

        Assert.Contains("empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_kept_in_an_unreadable_answer_is_capped()
    {
        var huge = "{\"Id\":\"" + new string('x', 10_000);
        var (_, http, client) = Serve(() => RecordingHandler.Json(huge));
        using var _http = http;

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => client.WorkItems[1].GetAsync());

        Assert.Equal(huge.Substring(0, 4096), failure.ResponseBody);
    }
}
