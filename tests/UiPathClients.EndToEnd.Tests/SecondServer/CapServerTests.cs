using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Generated.Bookshop;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.EndToEnd.Tests.SecondServer;

/// <summary>
/// The generated client against SAP CAP, an OData v4 server nobody here wrote: Edm.Decimal/Edm.Int64 as JSON strings,
/// If-Match required on bound operations of an entity with an ETag, by-key $select/$expand, navigation with query options,
/// optional function parameters left out.
/// </summary>
[Collection(CapServerCollection.Name)]
public sealed class CapServerTests(CapServer server)
{
    private BookshopClient Client() => new(server.CreateHttpClient());

    [CapFact]
    public async Task The_servers_metadata_is_the_checked_in_spec_the_client_is_generated_from()
    {
        using var http = server.CreateHttpClient();

        var live = await http.GetStringAsync(new Uri(BookshopClient.DefaultServicePath + "$metadata", UriKind.Relative));

        Assert.Equal(Normalize(File.ReadAllText(Path.Combine(CapServer.Directory, "CatalogService.edmx"))), Normalize(live));
        static string Normalize(string xml) => xml.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    [CapFact]
    public async Task Decimals_and_int64s_sent_as_strings_read_everywhere()
    {
        var client = Client();

        var books = await client.Books.OrderBy(b => b.ID).ToListAsync();
        var one = await client.Books[271].GetAsync();
        var cheapest = await client.CheapestBooksAsync(count: 1);
        var withTax = await client.Books[201].PriceWithTaxAsync(ifMatch: (await client.Books[201].GetAsync()).GetETag());
        var created = await client.Books.CreateAsync(new Books { ID = 901, Title = "Created", Price = 19.99m, Stock = 7, AuthorID = 150 });

        Assert.Equal(11.11m, books[0].Price);
        Assert.Equal(12, books[0].Stock);
        Assert.Equal(150m, one.Price);
        Assert.True(one.Stock > 9_007_199_254_740_000L);
        Assert.Equal(11.11m, Assert.Single(cheapest).Price);
        Assert.Equal(13.22m, withTax);
        Assert.Equal(19.99m, created.Price);
        Assert.Equal(7, created.Stock);
    }

    [CapFact]
    public async Task A_create_without_a_key_lets_the_server_compute_it_every_time()
    {
        var client = Client();

        // Reviews.ID is a non-nullable Guid with Core.ComputedDefaultValue: sending Guid.Empty would store it, and the
        // second create would then fail on the unique key.
        var first = await client.Reviews.CreateAsync(new Reviews { BookID = 201, Rating = 4, Text = "First" });
        var second = await client.Reviews.CreateAsync(new Reviews { BookID = 201, Rating = 5, Text = "Second" });

        Assert.NotEqual(Guid.Empty, first.ID);
        Assert.NotEqual(Guid.Empty, second.ID);
        Assert.NotEqual(first.ID, second.ID);
        Assert.Equal("Second", (await client.Reviews[second.ID].GetAsync()).Text);
    }

    [CapFact]
    public async Task A_put_that_sets_a_property_to_null_clears_it()
    {
        var client = Client();
        var author = await client.Authors[170].GetAsync();
        Assert.NotNull(author.PlaceOfBirth);

        // CAP's PUT keeps properties a body leaves out, so only an explicit null clears the value.
        author.PlaceOfBirth = null;
        var updated = await client.Authors[170].UpdateAsync(author);

        Assert.Null(updated.PlaceOfBirth);
        Assert.Null((await client.Authors[170].GetAsync()).PlaceOfBirth);
        Assert.Equal("Richard Carpenter", updated.Name);
    }

    [CapFact]
    public async Task A_bound_operation_takes_the_entitys_etag_without_it_CAP_answers_428()
    {
        var client = Client();
        var book = await client.Books[207].GetAsync();

        var required = await Assert.ThrowsAnyAsync<ODataRequestException>(() => client.Books[207].OrderAsync(1));
        var ordered = await client.Books[207].OrderAsync(1, ifMatch: book.GetETag());
        var stale = await Assert.ThrowsAnyAsync<ODataRequestException>(() => client.Books[207].OrderAsync(1, ifMatch: "W/\"1999-01-01T00:00:00.000Z\""));

        Assert.Equal((HttpStatusCode)428, required.StatusCode);
        Assert.Equal(book.Stock - 1, ordered!.Stock);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [CapFact]
    public async Task By_key_select_and_expand()
    {
        var client = Client();

        var book = await client.Books[201].Select(b => b.Title).Expand(b => b.Author, a => a.Select(x => x.Name)).GetAsync();
        var author = await client.Authors[150].Expand(a => a.Books, b => b.OrderBy(x => x.Title).Top(1)).GetAsync();

        Assert.Equal("Wuthering Heights", book.Title);
        Assert.Null(book.Price);
        Assert.Equal("Emily Brontë", book.Author!.Name);
        Assert.Null(book.Author.PlaceOfBirth);
        Assert.Equal("Eleonora", Assert.Single(author.Books!).Title);
    }

    [CapFact]
    public async Task Navigation_from_an_entity_with_query_options()
    {
        var client = Client();

        var poe = await client.Authors[150].Books
            .Where(b => b.Price > 13.5m)
            .OrderByDescending(b => b.Title)
            .Top(5)
            .Select(b => b.Title, b => b.Price)
            .Expand(b => b.Author)
            .ToListAsync();
        var all = await client.Authors[150].Books.ToPageAsync();
        var author = await client.Books[251].Author.GetAsync();
        var expandedAuthor = await client.Books[251].Author.Expand(a => a.Books).GetAsync();

        var book = Assert.Single(poe);
        Assert.Equal("Eleonora", book.Title);
        Assert.Equal(14m, book.Price);
        Assert.Equal("Edgar Allen Poe", book.Author!.Name);
        Assert.Equal(2, all.Items.Count);
        Assert.Equal(150, author.ID);
        Assert.Equal(2, expandedAuthor.Books!.Count);
    }

    [CapFact]
    public async Task Optional_function_parameters_are_left_out_when_not_given()
    {
        var client = Client();
        var etag = (await client.Books[252].GetAsync()).GetETag();

        // The service refuses count=null / rate=null: only leaving them out gives the default.
        var byDefault = await client.CheapestBooksAsync();
        var two = await client.CheapestBooksAsync(2);
        var defaultRate = await client.Books[252].PriceWithTaxAsync(ifMatch: etag);
        var tenPercent = await client.Books[252].PriceWithTaxAsync(0.1m, etag);

        Assert.Equal(3, byDefault.Count);
        Assert.Equal(2, two.Count);
        Assert.Equal(16.66m, defaultRate);
        Assert.Equal(15.4m, tenPercent);
    }
}
