using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.Folders;

/// <summary>
/// A request may name its folder in more than one folder header (id, path, Base64 path, key) as long as they all name
/// the same folder; headers that name different folders are refused with 400 and an Orchestrator error, as the service
/// refuses them, instead of one header silently winning.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class FolderScopeTests(SharedEmulator session)
{
    private const string Shared = "Shared";
    private const string Finance = "Finance";

    public static TheoryData<string, string, string, string> ConflictingHeaders => new()
    {
        { FolderContext.OrganizationUnitIdHeader, "id:" + Shared, FolderContext.FolderPathHeader, "path:" + Finance },
        { FolderContext.FolderPathHeader, "path:" + Shared, FolderContext.FolderKeyHeader, "key:" + Finance },
        { FolderContext.OrganizationUnitIdHeader, "id:" + Finance, FolderContext.FolderKeyHeader, "key:" + Shared },
        { FolderContext.FolderPathHeader, "path:" + Shared, FolderContext.FolderPathEncodedHeader, "encoded:" + Finance },
    };

    public static TheoryData<string, string, string, string> ConsistentHeaders => new()
    {
        { FolderContext.OrganizationUnitIdHeader, "id:" + Shared, FolderContext.FolderPathHeader, "path:" + Shared },
        { FolderContext.FolderPathHeader, "path:shared", FolderContext.FolderKeyHeader, "key:" + Shared },
        { FolderContext.FolderKeyHeader, "key:" + Shared, FolderContext.FolderPathEncodedHeader, "encoded:" + Shared },
    };

    [Theory]
    [MemberData(nameof(ConflictingHeaders))]
    public async Task Headers_that_name_different_folders_answer_400_with_an_Orchestrator_error(string firstHeader, string first, string secondHeader, string second)
    {
        using var response = await SendAsync(firstHeader, first, secondHeader, second);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(1000, json.RootElement.GetProperty("errorCode").GetInt32());
        var message = json.RootElement.GetProperty("message").GetString()!;
        Assert.Contains(firstHeader, message, StringComparison.Ordinal);
        Assert.Contains(secondHeader, message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConsistentHeaders))]
    public async Task Headers_that_name_the_same_folder_two_ways_are_accepted(string firstHeader, string first, string secondHeader, string second)
    {
        using var response = await SendAsync(firstHeader, first, secondHeader, second);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("value").GetArrayLength() > 0);
    }

    private async Task<HttpResponseMessage> SendAsync(string firstHeader, string first, string secondHeader, string second)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Releases");
        request.Headers.Add(firstHeader, Value(first));
        request.Headers.Add(secondHeader, Value(second));
        return await http.SendAsync(request);
    }

    /// <summary>"id:Shared", "key:Shared", "path:Shared" or "encoded:Shared" as the header value naming that folder.</summary>
    private string Value(string spec)
    {
        var (kind, path) = (spec[..spec.IndexOf(':', StringComparison.Ordinal)], spec[(spec.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var folder = session.Emulator.Data.FindFolderByPath(path)!;
        return kind switch
        {
            "id" => folder.Id.ToString(CultureInfo.InvariantCulture),
            "key" => folder.Key!.Value.ToString("D"),
            "encoded" => Convert.ToBase64String(Encoding.Unicode.GetBytes(path)),
            _ => path,
        };
    }
}
