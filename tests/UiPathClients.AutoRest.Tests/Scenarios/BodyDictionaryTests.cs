using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyDictionary;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>
/// body-dictionary.json: maps (<c>additionalProperties</c>) of every value type the document has, read (null, empty,
/// valid, with a null value, with a value of the wrong type) and written. A value that breaks the declared type is
/// refused with a <see cref="RestApiException"/> whose inner <see cref="JsonException"/> names the problem.
/// </summary>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyDictionaryTests(AutoRestTestServer server)
{
    private readonly BodyDictionaryClient _root = new(server.CreateHttpClient());

    private DictionaryOperationsClient Client => _root.DictionaryOperations;

    // ---- the map itself (getNullValue … getInvalid are tagged "Dictionary", the rest "dictionary": two groups) ----

    [Fact]
    public async Task GetNull() => Assert.Null(await Client.DictionaryGetNullAsync());

    [Fact]
    public async Task GetEmpty() => Assert.Empty(await Client.DictionaryGetEmptyAsync());

    [Fact]
    public async Task PutEmpty() => AssertOk(await Client.DictionaryPutEmptyWithResponseAsync(new Dictionary<string, string?>()));

    [Fact]
    public async Task GetNullValue() => Assert.Equal(new Dictionary<string, string?> { ["key1"] = null }, await _root.Dictionary.GetNullValueAsync());

    /// <summary>The server sends <c>{null : "val1"}</c>, which is not JSON.</summary>
    [Fact]
    public async Task GetNullKey() => await AssertRefusedAsync(() => _root.Dictionary.GetNullKeyAsync());

    [Fact]
    public async Task GetEmptyStringKey() =>
        Assert.Equal(new Dictionary<string, string?> { [""] = "val1" }, await _root.Dictionary.GetEmptyStringKeyAsync());

    /// <summary>The server sends <c>{"key1": "val1", "key2", "val2"</c>.</summary>
    [Fact]
    public async Task GetInvalid() => await AssertRefusedAsync(() => _root.Dictionary.GetInvalidAsync());

    // ---- boolean ----

    [Fact]
    public async Task GetBooleanTfft() => Assert.Equal(Indexed(true, false, false, true), await Client.DictionaryGetBooleanTfftAsync());

    [Fact]
    public async Task PutBooleanTfft() => AssertOk(await Client.DictionaryPutBooleanTfftWithResponseAsync(Indexed(true, false, false, true)));

    [Fact]
    public async Task GetBooleanInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetBooleanInvalidNullAsync(), "Boolean");

    [Fact]
    public async Task GetBooleanInvalidString() => await AssertRefusedAsync(() => Client.DictionaryGetBooleanInvalidStringAsync(), "Boolean");

    // ---- integer and long ----

    [Fact]
    public async Task GetIntegerValid() => Assert.Equal(Indexed(1L, -1L, 3L, 300L), await Client.DictionaryGetIntegerValidAsync());

    [Fact]
    public async Task PutIntegerValid() => AssertOk(await Client.DictionaryPutIntegerValidWithResponseAsync(Indexed(1L, -1L, 3L, 300L)));

    [Fact]
    public async Task GetIntInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetIntInvalidNullAsync(), "Int64");

    [Fact]
    public async Task GetIntInvalidString() => await AssertRefusedAsync(() => Client.DictionaryGetIntInvalidStringAsync(), "Int64");

    [Fact]
    public async Task GetLongValid() => Assert.Equal(Indexed(1L, -1L, 3L, 300L), await Client.DictionaryGetLongValidAsync());

    [Fact]
    public async Task PutLongValid() => AssertOk(await Client.DictionaryPutLongValidWithResponseAsync(Indexed(1L, -1L, 3L, 300L)));

    [Fact]
    public async Task GetLongInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetLongInvalidNullAsync(), "Int64");

    [Fact]
    public async Task GetLongInvalidString() => await AssertRefusedAsync(() => Client.DictionaryGetLongInvalidStringAsync(), "Int64");

    // ---- float and double (the server sends and expects -1.2e20, against its description's 1.2e20) ----

    [Fact]
    public async Task GetFloatValid() => Assert.Equal(Indexed(0f, -0.01f, -1.2e20f), await Client.DictionaryGetFloatValidAsync());

    [Fact]
    public async Task PutFloatValid() => AssertOk(await Client.DictionaryPutFloatValidWithResponseAsync(Indexed(0f, -0.01f, -1.2e20f)));

    [Fact]
    public async Task GetFloatInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetFloatInvalidNullAsync(), "Single");

    [Fact]
    public async Task GetFloatInvalidString() => await AssertRefusedAsync(() => Client.DictionaryGetFloatInvalidStringAsync(), "Single");

    [Fact]
    public async Task GetDoubleValid() => Assert.Equal(Indexed(0d, -0.01d, -1.2e20d), await Client.DictionaryGetDoubleValidAsync());

    [Fact]
    public async Task PutDoubleValid() => AssertOk(await Client.DictionaryPutDoubleValidWithResponseAsync(Indexed(0d, -0.01d, -1.2e20d)));

    [Fact]
    public async Task GetDoubleInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetDoubleInvalidNullAsync(), "Double");

    [Fact]
    public async Task GetDoubleInvalidString() => await AssertRefusedAsync(() => Client.DictionaryGetDoubleInvalidStringAsync(), "Double");

    // ---- string ----

    [Fact]
    public async Task GetStringValid() => Assert.Equal(Indexed<string?>("foo1", "foo2", "foo3"), await Client.DictionaryGetStringValidAsync());

    [Fact]
    public async Task PutStringValid() => AssertOk(await Client.DictionaryPutStringValidWithResponseAsync(Indexed<string?>("foo1", "foo2", "foo3")));

    [Fact]
    public async Task GetStringWithNull() => Assert.Equal(Indexed<string?>("foo", null, "foo2"), await Client.DictionaryGetStringWithNullAsync());

    [Fact]
    public async Task GetStringWithInvalid() => await AssertRefusedAsync(() => Client.DictionaryGetStringWithInvalidAsync(), "String");

    // ---- date ----

    private static readonly DateOnly[] Dates = [new(2000, 12, 1), new(1980, 1, 2), new(1492, 10, 12)];

    [Fact]
    public async Task GetDateValid() => Assert.Equal(Indexed(Dates), await Client.DictionaryGetDateValidAsync());

    [Fact]
    public async Task PutDateValid() => AssertOk(await Client.DictionaryPutDateValidWithResponseAsync(Indexed(Dates)));

    [Fact]
    public async Task GetDateInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetDateInvalidNullAsync(), "DateOnly");

    [Fact]
    public async Task GetDateInvalidChars() => await AssertRefusedAsync(() => Client.DictionaryGetDateInvalidCharsAsync(), "DateOnly");

    // ---- date-time ----

    private static readonly DateTimeOffset[] DateTimes =
    [
        new(2000, 12, 1, 0, 0, 1, TimeSpan.Zero),
        new(1980, 1, 2, 0, 11, 35, TimeSpan.FromHours(1)),
        new(1492, 10, 12, 10, 15, 1, TimeSpan.FromHours(-8)),
    ];

    [Fact]
    public async Task GetDateTimeValid()
    {
        var values = await Client.DictionaryGetDateTimeValidAsync();

        Assert.Equal(Indexed(DateTimes), values);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-8)], values.OrderBy(entry => entry.Key).Select(entry => entry.Value.Offset));
    }

    /// <summary>Unlike the array route, this one compares the same instants in UTC (<c>1980-01-01T23:11:35Z</c>, <c>1492-10-12T18:15:01Z</c>).</summary>
    [Fact]
    public async Task PutDateTimeValid() =>
        AssertOk(await Client.DictionaryPutDateTimeValidWithResponseAsync(Indexed(DateTimes.Select(value => value.ToUniversalTime()).ToArray())));

    [Fact]
    public async Task GetDateTimeInvalidNull() => await AssertRefusedAsync(() => Client.DictionaryGetDateTimeInvalidNullAsync(), "DateTimeOffset");

    [Fact]
    public async Task GetDateTimeInvalidChars() => await AssertRefusedAsync(() => Client.DictionaryGetDateTimeInvalidCharsAsync(), "date-time");

    // ---- date-time-rfc1123 and base64url: typed by helper C's converters ----

    private static readonly DateTimeOffset[] Rfc1123Instants =
    [
        new(2000, 12, 1, 0, 0, 1, TimeSpan.Zero),
        new(1980, 1, 2, 0, 11, 35, TimeSpan.Zero),
        new(1492, 10, 12, 10, 15, 1, TimeSpan.Zero),
    ];

    [Fact]
    public async Task GetDateTimeRfc1123Valid() =>
        Assert.Equal(
            Indexed(Rfc1123Instants),
            await Client.DictionaryGetDateTimeRfc1123ValidAsync());

    [Fact]
    public async Task PutDateTimeRfc1123Valid()
    {
        AssertOk(await Client.DictionaryPutDateTimeRfc1123ValidWithResponseAsync(Indexed(Rfc1123Instants)));
    }

    [Fact]
    public async Task GetBase64Url() =>
        Assert.Equal(
            Indexed<string?>("a string that gets encoded with base64url", "test string", "Lorem ipsum"),
            (await Client.DictionaryGetBase64UrlAsync()).ToDictionary(entry => entry.Key, entry => entry.Value is { } bytes ? Encoding.UTF8.GetString(bytes) : null));

    // ---- duration ----

    [Fact]
    public async Task GetDurationValid() =>
        Assert.Equal(Indexed(new TimeSpan(123, 22, 14, 12, 11), new TimeSpan(5, 1, 0, 0)), await Client.DictionaryGetDurationValidAsync());

    [Fact]
    public async Task PutDurationValid() =>
        AssertOk(await Client.DictionaryPutDurationValidWithResponseAsync(Indexed(new TimeSpan(123, 22, 14, 12, 11), new TimeSpan(5, 1, 0, 0))));

    // ---- byte (base64) ----

    [Fact]
    public async Task GetByteValid() => Assert.Equal(Indexed<byte[]?>([255, 255, 255, 250], [1, 2, 3], [37, 41, 67]), await Client.DictionaryGetByteValidAsync());

    [Fact]
    public async Task PutByteValid() => AssertOk(await Client.DictionaryPutByteValidWithResponseAsync(Indexed<byte[]?>([255, 255, 255, 250], [1, 2, 3], [37, 41, 67])));

    [Fact]
    public async Task GetByteInvalidNull() => Assert.Equal(Indexed<byte[]?>([171, 172, 173], null), await Client.DictionaryGetByteInvalidNullAsync());

    // ---- complex (Widget) ----

    [Fact]
    public async Task GetComplexNull() => Assert.Null(await Client.DictionaryGetComplexNullAsync());

    [Fact]
    public async Task GetComplexEmpty() => Assert.Empty((await Client.DictionaryGetComplexEmptyAsync())!);

    [Fact]
    public async Task GetComplexItemNull() =>
        Assert.Equal(Indexed<(long?, string?)?>((1, "2"), null, (5, "6")), Fields(await Client.DictionaryGetComplexItemNullAsync()));

    [Fact]
    public async Task GetComplexItemEmpty() =>
        Assert.Equal(Indexed<(long?, string?)?>((1, "2"), (null, null), (5, "6")), Fields(await Client.DictionaryGetComplexItemEmptyAsync()));

    [Fact]
    public async Task GetComplexValid() =>
        Assert.Equal(Indexed<(long?, string?)?>((1, "2"), (3, "4"), (5, "6")), Fields(await Client.DictionaryGetComplexValidAsync()));

    [Fact]
    public async Task PutComplexValid() =>
        AssertOk(await Client.DictionaryPutComplexValidWithResponseAsync(Indexed<Widget?>(
            new Widget { Integer = 1, String = "2" },
            new Widget { Integer = 3, String = "4" },
            new Widget { Integer = 5, String = "6" })));

    // ---- map of arrays: IDictionary<string, IList<string>?> ----

    [Fact]
    public async Task GetArrayNull() => Assert.Null(await Client.DictionaryGetArrayNullAsync());

    [Fact]
    public async Task GetArrayEmpty() => Assert.Empty(await Client.DictionaryGetArrayEmptyAsync());

    [Fact]
    public async Task GetArrayItemNull() =>
        Assert.Equal(Indexed<IList<string>?>(["1", "2", "3"], null, ["7", "8", "9"]), await Client.DictionaryGetArrayItemNullAsync());

    [Fact]
    public async Task GetArrayItemEmpty() =>
        Assert.Equal(Indexed<IList<string>?>(["1", "2", "3"], [], ["7", "8", "9"]), await Client.DictionaryGetArrayItemEmptyAsync());

    [Fact]
    public async Task GetArrayValid() =>
        Assert.Equal(Indexed<IList<string>?>(["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]), await Client.DictionaryGetArrayValidAsync());

    [Fact]
    public async Task PutArrayValid() =>
        AssertOk(await Client.DictionaryPutArrayValidWithResponseAsync(Indexed<IList<string>?>(["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"])));

    // ---- map of maps: IDictionary<string, IDictionary<string, string?>?> ----

    private static readonly Dictionary<string, string?>[] NumberNames =
    [
        new() { ["1"] = "one", ["2"] = "two", ["3"] = "three" },
        new() { ["4"] = "four", ["5"] = "five", ["6"] = "six" },
        new() { ["7"] = "seven", ["8"] = "eight", ["9"] = "nine" },
    ];

    /// <summary>The swagger does not mark this map <c>x-nullable</c> (its array and complex siblings are), yet the server answers an empty body.</summary>
    [Fact]
    public async Task GetDictionaryNull() => Assert.Null(await Client.DictionaryGetDictionaryNullAsync());

    [Fact]
    public async Task GetDictionaryEmpty() => Assert.Empty(await Client.DictionaryGetDictionaryEmptyAsync());

    [Fact]
    public async Task GetDictionaryItemNull() =>
        Assert.Equal(Indexed<IDictionary<string, string?>?>(NumberNames[0], null, NumberNames[2]), await Client.DictionaryGetDictionaryItemNullAsync());

    [Fact]
    public async Task GetDictionaryItemEmpty() =>
        Assert.Equal(Indexed<IDictionary<string, string?>?>(NumberNames[0], new Dictionary<string, string?>(), NumberNames[2]), await Client.DictionaryGetDictionaryItemEmptyAsync());

    [Fact]
    public async Task GetDictionaryValid() =>
        Assert.Equal(Indexed<IDictionary<string, string?>?>(NumberNames), await Client.DictionaryGetDictionaryValidAsync());

    [Fact]
    public async Task PutDictionaryValid() =>
        AssertOk(await Client.DictionaryPutDictionaryValidWithResponseAsync(Indexed<IDictionary<string, string?>?>(NumberNames)));

    // ---- helpers ----

    /// <summary>The server's maps are keyed "0", "1", … in order.</summary>
    private static Dictionary<string, T> Indexed<T>(params T[] values) =>
        values.Select((value, index) => (value, index)).ToDictionary(entry => entry.index.ToString(System.Globalization.CultureInfo.InvariantCulture), entry => entry.value);

    private static void AssertOk(RestResponse response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);

    private static async Task AssertRefusedAsync<T>(Func<Task<T>> call, string? mentioned = null)
    {
        var exception = await Assert.ThrowsAsync<RestApiException>(call);

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
        if (mentioned is not null)
        {
            Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, (long?, string?)?> Fields(IDictionary<string, Widget?> widgets) =>
        widgets.ToDictionary(entry => entry.Key, entry => entry.Value is null ? ((long?, string?)?)null : (entry.Value.Integer, entry.Value.String));
}
