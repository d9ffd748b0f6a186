using System.Net.Http;
using System.Threading.Tasks;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>
/// By key with <c>$select</c>/<c>$expand</c>, navigation from one entity with query options, and the ETag on
/// operations bound to an entity — what a typed OData client is expected to offer.
/// </summary>
public sealed class EntityQueryTests
{
    [Fact]
    public async Task By_key_select_and_expand_go_on_the_entity_request()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"Id\":1,\"Title\":\"t\",\"Owner\":{\"UserName\":\"ann\"}}"));
        using var http = handler.CreateClient();
        var item = new TestServiceClient(http).WorkItems[1];

        var read = await item.Select(w => w.Title).Expand(w => w.Owner, o => o.Select(p => p.Email).Expand(p => p.Manager)).GetAsync();
        await item.Expand(w => w.Subtasks, s => s.Where(t => t.IsDone == false).OrderBy(t => t.Id).Top(2)).GetAsync();
        await item.Expand(w => w.Owner).Expand(w => w.Subtasks).Select(w => w.Id, w => w.Title).GetAsync();

        Assert.Equal("ann", read.Owner!.UserName);
        Assert.Equal("odata/WorkItems(1)?$select=Title&$expand=Owner%28%24select%3DEmail%3B%24expand%3DManager%29", handler.Requests[0].RelativeUri);
        Assert.Equal("odata/WorkItems(1)?$expand=Subtasks%28%24filter%3Ddone%20eq%20false%3B%24orderby%3DId%3B%24top%3D2%29", handler.Requests[1].RelativeUri);
        Assert.Equal("odata/WorkItems(1)?$select=Id%2CTitle&$expand=Owner%2CSubtasks", handler.Requests[2].RelativeUri);
        Assert.All(handler.Requests, request => Assert.Equal(HttpMethod.Get, request.Method));
    }

    [Fact]
    public void An_entity_query_is_immutable_and_shows_its_uri()
    {
        using var http = new RecordingHandler(_ => RecordingHandler.Json("{}")).CreateClient();
        var item = new TestServiceClient(http).WorkItems[7];

        var selected = item.Select(w => w.Title);
        var expanded = selected.Expand(w => w.Owner);

        Assert.Equal("odata/WorkItems(7)?$select=Title", selected.ToString());
        Assert.Equal("odata/WorkItems(7)?$select=Title&$expand=Owner", expanded.ToUri().OriginalString);
    }

    [Fact]
    public async Task A_collection_navigation_is_queried_like_a_set_and_creates_related_entities()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"value\":[{\"Id\":\"2\",\"Title\":\"b\"}]}"),
            () => RecordingHandler.Json("{\"value\":[]}"),
            () => RecordingHandler.Json("{\"Id\":3,\"Title\":\"new\"}", System.Net.HttpStatusCode.Created));
        using var http = handler.CreateClient();
        var subtasks = new TestServiceClient(http).WorkItems[1].Subtasks;

        var page = await subtasks.Where(t => t.Title.StartsWith("b")).OrderByDescending(t => t.Id).Top(5).Select(t => t.Title).Expand(t => t.Owner).ToPageAsync();
        var all = await subtasks.ToListAsync();
        var created = await subtasks.CreateAsync(new WorkItem { Title = "new" });

        Assert.Equal(2, Assert.Single(page.Items).Id);
        Assert.Empty(all);
        Assert.Equal(3, created.Id);
        Assert.Equal("odata/WorkItems(1)/Subtasks?$filter=startswith%28Title%2C%27b%27%29&$orderby=Id%20desc&$select=Title&$expand=Owner&$top=5", handler.Requests[0].RelativeUri);
        Assert.StartsWith("odata/WorkItems(1)/Subtasks?$top=", handler.Requests[1].RelativeUri);
        Assert.Equal(HttpMethod.Post, handler.Requests[2].Method);
        Assert.Equal("odata/WorkItems(1)/Subtasks", handler.Requests[2].RelativeUri);
    }

    [Fact]
    public async Task A_single_navigation_is_an_entity_client_at_the_navigation_path()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"UserName\":\"ann\"}"));
        using var http = handler.CreateClient();
        var owner = new TestServiceClient(http).WorkItems[1].Owner;

        var person = await owner.GetAsync();
        await owner.Select(p => p.Email).Expand(p => p.Manager).GetAsync();

        Assert.Equal("ann", person.UserName);
        Assert.Equal("odata/WorkItems(1)/Owner", handler.Requests[0].RelativeUri);
        Assert.Equal("odata/WorkItems(1)/Owner?$select=Email&$expand=Manager", handler.Requests[1].RelativeUri);
    }

    [Fact]
    public async Task Operations_bound_to_an_entity_send_the_etag_as_If_Match_only_when_given()
    {
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"Id\":1}"),
            () => RecordingHandler.Json("{\"Id\":1}"),
            () => RecordingHandler.Json("{\"value\":[\"a\"]}"),
            RecordingHandler.NoContent);
        using var http = handler.CreateClient();
        var item = new TestServiceClient(http).WorkItems[1];

        await item.ReopenAsync(ifMatch: "W/\"1\"");
        await item.ReopenAsync();
        await item.HistoryAsync("W/\"2\"");
        await item.ArchiveAsync("*");

        Assert.Equal("W/\"1\"", handler.Requests[0].Header("If-Match"));
        Assert.Null(handler.Requests[1].Header("If-Match"));
        Assert.Equal("W/\"2\"", handler.Requests[2].Header("If-Match"));
        Assert.Equal(HttpMethod.Get, handler.Requests[2].Method);
        Assert.Equal("*", handler.Requests[3].Header("If-Match"));
    }
}
