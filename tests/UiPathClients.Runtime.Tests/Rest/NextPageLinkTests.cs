using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>
/// What an <c>x-ms-pageable</c> pager needs from the runtime: links resolved against the page that gave them, a
/// <c>GET</c> of such a link with its own query kept, the caller's API version replacing the link's, and a path
/// parameter sent unescaped (<c>x-ms-skip-url-encoding</c>).
/// </summary>
public sealed class NextPageLinkTests
{
    private static RestResponse AnswerFrom(string requestUri) =>
        new(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, requestUri) });

    [Theory]
    [InlineData("https://other.test/list?page=2", "https://other.test/list?page=2")]
    [InlineData("/paging/items/2", "https://api.test/paging/items/2")]
    [InlineData("2?skip=10", "https://api.test/v1/items/2?skip=10")]
    [InlineData("?page=2", "https://api.test/v1/items/list?page=2")]
    public void A_link_resolves_against_the_URI_of_the_page_that_gave_it(string link, string expected) =>
        Assert.Equal(expected, AnswerFrom("https://api.test/v1/items/list?page=1").ResolveLink(link)!.AbsoluteUri);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_link_is_no_next_page(string? link) => Assert.Null(AnswerFrom("https://api.test/v1/items").ResolveLink(link));

    [Fact]
    public void A_relative_link_without_a_request_URI_is_refused_rather_than_guessed() =>
        Assert.Throws<InvalidOperationException>(() => new RestResponse(new HttpResponseMessage(HttpStatusCode.OK)).ResolveLink("page/2"));

    [Fact]
    public async Task A_next_page_request_GETs_the_link_with_its_query_as_the_service_wrote_it()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateNextPageRequest(new Uri("https://api.test/v1/items/2?%24filter=a%20b&%24skiptoken=x#ignored")).SendAsync();

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("https://api.test/v1/items/2?%24filter=a%20b&%24skiptoken=x", sent.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://elsewhere.test/reinfer_/items?page=2")]
    [InlineData("http://api.test/reinfer_/items?page=2")]
    [InlineData("https://api.test:8443/reinfer_/items?page=2")]
    public void A_next_page_link_to_another_origin_is_not_followed_since_credentials_would_go_there(string link)
    {
        var (handler, connection) = RestTest.Recording();

        var error = Assert.Throws<InvalidOperationException>(() => connection.CreateNextPageRequest(new Uri(link)));

        Assert.Contains("not followed", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_next_page_link_must_be_absolute() =>
        Assert.Throws<ArgumentException>(() => RestTest.Recording().Connection.CreateNextPageRequest(new Uri("items/2", UriKind.Relative)));

    [Fact]
    public void ReplaceQuery_removes_the_links_parameter_of_that_name_in_any_case_and_sends_the_callers_value_once()
    {
        var request = RestTest.Recording().Connection
            .CreateNextPageRequest(new Uri("https://api.test/v1/items?Api-Version=theirs&page=2&api-version=old"))
            .ReplaceQuery("api-version", "2024-01-01");

        Assert.Equal("https://api.test/v1/items?page=2&api-version=2024-01-01", request.ToUri().AbsoluteUri);
    }

    [Fact]
    public void ReplaceQuery_on_an_operation_request_keeps_one_value()
    {
        var request = RestTest.Recording().Connection.CreateRequest("GET", "/items")
            .WithQuery("api-version", "old")
            .ReplaceQuery("api-version", "new");

        Assert.Equal(RestTest.BaseAddress + "/items?api-version=new", request.ToUri().AbsoluteUri);
    }

    [Fact]
    public void An_unescaped_path_parameter_is_sent_as_written_and_the_query_joins_its_own()
    {
        var request = RestTest.Recording().Connection.CreateRequest("GET", "/tenants/{tenant}/{nextLink}")
            .WithPath("tenant", "a b")
            .WithPathUnescaped("nextLink", "next?page=2")
            .WithQuery("api_version", "1.6");

        Assert.Equal(RestTest.BaseAddress + "/tenants/a%20b/next?page=2&api_version=1.6", request.ToUri().AbsoluteUri);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void An_unescaped_path_parameter_still_cannot_be_a_dot_segment(string value) =>
        Assert.Throws<ArgumentException>(() => RestTest.Recording().Connection.CreateRequest("GET", "/items/{nextLink}").WithPathUnescaped("nextLink", value));

    [Fact]
    public async Task An_answer_whose_transport_left_out_the_request_still_knows_its_URI()
    {
        // A handler that does not set HttpResponseMessage.RequestMessage: the pager still resolves relative links.
        var connection = RestTest.Connection(new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));

        var response = await connection.CreateRequest("GET", "/items/list").SendAsync();

        Assert.Equal(RestTest.BaseAddress + "/items/2", response.ResolveLink("2")!.AbsoluteUri);
    }
}
