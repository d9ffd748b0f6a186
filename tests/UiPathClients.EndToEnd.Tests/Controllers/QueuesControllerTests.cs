using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using ServerExceptionType = UiPathClients.Emulator.Orchestrator.Contracts.QueueItemProcessingExceptionType;
using ServerStatus = UiPathClients.Emulator.Orchestrator.Contracts.QueueItemStatus;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary>
/// The queue operations a robot calls, through the generated client: <c>BulkAddQueueItems</c> by commit type,
/// <c>StartTransaction</c> (next item by priority, or a new item with content), and <c>SetTransactionResult</c>
/// (success, business and application exceptions, automatic retries) and <c>SetTransactionProgress</c>.
/// </summary>
public sealed class QueuesControllerTests(ClockedEmulator session) : IClassFixture<ClockedEmulator>
{
    private OrchestratorClient Shared => session.Shared;

    [Fact]
    public async Task BulkAddQueueItems_sends_the_three_parameters_and_reports_failed_items_by_ordinal()
    {
        var queue = await CreateQueueAsync("E2E-Bulk", maxRetries: 0);
        var log = RequestLog.Mark(session.Emulator);

        var independent = await Shared.Queues.BulkAddQueueItemsAsync(
            queue.Name!,
            BulkAddQueueItemsRequestCommitType.ProcessAllIndependently,
            [Item(queue, "B-1"), Item(queue, "B-2"), Item(queue, "B-1"), Item(queue, "B-3")]);

        var request = log.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/odata/Queues/UiPathODataSvc.BulkAddQueueItems", request.PathAndQuery);
        Assert.Equal(["queueName", "commitType", "queueItems"], request.BodyPropertyNames());
        Assert.Equal("ProcessAllIndependently", request.JsonBody().GetProperty("commitType").GetString());
        Assert.False(independent.Success);
        var failed = Assert.Single(independent.FailedItems!);
        Assert.Equal(2, failed.Ordinal);
        Assert.Equal(FailedQueueItemErrorCode.DuplicateReference, failed.ErrorCode);
        Assert.Equal(["B-1", "B-2", "B-3"], ReferencesIn(queue));

        // AllOrNothing adds nothing when any item fails; StopOnFirstFailure keeps the items before the failure.
        var allOrNothing = await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing, [Item(queue, "B-4"), Item(queue, "B-2")]);
        Assert.False(allOrNothing.Success);
        Assert.Equal(1, Assert.Single(allOrNothing.FailedItems!).Ordinal);
        Assert.Equal(["B-1", "B-2", "B-3"], ReferencesIn(queue));

