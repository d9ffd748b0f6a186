using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.EndToEnd.Tests.Webhooks;

/// <summary>
/// The robot's queue operations raise the <c>queueItem.*</c> events: <c>queueItem.added</c> (the queue and the list of
/// items), <c>transactionStarted</c>, <c>transactionCompleted</c> and <c>transactionFailed</c> (the item and its queue).
/// </summary>
public sealed class QueueItemWebhookEventTests : IAsyncLifetime
{
    private const string Queues = "odata/Queues/UiPathODataSvc.";

    private WebhookEventHarness _harness = null!;
    private string _queueName = "";
    private long _queueId;

    public async Task InitializeAsync()
    {
        _harness = await WebhookEventHarness.StartAsync();

        // A queue of the test's own (created before any webhook exists), so no seeded item is started by mistake.
        _queueName = "items-" + Guid.NewGuid().ToString("N")[..8];
        var body = JsonSerializer.Serialize(new { Name = _queueName, MaxNumberOfRetries = 1, AcceptAutomaticallyRetry = true, EnforceUniqueReference = true });
        using var created = await _harness.SendAsync(HttpMethod.Post, "odata/QueueDefinitions", body, HttpStatusCode.Created);
        _queueId = created.RootElement.GetProperty("Id").GetInt64();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AddQueueItem_and_BulkAddQueueItems_raise_queueItem_added_with_the_queue_and_the_items()
    {
        await _harness.SubscribeAsync("queueItem.added");

        using var added = await _harness.SendAsync(HttpMethod.Post, Queues + "AddQueueItem", ItemData("single"), HttpStatusCode.Created);
        var bulkBody = JsonSerializer.Serialize(new
        {
            queueName = _queueName,
            commitType = "ProcessAllIndependently",
            queueItems = new[] { new { Name = _queueName, Reference = "bulk-1" }, new { Name = _queueName, Reference = "bulk-2" } },
        });
        using var bulk = await _harness.SendAsync(HttpMethod.Post, Queues + "BulkAddQueueItems", bulkBody, HttpStatusCode.OK);

        var single = await _harness.NextEventAsync<UiPathQueueItemWebhookEvent>("queueItem.added");
        var both = await _harness.NextEventAsync<UiPathQueueItemWebhookEvent>("queueItem.added");
        Assert.Equal(added.RootElement.GetProperty("Id").GetInt64(), Assert.Single(single.QueueItems!).Id);
        Assert.Equal(["bulk-1", "bulk-2"], both.QueueItems!.Select(item => item.Reference));
        Assert.All(new[] { single, both }, webhookEvent =>
        {
            AssertQueue(webhookEvent);
            Assert.Null(webhookEvent.QueueItem);
            Assert.All(webhookEvent.QueueItems!, item => Assert.Equal("New", item.Status));
        });
    }

    [Fact]
    public async Task A_successful_transaction_raises_started_then_completed()
    {
        await _harness.SubscribeAsync("queueItem.transactionStarted", "queueItem.transactionCompleted", "queueItem.transactionFailed");
        using var added = await _harness.SendAsync(HttpMethod.Post, Queues + "AddQueueItem", ItemData("to-complete"), HttpStatusCode.Created);

        using var started = await _harness.SendAsync(HttpMethod.Post, Queues + "StartTransaction", "{\"transactionData\":{\"Name\":\"" + _queueName + "\"}}", HttpStatusCode.OK);
        var itemId = started.RootElement.GetProperty("Id").GetInt64();
        using var ended = await _harness.SendAsync(HttpMethod.Post, $"odata/Queues({itemId})/UiPathODataSvc.SetTransactionResult", "{\"transactionResult\":{\"IsSuccessful\":true,\"Output\":{\"Total\":3}}}", HttpStatusCode.OK);

        var startedEvent = await _harness.NextEventAsync<UiPathQueueItemWebhookEvent>("queueItem.transactionStarted");
        var completedEvent = await _harness.NextEventAsync<UiPathQueueItemWebhookEvent>("queueItem.transactionCompleted");
        Assert.Equal(added.RootElement.GetProperty("Id").GetInt64(), itemId);
        AssertItem(startedEvent, itemId, "to-complete", "InProgress");
        AssertItem(completedEvent, itemId, "to-complete", "Successful");
        Assert.Equal(3, completedEvent.QueueItem!.Output!.Value.GetProperty("Total").GetInt32());
    }

    [Fact]
    public async Task A_failed_transaction_raises_transactionFailed_for_a_business_and_for_a_retried_application_exception()
    {
        await _harness.SubscribeAsync("queueItem.transactionFailed");
        using var business = await _harness.SendAsync(HttpMethod.Post, Queues + "StartTransaction", TransactionData("business"), HttpStatusCode.OK);
        using var application = await _harness.SendAsync(HttpMethod.Post, Queues + "StartTransaction", TransactionData("application"), HttpStatusCode.OK);
        var businessId = business.RootElement.GetProperty("Id").GetInt64();
        var applicationId = application.RootElement.GetProperty("Id").GetInt64();

        using var businessFailed = await _harness.SendAsync(HttpMethod.Post, $"odata/Queues({businessId})/UiPathODataSvc.SetTransactionResult", FailureResult("BusinessException"), HttpStatusCode.OK);
        using var applicationFailed = await _harness.SendAsync(HttpMethod.Post, $"odata/Queues({applicationId})/UiPathODataSvc.SetTransactionResult", FailureResult("ApplicationException"), HttpStatusCode.OK);

        var businessEvent = await _harness.NextEventAsync<UiPathQueueItemWebhookEvent>("queueItem.transactionFailed");
        var applicationEvent = await _harness.NextEventAsync<UiPathQueueItemWebhookEvent>("queueItem.transactionFailed");
        AssertItem(businessEvent, businessId, "business", "Failed");
        Assert.Equal("BusinessException", businessEvent.QueueItem!.ProcessingExceptionType);
        Assert.Equal(12, businessEvent.QueueItem.SpecificContent!.Value.GetProperty("Amount").GetInt32());
        Assert.Equal("Rejected", businessEvent.QueueItem.ProcessingException!.Reason);
        Assert.Equal("by the test", businessEvent.QueueItem.ProcessingException.Details);
        AssertItem(applicationEvent, applicationId, "application", "Retried"); // the queue allows one retry: a New copy is queued
        Assert.Equal("ApplicationException", applicationEvent.QueueItem!.ProcessingExceptionType);
    }

    [Fact]
    public async Task Queue_operations_that_fail_or_find_nothing_raise_nothing()
    {
        // The item the failing calls collide with is added before the webhook exists.
        using var existing = await _harness.SendAsync(HttpMethod.Post, Queues + "AddQueueItem", ItemData("taken"), HttpStatusCode.Created);
        var existingId = existing.RootElement.GetProperty("Id").GetInt64();
        var webhookId = await _harness.SubscribeAsync("queueItem.added", "queueItem.transactionStarted", "queueItem.transactionCompleted", "queueItem.transactionFailed");
        var allOrNothing = JsonSerializer.Serialize(new
        {
            queueName = _queueName,
            commitType = "AllOrNothing",
            queueItems = new[] { new { Name = _queueName, Reference = "fresh" }, new { Name = _queueName, Reference = "taken" } },
        });

        using var duplicate = await _harness.SendAsync(HttpMethod.Post, Queues + "AddQueueItem", ItemData("taken"), HttpStatusCode.Conflict);
        using var missingQueue = await _harness.SendAsync(HttpMethod.Post, Queues + "AddQueueItem", "{\"itemData\":{\"Name\":\"no-such-queue\"}}", HttpStatusCode.NotFound);
        using var bulk = await _harness.SendAsync(HttpMethod.Post, Queues + "BulkAddQueueItems", allOrNothing, HttpStatusCode.OK);
        using var duplicateStart = await _harness.SendAsync(HttpMethod.Post, Queues + "StartTransaction", TransactionData("taken"), HttpStatusCode.Conflict);
        using var nothingToStart = await _harness.SendAsync(HttpMethod.Post, Queues + "StartTransaction", "{\"transactionData\":{\"Name\":\"" + _queueName + "\",\"Reference\":\"no-match\"}}", HttpStatusCode.NoContent);
        using var notInProgress = await _harness.SendAsync(HttpMethod.Post, $"odata/Queues({existingId})/UiPathODataSvc.SetTransactionResult", "{\"transactionResult\":{\"IsSuccessful\":true}}", HttpStatusCode.BadRequest);
        using var missingItem = await _harness.SendAsync(HttpMethod.Post, "odata/Queues(987654)/UiPathODataSvc.SetTransactionResult", "{\"transactionResult\":{\"IsSuccessful\":true}}", HttpStatusCode.NotFound);

        Assert.False(bulk.RootElement.GetProperty("Success").GetBoolean());
        await _harness.AssertNothingRaisedBeforePingAsync(webhookId);
    }

    private void AssertQueue(UiPathQueueItemWebhookEvent webhookEvent)
    {
        Assert.Equal(_queueId, webhookEvent.Queue!.Id);
        Assert.Equal(_queueName, webhookEvent.Queue.Name);
        Assert.Equal(_harness.FolderId, webhookEvent.OrganizationUnitId);
    }

    private void AssertItem(UiPathQueueItemWebhookEvent webhookEvent, long itemId, string reference, string status)
    {
        AssertQueue(webhookEvent);
        Assert.Null(webhookEvent.QueueItems);
        Assert.Equal(itemId, webhookEvent.QueueItem!.Id);
        Assert.Equal(_queueId, webhookEvent.QueueItem.QueueDefinitionId);
        Assert.Equal(reference, webhookEvent.QueueItem.Reference);
        Assert.Equal(status, webhookEvent.QueueItem.Status);
    }

    private string ItemData(string reference) => "{\"itemData\":{\"Name\":\"" + _queueName + "\",\"Reference\":\"" + reference + "\"}}";

    private string TransactionData(string reference) =>
        "{\"transactionData\":{\"Name\":\"" + _queueName + "\",\"Reference\":\"" + reference + "\",\"SpecificContent\":{\"Amount\":12}}}";

    private static string FailureResult(string type) =>
        "{\"transactionResult\":{\"IsSuccessful\":false,\"ProcessingException\":{\"Reason\":\"Rejected\",\"Details\":\"by the test\",\"Type\":\"" + type + "\"}}}";
}
