using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.Paging;
using UiPathClients.AutoRest.Tests.TestSupport;
using UiPathClients.Runtime.Resilience;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>
/// paging.json (<c>x-ms-pageable</c>): each pageable operation has an <c>…AllAsync</c> pager, the same
/// <see cref="IAsyncEnumerable{T}"/> paging as the rest of the product, that follows the next-page links (or calls the
/// <c>operationName</c> operation with them) until a page has none. The server numbers products by page.
/// </summary>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class PagingTests(AutoRestTestServer server)
{
    private readonly PagingOperations _paging = new PagingClient(server.CreateHttpClient()).Paging;

    private static async Task<List<long?>> Ids(IAsyncEnumerable<Product> products)
    {
        var ids = new List<long?>();
        await foreach (var product in products)
        {
            ids.Add(product.Properties?.Id);
        }

        return ids;
    }

    private static List<long?> Range(long first, long last) => Enumerable.Range((int)first, (int)(last - first + 1)).Select(id => (long?)id).ToList();

    /// <summary>Enumerates until the pager throws, returning the ids read before and the exception.</summary>
    private static async Task<(List<long?> Ids, RestApiException Exception)> IdsUntilFailure(IAsyncEnumerable<Product> products)
    {
        var ids = new List<long?>();
        var exception = await Assert.ThrowsAnyAsync<RestApiException>(async () =>
        {
            await foreach (var product in products)
            {
                ids.Add(product.Properties?.Id);
            }
        });
        return (ids, exception);
    }

    [Fact]
    public async Task GetNoItemNamePages() => Assert.Equal([1L], await Ids(_paging.GetNoItemNamePagesAllAsync()));

    [Fact]
    public async Task GetNullNextLinkNamePages()
    {
        // nextLinkName is null: one page only, although the answer has a "nextLink" (to a route that answers 404).
        Assert.Equal([1L], await Ids(_paging.GetNullNextLinkNamePagesAllAsync()));
        Assert.EndsWith("/paging/idontexistraise404", (await _paging.GetNullNextLinkNamePagesAsync()).NextLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSinglePages() => Assert.Equal([1L], await Ids(_paging.GetSinglePagesAllAsync()));

    [Fact]
    public async Task GetSinglePagesWithBodyParams() => Assert.Equal([1L], await Ids(_paging.GetSinglePagesWithBodyParamsAllAsync(new BodyParam { Name = "body" })));

    [Fact]
    public async Task FirstResponseEmpty() => Assert.Equal([1L], await Ids(_paging.FirstResponseEmptyAllAsync()));

    [Fact]
    public async Task GetMultiplePages() => Assert.Equal(Range(1, 10), await Ids(_paging.GetMultiplePagesAllAsync()));

    [Fact]
    public async Task GetWithQueryParams() => Assert.Equal([1L, 2L], await Ids(_paging.GetWithQueryParamsAllAsync(100)));

    [Fact]
    public async Task NextOperationWithQueryParams() => Assert.Equal([2L], await Ids(_paging.NextOperationWithQueryParamsAllAsync()));

    [Fact]
    public async Task DuplicateParams() => Assert.Equal([1L], await Ids(_paging.DuplicateParamsAllAsync(filter: "foo")));

    [Fact]
    public async Task PageWithMaxPageSize() => Assert.Empty(await Ids(_paging.PageWithMaxPageSizeAllAsync()));

    [Fact]
    public async Task GetOdataMultiplePages() => Assert.Equal(Range(1, 10), await Ids(_paging.GetOdataMultiplePagesAllAsync()));

    [Fact]
    public async Task GetMultiplePagesWithOffset() => Assert.Equal(new List<long?> { 1 }.Concat(Range(102, 110)), await Ids(_paging.GetMultiplePagesWithOffsetAllAsync(100)));

    [Fact]
    public async Task GetSinglePagesFailure() => Assert.Equal(HttpStatusCode.BadRequest, (await IdsUntilFailure(_paging.GetSinglePagesFailureAllAsync())).Exception.StatusCode);

    [Fact]
    public async Task GetMultiplePagesFailure()
    {
        var (ids, exception) = await IdsUntilFailure(_paging.GetMultiplePagesFailureAllAsync());
        Assert.Equal([1L], ids);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Fact]
    public async Task GetMultiplePagesFailureUri()
    {
        // The next link is "*&*#&$": resolved as a relative reference it addresses no page, and the pager says so.
        var (ids, exception) = await IdsUntilFailure(_paging.GetMultiplePagesFailureUriAllAsync());
        Assert.Equal([1L], ids);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task GetMultiplePagesFragmentNextLink() => Assert.Equal(Range(1, 10), await Ids(_paging.GetMultiplePagesFragmentNextLinkAllAsync("test_user", "1.6")));

    [Fact]
    public async Task GetMultiplePagesFragmentWithGroupingNextLink() => Assert.Equal(Range(1, 10), await Ids(_paging.GetMultiplePagesFragmentWithGroupingNextLinkAllAsync("test_user", "1.6")));

    [Fact]
    public async Task NextFragment() => Assert.Equal(Range(2, 10), await Ids(_paging.NextFragmentAllAsync("test_user", "next?page=2", "1.6")));

    [Fact]
    public async Task NextFragmentWithGrouping() => Assert.Equal(Range(2, 10), await Ids(_paging.NextFragmentWithGroupingAllAsync("test_user", "next?page=2", "1.6")));

    [Fact]
    public async Task GetModelWithItemNameWithXMSClientName() => Assert.Equal([1L], await Ids(_paging.GetModelWithItemNameWithXMSClientNameAllAsync()));

    [Fact]
    public async Task GetEmptyNextLinkNamePages() => Assert.Equal([1L], await Ids(_paging.GetEmptyNextLinkNamePagesAllAsync()));

    [Fact]
    public async Task AppendApiVersion() => Assert.Equal([1L], await Ids(_paging.AppendApiVersionAllAsync("1.0.0")));

    [Fact]
    public async Task ReplaceApiVersion() => Assert.Equal([1L], await Ids(_paging.ReplaceApiVersionAllAsync("1.0.0")));

    // Retries: the product's resilience handler retries a GET answered 500, so the server's "500 once, then 200" pages
    // are read whole; without the handler the enumeration ends with the 500.

    private PagingOperations RetryingPaging()
    {
        var http = new HttpClient(new UiPathResilienceHandler(new UiPathResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10) }) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new PagingClient(http).Paging;
    }

    [Fact]
    public async Task GetMultiplePagesRetryFirst() =>
        Assert.Equal(Range(1, 10), await Ids(RetryingPaging().GetMultiplePagesRetryFirstAllAsync()));

    [Fact]
    public async Task GetMultiplePagesRetrySecond() =>
        // The server's page 2, once it answers after its 500, carries product 1 again (legacy/routes/paging.js).
        Assert.Equal([1L, 1L, .. Range(3, 10)], await Ids(RetryingPaging().GetMultiplePagesRetrySecondAllAsync()));

    [Fact]
    public async Task GetMultiplePagesRetrySecond_WithoutTheResilienceHandlerEndsWithThe500()
    {
        var (ids, exception) = await IdsUntilFailure(_paging.GetMultiplePagesRetrySecondAllAsync());
        Assert.Equal([1L], ids);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
    }

    [Fact]
    public async Task GetMultiplePagesLRO_PollingIsNotSupported()
    {
        // x-ms-long-running-operation: the pages are the operation's final result, reached by polling, which the product
        // does not do (UIPC0011 at the operation's x-ms-pageable). The method returns the first answer, 202 Accepted.
        var response = await _paging.GetMultiplePagesLROWithResponseAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Accepted", Assert.Contains("status", (IDictionary<string, System.Text.Json.JsonElement>)response.Value.AdditionalData!).GetString());
    }
}
