using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Hosting;

/// <summary>
/// The emulator through a plain <see cref="HttpClient"/>, exactly as a client written by others for the real services
/// calls it: Automation Cloud URL shapes, the identity service's token endpoint, on-premises login, folder headers. Only
/// the host differs from a real tenant's; none of our runtime is involved, so none of its conventions can hide a gap.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class OutsideClientTests(SharedEmulator session)
{
    private Uri Root => new(session.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority) + "/");

    [Theory]
    [InlineData("acme/identity_/connect/token")]
    [InlineData("identity_/connect/token")]
    public async Task A_cloud_client_gets_a_token_with_client_credentials_and_reads_Orchestrator_at_the_cloud_address(string tokenPath)
    {
        using var http = new HttpClient { BaseAddress = Root };
        var token = await ClientCredentialsTokenAsync(http, tokenPath);

        using var request = new HttpRequestMessage(HttpMethod.Get, "acme/DefaultTenant/orchestrator_/odata/Folders?$top=2");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // The service's links keep the caller's address form.
        Assert.StartsWith(Root + "acme/DefaultTenant/orchestrator_/odata/$metadata", json.RootElement.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task Folder_scoped_sets_answer_with_the_folder_id_header_and_refuse_without_it()
    {
        using var http = new HttpClient { BaseAddress = Root };
        var token = await ClientCredentialsTokenAsync(http, "acme/identity_/connect/token");
        var folderId = session.Emulator.Data.FindFolderByPath(session.Emulator.DefaultFolderPath)!.Id;

        using var inFolder = new HttpRequestMessage(HttpMethod.Get, "acme/DefaultTenant/orchestrator_/odata/Releases?$select=Name");
        inFolder.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        inFolder.Headers.Add("X-UIPATH-OrganizationUnitId", folderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var withFolder = await http.SendAsync(inFolder);
        using var noFolder = new HttpRequestMessage(HttpMethod.Get, "acme/DefaultTenant/orchestrator_/odata/Releases");
        noFolder.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var withoutFolder = await http.SendAsync(noFolder);

        Assert.Equal(HttpStatusCode.OK, withFolder.StatusCode);
        Assert.NotEqual(0, JsonDocument.Parse(await withFolder.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, withoutFolder.StatusCode);
        Assert.Equal(1101, JsonDocument.Parse(await withoutFolder.Content.ReadAsStringAsync()).RootElement.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task An_on_premises_client_logs_in_with_Account_Authenticate_and_uses_the_result_token()
    {
        using var http = new HttpClient { BaseAddress = Root };
        var user = EmulatorIdentityOptions.DefaultUser;
        using var login = await http.PostAsync("api/Account/Authenticate", Json(new { tenancyName = user.TenancyName, usernameOrEmailAddress = user.UserNameOrEmailAddress, password = user.Password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var answer = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        Assert.True(answer.RootElement.GetProperty("success").GetBoolean());
        var token = answer.RootElement.GetProperty("result").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Folders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_login_envelope()
    {
        using var http = new HttpClient { BaseAddress = Root };
        using var login = await http.PostAsync("api/account/authenticate", Json(new { tenancyName = "Default", usernameOrEmailAddress = "admin", password = "wrong" }));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        using var answer = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        Assert.False(answer.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.RootElement.GetProperty("result").ValueKind);
        Assert.Equal("Login failed!", answer.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_cloud_Communications_Mining_client_reads_at_the_reinfer_address_with_its_API_token()
    {
        using var http = new HttpClient { BaseAddress = Root };
        using var request = new HttpRequestMessage(HttpMethod.Get, "acme/DefaultTenant/reinfer_/api/v1/datasets");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        // Folder headers mean nothing to Communications Mining: they must not turn its answer into an Orchestrator one.
        request.Headers.Add("X-UIPATH-FolderPath", "No/Such/Folder");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("acme/DefaultTenant/orchestrator_/odata/Folders", "You are not authenticated!")]
    [InlineData("odata/Folders", "You are not authenticated!")]
    [InlineData("acme/DefaultTenant/reinfer_/api/v1/datasets", "401 Unauthorized")]
    public async Task A_request_without_a_valid_token_gets_401_with_the_service_body(string path, string message)
    {
        using var http = new HttpClient { BaseAddress = Root };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "expired-or-forged");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(message, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Orchestrator_api_routes_are_not_taken_for_Communications_Mining_ones()
    {
        using var http = new HttpClient { BaseAddress = Root };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/NoSuchOrchestratorApi");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("errorCode").ValueKind);
        Assert.False(json.RootElement.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Orchestrator_api_Status_and_Stats_answer_with_counts_from_the_data()
    {
        using var http = session.Emulator.CreateHttpClient();

        using var status = await http.GetAsync("api/Status/Get");
        using var counts = JsonDocument.Parse(await http.GetStringAsync("api/Stats/GetCountStats"));
        using var jobs = JsonDocument.Parse(await http.GetStringAsync("api/Stats/GetJobsStats"));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var data = session.Emulator.Data;
        Assert.Equal(
            [("Processes", data.Releases.Count), ("Assets", data.Assets.Count), ("Queues", data.QueueDefinitions.Count), ("Schedules", 0)],
            counts.RootElement.EnumerateArray().Select(stat => (stat.GetProperty("title").GetString(), stat.GetProperty("count").GetInt32())));
        var faulted = data.Jobs.InFolder(null).Count(job => job.State == UiPathClients.Emulator.Orchestrator.Contracts.JobState.Faulted);
        Assert.True(faulted > 0, "The seed has faulted jobs, so the count proves something.");
        Assert.Equal(faulted, jobs.RootElement.EnumerateArray().Single(stat => stat.GetProperty("title").GetString() == "Faulted").GetProperty("count").GetInt32());
        Assert.True(jobs.RootElement[0].GetProperty("hasPermissions").GetBoolean());
    }

    [Fact]
    public async Task Requests_are_recorded_with_the_address_the_client_used()
    {
        using var http = new HttpClient { BaseAddress = Root };
        using var request = new HttpRequestMessage(HttpMethod.Get, "acme/DefaultTenant/orchestrator_/odata/Folders?$top=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        var log = RequestLog.Mark(session.Emulator);
        using var response = await http.SendAsync(request);

        Assert.Equal("/acme/DefaultTenant/orchestrator_/odata/Folders?$top=1", log.Single().PathAndQuery);
    }

    private static async Task<string> ClientCredentialsTokenAsync(HttpClient http, string tokenPath)
    {
        var application = EmulatorIdentityOptions.DefaultClientApplication;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = application.ClientId,
            ["client_secret"] = application.ClientSecret,
            ["scope"] = "OR.Folders.Read OR.Execution",
        });
        using var response = await http.PostAsync(tokenPath, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3600, json.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal("OR.Folders.Read OR.Execution", json.RootElement.GetProperty("scope").GetString());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
