using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using Xunit.Abstractions;

namespace UiPathClients.EndToEnd.Tests.Hosting;

/// <summary>
/// Every error the emulator answers carries the service's error body: under <c>odata/</c> and elsewhere in the
/// Orchestrator slice an Orchestrator error (<c>{"message","errorCode","traceId"}</c>) or, for queries and bodies that
/// OData refuses, an OData error (<c>{"error":{"code","message"}}</c>); under <c>api/</c> and <c>reinfer_/api/</c>
/// Communications Mining's <c>{"status":"error","message"}</c>. The sweep covers routing (404, 405), media types,
/// bodies, query options, folder headers, keys, and the request limits (414, 431, 413), which Kestrel would otherwise
/// answer with no body at all.
/// </summary>
public sealed class ErrorBodyTests(MutableEmulator session, ITestOutputHelper output) : IClassFixture<MutableEmulator>
{
    private const string Bearer = "Bearer " + EmulatorIdentityOptions.DefaultPersonalAccessToken;

    public static TheoryData<string> ErrorPaths => new(Cases.Keys);

    /// <summary>Name → (request, the status it must answer).</summary>
    private static readonly Dictionary<string, (Func<OrchestratorEmulator, HttpRequestMessage> Request, HttpStatusCode Status)> Cases = new(StringComparer.Ordinal)
    {
        ["unknown OData path"] = (_ => Get("odata/NoSuchSet"), HttpStatusCode.NotFound),
        ["unknown navigation"] = (emulator => InFolder(emulator, Get("odata/Jobs(1)/Robot")), HttpStatusCode.NotFound),
        ["unknown path outside odata/"] = (_ => Get("no/such/page"), HttpStatusCode.NotFound),
        ["entity that does not exist"] = (_ => Get("odata/Calendars(424242)"), HttpStatusCode.NotFound),
        ["method the set lacks"] = (emulator => InFolder(emulator, Json(HttpMethod.Post, "odata/Jobs", "{}")), HttpStatusCode.MethodNotAllowed),
        ["entity body in a media type OData does not read"] = (emulator => InFolder(emulator, Body(HttpMethod.Post, "odata/Assets", "Name=x", "text/plain")), HttpStatusCode.BadRequest),
        ["action body in a media type OData does not read"] = (emulator => InFolder(emulator, Body(HttpMethod.Post, "odata/Jobs/UiPath.Server.Configuration.OData.StopJobs", "x", "text/plain")), HttpStatusCode.BadRequest),
        ["malformed JSON body"] = (emulator => InFolder(emulator, Json(HttpMethod.Post, "odata/Assets", "{\"Name\":")), HttpStatusCode.BadRequest),
        ["action body of the wrong shape"] = (emulator => InFolder(emulator, Json(HttpMethod.Post, "odata/Jobs/UiPath.Server.Configuration.OData.StartJobs", "{}")), HttpStatusCode.BadRequest),
        ["$filter syntax"] = (emulator => InFolder(emulator, Get("odata/Jobs?$filter=Id eq")), HttpStatusCode.BadRequest),
        ["$orderby unknown property"] = (emulator => InFolder(emulator, Get("odata/Jobs?$orderby=NoSuchProperty")), HttpStatusCode.BadRequest),
        ["$select unknown property"] = (emulator => InFolder(emulator, Get("odata/Jobs?$select=NoSuchProperty")), HttpStatusCode.BadRequest),
        ["$expand unknown property"] = (emulator => InFolder(emulator, Get("odata/Jobs?$expand=NoSuchProperty")), HttpStatusCode.BadRequest),
        ["$top above the limit"] = (emulator => InFolder(emulator, Get("odata/Jobs?$top=100000")), HttpStatusCode.BadRequest),
        ["query that fails while it runs"] = (emulator => InFolder(emulator, Get("odata/Jobs?$filter=Id div 0 eq 1")), HttpStatusCode.BadRequest),
        ["folder missing"] = (_ => Get("odata/Jobs"), HttpStatusCode.BadRequest),
        ["folder id malformed"] = (_ => WithHeader(Get("odata/Jobs"), "X-UIPATH-OrganizationUnitId", "abc"), HttpStatusCode.BadRequest),
        ["folder that does not exist"] = (_ => WithHeader(Get("odata/Jobs"), "X-UIPATH-FolderPath", "No/Such/Folder"), HttpStatusCode.BadRequest),
        ["folders in conflict"] = (emulator => WithHeader(InFolder(emulator, Get("odata/Jobs")), "X-UIPATH-FolderPath", "Finance"), HttpStatusCode.BadRequest),
        ["URL too long"] = (emulator => InFolder(emulator, Get("odata/Jobs?$filter=" + LongFilter(100 * 1024))), HttpStatusCode.RequestUriTooLong),
        ["headers too large"] = (emulator => WithHeader(InFolder(emulator, Get("odata/Jobs")), "X-Padding", new string('x', EmulatorLimits.MaxRequestHeadersSize + 1)), HttpStatusCode.RequestHeaderFieldsTooLarge),
        ["body too large"] = (emulator => InFolder(emulator, Oversized(Json(HttpMethod.Post, "odata/Assets", "{\"Name\":\"" + new string('x', EmulatorLimits.MaxRequestBodySize) + "\"}"))), HttpStatusCode.RequestEntityTooLarge),
        ["no token"] = (_ => Get("odata/Folders"), HttpStatusCode.Unauthorized),
        ["token the emulator did not issue"] = (_ => WithHeader(Get("odata/Folders"), "Authorization", "Bearer not-a-token"), HttpStatusCode.Unauthorized),
        ["CM: no token"] = (_ => Get("api/v1/datasets"), HttpStatusCode.Unauthorized),
        ["CM: token the emulator did not issue"] = (_ => WithHeader(Get("api/v1/datasets"), "Authorization", "Bearer not-a-token"), HttpStatusCode.Unauthorized),
        ["CM: unknown path"] = (_ => WithHeader(Get("reinfer_/api/v1/nonexistent_page"), "Authorization", Bearer), HttpStatusCode.NotFound),
        ["CM: method the path lacks"] = (_ => WithHeader(new HttpRequestMessage(HttpMethod.Patch, "api/v1/datasets"), "Authorization", Bearer), HttpStatusCode.MethodNotAllowed),
        ["CM: body that is not JSON"] = (_ => WithHeader(Body(HttpMethod.Post, "api/v1/sources/acme/no-such-source/sync", "x", "text/plain"), "Authorization", Bearer), HttpStatusCode.BadRequest),
        ["CM: URL too long"] = (_ => WithHeader(Get("api/v1/datasets?q=" + new string('x', 100 * 1024)), "Authorization", Bearer), HttpStatusCode.RequestUriTooLong),
        ["CM: body too large"] = (_ => WithHeader(Oversized(Json(HttpMethod.Post, "api/v1/sources/acme/no-such-source/sync", "{\"comments\":\"" + new string('x', EmulatorLimits.MaxRequestBodySize) + "\"}")), "Authorization", Bearer), HttpStatusCode.RequestEntityTooLarge),
    };

