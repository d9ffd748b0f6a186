using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyNumber;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <remarks>
/// <c>format: decimal</c> is <see cref="ExactDecimal"/>: <c>2.5976931e+101</c> does not fit <see cref="decimal"/> and
/// <c>2.5976931e-101</c> would become 0 in it, so these scenarios prove the exact type round-trips both. Bodies the
/// description restricts to one value are constants the client sends itself (no argument).
/// </remarks>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyNumberTests(AutoRestTestServer server)
{
    private readonly BodyNumberClient _client = new(server.CreateHttpClient());

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.Number.GetNullAsync());

    [Fact]
    public Task GetInvalidFloat() => ServerAnswer.UnreadableAsync(() => _client.Number.GetInvalidFloatAsync());

    [Fact]
    public Task GetInvalidDouble() => ServerAnswer.UnreadableAsync(() => _client.Number.GetInvalidDoubleAsync());

    [Fact]
    public Task GetInvalidDecimal() => ServerAnswer.UnreadableAsync(() => _client.Number.GetInvalidDecimalAsync());

    [Fact]
    public Task PutBigFloat() => ServerAnswer.OkAsync(_client.Number.PutBigFloatWithResponseAsync(3.402823e+20f));

    [Fact]
    public async Task GetBigFloat() => Assert.Equal(3.402823e+20f, await _client.Number.GetBigFloatAsync());

    [Fact]
    public Task PutBigDouble() => ServerAnswer.OkAsync(_client.Number.PutBigDoubleWithResponseAsync(2.5976931e+101));

    [Fact]
    public async Task GetBigDouble() => Assert.Equal(2.5976931e+101, await _client.Number.GetBigDoubleAsync());

    [Fact]
    public Task PutBigDoublePositiveDecimal() => ServerAnswer.OkAsync(_client.Number.PutBigDoublePositiveDecimalWithResponseAsync());

    [Fact]
    public async Task GetBigDoublePositiveDecimal() => Assert.Equal(99999999.99, await _client.Number.GetBigDoublePositiveDecimalAsync());

    [Fact]
    public Task PutBigDoubleNegativeDecimal() => ServerAnswer.OkAsync(_client.Number.PutBigDoubleNegativeDecimalWithResponseAsync());

    [Fact]
    public async Task GetBigDoubleNegativeDecimal() => Assert.Equal(-99999999.99, await _client.Number.GetBigDoubleNegativeDecimalAsync());

    [Fact]
    public Task PutBigDecimal() => ServerAnswer.OkAsync(_client.Number.PutBigDecimalWithResponseAsync(ExactDecimal.Parse("2.5976931e+101")));

    [Fact]
    public async Task GetBigDecimal()
    {
        var value = await _client.Number.GetBigDecimalAsync();

        Assert.Equal(ExactDecimal.Parse("2.5976931e+101"), value);
        Assert.Equal("2.5976931e+101", value.ToString());
    }

    [Fact]
    public Task PutBigDecimalPositiveDecimal() => ServerAnswer.OkAsync(_client.Number.PutBigDecimalPositiveDecimalWithResponseAsync());

    [Fact]
    public async Task GetBigDecimalPositiveDecimal() => Assert.Equal(99999999.99m, (decimal)await _client.Number.GetBigDecimalPositiveDecimalAsync());

    [Fact]
    public Task PutBigDecimalNegativeDecimal() => ServerAnswer.OkAsync(_client.Number.PutBigDecimalNegativeDecimalWithResponseAsync());

    [Fact]
    public async Task GetBigDecimalNegativeDecimal() => Assert.Equal(-99999999.99m, (decimal)await _client.Number.GetBigDecimalNegativeDecimalAsync());

    [Fact]
    public Task PutSmallFloat() => ServerAnswer.OkAsync(_client.Number.PutSmallFloatWithResponseAsync(3.402823e-20f));

    // The description declares the small float's answer as format: double.
    [Fact]
    public async Task GetSmallFloat() => Assert.Equal(3.402823e-20, await _client.Number.GetSmallFloatAsync());

    [Fact]
    public Task PutSmallDouble() => ServerAnswer.OkAsync(_client.Number.PutSmallDoubleWithResponseAsync(2.5976931e-101));

    [Fact]
    public async Task GetSmallDouble() => Assert.Equal(2.5976931e-101, await _client.Number.GetSmallDoubleAsync());

    [Fact]
    public Task PutSmallDecimal() => ServerAnswer.OkAsync(_client.Number.PutSmallDecimalWithResponseAsync(ExactDecimal.Parse("2.5976931e-101")));

    [Fact]
    public async Task GetSmallDecimal()
    {
        var value = await _client.Number.GetSmallDecimalAsync();

        Assert.Equal(ExactDecimal.Parse("2.5976931e-101"), value);
        Assert.Equal("2.5976931e-101", value.ToString());
    }
}
