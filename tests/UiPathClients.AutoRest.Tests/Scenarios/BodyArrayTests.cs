using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyArray;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>
/// body-array.json: arrays of every item type the document has, read (null, empty, valid, with a null item, with an
/// item of the wrong type) and written. An item that breaks the declared item type (a null among value-typed items
/// that are not <c>x-nullable</c>, a string among numbers) is refused with a <see cref="RestApiException"/> whose inner
/// <see cref="JsonException"/> names the problem and the item's path, never read as a default value; a null among
/// reference-typed items (byte arrays, objects, nested lists) is kept in its place.
/// </summary>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyArrayTests(AutoRestTestServer server)
{
    private readonly ArrayOperationsClient _client = new BodyArrayClient(server.CreateHttpClient()).ArrayOperations;

    // ---- the array itself ----

    [Fact]
    public async Task GetNull() => Assert.Null(await _client.ArrayGetNullAsync());

    [Fact]
    public async Task GetInvalid() => await AssertRefusedAsync(() => _client.ArrayGetInvalidAsync());

    [Fact]
    public async Task GetEmpty() => Assert.Empty(await _client.ArrayGetEmptyAsync());

    [Fact]
    public async Task PutEmpty() => AssertOk(await _client.ArrayPutEmptyWithResponseAsync([]));

    [Fact]
    public async Task PutEmpty_NullBody_IsRefusedBeforeSending() =>
        await Assert.ThrowsAsync<ArgumentNullException>(() => _client.ArrayPutEmptyAsync(null!));

    // ---- boolean ----

    [Fact]
    public async Task GetBooleanTfft() => Assert.Equal([true, false, false, true], await _client.ArrayGetBooleanTfftAsync());

    [Fact]
    public async Task PutBooleanTfft() => AssertOk(await _client.ArrayPutBooleanTfftWithResponseAsync([true, false, false, true]));

    [Fact]
    public async Task GetBooleanInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetBooleanInvalidNullAsync(), "Boolean");

    [Fact]
    public async Task GetBooleanInvalidString() => await AssertRefusedAsync(() => _client.ArrayGetBooleanInvalidStringAsync(), "Boolean");

    // ---- integer (int32 by default, read as long) ----

    [Fact]
    public async Task GetIntegerValid() => Assert.Equal([1L, -1L, 3L, 300L], await _client.ArrayGetIntegerValidAsync());

    [Fact]
    public async Task PutIntegerValid() => AssertOk(await _client.ArrayPutIntegerValidWithResponseAsync([1, -1, 3, 300]));

    [Fact]
    public async Task GetIntInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetIntInvalidNullAsync(), "Int64");

    [Fact]
    public async Task GetIntInvalidString() => await AssertRefusedAsync(() => _client.ArrayGetIntInvalidStringAsync(), "Int64");

    // ---- long ----

    [Fact]
    public async Task GetLongValid() => Assert.Equal([1L, -1L, 3L, 300L], await _client.ArrayGetLongValidAsync());

    [Fact]
    public async Task PutLongValid() => AssertOk(await _client.ArrayPutLongValidWithResponseAsync([1L, -1L, 3L, 300L]));

    [Fact]
    public async Task GetLongInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetLongInvalidNullAsync(), "Int64");

    [Fact]
    public async Task GetLongInvalidString() => await AssertRefusedAsync(() => _client.ArrayGetLongInvalidStringAsync(), "Int64");

    // ---- float (the server sends and expects [0, -0.01, -1.2e20], against its description's 1.2e20) ----

    [Fact]
    public async Task GetFloatValid() => Assert.Equal([0f, -0.01f, -1.2e20f], await _client.ArrayGetFloatValidAsync());

    [Fact]
    public async Task PutFloatValid() => AssertOk(await _client.ArrayPutFloatValidWithResponseAsync([0f, -0.01f, -1.2e20f]));

    [Fact]
    public async Task GetFloatInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetFloatInvalidNullAsync(), "Single");

    [Fact]
    public async Task GetFloatInvalidString() => await AssertRefusedAsync(() => _client.ArrayGetFloatInvalidStringAsync(), "Single");

    // ---- double ----

    [Fact]
    public async Task GetDoubleValid() => Assert.Equal([0d, -0.01d, -1.2e20d], await _client.ArrayGetDoubleValidAsync());

    [Fact]
    public async Task PutDoubleValid() => AssertOk(await _client.ArrayPutDoubleValidWithResponseAsync([0d, -0.01d, -1.2e20d]));

    [Fact]
    public async Task GetDoubleInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetDoubleInvalidNullAsync(), "Double");

    [Fact]
    public async Task GetDoubleInvalidString() => await AssertRefusedAsync(() => _client.ArrayGetDoubleInvalidStringAsync(), "Double");

    // ---- string ----

    [Fact]
    public async Task GetStringValid() => Assert.Equal(["foo1", "foo2", "foo3"], await _client.ArrayGetStringValidAsync());

    [Fact]
    public async Task PutStringValid() => AssertOk(await _client.ArrayPutStringValidWithResponseAsync(["foo1", "foo2", "foo3"]));

    /// <summary>The items are <c>x-nullable</c>: the null stays in its place.</summary>
    [Fact]
    public async Task GetStringWithNull() => Assert.Equal(["foo", null, "foo2"], await _client.ArrayGetStringWithNullAsync());

    [Fact]
    public async Task GetStringWithInvalid() => await AssertRefusedAsync(() => _client.ArrayGetStringWithInvalidAsync(), "String");

    // ---- enum (x-ms-enum FooEnum) and string enum (no x-ms-enum) ----

    [Fact]
    public async Task GetEnumValid() => Assert.Equal([FooEnum.Foo1, FooEnum.Foo2, FooEnum.Foo3], await _client.ArrayGetEnumValidAsync());

    [Fact]
    public async Task PutEnumValid() => AssertOk(await _client.ArrayPutEnumValidWithResponseAsync([FooEnum.Foo1, FooEnum.Foo2, FooEnum.Foo3]));

    [Fact]
    public async Task GetStringEnumValid() =>
        Assert.Equal(
            [ArrayGetStringEnumValidResponseItem.Foo1, ArrayGetStringEnumValidResponseItem.Foo2, ArrayGetStringEnumValidResponseItem.Foo3],
            await _client.ArrayGetStringEnumValidAsync());

    [Fact]
    public async Task PutStringEnumValid() =>
        AssertOk(await _client.ArrayPutStringEnumValidWithResponseAsync(
            [ArrayPutStringEnumValidRequestItem.Foo1, ArrayPutStringEnumValidRequestItem.Foo2, ArrayPutStringEnumValidRequestItem.Foo3]));

    // ---- uuid ----

    private static readonly Guid[] Uuids =
    [
        new("6dcc7237-45fe-45c4-8a6b-3a8a3f625652"),
        new("d1399005-30f7-40d6-8da6-dd7c89ad34db"),
        new("f42f6aa1-a5bc-4ddf-907e-5f915de43205"),
    ];

    [Fact]
    public async Task GetUuidValid() => Assert.Equal(Uuids, await _client.ArrayGetUuidValidAsync());

    [Fact]
    public async Task PutUuidValid() => AssertOk(await _client.ArrayPutUuidValidWithResponseAsync(Uuids));

    [Fact]
    public async Task GetUuidInvalidChars() => await AssertRefusedAsync(() => _client.ArrayGetUuidInvalidCharsAsync(), "Guid");

    // ---- date ----

    private static readonly DateOnly[] Dates = [new(2000, 12, 1), new(1980, 1, 2), new(1492, 10, 12)];

    [Fact]
    public async Task GetDateValid() => Assert.Equal(Dates, await _client.ArrayGetDateValidAsync());

    [Fact]
    public async Task PutDateValid() => AssertOk(await _client.ArrayPutDateValidWithResponseAsync(Dates));

    [Fact]
    public async Task GetDateInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetDateInvalidNullAsync(), "DateOnly");

    [Fact]
    public async Task GetDateInvalidChars() => await AssertRefusedAsync(() => _client.ArrayGetDateInvalidCharsAsync(), "DateOnly");

    // ---- date-time (RFC 3339; the server sends a lower-case "t"/"z" and offsets) ----

    [Fact]
    public async Task GetDateTimeValid()
    {
        var values = await _client.ArrayGetDateTimeValidAsync();

        Assert.Equal(
            [
                new DateTimeOffset(2000, 12, 1, 0, 0, 1, TimeSpan.Zero),
                new DateTimeOffset(1980, 1, 2, 0, 11, 35, TimeSpan.FromHours(1)),
                new DateTimeOffset(1492, 10, 12, 10, 15, 1, TimeSpan.FromHours(-8)),
            ],
            values);
        // DateTimeOffset equality compares instants only: the offsets the server sent are kept too.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-8)], values.Select(value => value.Offset));
    }

    /// <summary>The server compares UTC instants written with <c>Z</c>, though its values are the wall-clock times of <see cref="GetDateTimeValid"/>.</summary>
    [Fact]
    public async Task PutDateTimeValid() =>
        AssertOk(await _client.ArrayPutDateTimeValidWithResponseAsync(
        [
            new DateTimeOffset(2000, 12, 1, 0, 0, 1, TimeSpan.Zero),
            new DateTimeOffset(1980, 1, 2, 0, 11, 35, TimeSpan.Zero),
            new DateTimeOffset(1492, 10, 12, 10, 15, 1, TimeSpan.Zero),
        ]));

    [Fact]
    public async Task GetDateTimeInvalidNull() => await AssertRefusedAsync(() => _client.ArrayGetDateTimeInvalidNullAsync(), "DateTimeOffset");

    [Fact]
    public async Task GetDateTimeInvalidChars() => await AssertRefusedAsync(() => _client.ArrayGetDateTimeInvalidCharsAsync(), "date-time");

    // ---- date-time-rfc1123 and base64url: typed by helper C's converters ----

    private static readonly DateTimeOffset[] Rfc1123Instants =
    [
        new(2000, 12, 1, 0, 0, 1, TimeSpan.Zero),
        new(1980, 1, 2, 0, 11, 35, TimeSpan.Zero),
        new(1492, 10, 12, 10, 15, 1, TimeSpan.Zero),
    ];

    [Fact]
    public async Task GetDateTimeRfc1123Valid() =>
        Assert.Equal(Rfc1123Instants, await _client.ArrayGetDateTimeRfc1123ValidAsync());

    [Fact]
    public async Task PutDateTimeRfc1123Valid()
    {
        AssertOk(await _client.ArrayPutDateTimeRfc1123ValidWithResponseAsync(Rfc1123Instants.ToList()));
    }

    [Fact]
    public async Task GetBase64Url() =>
        Assert.Equal(
            ["a string that gets encoded with base64url", "test string", "Lorem ipsum"],
            (await _client.ArrayGetBase64UrlAsync()).Select(item => Encoding.UTF8.GetString(item)));

    // ---- duration ----

    [Fact]
    public async Task GetDurationValid() =>
        Assert.Equal([new TimeSpan(123, 22, 14, 12, 11), new TimeSpan(5, 1, 0, 0)], await _client.ArrayGetDurationValidAsync());

    [Fact]
    public async Task PutDurationValid() =>
        AssertOk(await _client.ArrayPutDurationValidWithResponseAsync([new TimeSpan(123, 22, 14, 12, 11), new TimeSpan(5, 1, 0, 0)]));

    // ---- byte (base64) ----

    private static readonly byte[][] Bytes = [[255, 255, 255, 250], [1, 2, 3], [37, 41, 67]];

    [Fact]
    public async Task GetByteValid() => Assert.Equal(Bytes, await _client.ArrayGetByteValidAsync());

    [Fact]
    public async Task PutByteValid() => AssertOk(await _client.ArrayPutByteValidWithResponseAsync(Bytes));

    /// <summary>A null in a list of byte arrays (a reference type) is kept in its place, not refused and not emptied.</summary>
    [Fact]
    public async Task GetByteInvalidNull() => Assert.Equal<byte[]?>([[171, 172, 173], null], await _client.ArrayGetByteInvalidNullAsync());

    // ---- complex (Product) ----

    [Fact]
    public async Task GetComplexNull() => Assert.Null(await _client.ArrayGetComplexNullAsync());

    [Fact]
    public async Task GetComplexEmpty() => Assert.Empty(await _client.ArrayGetComplexEmptyAsync());

    [Fact]
    public async Task GetComplexItemNull()
    {
        var products = await _client.ArrayGetComplexItemNullAsync();

        Assert.Equal([(1L, "2"), (5L, "6")], new[] { products[0], products[2] }.Select(product => (product.Integer!.Value, product.String)));
        Assert.Null(products[1]);
        Assert.Equal(3, products.Count);
    }

    [Fact]
    public async Task GetComplexItemEmpty()
    {
        var products = await _client.ArrayGetComplexItemEmptyAsync();

        Assert.Equal(3, products.Count);
        Assert.Equal((1L, "2"), (products[0].Integer!.Value, products[0].String));
        Assert.Null(products[1].Integer);
        Assert.Null(products[1].String);
        Assert.Equal((5L, "6"), (products[2].Integer!.Value, products[2].String));
    }

    [Fact]
    public async Task GetComplexValid() =>
        Assert.Equal(
            [(1L, "2"), (3L, "4"), (5L, "6")],
            (await _client.ArrayGetComplexValidAsync()).Select(product => (product.Integer!.Value, product.String)));

    [Fact]
    public async Task PutComplexValid() =>
        AssertOk(await _client.ArrayPutComplexValidWithResponseAsync(
        [
            new Product { Integer = 1, String = "2" },
            new Product { Integer = 3, String = "4" },
            new Product { Integer = 5, String = "6" },
        ]));

    // ---- array of arrays: IList<IList<string>> (the inner lists x-nullable where the swagger says so) ----

    [Fact]
    public async Task GetArrayNull() => Assert.Null(await _client.ArrayGetArrayNullAsync());

    [Fact]
    public async Task GetArrayEmpty() => Assert.Empty(await _client.ArrayGetArrayEmptyAsync());

    [Fact]
    public async Task GetArrayItemNull() =>
        Assert.Equal<IList<string>?>([["1", "2", "3"], null, ["7", "8", "9"]], await _client.ArrayGetArrayItemNullAsync());

    [Fact]
    public async Task GetArrayItemEmpty() =>
        Assert.Equal<IList<string>>([["1", "2", "3"], [], ["7", "8", "9"]], await _client.ArrayGetArrayItemEmptyAsync());

    [Fact]
    public async Task GetArrayValid() =>
        Assert.Equal<IList<string>>([["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]], await _client.ArrayGetArrayValidAsync());

    [Fact]
    public async Task PutArrayValid() =>
        AssertOk(await _client.ArrayPutArrayValidWithResponseAsync([["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]]));

    // ---- array of dictionaries: IList<IDictionary<string, string?>> ----

    private static readonly Dictionary<string, string?>[] NumberNames =
    [
        new() { ["1"] = "one", ["2"] = "two", ["3"] = "three" },
        new() { ["4"] = "four", ["5"] = "five", ["6"] = "six" },
        new() { ["7"] = "seven", ["8"] = "eight", ["9"] = "nine" },
    ];

    [Fact]
    public async Task GetDictionaryNull() => Assert.Null(await _client.ArrayGetDictionaryNullAsync());

    [Fact]
    public async Task GetDictionaryEmpty() => Assert.Empty(await _client.ArrayGetDictionaryEmptyAsync());

    [Fact]
    public async Task GetDictionaryItemNull() =>
        Assert.Equal<IDictionary<string, string?>?>([NumberNames[0], null, NumberNames[2]], await _client.ArrayGetDictionaryItemNullAsync());

    [Fact]
    public async Task GetDictionaryItemEmpty() =>
        Assert.Equal<IDictionary<string, string?>>([NumberNames[0], new Dictionary<string, string?>(), NumberNames[2]], await _client.ArrayGetDictionaryItemEmptyAsync());

    [Fact]
    public async Task GetDictionaryValid() => Assert.Equal<IDictionary<string, string?>>(NumberNames, await _client.ArrayGetDictionaryValidAsync());

    [Fact]
    public async Task PutDictionaryValid() => AssertOk(await _client.ArrayPutDictionaryValidWithResponseAsync([.. NumberNames]));

    // ---- helpers ----

    private static void AssertOk(RestResponse response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);

    /// <summary>A body that breaks the declared type is refused with the status, the body and the JSON error, not read as a default.</summary>
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
}
