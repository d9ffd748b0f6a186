using System;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Paging;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Paging;

/// <summary>
/// A collection page whose <c>@odata.count</c> or <c>@odata.nextLink</c> is malformed is a malformed answer:
/// <see cref="ODataResponseException"/> with an excerpt of the payload, never a raw JsonException, FormatException,
/// OverflowException, UriFormatException or InvalidOperationException from the parser.
/// </summary>
public sealed class MalformedCollectionTests
{
    private static async Task<ODataResponseException> ReadAsync(string json)
    {
        using var handler = new RecordingHandler(_ => RecordingHandler.Json(json));
        using var http = handler.CreateClient();
        return await Assert.ThrowsAsync<ODataResponseException>(() => ODataCollectionReader.GetPageAsync(http, new Uri("Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow));
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"-3\"")]
    [InlineData("\"1.5\"")]
    [InlineData("\"99999999999999999999\"")]
    [InlineData("99999999999999999999")]
    [InlineData("1e400")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public async Task A_malformed_count_is_an_ODataResponseException_quoting_the_payload(string count)
    {
        var json = "{\"@odata.count\":" + count + ",\"value\":[{\"Id\":1}]}";

        var failure = await ReadAsync(json);

        Assert.Contains("@odata.count", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Payload: " + json, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("\"http://[bad\"")]
    [InlineData("\"http://\"")]
    [InlineData("\"javascript:alert(1)\"")]
    [InlineData("\"file:///etc/passwd\"")]
    [InlineData("\"mailto:someone@example.com\"")]
    public async Task A_malformed_next_link_is_an_ODataResponseException_quoting_the_payload(string nextLink)
    {
        var json = "{\"value\":[{\"Id\":1}],\"@odata.nextLink\":" + nextLink + "}";

        var failure = await ReadAsync(json);

        Assert.Contains("@odata.nextLink", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Payload: " + json, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_count_and_null_next_link_mean_not_given()
    {
        using var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"@odata.count\":null,\"value\":[{\"Id\":1}],\"@odata.nextLink\":null}"));
        using var http = handler.CreateClient();

        var page = await ODataCollectionReader.GetPageAsync(http, new Uri("Jobs", UriKind.Relative), PagingJsonContext.Default.JobRow);

        Assert.Null(page.Count);
        Assert.Null(page.NextLink);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task The_payload_in_the_message_is_cut_to_512_characters_with_control_characters_escaped()
    {
        var json = "{\"note\":\"line\\r\\n" + new string('x', 100_000) + "\",\"@odata.count\":\"many\",\"value\":[]}";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(json);

        var failure = await ReadAsync(json.Replace("\\r\\n", "\r\n", StringComparison.Ordinal));

        var payload = failure.Message.Substring(failure.Message.IndexOf("Payload: ", StringComparison.Ordinal) + "Payload: ".Length);
        Assert.StartsWith("{\"note\":\"line\\r\\nxxx", payload, StringComparison.Ordinal);
        Assert.EndsWith($"… (cut; the body has {bytes - 2} bytes)", payload, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.True(payload.Length < 512 + 64, $"The message quotes {payload.Length} characters of the payload.");
    }
}
