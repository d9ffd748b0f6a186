using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Serialization;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>
/// Edm.Decimal and Edm.Int64 arrive as JSON numbers or, from IEEE754-compatible services, as JSON strings
/// (OData JSON Format §3.2/§4.5); both read to the same value, and the client always writes numbers.
/// </summary>
public sealed class Ieee754CompatibleTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = ODataPrimitiveJsonResolver.Instance };

    [Theory]
    [InlineData("37.01", "37.01")]
    [InlineData("\"37.01\"", "37.01")]
    [InlineData("\"-0.5\"", "-0.5")]
    [InlineData("\"1.5E+3\"", "1500")]
    [InlineData("\"79228162514264337593543950335\"", "79228162514264337593543950335")]
    [InlineData("\"37\\u002e01\"", "37.01")]
    public void A_decimal_reads_from_a_number_or_a_string(string json, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Deserialize<decimal>(json, Options));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Deserialize<decimal?>(json, Options));
    }

    [Theory]
    [InlineData("9007199254740993", 9007199254740993L)]
    [InlineData("\"9007199254740993\"", 9007199254740993L)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    public void An_int64_reads_from_a_number_or_a_string_without_losing_digits(string json, long expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize<long>(json, Options));
        Assert.Equal(expected, JsonSerializer.Deserialize<long?>(json, Options));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"12abc\"")]
    [InlineData("\" 12\"")]
    [InlineData("\"1.5\"")]
    [InlineData("\"9223372036854775808\"")]
    [InlineData("true")]
    public void An_int64_string_that_is_not_an_integer_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<long>(json, Options));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"12,5\"")]
    [InlineData("{}")]
    public void A_decimal_string_that_is_not_a_number_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<decimal>(json, Options));

    [Fact]
    public void Null_reads_as_null_and_values_are_written_as_numbers()
    {
        Assert.Null(JsonSerializer.Deserialize<decimal?>("null", Options));
        Assert.Null(JsonSerializer.Deserialize<long?>("null", Options));
        Assert.Equal("37.01", JsonSerializer.Serialize(37.01m, Options));
        Assert.Equal("9007199254740993", JsonSerializer.Serialize<long?>(9007199254740993L, Options));
    }

    [Fact]
    public async Task Entities_collections_operation_results_and_a_created_entity_read_string_int64s()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"Id\":\"9007199254740993\",\"Title\":\"a\"}"),
            () => RecordingHandler.Json("{\"value\":[{\"Id\":\"1\"},{\"Id\":2}]}"),
            () => RecordingHandler.Json("{\"@odata.context\":\"$metadata#Edm.Int64\",\"value\":\"12\"}"),
            () => RecordingHandler.Json("{\"value\":[{\"Id\":\"3\"}]}"),
            () => RecordingHandler.Json("{\"Id\":\"4\",\"Title\":\"created\"}", System.Net.HttpStatusCode.Created));
        using var http = handler.CreateClient();
        var items = new TestServiceClient(http).WorkItems;

        var one = await items[9007199254740993L].GetAsync();
        var all = await items.ToPageAsync();
        var count = await items.CountByPriorityAsync(Priority.High, null);
        var scheduled = await items.ScheduleAsync(new Window(), null);
        var created = await items.CreateAsync(new WorkItem { Title = "created" });

        Assert.Equal(9007199254740993L, one.Id);
        Assert.Equal(new List<long> { 1, 2 }, new List<long> { all.Items[0].Id, all.Items[1].Id });
        Assert.Equal(12, count);
        Assert.Equal(3, Assert.Single(scheduled).Id);
        Assert.Equal(4, created.Id);
        Assert.All(handler.Requests, request => Assert.Equal("application/json; IEEE754Compatible=false", request.Header("Accept")));
        Assert.Equal(HttpMethod.Post, handler.Requests[4].Method);
    }
}