        var stopOnFirst = await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.StopOnFirstFailure, [Item(queue, "B-5"), Item(queue, "B-3"), Item(queue, "B-6")]);
        Assert.False(stopOnFirst.Success);
        Assert.Equal(1, Assert.Single(stopOnFirst.FailedItems!).Ordinal);
        Assert.Equal(["B-1", "B-2", "B-3", "B-5"], ReferencesIn(queue));

        var clean = await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing, [Item(queue, "B-7"), Item(queue, "B-8")]);
        Assert.True(clean.Success);
        Assert.Empty(clean.FailedItems ?? []);
        Assert.Equal(["B-1", "B-2", "B-3", "B-5", "B-7", "B-8"], ReferencesIn(queue));
        Assert.All(session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).Where(item => item.QueueDefinitionId == queue.Id), item => Assert.Equal(ServerStatus.New, item.Status));

        var unknown = await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.Queues.BulkAddQueueItemsAsync("E2E-NoSuchQueue", BulkAddQueueItemsRequestCommitType.AllOrNothing, [new QueueItemDataDto { Name = "E2E-NoSuchQueue" }]));
        Assert.Equal("1002", unknown.ErrorCode);
    }

    [Fact]
    public async Task StartTransaction_starts_the_next_item_by_priority_then_age_and_answers_no_item_when_the_queue_is_done()
    {
        var queue = await CreateQueueAsync("E2E-Start", maxRetries: 0);
        await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing,
        [
            Item(queue, "S-low", QueueItemDataPriority.Low),
            Item(queue, "S-normal", QueueItemDataPriority.Normal),
            Item(queue, "S-high", QueueItemDataPriority.High),
        ]);
        var log = RequestLog.Mark(session.Emulator);

        var first = await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name });

        var request = log.Single();
        Assert.Equal("/odata/Queues/UiPathODataSvc.StartTransaction", request.PathAndQuery);
        Assert.Equal(["transactionData"], request.BodyPropertyNames());
        Assert.NotNull(first);
        Assert.Equal("S-high", first.Reference);
        Assert.Equal(QueueItemStatus.InProgress, first.Status);
        Assert.Equal(session.Clock.GetUtcNow(), first.StartProcessing);
        Assert.Equal(ServerStatus.InProgress, session.Emulator.Data.QueueItems.Find(first.Id, session.SharedFolderId)!.Status);

        Assert.Equal("S-normal", (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))?.Reference);
        Assert.Equal("S-low", (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))?.Reference);
        Assert.Equal(HttpStatusCode.NoContent, await StartTransactionStatusAsync(queue.Name!, reference: null));
        // The description lists 204 beside the item, so the client's result is nullable and an empty queue is null.
        Assert.Null(await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }));

        // With content, the item is added and started in one call.
        var added = await Shared.Queues.StartTransactionAsync(new TransactionDataDto
        {
            Name = queue.Name,
            Reference = "S-direct",
            SpecificContent = JsonDocument.Parse("{\"Invoice\":7}").RootElement,
        });
        Assert.NotNull(added);
        Assert.Equal(QueueItemStatus.InProgress, added.Status);
        Assert.Equal("{\"Invoice\":7}", added.SpecificData);
        Assert.Equal(queue.Id, added.QueueDefinitionId);
    }

    [Fact]
    public async Task StartTransaction_filters_by_reference_and_skips_deferred_items()
    {
        var queue = await CreateQueueAsync("E2E-Filter", maxRetries: 0);
        await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing,
        [
            Item(queue, "INV-2026-1"),
            Item(queue, "PAY-2026-1"),
            new QueueItemDataDto { Name = queue.Name, Reference = "INV-2026-2", DeferDate = session.Clock.GetUtcNow().AddHours(1) },
        ]);

        var payment = await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "PAY", ReferenceFilterOption = TransactionDataReferenceFilterOption.StartsWith });
        Assert.Equal("PAY-2026-1", payment?.Reference);
        Assert.Equal(HttpStatusCode.NoContent, await StartTransactionStatusAsync(queue.Name!, "INV-2026-2"));
        Assert.Equal("INV-2026-1", (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "INV", ReferenceFilterOption = TransactionDataReferenceFilterOption.StartsWith }))?.Reference);
        Assert.Equal(HttpStatusCode.NoContent, await StartTransactionStatusAsync(queue.Name!, reference: null));

        session.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("INV-2026-2", (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))?.Reference);
    }

    [Fact]
    public async Task SetTransactionResult_ends_the_transaction_and_retries_application_exceptions_while_the_queue_allows()
    {
        var queue = await CreateQueueAsync("E2E-Result", maxRetries: 1);
        await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing,
            [Item(queue, "R-ok", QueueItemDataPriority.High), Item(queue, "R-app", QueueItemDataPriority.Normal), Item(queue, "R-business", QueueItemDataPriority.Low)]);

        // Success: Successful, with the output kept.
        var ok = (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))!;
        var log = RequestLog.Mark(session.Emulator);
        await Shared.Queues[ok.Id].SetTransactionResultAsync(new TransactionResultDto
        {
            IsSuccessful = true,
            Output = JsonDocument.Parse("{\"Booked\":true}").RootElement,
        });
        var request = log.Single();
        Assert.Equal($"/odata/Queues({ok.Id})/UiPathODataSvc.SetTransactionResult", request.PathAndQuery);
        Assert.Equal(["transactionResult"], request.BodyPropertyNames());
        Assert.Equal(200, request.StatusCode);
        var stored = session.Emulator.Data.QueueItems.Find(ok.Id, session.SharedFolderId)!;
        Assert.Equal(ServerStatus.Successful, stored.Status);
        Assert.Equal("{\"Booked\":true}", stored.OutputData);
        Assert.Equal(session.Clock.GetUtcNow(), stored.EndProcessing);

        // An application exception with a retry left: Retried, and a New copy with RetryNumber 1.
        var app = (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))!;
        Assert.Equal("R-app", app.Reference);
        await Shared.Queues[app.Id].SetTransactionResultAsync(new TransactionResultDto
        {
            IsSuccessful = false,
            ProcessingException = new ProcessingExceptionDto { Type = ProcessingExceptionType.ApplicationException, Reason = "Timeout" },
        });
        Assert.Equal(ServerStatus.Retried, session.Emulator.Data.QueueItems.Find(app.Id, session.SharedFolderId)!.Status);
        var retry = Assert.Single(session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId), item => item.AncestorId == app.Id);
        Assert.Equal(ServerStatus.New, retry.Status);
        Assert.Equal(1, retry.RetryNumber);
        Assert.Equal("R-app", retry.Reference);
        Assert.Equal(retry.Id, (await Shared.QueueItems.GetItemLastRetryByKeyAsync(app.Key!.Value))?.Id);

        // The retry is next (Normal before Low); failing again uses up MaxNumberOfRetries: Failed, no further copy.
        var second = (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))!;
        Assert.Equal(retry.Id, second.Id);
        await Shared.Queues[second.Id].SetTransactionResultAsync(new TransactionResultDto
        {
            IsSuccessful = false,
            ProcessingException = new ProcessingExceptionDto { Type = ProcessingExceptionType.ApplicationException, Reason = "Timeout again" },
        });
        var exhausted = session.Emulator.Data.QueueItems.Find(second.Id, session.SharedFolderId)!;
        Assert.Equal(ServerStatus.Failed, exhausted.Status);
        Assert.Equal("Timeout again", exhausted.ProcessingException?.Reason);
        Assert.DoesNotContain(session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId), item => item.AncestorId == second.Id);

        // A business exception is never retried.
        var business = (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name }))!;
        Assert.Equal("R-business", business.Reference);
        await Shared.Queues[business.Id].SetTransactionResultAsync(new TransactionResultDto
        {
            IsSuccessful = false,
            ProcessingException = new ProcessingExceptionDto { Type = ProcessingExceptionType.BusinessException, Reason = "Unknown vendor" },
        });
        var rejected = session.Emulator.Data.QueueItems.Find(business.Id, session.SharedFolderId)!;
        Assert.Equal(ServerStatus.Failed, rejected.Status);
        Assert.Equal(ServerExceptionType.BusinessException, rejected.ProcessingExceptionType);
        Assert.DoesNotContain(session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId), item => item.AncestorId == business.Id);

        // Only an item in progress has a transaction to end; an unknown item is not found.
        var notInProgress = await Assert.ThrowsAsync<ODataRequestException>(() => Shared.Queues[ok.Id].SetTransactionResultAsync(new TransactionResultDto { IsSuccessful = true }));
        Assert.Equal(HttpStatusCode.BadRequest, notInProgress.StatusCode);
        await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.Queues[987654321].SetTransactionResultAsync(new TransactionResultDto { IsSuccessful = true }));
    }

    [Fact]
    public async Task SetTransactionProgress_sets_the_progress_of_an_item_in_progress_only()
    {
        var queue = await CreateQueueAsync("E2E-Progress", maxRetries: 0);
        await Shared.Queues.BulkAddQueueItemsAsync(queue.Name!, BulkAddQueueItemsRequestCommitType.AllOrNothing, [Item(queue, "P-1"), Item(queue, "P-2")]);
        var waiting = session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).Single(item => item.Reference == "P-2");
        var item = (await Shared.Queues.StartTransactionAsync(new TransactionDataDto { Name = queue.Name, Reference = "P-1" }))!;
        var log = RequestLog.Mark(session.Emulator);

        await Shared.QueueItems[item.Id].SetTransactionProgressAsync("Invoice read; booking");

        var request = log.Single();
        Assert.Equal($"/odata/QueueItems({item.Id})/UiPathODataSvc.SetTransactionProgress", request.PathAndQuery);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal("Invoice read; booking", session.Emulator.Data.QueueItems.Find(item.Id, session.SharedFolderId)!.Progress);
        Assert.Equal("Invoice read; booking", (await Shared.QueueItems[item.Id].GetAsync()).Progress);

        // An item that is not in progress (New, or finished) has no transaction whose progress could be set.
        var notStarted = await Assert.ThrowsAsync<ODataRequestException>(() => Shared.QueueItems[waiting.Id].SetTransactionProgressAsync("early"));
        Assert.Equal(HttpStatusCode.BadRequest, notStarted.StatusCode);
        Assert.Null(session.Emulator.Data.QueueItems.Find(waiting.Id, session.SharedFolderId)!.Progress);
        await Shared.Queues[item.Id].SetTransactionResultAsync(new TransactionResultDto { IsSuccessful = true });
        await Assert.ThrowsAsync<ODataRequestException>(() => Shared.QueueItems[item.Id].SetTransactionProgressAsync("late"));
        Assert.Equal("Invoice read; booking", session.Emulator.Data.QueueItems.Find(item.Id, session.SharedFolderId)!.Progress);
        await Assert.ThrowsAsync<ODataNotFoundException>(() => Shared.QueueItems[987654321].SetTransactionProgressAsync("x"));
    }

    /// <summary>
    /// StartTransaction over plain HTTP, for the answer when no item is available: 204, as Orchestrator's description
    /// says. The generated client cannot take it yet: the bundled EDMX declares the result <c>Nullable="false"</c>
    /// although the source lists a 204 answer, so the client throws instead of returning null.
    /// </summary>
    private async Task<HttpStatusCode> StartTransactionStatusAsync(string queueName, string? reference)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "odata/Queues/UiPathODataSvc.StartTransaction")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { transactionData = new { Name = queueName, Reference = reference } }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-UIPATH-OrganizationUnitId", session.SharedFolderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        return response.StatusCode;
    }

    private static QueueItemDataDto Item(QueueDefinitionDto queue, string reference, QueueItemDataPriority priority = QueueItemDataPriority.Normal) =>
        new() { Name = queue.Name, Reference = reference, Priority = priority };

    private string[] ReferencesIn(QueueDefinitionDto queue) =>
        session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId)
            .Where(item => item.QueueDefinitionId == queue.Id)
            .OrderBy(item => item.Id)
            .Select(item => item.Reference!)
            .ToArray();

    private Task<QueueDefinitionDto> CreateQueueAsync(string name, int maxRetries) =>
        Shared.QueueDefinitions.CreateAsync(new QueueDefinitionDto
        {
            Name = name,
            MaxNumberOfRetries = maxRetries,
            AcceptAutomaticallyRetry = maxRetries > 0,
            EnforceUniqueReference = true,
        });
}
