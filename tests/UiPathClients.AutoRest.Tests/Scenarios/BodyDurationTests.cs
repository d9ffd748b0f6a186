using System;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyDuration;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyDurationTests(AutoRestTestServer server)
{
    private readonly BodyDurationClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.Duration.GetNullAsync());

    [Fact]
    public async Task PutPositive()
    {
        // The server accepts exactly P123DT22H14M12.011S.
        var duration = new TimeSpan(123, 22, 14, 12, 11);
        Assert.Equal(200, (int)(await _client.Duration.PutPositiveWithResponseAsync(duration)).StatusCode);
    }

    [Fact]
    public async Task GetPositive_YearsAndMonthsAreRefusedNotApproximated()
    {
        // The server answers P3Y6M4DT12H30M5S. A TimeSpan cannot hold years or months without guessing their length,
        // so the runtime refuses the value (issue 19: never a silent change of value) instead of returning an approximation.
        var exception = await Assert.ThrowsAsync<RestApiException>(() => _client.Duration.GetPositiveAsync());
        Assert.Equal(200, (int)exception.StatusCode);
        Assert.Contains("P3Y6M4DT12H30M5S", exception.ResponseBody);
        Assert.IsType<JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task GetInvalid()
    {
        var exception = await Assert.ThrowsAsync<RestApiException>(() => _client.Duration.GetInvalidAsync());
        Assert.Equal(200, (int)exception.StatusCode);
        Assert.Contains("123ABC", exception.ResponseBody);
    }
}
