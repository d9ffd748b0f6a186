using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.Header;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <remarks>
/// The response scenarios' headers are declared in the description but the generated methods do not type response
/// headers: the tests read the header the whole answer carries.
/// </remarks>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class HeaderTests(AutoRestTestServer server)
{
    /// <summary>The server's MULTIBYTE_BUFFER, as UTF-8 (escaped: editors normalize its compatibility ideographs away).</summary>
    private static readonly byte[] MultiByteBuffer = Encoding.UTF8.GetBytes("\u554A\u9F44\u4E02\u72DB\u72DC\uF9F1\uF92C\uF9F1\uFA0C\uFA29");

    private readonly HeaderClient _client = new(server.CreateHttpClient());

    private HeaderOperationsClient Headers => _client.HeaderOperations;

    [Fact]
    public Task ParamExistingKey() => ServerAnswer.OkAsync(Headers.HeaderParamExistingKeyWithResponseAsync("overwrite"));

    [Fact]
    public async Task ResponseExistingKey() =>
        Assert.Equal("overwrite", Single(await Headers.HeaderResponseExistingKeyWithResponseAsync(), "User-Agent"));

    // Content-Type is a parameter of the description: sent as the (empty) body's media type.
    [Fact]
    public Task ParamProtectedKey() => ServerAnswer.OkAsync(Headers.HeaderParamProtectedKeyWithResponseAsync("text/html"));

    [Fact]
    public async Task ResponseProtectedKey() =>
        Assert.Equal("text/html", (await Headers.HeaderResponseProtectedKeyWithResponseAsync()).ContentHeaders?.ContentType?.MediaType);

    [Theory]
    [InlineData("positive", 1)]
    [InlineData("negative", -2)]
    public Task ParamInteger(string scenario, int value) => ServerAnswer.OkAsync(Headers.HeaderParamIntegerWithResponseAsync(scenario, value));

    [Theory]
    [InlineData("positive", "1")]
    [InlineData("negative", "-2")]
    public async Task ResponseInteger(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseIntegerWithResponseAsync(scenario), "value"));

    [Theory]
    [InlineData("positive", 105L)]
    [InlineData("negative", -2L)]
    public Task ParamLong(string scenario, long value) => ServerAnswer.OkAsync(Headers.HeaderParamLongWithResponseAsync(scenario, value));

    [Theory]
    [InlineData("positive", "105")]
    [InlineData("negative", "-2")]
    public async Task ResponseLong(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseLongWithResponseAsync(scenario), "value"));

    [Theory]
    [InlineData("positive", 0.07f)]
    [InlineData("negative", -3.0f)]
    public Task ParamFloat(string scenario, float value) => ServerAnswer.OkAsync(Headers.HeaderParamFloatWithResponseAsync(scenario, value));

    [Theory]
    [InlineData("positive", "0.07")]
    [InlineData("negative", "-3")]
    public async Task ResponseFloat(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseFloatWithResponseAsync(scenario), "value"));

    [Theory]
    [InlineData("positive", 7e120)]
    [InlineData("negative", -3.0)]
    public Task ParamDouble(string scenario, double value) => ServerAnswer.OkAsync(Headers.HeaderParamDoubleWithResponseAsync(scenario, value));

    [Theory]
    [InlineData("positive", "7e+120")]
    [InlineData("negative", "-3")]
    public async Task ResponseDouble(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseDoubleWithResponseAsync(scenario), "value"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public Task ParamBool(string scenario, bool value) => ServerAnswer.OkAsync(Headers.HeaderParamBoolWithResponseAsync(scenario, value));

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public async Task ResponseBool(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseBoolWithResponseAsync(scenario), "value"));

    [Theory]
    [InlineData("valid", "The quick brown fox jumps over the lazy dog")]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    public Task ParamString(string scenario, string? value) => ServerAnswer.OkAsync(Headers.HeaderParamStringWithResponseAsync(scenario, value));

    [Theory]
    [InlineData("valid", "The quick brown fox jumps over the lazy dog")]
    [InlineData("null", "null")]
    [InlineData("empty", "")]
    public async Task ResponseString(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseStringWithResponseAsync(scenario), "value"));

    [Fact]
    public Task ParamEnumValid() => ServerAnswer.OkAsync(Headers.HeaderParamEnumWithResponseAsync("valid", HeaderParamEnumValue.GREY));

    [Fact]
    public Task ParamEnumNull() => ServerAnswer.OkAsync(Headers.HeaderParamEnumWithResponseAsync("null", null));

    [Theory]
    [InlineData("valid", "GREY")]
    [InlineData("null", "")]
    public async Task ResponseEnum(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseEnumWithResponseAsync(scenario), "value"));

    [Theory]
    [InlineData("valid", 2010, 1, 1)]
    [InlineData("min", 1, 1, 1)]
    public Task ParamDate(string scenario, int year, int month, int day) =>
        ServerAnswer.OkAsync(Headers.HeaderParamDateWithResponseAsync(scenario, new DateOnly(year, month, day)));

    [Theory]
    [InlineData("valid", "2010-01-01")]
    [InlineData("min", "0001-01-01")]
    public async Task ResponseDate(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseDateWithResponseAsync(scenario), "value"));

    [Fact]
    public Task ParamDatetimeValid() =>
        ServerAnswer.OkAsync(Headers.HeaderParamDatetimeWithResponseAsync("valid", new DateTimeOffset(2010, 1, 1, 12, 34, 56, TimeSpan.Zero)));

    [Fact]
    public Task ParamDatetimeMin() => ServerAnswer.OkAsync(Headers.HeaderParamDatetimeWithResponseAsync("min", DateTimeOffset.MinValue));

    [Theory]
    [InlineData("valid", "2010-01-01T12:34:56Z")]
    [InlineData("min", "0001-01-01T00:00:00Z")]
    public async Task ResponseDatetime(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseDatetimeWithResponseAsync(scenario), "value"));

    // format: date-time-rfc1123 is a DateTimeOffset sent as RFC 1123 text.
    [Fact]
    public Task ParamDatetimeRfc1123Valid() =>
        ServerAnswer.OkAsync(Headers.HeaderParamDatetimeRfc1123WithResponseAsync("valid", new DateTimeOffset(2010, 1, 1, 12, 34, 56, TimeSpan.Zero)));

    [Fact]
    public Task ParamDatetimeRfc1123Min() => ServerAnswer.OkAsync(Headers.HeaderParamDatetimeRfc1123WithResponseAsync("min", DateTimeOffset.MinValue));

    [Theory]
    [InlineData("valid", "Fri, 01 Jan 2010 12:34:56 GMT")]
    [InlineData("min", "Mon, 01 Jan 0001 00:00:00 GMT")]
    public async Task ResponseDatetimeRfc1123(string scenario, string expected) =>
        Assert.Equal(expected, Single(await Headers.HeaderResponseDatetimeRfc1123WithResponseAsync(scenario), "value"));

    [Fact]
    public Task ParamDuration() =>
        ServerAnswer.OkAsync(Headers.HeaderParamDurationWithResponseAsync("valid", new TimeSpan(123, 22, 14, 12, 11)));

    [Fact]
    public async Task ResponseDuration() =>
        Assert.Equal("P123DT22H14M12.011S", Single(await Headers.HeaderResponseDurationWithResponseAsync("valid"), "value"));

    [Fact]
    public Task ParamByte() => ServerAnswer.OkAsync(Headers.HeaderParamByteWithResponseAsync("valid", MultiByteBuffer));

    [Fact]
    public async Task ResponseByte() =>
        Assert.Equal(MultiByteBuffer, Convert.FromBase64String(Single(await Headers.HeaderResponseByteWithResponseAsync("valid"), "value")));

    [Fact]
    public async Task ParamNull_RequiredScenarioHeader_IsRefusedBeforeSending() =>
        Assert.Equal("scenario", (await Assert.ThrowsAsync<ArgumentNullException>(() => Headers.HeaderParamStringAsync(null!, "x"))).ParamName);

    // The description has no parameter for x-ms-client-request-id (AutoRest clients add it themselves): a caller sends it
    // as any other per-client header, on the HttpClient.
    [Fact]
    public async Task CustomRequestId()
    {
        var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Add("x-ms-client-request-id", "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0");

        var response = await new HeaderClient(http).HeaderOperations.HeaderCustomRequestIdWithResponseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Single(RestResponse response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.ContentHeaders?.TryGetValues(name, out var content) == true ? content : Enumerable.Empty<string>());
}
