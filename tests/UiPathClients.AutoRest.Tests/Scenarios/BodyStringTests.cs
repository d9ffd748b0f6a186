using System.Text;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.BodyString;
using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests.Scenarios;

[Collection(AutoRestTestServerCollection.Name)]
public sealed class BodyStringTests(AutoRestTestServer server)
{
    // Escaped: the text holds CJK compatibility ideographs (U+F9F1, U+F92C …) that editors normalize away.
    private const string Multibyte = "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29\u02ca\u301e\u3021\uffe4\u2121\u3231\u2010\u30fc\ufe61\ufe62\ufe6b\u3001\u3013\u2170\u2179\u2488\u20ac\u3220\u3229\u2160\u216b\uff01\uffe3\u3041\u3093\u30a1\u30f6\u0391\ufe34\u0410\u042f\u0430\u044f\u0101\u0261\u3105\u3129\u2500\u254b\ufe35\ufe44\ufe3b\ufe31\ufe33\ufe34\u2170\u2179\u0251\ue7c7\u0261\u3007\u303e\u2ffb\u2e81\ue843\u4723\ue864\u20ac";
    private const string Whitespace = "    Now is the time for all good men to come to the aid of their country    ";
    /// <summary>What the server's base64url text (<c>YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw</c>) decodes to.</summary>
    private const string Base64UrlText = "a string that gets encoded with base64url";

    private readonly BodyStringClient _client = new(server.CreateHttpClient());

    private StringOperationsClient Strings => _client.StringOperations;

    [Fact]
    public async Task GetNull() => Assert.Null(await Strings.StringGetNullAsync());

    [Fact]
    public async Task PutNull() => Assert.Equal(200, (int)(await Strings.StringPutNullWithResponseAsync(null)).StatusCode);

    [Fact]
    public async Task GetNotProvided() => Assert.Null(await Strings.StringGetNotProvidedAsync());

    // The next six operations declare a one-value enum (modelAsString: false): a constant. Reading returns the
    // string; writing takes no argument, the client sends the constant.
    [Fact]
    public async Task GetEmpty() => Assert.Equal(string.Empty, await Strings.StringGetEmptyAsync());

    [Fact]
    public async Task PutEmpty() => Assert.Equal(200, (int)(await Strings.StringPutEmptyWithResponseAsync()).StatusCode);

    [Fact]
    public async Task GetMbcs() => Assert.Equal(Multibyte, await Strings.StringGetMbcsAsync());

    [Fact]
    public async Task PutMbcs() => Assert.Equal(200, (int)(await Strings.StringPutMbcsWithResponseAsync()).StatusCode);

    [Fact]
    public async Task GetWhitespace() => Assert.Equal(Whitespace, await Strings.StringGetWhitespaceAsync());

    [Fact]
    public async Task PutWhitespace() => Assert.Equal(200, (int)(await Strings.StringPutWhitespaceWithResponseAsync()).StatusCode);

    [Fact]
    public async Task GetBase64Encoded() =>
        Assert.Equal("a string that gets encoded with base64", Encoding.UTF8.GetString(await Strings.StringGetBase64EncodedAsync()));

    [Fact]
    public async Task GetBase64UrlEncoded() => Assert.Equal(Base64UrlText, Encoding.UTF8.GetString(await Strings.StringGetBase64UrlEncodedAsync()));

    [Fact]
    public async Task PutBase64UrlEncoded() => Assert.Equal(200, (int)(await Strings.StringPutBase64UrlEncodedWithResponseAsync(Encoding.UTF8.GetBytes(Base64UrlText))).StatusCode);

    [Fact]
    public async Task GetNullBase64UrlEncoded() => Assert.Null(await Strings.StringGetNullBase64UrlEncodedAsync());

    [Fact]
    public async Task GetNotExpandable() => Assert.Equal(Colors.RedColor, await Strings.EnumGetNotExpandableAsync());

    [Fact]
    public async Task PutNotExpandable() => Assert.Equal(200, (int)(await Strings.EnumPutNotExpandableWithResponseAsync(Colors.RedColor)).StatusCode);

    [Fact]
    public async Task GetReferenced() => Assert.Equal(RefColors.RedColor, await Strings.EnumGetReferencedAsync());

    [Fact]
    public async Task PutReferenced() => Assert.Equal(200, (int)(await Strings.EnumPutReferencedWithResponseAsync(RefColors.RedColor)).StatusCode);

    [Fact]
    public async Task GetReferencedConstant()
    {
        // The server leaves the constant out ({"field1": "Sample String"}); the constant property keeps its one value.
        var value = await Strings.EnumGetReferencedConstantAsync();
        Assert.Equal("Sample String", value.Field1);
        Assert.Equal("green-color", value.ColorConstant);
    }

    [Fact]
    public async Task PutReferencedConstant()
    {
        // The server expects exactly {"ColorConstant": "green-color"}: the constant is filled in by the client.
        var response = await Strings.EnumPutReferencedConstantWithResponseAsync(new RefColorConstant());
        Assert.Equal(200, (int)response.StatusCode);
    }
}
