using System;
using System.Collections.Generic;
using System.Net;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.AutoRest.Tests.Url;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <remarks>
/// Parameters the description restricts to one value are constants the client fills in (no argument). The "null"
/// scenarios of required path parameters are refused by the client: an ArgumentNullException for reference types,
/// and for value types (dates, enums) a parameter type that cannot hold null at all. Operations are grouped by the
/// description's tags, which put paths_ArrayCsvInPath under "Query Operations" and queries_getBoolean* under "Path Operations".
/// </remarks>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class UrlTests(AutoRestTestServer server)
{
    /// <summary>The server's MULTIBYTE_BUFFER, as UTF-8 (escaped: editors normalize its compatibility ideographs away).</summary>
    private static readonly byte[] MultiByteBuffer = Encoding.UTF8.GetBytes("\u554A\u9F44\u4E02\u72DB\u72DC\uF9F1\uF92C\uF9F1\uFA0C\uFA29");

    private readonly UrlClient _client = new(server.CreateHttpClient());

    private PathOperationsClient Paths => _client.PathOperations;

    private QueryOperationsClient Queries => _client.QueryOperations;

    // ---- paths

    [Fact]
    public Task PathsGetBooleanTrue() => ServerAnswer.OkAsync(Paths.PathsGetBooleanTrueWithResponseAsync());

    [Fact]
    public Task PathsGetBooleanFalse() => ServerAnswer.OkAsync(Paths.PathsGetBooleanFalseWithResponseAsync());

    [Fact]
    public Task PathsGetIntOneMillion() => ServerAnswer.OkAsync(Paths.PathsGetIntOneMillionWithResponseAsync());

    [Fact]
    public Task PathsGetIntNegativeOneMillion() => ServerAnswer.OkAsync(Paths.PathsGetIntNegativeOneMillionWithResponseAsync());

    [Fact]
    public Task PathsGetTenBillion() => ServerAnswer.OkAsync(Paths.PathsGetTenBillionWithResponseAsync());

    [Fact]
    public Task PathsGetNegativeTenBillion() => ServerAnswer.OkAsync(Paths.PathsGetNegativeTenBillionWithResponseAsync());

    [Fact]
    public Task PathsFloatScientificPositive() => ServerAnswer.OkAsync(Paths.PathsFloatScientificPositiveWithResponseAsync());

    [Fact]
    public Task PathsFloatScientificNegative() => ServerAnswer.OkAsync(Paths.PathsFloatScientificNegativeWithResponseAsync());

    [Fact]
    public Task PathsDoubleDecimalPositive() => ServerAnswer.OkAsync(Paths.PathsDoubleDecimalPositiveWithResponseAsync());

    [Fact]
    public Task PathsDoubleDecimalNegative() => ServerAnswer.OkAsync(Paths.PathsDoubleDecimalNegativeWithResponseAsync());

    [Fact]
    public Task PathsStringUnicode() => ServerAnswer.OkAsync(Paths.PathsStringUnicodeWithResponseAsync());

    [Fact]
    public Task PathsStringUrlEncoded() => ServerAnswer.OkAsync(Paths.PathsStringUrlEncodedWithResponseAsync());

    [Fact]
    public Task PathsStringUrlNonEncoded() => ServerAnswer.OkAsync(Paths.PathsStringUrlNonEncodedWithResponseAsync());

    [Fact]
    public Task PathsStringEmpty() => ServerAnswer.OkAsync(Paths.PathsStringEmptyWithResponseAsync());

    // '/paths/string/null/{stringPath}' and '/paths/string/null/{enumPath}' are one path signature in the description
    // (UIPC0011 at the second); both operations are generated and callable.
    [Fact]
    public async Task PathsStringNull() =>
        Assert.Equal("stringPath", (await Assert.ThrowsAsync<ArgumentNullException>(() => Paths.PathsStringNullAsync(null!))).ParamName);

    [Fact]
    public async Task PathsEnumNull()
    {
        AssertNullIsNotAValue(nameof(PathOperationsClient.PathsEnumNullAsync));

        // Callable with a value, and sent to the shared route: the server has no "null" string scenario (it expects clients
        // never to call it) and fails with a TypeError, 500.
        var error = await Assert.ThrowsAnyAsync<RestApiException>(() => Paths.PathsEnumNullAsync(PathsEnumNullEnumPath.RedColor));
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.EndsWith("/paths/string/null/red%20color", error.RequestUri?.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public Task PathsEnumValid() => ServerAnswer.OkAsync(Paths.PathsEnumValidWithResponseAsync(PathsEnumValidEnumPath.GreenColor));

    [Fact]
    public Task PathsByteMultiByte() => ServerAnswer.OkAsync(Paths.PathsByteMultiByteWithResponseAsync(MultiByteBuffer));

    [Fact]
    public Task PathsByteEmpty() => ServerAnswer.OkAsync(Paths.PathsByteEmptyWithResponseAsync());

    [Fact]
    public async Task PathsByteNull() =>
        Assert.Equal("bytePath", (await Assert.ThrowsAsync<ArgumentNullException>(() => Paths.PathsByteNullAsync(null!))).ParamName);

    [Fact]
    public Task PathsDateValid() => ServerAnswer.OkAsync(Paths.PathsDateValidWithResponseAsync());

    [Fact]
    public void PathsDateNull() => AssertNullIsNotAValue(nameof(PathOperationsClient.PathsDateNullAsync));

    [Fact]
    public Task PathsDateTimeValid() => ServerAnswer.OkAsync(Paths.PathsDateTimeValidWithResponseAsync());

    [Fact]
    public void PathsDateTimeNull() => AssertNullIsNotAValue(nameof(PathOperationsClient.PathsDateTimeNullAsync));

    // format: base64url: "lorem" is bG9yZW0 (no padding).
    [Fact]
    public Task PathsBase64Url() => ServerAnswer.OkAsync(Paths.PathsBase64UrlWithResponseAsync(Encoding.UTF8.GetBytes("lorem")));

    [Fact]
    public Task PathsArrayCsvInPath() =>
        ServerAnswer.OkAsync(Queries.PathsArrayCsvInPathWithResponseAsync(new List<string> { "ArrayPath1", "begin!*'();:@ &=+$,/?#[]end", null!, string.Empty }));

    // format: unixtime: 2016-04-13T00:00:00Z is 1460505600.
    [Fact]
    public Task PathsUnixTimeUrl() =>
        ServerAnswer.OkAsync(Paths.PathsUnixTimeUrlWithResponseAsync(new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero)));

    // ---- queries

    [Fact]
    public Task QueriesGetBooleanTrue() => ServerAnswer.OkAsync(Paths.QueriesGetBooleanTrueWithResponseAsync());

    [Fact]
    public Task QueriesGetBooleanFalse() => ServerAnswer.OkAsync(Paths.QueriesGetBooleanFalseWithResponseAsync());

    [Fact]
    public Task QueriesGetBooleanNull() => ServerAnswer.OkAsync(Queries.QueriesGetBooleanNullWithResponseAsync(null));

    [Fact]
    public Task QueriesGetIntOneMillion() => ServerAnswer.OkAsync(Queries.QueriesGetIntOneMillionWithResponseAsync());

    [Fact]
    public Task QueriesGetIntNegativeOneMillion() => ServerAnswer.OkAsync(Queries.QueriesGetIntNegativeOneMillionWithResponseAsync());

    [Fact]
    public Task QueriesGetIntNull() => ServerAnswer.OkAsync(Queries.QueriesGetIntNullWithResponseAsync(null));

    [Fact]
    public Task QueriesGetTenBillion() => ServerAnswer.OkAsync(Queries.QueriesGetTenBillionWithResponseAsync());

    [Fact]
    public Task QueriesGetNegativeTenBillion() => ServerAnswer.OkAsync(Queries.QueriesGetNegativeTenBillionWithResponseAsync());

    [Fact]
    public Task QueriesGetLongNull() => ServerAnswer.OkAsync(Queries.QueriesGetLongNullWithResponseAsync(null));

    [Fact]
    public Task QueriesFloatScientificPositive() => ServerAnswer.OkAsync(Queries.QueriesFloatScientificPositiveWithResponseAsync());

    [Fact]
    public Task QueriesFloatScientificNegative() => ServerAnswer.OkAsync(Queries.QueriesFloatScientificNegativeWithResponseAsync());

    [Fact]
    public Task QueriesFloatNull() => ServerAnswer.OkAsync(Queries.QueriesFloatNullWithResponseAsync(null));

    [Fact]
    public Task QueriesDoubleDecimalPositive() => ServerAnswer.OkAsync(Queries.QueriesDoubleDecimalPositiveWithResponseAsync());

    [Fact]
    public Task QueriesDoubleDecimalNegative() => ServerAnswer.OkAsync(Queries.QueriesDoubleDecimalNegativeWithResponseAsync());

    [Fact]
    public Task QueriesDoubleNull() => ServerAnswer.OkAsync(Queries.QueriesDoubleNullWithResponseAsync(null));

    [Fact]
    public Task QueriesStringUnicode() => ServerAnswer.OkAsync(Queries.QueriesStringUnicodeWithResponseAsync());

    [Fact]
    public Task QueriesStringUrlEncoded() => ServerAnswer.OkAsync(Queries.QueriesStringUrlEncodedWithResponseAsync());

    [Fact]
    public Task QueriesStringEmpty() => ServerAnswer.OkAsync(Queries.QueriesStringEmptyWithResponseAsync());

    [Fact]
    public Task QueriesStringNull() => ServerAnswer.OkAsync(Queries.QueriesStringNullWithResponseAsync(null));

    [Fact]
    public Task QueriesEnumValid() => ServerAnswer.OkAsync(Queries.QueriesEnumValidWithResponseAsync(QueriesEnumValidEnumQuery.GreenColor));

    [Fact]
    public Task QueriesEnumNull() => ServerAnswer.OkAsync(Queries.QueriesEnumNullWithResponseAsync(null));

    [Fact]
    public Task QueriesByteMultiByte() => ServerAnswer.OkAsync(Queries.QueriesByteMultiByteWithResponseAsync(MultiByteBuffer));

    [Fact]
    public Task QueriesByteEmpty() => ServerAnswer.OkAsync(Queries.QueriesByteEmptyWithResponseAsync());

    [Fact]
    public Task QueriesByteNull() => ServerAnswer.OkAsync(Queries.QueriesByteNullWithResponseAsync(null));

    [Fact]
    public Task QueriesDateValid() => ServerAnswer.OkAsync(Queries.QueriesDateValidWithResponseAsync());

    [Fact]
    public Task QueriesDateNull() => ServerAnswer.OkAsync(Queries.QueriesDateNullWithResponseAsync(null));

    [Fact]
    public Task QueriesDateTimeValid() => ServerAnswer.OkAsync(Queries.QueriesDateTimeValidWithResponseAsync());

    [Fact]
    public Task QueriesDateTimeNull() => ServerAnswer.OkAsync(Queries.QueriesDateTimeNullWithResponseAsync(null));

    [Fact]
    public Task QueriesArrayStringCsvValid() => ServerAnswer.OkAsync(Queries.QueriesArrayStringCsvValidWithResponseAsync(ArrayQuery()));

    [Fact]
    public Task QueriesArrayStringCsvNull() => ServerAnswer.OkAsync(Queries.QueriesArrayStringCsvNullWithResponseAsync(null));

    [Fact]
    public Task QueriesArrayStringCsvEmpty() => ServerAnswer.OkAsync(Queries.QueriesArrayStringCsvEmptyWithResponseAsync(new List<string>()));

    // Named "empty", but the server's /queries/array/none/string/empty wants arrayQuery=hello,nihao,bonjour (csv, the default).
    [Fact]
    public Task QueriesArrayStringNoCollectionFormatEmpty() =>
        ServerAnswer.OkAsync(Queries.QueriesArrayStringNoCollectionFormatEmptyWithResponseAsync(new List<string> { "hello", "nihao", "bonjour" }));

    [Fact]
    public Task QueriesArrayStringSsvValid() => ServerAnswer.OkAsync(Queries.QueriesArrayStringSsvValidWithResponseAsync(ArrayQuery()));

    // collectionFormat: tsv: one value, items joined by tabs.
    [Fact]
    public Task QueriesArrayStringTsvValid() => ServerAnswer.OkAsync(Queries.QueriesArrayStringTsvValidWithResponseAsync(ArrayQuery()));

    [Fact]
    public Task QueriesArrayStringPipesValid() => ServerAnswer.OkAsync(Queries.QueriesArrayStringPipesValidWithResponseAsync(ArrayQuery()));

    // ---- path items (the description's client-level parameters are method parameters)

    [Fact]
    public Task PathItemsGetAllWithValues() =>
        ServerAnswer.OkAsync(Queries.PathItemsGetAllWithValuesWithResponseAsync("globalStringPath", "pathItemStringPath", "localStringPath", "pathItemStringQuery", "globalStringQuery", "localStringQuery"));

    [Fact]
    public Task PathItemsGetGlobalQueryNull() =>
        ServerAnswer.OkAsync(Queries.PathItemsGetGlobalQueryNullWithResponseAsync("globalStringPath", "pathItemStringPath", "localStringPath", "pathItemStringQuery", null, "localStringQuery"));

    [Fact]
    public Task PathItemsGetGlobalAndLocalQueryNull() =>
        ServerAnswer.OkAsync(Queries.PathItemsGetGlobalAndLocalQueryNullWithResponseAsync("globalStringPath", "pathItemStringPath", "localStringPath", "pathItemStringQuery", null, null));

    [Fact]
    public Task PathItemsGetLocalPathItemQueryNull() =>
        ServerAnswer.OkAsync(Queries.PathItemsGetLocalPathItemQueryNullWithResponseAsync("globalStringPath", "pathItemStringPath", "localStringPath", null, "globalStringQuery", null));

    /// <summary>The server's array: a null item keeps its (empty) place, as does the empty string.</summary>
    private static List<string> ArrayQuery() => new() { "ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", null!, string.Empty };

    /// <summary>The operation's one parameter is a value type without <c>?</c>: a null argument does not compile.</summary>
    private static void AssertNullIsNotAValue(string method)
    {
        var parameter = typeof(PathOperationsClient).GetMethod(method)!.GetParameters()[0];
        Assert.True(parameter.ParameterType.IsValueType);
        Assert.Null(Nullable.GetUnderlyingType(parameter.ParameterType));
    }
}
