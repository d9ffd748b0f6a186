using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>Statuses outside 2xx the operation declares as answers are returned; the others still throw.</summary>
public sealed class RestRequestStatusTests
{
    private static RestConnection Answering(HttpStatusCode status, string? json = null) =>
        RestTest.Connection(new RecordingHandler(_ => json is null ? new HttpResponseMessage(status) : RecordingHandler.Json(json, status)));

    [Fact]
    public async Task A_declared_404_of_a_HEAD_is_returned_not_thrown()
    {
        var response = await Answering(HttpStatusCode.NotFound).CreateRequest("HEAD", "/items/{id}").WithPath("id", "a").WithExpectedStatus(404).SendAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_2xx_is_a_success()
    {
        var response = await Answering(HttpStatusCode.NoContent).CreateRequest("HEAD", "/items").WithExpectedStatus(404).SendAsync();

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task An_undeclared_404_still_throws()
    {
        var error = await Assert.ThrowsAsync<RestApiException>(() => Answering(HttpStatusCode.NotFound).CreateRequest("HEAD", "/items").WithExpectedStatus(300).SendAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_declared_status_with_a_body_reads_it_as_the_success_body()
    {
        var response = await Answering(HttpStatusCode.MultipleChoices, """{"items":["a"],"next":null}""").CreateRequest("GET", "/items").WithExpectedStatus(300).SendAsync<Page>();

        Assert.Equal(HttpStatusCode.MultipleChoices, response.StatusCode);
        Assert.Equal(new[] { "a" }, response.Value.Items!.ToArray());
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    public void A_status_outside_HTTP_is_refused(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestTest.Recording().Connection.CreateRequest("GET", "/items").WithExpectedStatus(status));
    }
}
