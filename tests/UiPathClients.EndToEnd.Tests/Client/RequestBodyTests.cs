using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// On the wire: a request body carries exactly the properties the caller set (no <c>"Id":0</c>, no untouched
/// <c>[]</c>), a PUT of a read object sends what it read plus the caller's changes (a null clears), create and
/// update answer with the service's entity, and a stale ETag fails as <see cref="ODataConcurrencyException"/>.
/// </summary>
public sealed class RequestBodyTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    [Fact]
    public async Task StartJobs_sends_only_the_start_info_the_caller_set()
    {
        var release = await session.Shared.Releases.Where(r => r.Name == "InvoiceProcessing").FirstOrDefaultAsync();
        Assert.NotNull(release);
        var log = RequestLog.Mark(session.Emulator);

        var jobs = await session.Shared.Jobs.StartJobsAsync(new StartProcessDto
        {
            ReleaseKey = release.Key,
            Strategy = StartProcessStrategy.ModernJobsCount,
            JobsCount = 1,
        });

        Assert.Equal(
            $$$"""{"startInfo":{"ReleaseKey":"{{{release.Key}}}","Strategy":"ModernJobsCount","JobsCount":1}}""",
            log.Single().Body);
        Assert.Equal("InvoiceProcessing", Assert.Single(jobs).ReleaseName);
    }

    [Fact]
    public async Task StartJobs_sends_a_list_the_caller_filled()
    {
        var release = await session.Shared.Releases.Where(r => r.Name == "InvoiceProcessing").FirstOrDefaultAsync();
        Assert.NotNull(release);
        var startInfo = new StartProcessDto { ReleaseKey = release.Key, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 };
        startInfo.Attachments.Add(new JobAttachmentDto { Category = "input" });
        var log = RequestLog.Mark(session.Emulator);

        await session.Shared.Jobs.StartJobsAsync(startInfo);

        Assert.Equal(
            $$$"""{"startInfo":{"ReleaseKey":"{{{release.Key}}}","Strategy":"ModernJobsCount","JobsCount":1,"Attachments":[{"category":"input"}]}}""",
            log.Single().Body);
    }

    [Fact]
    public async Task AddQueueItem_sends_only_the_item_data_the_caller_set()
    {
        var log = RequestLog.Mark(session.Emulator);

        var added = await session.Shared.Queues.AddQueueItemAsync(new QueueItemDataDto
        {
            Name = "Invoices",
            Priority = QueueItemDataPriority.High,
            Reference = "EXACT-0001",
            DueDate = null,
        });

        Assert.Equal("""{"itemData":{"Name":"Invoices","Priority":"High","DueDate":null,"Reference":"EXACT-0001"}}""", log.Single().Body);
        Assert.Equal("EXACT-0001", added.Reference);
    }

    [Fact]
    public async Task A_webhook_create_sends_what_was_set_asks_for_the_representation_and_returns_the_services_entity()
    {
        var log = RequestLog.Mark(session.Emulator);
        var webhook = new WebhookDto { Name = "Exact hook", Url = "https://hooks.example.com/exact", Enabled = true };
        webhook.Events.Add(new WebhookEventDto { EventType = "job.faulted" });

        var created = await session.Tenant.Webhooks.CreateAsync(webhook);

        var post = log.Single();
        Assert.Equal("POST", post.Method);
        Assert.Equal("return=representation", post.Header("Prefer"));
        Assert.Equal("""{"Name":"Exact hook","Url":"https://hooks.example.com/exact","Enabled":true,"Events":[{"EventType":"job.faulted"}]}""", post.Body);
        Assert.NotSame(webhook, created);
        Assert.True(created.Id > 0);
        Assert.NotNull(created.Key);
        Assert.NotNull(created.GetETag());
    }

    [Fact]
    public async Task A_PUT_of_a_read_webhook_sends_what_it_read_and_a_null_that_clears()
    {
        var created = await session.Tenant.Webhooks.CreateAsync(new WebhookDto { Name = "Put hook", Description = "to clear", Url = "https://hooks.example.com/put", Enabled = true, Secret = "kept" });
        var client = session.Tenant.Webhooks[created.Id];
        var read = await client.GetAsync();
        read.Description = null;
        read.AllowInsecureSsl = true;
        var log = RequestLog.Mark(session.Emulator);

        var updated = await client.UpdateAsync(read);

        var put = log.Single();
        Assert.Equal("PUT", put.Method);
        Assert.Equal("return=representation", put.Header("Prefer"));
        Assert.Equal(read.GetETag(), put.Header("If-Match"));
        Assert.Equal(
            $$"""{"Key":"{{read.Key}}","Name":"Put hook","Description":null,"Url":"https://hooks.example.com/put","Enabled":true,"Secret":{{JsonSerializer.Serialize(read.Secret)}},"SubscribeToAllEvents":false,"AllowInsecureSsl":true,"Events":[],"Id":{{created.Id}}}""",
            put.Body);

        // The answer is the service's entity (200 with its representation), not the object sent.
        Assert.NotSame(read, updated);
        Assert.Null(updated.Description);
        Assert.True(updated.AllowInsecureSsl);
        Assert.NotEqual(read.GetETag(), updated.GetETag());
        Assert.Null(session.Emulator.Data.Webhooks.Find(created.Id, folderId: null)!.Description);
    }

    [Fact]
    public async Task The_emulator_answers_PUT_and_PATCH_with_the_entity_unless_asked_for_minimal()
    {
        var created = await session.Tenant.Webhooks.CreateAsync(new WebhookDto { Name = "Prefer hook", Url = "https://hooks.example.com/prefer", Enabled = true });
        using var http = session.Emulator.CreateHttpClient();

        using var full = await http.SendAsync(Patch(created.Id, prefer: null));
        using var minimal = await http.SendAsync(Patch(created.Id, prefer: "return=minimal"));

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        using (var body = JsonDocument.Parse(await full.Content.ReadAsStringAsync()))
        {
            Assert.Equal("patched", body.RootElement.GetProperty("Description").GetString());
            Assert.True(body.RootElement.TryGetProperty("@odata.etag", out _));
        }

        Assert.Equal(HttpStatusCode.NoContent, minimal.StatusCode);
        Assert.Equal("return=minimal", minimal.Headers.GetValues("Preference-Applied").Single());
        Assert.Empty(await minimal.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_stale_etag_fails_a_PUT_a_PATCH_and_a_DELETE_with_ODataConcurrencyException()
    {
        var created = await session.Tenant.Webhooks.CreateAsync(new WebhookDto { Name = "Contended hook", Url = "https://hooks.example.com/c", Enabled = true });
        var client = session.Tenant.Webhooks[created.Id];
        var mine = await client.GetAsync();
        var theirs = await client.GetAsync();
        Assert.NotNull(mine.GetETag());
        Assert.Equal(mine.GetETag(), theirs.GetETag());

        // Someone else updates first, with the ETag both read: it matches, so theirs wins.
        theirs.Description = "theirs";
        var stored = await client.UpdateAsync(theirs);
        Assert.NotEqual(mine.GetETag(), stored.GetETag());

        // My PUT carries the stale ETag: 412, and the service keeps their change.
        mine.Description = "mine";
        var put = await Assert.ThrowsAsync<ODataConcurrencyException>(() => client.UpdateAsync(mine));
        Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
        Assert.IsAssignableFrom<ODataRequestException>(put);
        Assert.Equal("theirs", session.Emulator.Data.Webhooks.Find(created.Id, folderId: null)!.Description);

        var patch = await Assert.ThrowsAsync<ODataConcurrencyException>(() => client.PatchAsync(changes => changes.Set(w => w.Description, "mine"), mine.GetETag()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, patch.StatusCode);

        var delete = await Assert.ThrowsAsync<ODataConcurrencyException>(() => client.DeleteAsync(mine.GetETag()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, delete.StatusCode);
        Assert.NotNull(session.Emulator.Data.Webhooks.Find(created.Id, folderId: null));

        // With the current ETag the same DELETE goes through.
        await client.DeleteAsync(stored.GetETag());
        Assert.Null(session.Emulator.Data.Webhooks.Find(created.Id, folderId: null));
    }

    private static HttpRequestMessage Patch(long id, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"odata/Webhooks({id})")
        {
            Content = new StringContent("""{"Description":"patched"}""", Encoding.UTF8, "application/json"),
        };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        return request;
    }
}