    [Theory]
    [MemberData(nameof(ErrorPaths))]
    public async Task Every_error_answers_with_the_service_error_body(string name)
    {
        var (createRequest, status) = Cases[name];
        // A client without a default token: each case sends the Authorization header it is about.
        using var http = new HttpClient { BaseAddress = session.Emulator.BaseAddress };
        using var request = createRequest(session.Emulator);
        if (!name.Contains("token", StringComparison.Ordinal) && !request.Headers.Contains("Authorization"))
        {
            request.Headers.TryAddWithoutValidation("Authorization", Bearer);
        }

        var communicationsMining = request.RequestUri!.OriginalString.StartsWith("api/", StringComparison.Ordinal)
            || request.RequestUri.OriginalString.StartsWith("reinfer_/", StringComparison.Ordinal);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {response.Content.Headers.ContentType} {(body.Length > 300 ? body[..300] + "…" : body)}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (communicationsMining)
        {
            Assert.Equal("error", root.GetProperty("status").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("message").GetString()));
        }
        else if (root.TryGetProperty("error", out var odataError))
        {
            Assert.False(string.IsNullOrWhiteSpace(odataError.GetProperty("message").GetString()));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("message").GetString()));
            Assert.Equal(JsonValueKind.Number, root.GetProperty("errorCode").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("traceId").GetString()));
        }
    }

    [Fact]
    public async Task A_long_filter_within_the_limit_is_served()
    {
        using var http = session.Emulator.CreateHttpClient();
        var filter = LongFilter(EmulatorLimits.MaxUrlLength - 1024);
        using var request = InFolder(session.Emulator, Get("odata/Jobs?$filter=" + filter));

        using var response = await http.SendAsync(request);

        Assert.True(filter.Length > 16 * 1024, "The filter must be longer than Kestrel's default request line (8 KB) for this to prove anything.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A valid one-clause filter of about <paramref name="length"/> characters: <c>ReleaseName ne 'xxx…'</c>, URL-escaped.</summary>
    private static string LongFilter(int length) => "ReleaseName%20ne%20'" + new string('x', length) + "'";

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Json(HttpMethod method, string path, string json) => Body(method, path, json, "application/json");

    private static HttpRequestMessage Body(HttpMethod method, string path, string text, string mediaType) =>
        new(method, path) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    /// <summary>
    /// Sends a body over the limit as curl and careful clients do, asking with <c>Expect: 100-continue</c> before sending it:
    /// the emulator answers 413 from the headers alone and closes the connection, so a client that sends the whole body
    /// unasked may instead see the connection closed while it is still writing.
    /// </summary>
    private static HttpRequestMessage Oversized(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static HttpRequestMessage InFolder(OrchestratorEmulator emulator, HttpRequestMessage request) =>
        WithHeader(request, "X-UIPATH-FolderPath", emulator.DefaultFolderPath);

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
