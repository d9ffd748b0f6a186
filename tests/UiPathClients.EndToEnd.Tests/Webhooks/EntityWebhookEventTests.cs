using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.EndToEnd.Tests.Webhooks;

/// <summary>
/// Creating, changing and deleting releases, queues and robots through the API raise the <c>process.*</c>,
/// <c>queue.*</c> and <c>robot.*</c> events, which the runtime reads into its typed classes; a failed change raises none.
/// </summary>
public sealed class EntityWebhookEventTests : IAsyncLifetime
{
    private WebhookEventHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await WebhookEventHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Creating_changing_and_deleting_a_release_raise_the_process_events()
    {
        await _harness.SubscribeAsync("process.created", "process.updated", "process.deleted");
        var name = "Webhooked_" + Guid.NewGuid().ToString("N")[..8];

        using var created = await _harness.SendAsync(HttpMethod.Post, "odata/Releases", ReleaseBody(name, "first"), HttpStatusCode.Created);
        var id = created.RootElement.GetProperty("Id").GetInt64();
        using var patched = await _harness.SendAsync(new HttpMethod("PATCH"), $"odata/Releases({id})", "{\"Description\":\"patched\"}", HttpStatusCode.OK);
        using var replaced = await _harness.SendAsync(HttpMethod.Put, $"odata/Releases({id})", ReleaseBody(name, "replaced"), HttpStatusCode.OK);
        using var deleted = await _harness.SendAsync(HttpMethod.Delete, $"odata/Releases({id})", null, HttpStatusCode.NoContent);

        AssertRelease(await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.created"), id, name, "first");
        AssertRelease(await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.updated"), id, name, "patched");
        AssertRelease(await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.updated"), id, name, "replaced");
        AssertRelease(await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.deleted"), id, name, "replaced");
    }

    [Fact]
    public async Task The_package_version_actions_raise_process_updated_with_the_new_version()
    {
        await _harness.SubscribeAsync("process.updated");
        var release = _harness.Emulator.Data.Releases.InFolder(_harness.FolderId).First(candidate => candidate.ProcessKey == "InvoiceProcessing");
        var latest = _harness.Emulator.Data.Processes.Find("InvoiceProcessing", folderId: null)!.Version;

        using var specific = await _harness.InvokeAsync($"Releases({release.Id})", "UpdateToSpecificPackageVersion", "{\"packageVersion\":\"0.9.0\"}");
        var toSpecific = await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.updated");
        using var toLatest = await _harness.InvokeAsync($"Releases({release.Id})", "UpdateToLatestPackageVersion", "{}");
        var toLatestEvent = await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.updated");
        using var bulk = await _harness.InvokeAsync("Releases", "UpdateToLatestPackageVersionBulk", "{\"releaseIds\":[" + release.Id + "]}");
        var bulkEvent = await _harness.NextEventAsync<UiPathProcessWebhookEvent>("process.updated");

        Assert.Equal("0.9.0", Assert.Single(toSpecific.Releases!).ProcessVersion);
        Assert.Equal(latest, Assert.Single(toLatestEvent.Releases!).ProcessVersion);
        Assert.Equal(latest, Assert.Single(bulkEvent.Releases!).ProcessVersion);
        Assert.All(new[] { toSpecific, toLatestEvent, bulkEvent }, webhookEvent =>
        {
            Assert.Equal(release.Id, Assert.Single(webhookEvent.Releases!).Id);
            Assert.Equal(_harness.FolderId, webhookEvent.OrganizationUnitId);
        });
    }

    [Fact]
    public async Task A_release_change_that_fails_raises_nothing()
    {
        var webhookId = await _harness.SubscribeAsync("process.created", "process.updated", "process.deleted");
        var release = _harness.Emulator.Data.Releases.InFolder(_harness.FolderId).First();
        const long Missing = 987_654;
        const string StaleETag = "W/\"c3RhbGU=\"";

        using var patchMissing = await _harness.SendAsync(new HttpMethod("PATCH"), $"odata/Releases({Missing})", "{\"Description\":\"x\"}", HttpStatusCode.NotFound);
        using var putStale = await _harness.SendAsync(HttpMethod.Put, $"odata/Releases({release.Id})", ReleaseBody(release.Name!, "stale"), HttpStatusCode.PreconditionFailed, StaleETag);
        using var patchStale = await _harness.SendAsync(new HttpMethod("PATCH"), $"odata/Releases({release.Id})", "{\"Description\":\"stale\"}", HttpStatusCode.PreconditionFailed, StaleETag);
        using var deleteStale = await _harness.SendAsync(HttpMethod.Delete, $"odata/Releases({release.Id})", null, HttpStatusCode.PreconditionFailed, StaleETag);
        using var deleteMissing = await _harness.SendAsync(HttpMethod.Delete, $"odata/Releases({Missing})", null, HttpStatusCode.NotFound);
        using var versionMissing = await _harness.InvokeAsync($"Releases({Missing})", "UpdateToSpecificPackageVersion", "{\"packageVersion\":\"1.0.0\"}", HttpStatusCode.NotFound);
        using var latestMissing = await _harness.InvokeAsync($"Releases({Missing})", "UpdateToLatestPackageVersion", "{}", HttpStatusCode.NotFound);
        using var bulkMissing = await _harness.InvokeAsync("Releases", "UpdateToLatestPackageVersionBulk", "{\"releaseIds\":[" + Missing + "]}");

        Assert.False(bulkMissing.RootElement.GetProperty("Success").GetBoolean());
        Assert.NotEqual("stale", _harness.Emulator.Data.Releases.Find(release.Id, _harness.FolderId)!.Description);
        await _harness.AssertNothingRaisedBeforePingAsync(webhookId);
    }

    [Fact]
    public async Task Creating_changing_and_deleting_a_queue_raise_the_queue_events()
    {
        var webhookId = await _harness.SubscribeAsync("queue.created", "queue.updated", "queue.deleted");
        var name = "webhooked-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await _harness.SendAsync(HttpMethod.Post, "odata/QueueDefinitions", QueueBody(name, "first"), HttpStatusCode.Created);
        var id = created.RootElement.GetProperty("Id").GetInt64();
        using var replaced = await _harness.SendAsync(HttpMethod.Put, $"odata/QueueDefinitions({id})", QueueBody(name, "replaced"), HttpStatusCode.OK);
        using var deleted = await _harness.SendAsync(HttpMethod.Delete, $"odata/QueueDefinitions({id})", null, HttpStatusCode.NoContent);
        using var deletedAgain = await _harness.SendAsync(HttpMethod.Delete, $"odata/QueueDefinitions({id})", null, HttpStatusCode.NotFound);
        using var replacedMissing = await _harness.SendAsync(HttpMethod.Put, $"odata/QueueDefinitions({id})", QueueBody(name, "gone"), HttpStatusCode.NotFound);

        AssertQueue(await _harness.NextEventAsync<UiPathQueueWebhookEvent>("queue.created"), id, name, "first");
        AssertQueue(await _harness.NextEventAsync<UiPathQueueWebhookEvent>("queue.updated"), id, name, "replaced");
        AssertQueue(await _harness.NextEventAsync<UiPathQueueWebhookEvent>("queue.deleted"), id, name, "replaced");
        await _harness.AssertNothingRaisedBeforePingAsync(webhookId);
    }

    [Fact]
    public async Task Creating_changing_and_deleting_robots_raise_the_robot_events_without_a_folder()
    {
        var webhookId = await _harness.SubscribeAsync("robot.created", "robot.updated", "robot.deleted");

        using var first = await _harness.SendAsync(HttpMethod.Post, "odata/Robots", RobotBody("bot-webhooked-1"), HttpStatusCode.Created);
        using var second = await _harness.SendAsync(HttpMethod.Post, "odata/Robots", RobotBody("bot-webhooked-2"), HttpStatusCode.Created);
        var firstId = first.RootElement.GetProperty("Id").GetInt64();
        var secondId = second.RootElement.GetProperty("Id").GetInt64();
        using var patched = await _harness.SendAsync(new HttpMethod("PATCH"), $"odata/Robots({firstId})", "{\"Description\":\"patched\"}", HttpStatusCode.OK);
        using var toggled = await _harness.InvokeAsync("Robots", "ToggleEnabledStatus", "{\"robotIds\":[" + firstId + "," + secondId + "],\"enabled\":false}");
        using var deleted = await _harness.SendAsync(HttpMethod.Delete, $"odata/Robots({firstId})", null, HttpStatusCode.NoContent);
        using var bulkDeleted = await _harness.InvokeAsync("Robots", "DeleteBulk", "{\"robotIds\":[" + secondId + "]}", HttpStatusCode.NoContent);
        using var patchedMissing = await _harness.SendAsync(new HttpMethod("PATCH"), $"odata/Robots({firstId})", "{\"Description\":\"gone\"}", HttpStatusCode.NotFound);
        using var toggledMissing = await _harness.InvokeAsync("Robots", "ToggleEnabledStatus", "{\"robotIds\":[" + secondId + "],\"enabled\":true}", HttpStatusCode.NotFound);

        var created = await _harness.NextEventAsync<UiPathRobotWebhookEvent>("robot.created");
        var createdSecond = await _harness.NextEventAsync<UiPathRobotWebhookEvent>("robot.created");
        var patchedEvent = await _harness.NextEventAsync<UiPathRobotWebhookEvent>("robot.updated");
        var toggledEvent = await _harness.NextEventAsync<UiPathRobotWebhookEvent>("robot.updated");
        var deletedEvent = await _harness.NextEventAsync<UiPathRobotWebhookEvent>("robot.deleted");
        var bulkDeletedEvent = await _harness.NextEventAsync<UiPathRobotWebhookEvent>("robot.deleted");
        await _harness.AssertNothingRaisedBeforePingAsync(webhookId);

        Assert.Equal("bot-webhooked-1", Assert.Single(created.Robots!).Name);
        Assert.Equal(secondId, Assert.Single(createdSecond.Robots!).Id);
        Assert.Equal("patched", Assert.Single(patchedEvent.Robots!).Description);
        Assert.Equal([firstId, secondId], toggledEvent.Robots!.Select(robot => robot.Id));
        Assert.All(toggledEvent.Robots!, robot => Assert.False(robot.AdditionalProperties!["Enabled"].GetBoolean()));
        Assert.Equal(firstId, Assert.Single(deletedEvent.Robots!).Id);
        Assert.Equal("bot-webhooked-2", Assert.Single(bulkDeletedEvent.Robots!).Name);
        Assert.All(new[] { created, createdSecond, patchedEvent, toggledEvent, deletedEvent, bulkDeletedEvent }, robotEvent => Assert.Null(robotEvent.OrganizationUnitId));
    }

    [Fact]
    public async Task A_webhook_subscribed_to_other_events_receives_none_of_these()
    {
        var webhookId = await _harness.SubscribeAsync("job.started", "queueItem.added");

        using var release = await _harness.SendAsync(HttpMethod.Post, "odata/Releases", ReleaseBody("Unwatched_" + Guid.NewGuid().ToString("N")[..8], "x"), HttpStatusCode.Created);
        using var releasePatched = await _harness.SendAsync(new HttpMethod("PATCH"), $"odata/Releases({release.RootElement.GetProperty("Id").GetInt64()})", "{\"Description\":\"y\"}", HttpStatusCode.OK);
        using var queue = await _harness.SendAsync(HttpMethod.Post, "odata/QueueDefinitions", QueueBody("unwatched-" + Guid.NewGuid().ToString("N")[..8], "x"), HttpStatusCode.Created);
        using var queueDeleted = await _harness.SendAsync(HttpMethod.Delete, $"odata/QueueDefinitions({queue.RootElement.GetProperty("Id").GetInt64()})", null, HttpStatusCode.NoContent);
        using var robot = await _harness.SendAsync(HttpMethod.Post, "odata/Robots", RobotBody("bot-unwatched"), HttpStatusCode.Created);
        using var robotDeleted = await _harness.SendAsync(HttpMethod.Delete, $"odata/Robots({robot.RootElement.GetProperty("Id").GetInt64()})", null, HttpStatusCode.NoContent);

        await _harness.AssertNothingRaisedBeforePingAsync(webhookId);
        Assert.Equal(1, _harness.Receiver.ReceivedCount);
    }

    private static void AssertRelease(UiPathProcessWebhookEvent webhookEvent, long id, string name, string description)
    {
        var release = Assert.Single(webhookEvent.Releases!);
        Assert.Equal(id, release.Id);
        Assert.Equal(name, release.Name);
        Assert.Equal("InvoiceProcessing", release.ProcessKey);
        Assert.Equal(description, release.Description);
        Assert.NotNull(release.Key);
    }

    private void AssertQueue(UiPathQueueWebhookEvent webhookEvent, long id, string name, string description)
    {
        var queue = Assert.Single(webhookEvent.Queues!);
        Assert.Equal(id, queue.Id);
        Assert.Equal(name, queue.Name);
        Assert.Equal(description, queue.Description);
        Assert.Equal(2, queue.MaxNumberOfRetries);
        Assert.Equal(_harness.FolderId, webhookEvent.OrganizationUnitId);
    }

    private static string ReleaseBody(string name, string description) => JsonSerializer.Serialize(new
    {
        Name = name,
        Key = Guid.NewGuid().ToString(),
        ProcessKey = "InvoiceProcessing",
        ProcessVersion = "1.0.3",
        Description = description,
    });

    private static string QueueBody(string name, string description) => JsonSerializer.Serialize(new
    {
        Name = name,
        Description = description,
        MaxNumberOfRetries = 2,
        AcceptAutomaticallyRetry = true,
        EnforceUniqueReference = false,
    });

    private static string RobotBody(string name) => JsonSerializer.Serialize(new
    {
        Name = name,
        Username = "svc_" + name,
        MachineName = "WEBHOOK-HOST",
        Type = "Unattended",
        Enabled = true,
    });
}
