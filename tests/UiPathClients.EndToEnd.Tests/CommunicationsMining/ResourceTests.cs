using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>Projects, sources and datasets: create, read, list, update, delete, and the errors around them.</summary>
public sealed class ResourceTests(CommunicationsMiningSession session) : IClassFixture<CommunicationsMiningSession>
{
    private readonly HttpClient _api = session.Api;

    [Fact]
    public async Task A_project_a_source_and_a_dataset_over_it_are_created_and_read_back()
    {
        await _api.PutJsonAsync("v1/projects/claims", new { project = new { title = "Claims", description = "Claims mailbox" } });
        var source = (await _api.PutJsonAsync("v1/sources/claims/mailbox", new { source = new { title = "Mailbox", language = "en", sensitive_properties = new[] { "string:Email" } } })).GetProperty("source");
        var sourceId = source.GetProperty("id").GetString()!;
        var dataset = (await _api.PutJsonAsync("v1/datasets/claims/intents", new { dataset = new { title = "Intents", source_ids = new[] { sourceId }, model_family = "german" } })).GetProperty("dataset");

        Assert.Equal("claims", source.GetProperty("owner").GetString());
        Assert.Equal("unknown", source.GetProperty("_kind").GetString());
        Assert.Equal(["string:Email"], source.GetProperty("sensitive_properties").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(16, sourceId.Length);
        Assert.Equal([sourceId], dataset.GetProperty("source_ids").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("german", dataset.GetProperty("model_family").GetString());

        var project = (await _api.GetJsonAsync("v1/projects/claims")).GetProperty("project");
        Assert.Equal("Claims mailbox", project.GetProperty("description").GetString());
        Assert.Contains("claims", (await _api.GetJsonAsync("v1/projects")).GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("Intents", (await _api.GetJsonAsync("v1/datasets/claims/intents")).GetProperty("dataset").GetProperty("title").GetString());
        Assert.Equal(["intents"], (await _api.GetJsonAsync("v1/datasets/claims")).GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Contains("mailbox", (await _api.GetJsonAsync("v1/sources")).GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("mailbox", (await _api.GetJsonAsync($"v1/sources/id:{sourceId}")).GetProperty("source").GetProperty("name").GetString());

        Assert.Equal(sourceId, session.Data.FindSource("claims", "mailbox")!.Id);
        Assert.Equal(session.Clock.GetUtcNow(), session.Data.FindDataset("claims", "intents")!.Created);
    }

    [Fact]
    public async Task The_index_project_routes_under_private_reach_the_same_projects()
    {
        await _api.PutJsonAsync("_private/projects/legal", new { project = new { title = "Legal" } });
        await _api.PostJsonAsync("_private/projects/legal", new { project = new { description = "Contracts" } });

        var project = (await _api.GetJsonAsync("v1/projects/legal")).GetProperty("project");

        Assert.Equal("Legal", project.GetProperty("title").GetString());
        Assert.Equal("Contracts", project.GetProperty("description").GetString());
        Assert.Contains("legal", (await _api.GetJsonAsync("_private/projects")).GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Creating_what_exists_is_a_conflict()
    {
        await _api.CreateProjectSourceAndDatasetAsync("conflicts");

        var project = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/projects/conflicts", new { project = new { } }));
        var dataset = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/datasets/conflicts/triage", new { dataset = new { } }));
        var source = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/sources/conflicts/inbox", new { source = new { } }));

        Assert.All([project, dataset, source], error => Assert.Equal(HttpStatusCode.Conflict, error.StatusCode));
        Assert.Contains("conflicts/triage", dataset.ServiceMessage);
    }

    [Fact]
    public async Task What_does_not_exist_is_not_found()
    {
        var project = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/datasets/nowhere/anything", new { dataset = new { } }));
        var dataset = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/datasets/nowhere/anything"));
        var source = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/sources/id:0123456789abcdef"));

        Assert.All([project, dataset, source], error => Assert.Equal(HttpStatusCode.NotFound, error.StatusCode));
        Assert.Equal("Project 'nowhere' does not exist.", project.ServiceMessage);
    }

    [Fact]
    public async Task A_body_that_is_not_valid_is_a_bad_request()
    {
        await _api.PutJsonAsync("v1/projects/bodies", new { project = new { } });

        var malformed = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _api.PutAsync("v1/datasets/bodies/broken", new StringContent("{\"dataset\": ", Encoding.UTF8, "application/json")));
        var missing = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/datasets/bodies/empty", new { }));
        var wrongType = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/datasets/bodies/typed", new { dataset = new { source_ids = "not-a-list" } }));
        var unknownSource = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/datasets/bodies/sourced", new { dataset = new { source_ids = new[] { "feedfeedfeedfeed" } } }));
        var notJson = await Assert.ThrowsAsync<CommunicationsMiningException>(() =>
            _api.PutAsync("v1/datasets/bodies/text", new StringContent("{\"dataset\": {}}", Encoding.UTF8, "text/plain")));
        var badName = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.PutJsonAsync("v1/datasets/bodies/has%20space", new { dataset = new { } }));

        Assert.All([malformed, missing, wrongType, unknownSource, notJson, badName], error => Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode));
        Assert.Equal("'dataset' is required.", missing.ServiceMessage);
        Assert.Contains("$.dataset.source_ids", wrongType.ServiceMessage);
        Assert.Contains("feedfeedfeedfeed", unknownSource.ServiceMessage);
        Assert.Null(session.Data.FindDataset("bodies", "empty"));
    }

    [Fact]
    public async Task Updates_change_only_the_fields_they_carry()
    {
        await _api.CreateProjectSourceAndDatasetAsync("updates");
        session.Clock.Advance(System.TimeSpan.FromMinutes(5));

        var dataset = (await _api.PostJsonAsync("v1/datasets/updates/triage", new { dataset = new { description = "Sorted by intent" } })).GetProperty("dataset");
        var source = (await _api.PostJsonAsync("v1/sources/updates/inbox", new { source = new { should_translate = true } })).GetProperty("source");

        Assert.Equal("Triage", dataset.GetProperty("title").GetString());
        Assert.Equal("Sorted by intent", dataset.GetProperty("description").GetString());
        Assert.Single(dataset.GetProperty("source_ids").EnumerateArray());
        Assert.NotEqual(dataset.GetProperty("created").GetString(), dataset.GetProperty("last_modified").GetString());
        Assert.True(source.GetProperty("should_translate").GetBoolean());
        Assert.Equal("Inbox", source.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Deleting_a_source_takes_its_comments_and_leaves_the_datasets_that_held_it()
    {
        var sourceId = await _api.CreateProjectSourceAndDatasetAsync("deletions");
        await _api.SyncAsync("deletions", "inbox", [CommunicationsMiningHttp.Comment("c1", "Hello", CommunicationsMiningSession.Start)]);

        await _api.DeleteJsonAsync($"v1/sources/id:{sourceId}");

        var gone = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/sources/deletions/inbox"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await _api.GetJsonAsync("v1/datasets/deletions/triage")).GetProperty("dataset").GetProperty("source_ids").EnumerateArray());

        await _api.DeleteJsonAsync("v1/datasets/deletions/triage");
        Assert.Null(session.Data.FindDataset("deletions", "triage"));
        var project = await Assert.ThrowsAsync<CommunicationsMiningException>(() => _api.GetJsonAsync("v1/datasets/deletions/triage"));
        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
    }
}
