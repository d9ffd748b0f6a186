using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.Runtime.Tests.Rest;

public sealed class RestConnectionTests
{
    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://api.test/") };

        Assert.Equal("http", Assert.Throws<ArgumentNullException>(() => new RestConnection(null!, RestTestMetadata.Default)).ParamName);
        Assert.Equal("resolver", Assert.Throws<ArgumentNullException>(() => new RestConnection(http, null!)).ParamName);
    }

    [Fact]
    public void A_client_without_a_base_address_is_an_ArgumentException()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new RestConnection(http, RestTestMetadata.Default));

        Assert.Equal("http", error.ParamName);
    }

    [Fact]
    public void A_relative_base_address_cannot_reach_the_connection()
    {
        // HttpClient itself refuses a relative BaseAddress, so the connection's own check is a second line only.
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => http.BaseAddress = new Uri("reinfer_/", UriKind.Relative));
    }

    [Theory]
    [InlineData("https://api.test/reinfer_", "https://api.test/reinfer_/")]
    [InlineData("https://api.test/reinfer_/", "https://api.test/reinfer_/")]
    [InlineData("https://api.test", "https://api.test/")]
    [InlineData("http://127.0.0.1:5000/a/b", "http://127.0.0.1:5000/a/b/")]
    public void The_base_address_always_ends_in_a_slash(string baseAddress, string expected)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };

        Assert.Equal(expected, new RestConnection(http, RestTestMetadata.Default).BaseAddress);
    }

    [Fact]
    public void The_JSON_options_are_read_only_leave_out_nulls_and_know_the_API_and_the_primitives()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://api.test/") };
        var connection = new RestConnection(http, RestTestMetadata.Default);

        Assert.Same(http, connection.HttpClient);
        Assert.True(connection.JsonOptions.IsReadOnly);
        Assert.Equal(JsonIgnoreCondition.WhenWritingNull, connection.JsonOptions.DefaultIgnoreCondition);
        Assert.Equal(typeof(Member), connection.TypeInfo<Member>().Type);
        Assert.Equal(typeof(DateTimeOffset?), connection.TypeInfo<DateTimeOffset?>().Type);
        Assert.Equal("{\"role\":\"admin\"}", JsonSerializer.Serialize(new Member { Role = "admin" }, connection.TypeInfo<Member>()));
        Assert.Throws<NotSupportedException>(() => connection.TypeInfo<RestConnectionTests>());
    }

    [Fact]
    public void CreateRequest_refuses_a_null_method_or_template()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://api.test/") };
        var connection = new RestConnection(http, RestTestMetadata.Default);

        Assert.Equal("method", Assert.Throws<ArgumentNullException>(() => connection.CreateRequest(null!, "/x")).ParamName);
        Assert.Equal("pathTemplate", Assert.Throws<ArgumentNullException>(() => connection.CreateRequest("GET", null!)).ParamName);
    }
}
