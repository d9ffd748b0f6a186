using System.Collections.Generic;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>
/// A <c>Content-Type</c> header parameter (a description lets the caller choose the media type): HttpRequestMessage
/// refuses it among request headers, so it labels the content, an empty one when there is no body.
/// </summary>
public sealed class RestRequestContentTypeTests
{
    [Fact]
    public async Task A_Content_Type_parameter_is_sent_even_without_a_body()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("POST", "/header/param/protectedkey").WithHeader("Content-Type", "text/html").SendAsync();

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("text/html", sent.ContentType);
        Assert.True(string.IsNullOrEmpty(sent.Body));
    }

    [Fact]
    public async Task A_Content_Type_parameter_replaces_the_body_media_type()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("POST", "/things").WithJsonBody(new SearchQuery { Limit = 1 }).WithHeader("content-type", "application/merge-patch+json").SendAsync();

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("application/merge-patch+json", sent.ContentType);
        Assert.Equal("{\"limit\":1}", sent.Body);
    }

    [Fact]
    public async Task A_null_Content_Type_parameter_leaves_the_body_media_type()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("POST", "/things").WithJsonBody(new SearchQuery { Limit = 1 }).WithHeader<string?>("Content-Type", null).SendAsync();

        Assert.Equal("application/json; charset=utf-8", Assert.Single(handler.Requests).ContentType);
    }
}
