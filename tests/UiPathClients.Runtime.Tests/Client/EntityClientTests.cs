using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>Read, create, replace, patch and delete through generated-style entity set and entity clients.</summary>
public sealed class EntityClientTests
{
    private const string FullItem =
        "{\"@odata.context\":\"https://cloud.test/org/tenant/orchestrator_/odata/$metadata#WorkItems/$entity\",\"@odata.etag\":\"W/\\\"abc\\\"\","
        + "\"Id\":1,\"Title\":\"Write tests\",\"done\":true,\"Priority\":\"High\",\"Due\":\"2026-03-01\",\"Estimate\":\"PT1H30M\","
        + "\"Labels\":[\"a\",null],\"Window\":{\"From\":\"2026-03-01T08:00:00Z\",\"To\":null},"
        + "\"Owner\":{\"UserName\":\"ann\",\"Email\":\"ann@example.test\"},\"Color\":\"blue\"}";

    [Fact]
    public async Task GetAsync_reads_the_entity_at_its_key()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(FullItem));
        using var http = handler.CreateClient();

        var item = await new TestServiceClient(http).WorkItems[1].GetAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("odata/WorkItems(1)", request.RelativeUri);
        Assert.Equal("application/json; IEEE754Compatible=false", request.Header("Accept"));
        Assert.Null(request.Body);

        Assert.Equal(1, item.Id);
        Assert.Equal("Write tests", item.Title);
        Assert.True(item.IsDone);
        Assert.Equal(Priority.High, item.Priority);
        Assert.Equal(new DateOnly(2026, 3, 1), item.Due);
        Assert.Equal(TimeSpan.FromMinutes(90), item.Estimate);
        Assert.Equal(new[] { "a", null }, item.Labels);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), item.Window!.From);
        Assert.Null(item.Window.To);
        Assert.Equal("ann", item.Owner!.UserName);
        Assert.Null(item.Subtasks);
        Assert.Equal("W/\"abc\"", item.GetETag());
    }

    [Theory]
    [InlineData(1L, "odata/WorkItems(1)")]
    [InlineData(-5L, "odata/WorkItems(-5)")]
    [InlineData(long.MaxValue, "odata/WorkItems(9223372036854775807)")]
    public async Task Numeric_keys_are_plain_literals(long id, string expected)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"Id\":1}"));
        using var http = handler.CreateClient();

        await new TestServiceClient(http).WorkItems[id].GetAsync();

        Assert.Equal(expected, Assert.Single(handler.Requests).RelativeUri);
    }

    [Theory]
    [InlineData("ann", "People('ann')", "odata/People('ann')")]
    [InlineData("O'Neil", "People('O''Neil')", "odata/People('O''Neil')")]
    [InlineData("a/b c?#%&", "People('a%2Fb%20c%3F%23%25%26')", "odata/People('a%2Fb%20c%3F%23%25%26')")]
    [InlineData("Zoë", "People('Zo%C3%AB')", "odata/People('Zo%C3%AB')")]
    public async Task String_keys_are_quoted_and_escaped(string userName, string path, string sent)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{\"UserName\":\"x\"}"));
        using var http = handler.CreateClient();
        var person = new TestServiceClient(http).People[userName];

        await person.GetAsync();

        Assert.Equal(path, person.Path);
        Assert.Equal(path, person.ToString());
        Assert.Equal(sent, Assert.Single(handler.Requests).RelativeUri);
    }

    [Fact]
    public async Task A_singleton_is_addressed_by_name()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"UserName\":\"me\"}"));
        using var http = handler.CreateClient();

        var me = await new TestServiceClient(http).Me.GetAsync();

        Assert.Equal("me", me.UserName);
        Assert.Equal("odata/Me", Assert.Single(handler.Requests).RelativeUri);
    }

    [Fact]
    public async Task GetAsync_of_a_missing_key_throws_not_found()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"error\":{\"code\":\"NotFound\",\"message\":\"No WorkItem 404.\"}}", HttpStatusCode.NotFound));
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataNotFoundException>(() => new TestServiceClient(http).WorkItems[404].GetAsync());

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("https://cloud.test/org/tenant/orchestrator_/odata/WorkItems(404)", failure.RequestUri);
    }

    [Fact]
    public async Task CreateAsync_posts_json_names_without_nulls_or_annotations_and_returns_the_stored_entity()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"@odata.etag\":\"W/\\\"1\\\"\",\"Id\":77,\"Title\":\"New\"}", HttpStatusCode.Created));
        using var http = handler.CreateClient();
        var item = NewItem();

        var created = await new TestServiceClient(http).WorkItems.CreateAsync(item);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("odata/WorkItems", request.RelativeUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Null(request.Header("If-Match"));
        JsonAssert.Equal(
            "{\"Id\":0,\"Title\":\"New\",\"done\":false,\"Priority\":\"High\",\"Due\":\"2026-03-01\",\"Estimate\":\"PT1H30M\",\"Labels\":[\"a\"],"
            + "\"Window\":{\"From\":\"2026-03-01T08:00:00Z\"},\"Color\":\"blue\"}",
            request.Body);
        Assert.NotSame(item, created);
        Assert.Equal(77, created.Id);
        Assert.Equal("W/\"1\"", created.GetETag());
    }

    [Fact]
    public async Task CreateAsync_asks_for_the_representation_and_on_204_reads_the_entity_from_its_OData_EntityId()
    {
        var handler = RecordingHandler.Sequence(
            () =>
            {
                var noContent = RecordingHandler.NoContent();
                noContent.Headers.TryAddWithoutValidation("OData-EntityId", "https://cloud.test/org/tenant/orchestrator_/odata/WorkItems(77)");
                return noContent;
            },
            () => RecordingHandler.Json("{\"Id\":77,\"Title\":\"Stored\"}"));
        using var http = handler.CreateClient();
        var item = NewItem();

        var created = await new TestServiceClient(http).WorkItems.CreateAsync(item);

        Assert.Equal("return=representation", handler.Requests[0].Header("Prefer"));
        Assert.Equal(HttpMethod.Get, handler.Requests[1].Method);
        Assert.Equal("odata/WorkItems(77)", handler.Requests[1].RelativeUri);
        Assert.NotSame(item, created);
        Assert.Equal(77, created.Id);
        Assert.Equal("Stored", created.Title);
    }

    [Fact]
    public async Task CreateAsync_answered_with_204_and_no_location_is_unreadable_rather_than_the_entity_sent()
    {
        var handler = RecordingHandler.Sequence(RecordingHandler.NoContent);
        using var http = handler.CreateClient();

        var failure = await Assert.ThrowsAsync<ODataResponseException>(() => new TestServiceClient(http).WorkItems.CreateAsync(NewItem()));

        Assert.Equal(HttpStatusCode.NoContent, failure.StatusCode);
        Assert.Contains("OData-EntityId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_puts_the_entity_with_If_Match_from_its_etag_and_on_204_reads_it_again()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(FullItem), RecordingHandler.NoContent, () => RecordingHandler.Json("{\"Id\":1,\"Title\":\"Renamed by the service\"}"));
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http).WorkItems[1];
        var item = await client.GetAsync();
        item.Title = "Renamed";

        var updated = await client.UpdateAsync(item);

        Assert.NotSame(item, updated);
        Assert.Equal("Renamed by the service", updated.Title);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(HttpMethod.Get, handler.Requests[2].Method);
        Assert.Equal("odata/WorkItems(1)", handler.Requests[2].RelativeUri);
        var put = handler.Requests[1];
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal("odata/WorkItems(1)", put.RelativeUri);
        Assert.Equal("W/\"abc\"", put.Header("If-Match"));
        Assert.Equal("return=representation", put.Header("Prefer"));
        Assert.DoesNotContain("@odata", put.Body, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(put.Body!);
        Assert.Equal("Renamed", body.RootElement.GetProperty("Title").GetString());
        Assert.Equal("blue", body.RootElement.GetProperty("Color").GetString());
        Assert.Equal("High", body.RootElement.GetProperty("Priority").GetString());
        Assert.Equal("PT1H30M", body.RootElement.GetProperty("Estimate").GetString());
    }

    [Fact]
    public async Task UpdateAsync_without_etag_sends_no_If_Match_and_reads_a_returned_entity()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"Id\":1,\"Title\":\"From service\"}"));
        using var http = handler.CreateClient();

        var updated = await new TestServiceClient(http).WorkItems[1].UpdateAsync(new WorkItem { Id = 1, Title = "Mine" });

        Assert.Null(Assert.Single(handler.Requests).Header("If-Match"));
        Assert.Equal("From service", updated.Title);
    }

    [Fact]
    public async Task UpdateAsync_of_a_changed_entity_fails_with_412()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"error\":{\"code\":\"PreconditionFailed\",\"message\":\"ETag mismatch.\"}}", HttpStatusCode.PreconditionFailed));
        using var http = handler.CreateClient();
        var item = new WorkItem { Id = 1, AdditionalData = new Dictionary<string, JsonElement> { ["@odata.etag"] = JsonSerializer.SerializeToElement("W/\"old\"") } };

        var failure = await Assert.ThrowsAsync<ODataConcurrencyException>(() => new TestServiceClient(http).WorkItems[1].UpdateAsync(item));

        Assert.IsAssignableFrom<ODataRequestException>(failure);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failure.StatusCode);
        Assert.Equal("PreconditionFailed", failure.ErrorCode);
        Assert.Equal("W/\"old\"", Assert.Single(handler.Requests).Header("If-Match"));
    }

    [Fact]
    public async Task PatchAsync_sends_only_the_changed_properties()
    {
        var handler = RecordingHandler.Sequence(RecordingHandler.NoContent);
        using var http = handler.CreateClient();

        await new TestServiceClient(http).WorkItems[1].PatchAsync(d => d
            .Set(w => w.Title, "New")
            .Set(w => w.Priority, Priority.High)
            .Set(w => w.IsDone, null)
            .Set(w => w.Due, new DateOnly(2026, 3, 1))
            .Set(w => w.Estimate, TimeSpan.FromMinutes(90))
            .SetValue(w => w.Labels, new List<string> { "x", "y" })
            .SetValue(w => w.Window, new Window { From = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero) }));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH", request.Method.Method);
        Assert.Equal("odata/WorkItems(1)", request.RelativeUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Null(request.Header("If-Match"));
        JsonAssert.Equal(
            "{\"Title\":\"New\",\"Priority\":\"High\",\"done\":null,\"Due\":\"2026-03-01\",\"Estimate\":\"PT1H30M\",\"Labels\":[\"x\",\"y\"],\"Window\":{\"From\":\"2026-03-01T08:00:00Z\"}}",
            request.Body);
    }

    [Fact]
    public async Task PatchAsync_keeps_the_last_value_of_a_property_set_twice_and_sends_If_Match()
    {
        var handler = RecordingHandler.Sequence(RecordingHandler.NoContent);
        using var http = handler.CreateClient();
        IReadOnlyList<string>? changed = null;

        await new TestServiceClient(http).WorkItems[1].PatchAsync(
            d =>
            {
                var delta = d.Set(w => w.Title, "first").Set(w => w.Id, 5L).Set(w => w.Title, null);
                changed = delta.ChangedProperties;
                return delta;
            },
            ifMatch: "W/\"7\"");

        var request = Assert.Single(handler.Requests);
        JsonAssert.Equal("{\"Id\":5,\"Title\":null}", request.Body);
        Assert.Equal(new[] { "Id", "Title" }, changed);
        Assert.Equal("W/\"7\"", request.Header("If-Match"));
    }

    [Fact]
    public async Task PatchAsync_refuses_empty_patches_and_nested_paths_without_sending()
    {
        var handler = RecordingHandler.Sequence();
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http).WorkItems[1];

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PatchAsync(d => d));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PatchAsync(d => d.Set(w => w.Window.From, DateTimeOffset.UnixEpoch)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PatchAsync(d => d.Set(w => w.Owner.UserName, "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PatchAsync(d => d.Set(w => w.Title.ToLower(), "x")));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task DeleteAsync_sends_no_body_and_If_Match_only_when_given()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.NoContent());
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http).People["O'Neil"];

        await client.DeleteAsync();
        await client.DeleteAsync(ifMatch: "W/\"9\"");

        Assert.All(handler.Requests, request =>
        {
            Assert.Equal(HttpMethod.Delete, request.Method);
            Assert.Equal("odata/People('O''Neil')", request.RelativeUri);
            Assert.Null(request.Body);
            Assert.Null(request.ContentType);
        });
        Assert.Null(handler.Requests[0].Header("If-Match"));
        Assert.Equal("W/\"9\"", handler.Requests[1].Header("If-Match"));
    }

    [Fact]
    public async Task Null_arguments_are_refused_before_sending()
    {
        var handler = RecordingHandler.Sequence();
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.WorkItems.CreateAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.WorkItems[1].UpdateAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.WorkItems[1].PatchAsync(null!));
        Assert.Empty(handler.Requests);
    }

    private static WorkItem NewItem() => new()
    {
        Title = "New",
        IsDone = false,
        Priority = Priority.High,
        Due = new DateOnly(2026, 3, 1),
        Estimate = TimeSpan.FromMinutes(90),
        Labels = new List<string?> { "a" },
        Window = new Window { From = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero) },
        AdditionalData = new Dictionary<string, JsonElement>
        {
            ["@odata.context"] = JsonSerializer.SerializeToElement("$metadata#WorkItems/$entity"),
            ["@odata.etag"] = JsonSerializer.SerializeToElement("W/\"1\""),
            ["odata.metadata"] = JsonSerializer.SerializeToElement("legacy"),
            ["Color"] = JsonSerializer.SerializeToElement("blue"),
        },
    };
}
