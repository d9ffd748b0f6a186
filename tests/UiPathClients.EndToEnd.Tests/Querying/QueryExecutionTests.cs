using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Querying;

/// <summary>
/// A query that parses but fails while it runs over the rows (dividing by zero) is refused before the response starts:
/// 400 with the same OData error as a query that does not parse, never a 200 whose body breaks off with a reset connection.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class QueryExecutionTests(SharedEmulator session)
{
    [Theory]
    [InlineData("Jobs?$filter=Id div 0 eq 1")]
    [InlineData("Jobs?$filter=Id mod 0 eq 1")]
    [InlineData("Jobs?$orderby=Id div 0")]
    [InlineData("Jobs?$filter=Id div 0 eq 1&$select=Id,State")]
    [InlineData("Jobs?$filter=Id div 0 eq 1&$count=true")]
    [InlineData("Jobs/$count?$filter=Id div 0 eq 1")]
    [InlineData("QueueItems?$filter=Id div 0 eq 1&$top=5")]
    public async Task A_query_that_fails_while_it_runs_answers_400_with_an_OData_error(string query)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/" + query);
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("InvalidQuery", error.GetProperty("code").GetString());
        Assert.Contains("divide by zero", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_query_without_the_fault_still_answers_200()
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Jobs?$filter=Id div 1 ge 1&$orderby=Id&$select=Id");
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);

        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("value").GetArrayLength() > 0);
    }
}
