using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// Create, read, replace, patch and delete through the generated client: a tenant-level set (Webhooks),
/// a folder-scoped one (Releases) and one with string keys (Processes). These tests change data, so the
/// class has an emulator of its own.
/// </summary>
public sealed class CrudTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    private OrchestratorClient Tenant => session.Tenant;

    [Fact]
    public async Task A_webhook_goes_through_create_get_put_patch_delete()
    {
        // Create: the service assigns the id and the key.
        var created = await Tenant.Webhooks.CreateAsync(new WebhookDto
        {
            Name = "Lifecycle hook",
            Description = "created",
            Url = "https://hooks.example.com/lifecycle",
            Enabled = true,
            Secret = "s3cret",
            Events = { new WebhookEventDto { EventType = "job.faulted" } },
        });
        Assert.True(created.Id > 0);
        Assert.NotNull(created.Key);
        Assert.Equal("Lifecycle hook", created.Name);
        var webhook = Tenant.Webhooks[created.Id];
        Assert.Equal($"Webhooks({created.Id})", webhook.Path);

        // Get by key.
        var read = await webhook.GetAsync();
        Assert.Equal(created.Key, read.Key);
        Assert.Equal("https://hooks.example.com/lifecycle", read.Url);
        Assert.Equal("job.faulted", Assert.Single(read.Events).EventType);

        // PUT replaces the whole entity.
        read.Description = "replaced";
        read.Enabled = false;
        var log = RequestLog.Mark(session.Emulator);
        await webhook.UpdateAsync(read);
        var put = log.Single();
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/odata/Webhooks({created.Id})", put.Path());
        Assert.Contains("Name", put.BodyPropertyNames());
        Assert.DoesNotContain(put.BodyPropertyNames(), name => name.StartsWith("@odata.", StringComparison.Ordinal));
        var afterPut = await webhook.GetAsync();
        Assert.Equal("replaced", afterPut.Description);
        Assert.False(afterPut.Enabled);
        Assert.Equal("Lifecycle hook", afterPut.Name);

        // PATCH sends only the changed properties, and the service keeps the others.
        log = RequestLog.Mark(session.Emulator);
        await webhook.PatchAsync(changes => changes
            .Set(w => w.Url, "https://hooks.example.com/patched")
            .Set(w => w.Enabled, true));
        var patch = log.Single();
        Assert.Equal("PATCH", patch.Method);
        Assert.Equal($"/odata/Webhooks({created.Id})", patch.Path());
        Assert.Equal(["Url", "Enabled"], patch.BodyPropertyNames());
        Assert.Equal("https://hooks.example.com/patched", patch.JsonBody().GetProperty("Url").GetString());
        Assert.Equal(JsonValueKind.True, patch.JsonBody().GetProperty("Enabled").ValueKind);

        var afterPatch = await webhook.GetAsync();
        Assert.Equal("https://hooks.example.com/patched", afterPatch.Url);
        Assert.True(afterPatch.Enabled);
        Assert.Equal("Lifecycle hook", afterPatch.Name);
        Assert.Equal("replaced", afterPatch.Description);
        Assert.Equal(created.Key, afterPatch.Key);
        Assert.Equal("job.faulted", Assert.Single(afterPatch.Events).EventType);
        var stored = session.Emulator.Data.Webhooks.Find(created.Id, folderId: null);
        Assert.NotNull(stored);
        Assert.Equal("s3cret", stored.Secret);
        Assert.Equal("replaced", stored.Description);

        // DELETE, then the entity is gone: a typed 404 with Orchestrator's error code and trace id.
        await webhook.DeleteAsync();
        Assert.Null(session.Emulator.Data.Webhooks.Find(created.Id, folderId: null));
        var missing = await Assert.ThrowsAsync<ODataNotFoundException>(() => webhook.GetAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("1002", missing.ErrorCode);
        Assert.Contains($"Webhook {created.Id} does not exist", missing.ServiceMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(missing.TraceId));
        using var body = JsonDocument.Parse(missing.ResponseBody!);
        Assert.Equal(body.RootElement.GetProperty("traceId").GetString(), missing.TraceId);
        Assert.Contains(missing.TraceId!, missing.Message, StringComparison.Ordinal);
        Assert.EndsWith($"odata/Webhooks({created.Id})", missing.RequestUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_or_patching_a_webhook_that_does_not_exist_is_a_typed_404()
    {
        var nobody = Tenant.Webhooks[987654];

        var delete = await Assert.ThrowsAsync<ODataNotFoundException>(() => nobody.DeleteAsync());
        var patch = await Assert.ThrowsAsync<ODataNotFoundException>(() => nobody.PatchAsync(changes => changes.Set(w => w.Name, "x")));

        Assert.Equal("1002", delete.ErrorCode);
        Assert.Equal("1002", patch.ErrorCode);
        Assert.NotEqual(delete.TraceId, patch.TraceId);
    }

    [Fact]
    public async Task A_patch_that_sets_null_sends_null_and_clears_only_that_property()
    {
        var created = await Tenant.Webhooks.CreateAsync(new WebhookDto { Name = "Nullable hook", Description = "to clear", Url = "https://hooks.example.com/n", Enabled = true });
        var log = RequestLog.Mark(session.Emulator);

        await Tenant.Webhooks[created.Id].PatchAsync(changes => changes.Set(w => w.Description, null));

        var body = log.Single().JsonBody();
        Assert.Equal(JsonValueKind.Null, Assert.Single(body.EnumerateObject()).Value.ValueKind);
        var read = await Tenant.Webhooks[created.Id].GetAsync();
        Assert.Null(read.Description);
        Assert.Equal("Nullable hook", read.Name);
        Assert.True(read.Enabled);
    }

    [Fact]
    public async Task A_release_lives_in_the_folder_it_was_created_in()
    {
        var shared = session.Shared;
        var created = await shared.Releases.CreateAsync(new ReleaseDto
        {
            Name = "CrudRelease",
            ProcessKey = "InvoiceProcessing",
            ProcessVersion = "1.0.3",
            Description = "created by the CRUD test",
            EntryPointPath = "Main.xaml",
            Tags = { new TagDto { Name = "Team", Value = "QA" } },
        });
        Assert.True(created.Id > 0);
        Assert.Equal(session.SharedFolderId, created.OrganizationUnitId);
        Assert.Equal("Shared", created.OrganizationUnitFullyQualifiedName);
        Assert.False(string.IsNullOrEmpty(created.Key));
        Assert.Equal(session.SharedFolderId, session.Emulator.Data.Releases.FolderOf(created.Id));

        // Visible in its folder, by key and by query; not from another folder.
        var release = shared.Releases[created.Id];
        Assert.Equal("CrudRelease", (await release.GetAsync()).Name);
        Assert.Equal([created.Id], (await shared.Releases.Where(r => r.Name == "CrudRelease").ToListAsync()).ConvertAll(r => r.Id));
        var finance = Tenant.WithFolder(FolderContext.ByPath("Finance"));
        var elsewhere = await Assert.ThrowsAsync<ODataNotFoundException>(() => finance.Releases[created.Id].GetAsync());
        Assert.Equal("1002", elsewhere.ErrorCode);
        Assert.Empty(await finance.Releases.Where(r => r.Name == "CrudRelease").ToListAsync());

        // PUT, then PATCH.
        var read = await release.GetAsync();
        read.Description = "replaced";
        await release.UpdateAsync(read);
        await release.PatchAsync(changes => changes.Set(r => r.ProcessVersion, "1.0.4"));
        var changed = await release.GetAsync();
        Assert.Equal("replaced", changed.Description);
        Assert.Equal("1.0.4", changed.ProcessVersion);
        Assert.Equal("CrudRelease", changed.Name);
        Assert.Equal("QA", Assert.Single(changed.Tags).Value);
        Assert.Equal(session.SharedFolderId, session.Emulator.Data.Releases.FolderOf(created.Id));

        // Deleting it from another folder finds nothing; from its own folder it goes.
        await Assert.ThrowsAsync<ODataNotFoundException>(() => finance.Releases[created.Id].DeleteAsync());
        Assert.NotNull(session.Emulator.Data.Releases.Find(created.Id, session.SharedFolderId));
        await release.DeleteAsync();
        Assert.Null(session.Emulator.Data.Releases.Find(created.Id, folderId: null));
        await Assert.ThrowsAsync<ODataNotFoundException>(() => release.GetAsync());
    }

    [Fact]
    public async Task Creating_a_release_without_a_folder_is_refused_with_1101()
    {
        var before = session.Emulator.Data.Releases.Count;

        var refused = await Assert.ThrowsAsync<ODataRequestException>(() => Tenant.Releases.CreateAsync(new ReleaseDto { Name = "Homeless", ProcessKey = "DataSync", ProcessVersion = "1.0.0" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("1101", refused.ErrorCode);
        Assert.Equal(before, session.Emulator.Data.Releases.Count);
    }

    [Fact]
    public async Task A_process_is_addressed_by_its_string_key_and_offers_only_its_routes()
    {
        // Orchestrator describes only DELETE on Processes('{key}'): the client has no GetAsync/PatchAsync there,
        // and no CreateAsync on the set (packages are uploaded), so only the delete can be proven on the wire.
        const string id = "O'Neil Tools";
        session.Emulator.Data.Processes.Add(new UiPathClients.Emulator.Orchestrator.Contracts.ProcessDto { Id = id, Title = "Tools of O'Neil", Version = "0.1.0", Key = id + ":0.1.0" }, folderId: null);
        var log = RequestLog.Mark(session.Emulator);

        await Tenant.Processes[id].DeleteAsync();

        Assert.Equal("/odata/Processes('O''Neil Tools')", log.Single().Path());
        Assert.Equal("DELETE", log.Single().Method);
        Assert.Null(session.Emulator.Data.Processes.Find(id, folderId: null));
        Assert.NotNull(session.Emulator.Data.Processes.Find("InvoiceProcessing", folderId: null));
        var missing = await Assert.ThrowsAsync<ODataNotFoundException>(() => Tenant.Processes["NoSuchPackage"].DeleteAsync());
        Assert.Equal("1002", missing.ErrorCode);
        Assert.Null(typeof(ProcessDtoClient).GetMethod("GetAsync"));
        Assert.Null(typeof(ProcessDtoClient).GetMethod("PatchAsync"));
        Assert.Null(typeof(ProcessesCollection).GetMethod("CreateAsync"));
    }
}
