using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Webhooks;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// The <c>Queues</c> set: no entity routes of its own (its Capabilities allow none), only the queue-item
/// operations a robot calls: <c>AddQueueItem</c>, <c>BulkAddQueueItems</c>, <c>StartTransaction</c> and
/// <c>Queues({itemId})/SetTransactionResult</c>. They work on the folder's queues and queue items, and raise the
/// <c>queueItem.*</c> webhook events with the payload properties of the service's examples: <c>queueItem.added</c> has
/// <c>Queue</c> and the <c>QueueItems</c> list, the <c>transaction*</c> events have <c>QueueItem</c> and <c>Queue</c>.
/// </summary>
internal sealed class QueuesController : TableController<QueuesEntity, long>
{
    /// <summary>The EDMX declares the queue operations in this schema, not in <c>UiPath.Server.Configuration.OData</c>.</summary>
    private const string Namespace = "UiPathODataSvc";

    public QueuesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueuesEntity, long> Table => State.Data.Table<QueuesEntity, long>("Queues");

    protected override string EntityName => "Queue";

    private EntityTable<QueueItemDto, long> Items => State.Data.QueueItems;

    private DateTimeOffset Now => State.Options.TimeProvider.GetUtcNow();

    /// <summary><c>POST Queues/UiPathODataSvc.AddQueueItem</c> with <c>{"itemData": {...}}</c>: a New item in the named queue (201).</summary>
    [HttpPost("odata/Queues/" + Namespace + ".AddQueueItem")]
    public async Task<IActionResult> AddQueueItem()
    {
        if (!TryGetFolder(folderScoped: true, out var folderId, out var error))
        {
            return error;
        }

        var itemData = ActionBody.Parameter<QueueItemDataDto>(await ActionBody.ReadAsync(Request).ConfigureAwait(false), "itemData");
        if (itemData is null)
        {
            return OrchestratorError.BadRequest("The body must be {\"itemData\": {...}}.");
        }

        if (FindQueue(itemData.Name, folderId) is not { } queue)
        {
            return OrchestratorError.NotFound($"Queue '{itemData.Name}' in this folder");
        }

        if (DuplicateReference(queue, itemData.Reference, folderId))
        {
            return DuplicateReferenceError(itemData.Reference);
        }

        // 201, as the description documents for AddQueueItem (the body is the new item).
        var added = Items.Add(NewItem(queue, itemData), folderId);
        PublishAdded(queue, [added], folderId);
        return new ObjectResult(added) { StatusCode = StatusCodes.Status201Created };
    }

    // The items keep their content as text (SpecificData, OutputData, AnalyticsData), as the seeded ones do: the
    // Edm.Untyped members stay unset so the OData serializer never meets a JsonElement.

    /// <summary>
    /// <c>POST Queues/UiPathODataSvc.BulkAddQueueItems</c> with <c>{"queueName", "commitType", "queueItems": [...]}</c>.
    /// An item fails when its reference is already in a queue that enforces unique references (or earlier in the same
    /// batch). <c>AllOrNothing</c> adds nothing if any fails, <c>StopOnFirstFailure</c> adds the items before the first
    /// failure, <c>ProcessAllIndependently</c> adds every item that does not fail; the answer lists the failed items by ordinal.
    /// </summary>
    [HttpPost("odata/Queues/" + Namespace + ".BulkAddQueueItems")]
    public async Task<IActionResult> BulkAddQueueItems()
    {
        if (!TryGetFolder(folderScoped: true, out var folderId, out var error))
        {
            return error;
        }

        var body = await ActionBody.ReadAsync(Request).ConfigureAwait(false);
        var queueName = body is { } root && root.TryGetProperty("queueName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        var commitText = body is { } commitRoot && commitRoot.TryGetProperty("commitType", out var commit) && commit.ValueKind == JsonValueKind.String ? commit.GetString() : null;
        var items = ActionBody.Parameter<List<QueueItemDataDto>>(body, "queueItems");
        if (string.IsNullOrEmpty(queueName) || !Enum.TryParse<BulkAddQueueItemsRequestCommitType>(commitText, ignoreCase: false, out var commitType) || items is null)
        {
            return OrchestratorError.BadRequest("The body must be {\"queueName\": \"…\", \"commitType\": \"AllOrNothing\"|\"StopOnFirstFailure\"|\"ProcessAllIndependently\", \"queueItems\": [...]}.");
        }

        if (FindQueue(queueName, folderId) is not { } queue)
        {
            return OrchestratorError.NotFound($"Queue '{queueName}' in this folder");
        }

        var accepted = new List<QueueItemDto>(items.Count);
        var failed = new List<FailedQueueItemDto>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < items.Count; ordinal++)
        {
            var reference = items[ordinal].Reference;
            var duplicate = queue.EnforceUniqueReference == true && reference is not null
                && (!references.Add(reference) || DuplicateReference(queue, reference, folderId));
            if (duplicate)
            {
                failed.Add(new FailedQueueItemDto { Ordinal = ordinal, ErrorCode = FailedQueueItemErrorCode.DuplicateReference, ErrorMessage = $"Error creating Transaction. Duplicate Reference '{reference}'." });
                if (commitType == BulkAddQueueItemsRequestCommitType.StopOnFirstFailure)
                {
                    break;
                }

                continue;
            }

            accepted.Add(NewItem(queue, items[ordinal]));
        }

        if (failed.Count == 0 || commitType != BulkAddQueueItemsRequestCommitType.AllOrNothing)
        {
            foreach (var item in accepted)
            {
                Items.Add(item, folderId);
            }

            PublishAdded(queue, accepted, folderId);
        }
        else
        {
            accepted.Clear();
        }

        return Ok(new BulkOperationResponseDtoOfFailedQueueItemDto
        {
            Success = failed.Count == 0,
            Message = failed.Count == 0 ? null : $"{accepted.Count} of {items.Count} queue items were added ({commitType}).",
            FailedItems = failed,
        });
    }

    /// <summary>
    /// <c>POST Queues/UiPathODataSvc.StartTransaction</c> with <c>{"transactionData": {...}}</c>. With <c>SpecificContent</c>
    /// the item is added and started at once; without it the next New item of the queue that is not deferred (matching
    /// <c>Reference</c> by <c>ReferenceFilterOption</c> when given) is started, highest priority first, then oldest.
    /// The started item is InProgress; 204 when the queue has nothing to process.
    /// </summary>
    [HttpPost("odata/Queues/" + Namespace + ".StartTransaction")]
    public async Task<IActionResult> StartTransaction()
    {
        if (!TryGetFolder(folderScoped: true, out var folderId, out var error))
        {
            return error;
        }

        var data = ActionBody.Parameter<TransactionDataDto>(await ActionBody.ReadAsync(Request).ConfigureAwait(false), "transactionData");
        if (data is null)
        {
            return OrchestratorError.BadRequest("The body must be {\"transactionData\": {\"Name\": \"…\"}}.");
        }

        if (FindQueue(data.Name, folderId) is not { } queue)
        {
            return OrchestratorError.NotFound($"Queue '{data.Name}' in this folder");
        }

        var now = Now;
        if (data.SpecificContent is { ValueKind: JsonValueKind.Object })
        {
            if (DuplicateReference(queue, data.Reference, folderId))
            {
                return DuplicateReferenceError(data.Reference);
            }

            var item = NewItem(queue, new QueueItemDataDto { Name = queue.Name, SpecificContent = data.SpecificContent, Reference = data.Reference, DeferDate = data.DeferDate, DueDate = data.DueDate });
            Start(item, now);
            var startedNew = Items.Add(item, folderId);
            PublishTransaction(WebhookEventTypes.QueueItemTransactionStarted, startedNew, queue, folderId);
            return Ok(startedNew);
        }

        var candidates = Items.InFolder(folderId)
            .Where(item => item.QueueDefinitionId == queue.Id && item.Status == QueueItemStatus.New && (item.DeferDate is null || item.DeferDate <= now))
            .Where(item => data.Reference is null || (data.ReferenceFilterOption == TransactionDataReferenceFilterOption.StartsWith
                ? item.Reference?.StartsWith(data.Reference, StringComparison.Ordinal) == true
                : item.Reference == data.Reference))
            .OrderBy(item => item.Priority switch { QueueItemPriority.High => 0, QueueItemPriority.Low => 2, _ => 1 })
            .ThenBy(item => item.CreationTime)
            .ThenBy(item => item.Id);
        foreach (var candidate in candidates)
        {
            // Under the table's lock: of two robots asking at once, only one starts a given item.
            var started = false;
            var item = Items.Update(candidate.Id, folderId, current =>
            {
                if (current.Status == QueueItemStatus.New)
                {
                    Start(current, now);
                    started = true;
                }
            });
            if (started && item is not null)
            {
                PublishTransaction(WebhookEventTypes.QueueItemTransactionStarted, item, queue, folderId);
                return Ok(item);
            }
        }

        return NoContent();
    }

    /// <summary>
    /// <c>POST Queues({itemId})/UiPathODataSvc.SetTransactionResult</c> with <c>{"transactionResult": {...}}</c>: ends the
    /// transaction of an InProgress item. Success makes it Successful with its output; a business exception makes it
    /// Failed; an application exception makes it Failed, or Retried with a New copy (<c>RetryNumber</c> + 1) while the
    /// queue's <c>MaxNumberOfRetries</c> allows another attempt. Answers 200 with no body, as the description documents.
    /// </summary>
    [HttpPost("odata/Queues({key})/" + Namespace + ".SetTransactionResult")]
    public async Task<IActionResult> SetTransactionResult(long key)
    {
        if (!TryGetFolder(folderScoped: true, out var folderId, out var error))
        {
            return error;
        }

        var result = ActionBody.Parameter<TransactionResultDto>(await ActionBody.ReadAsync(Request).ConfigureAwait(false), "transactionResult");
        if (result is null)
        {
            return OrchestratorError.BadRequest("The body must be {\"transactionResult\": {\"IsSuccessful\": true|false, ...}}.");
        }

        if (Items.Find(key, folderId) is not { } found)
        {
            return OrchestratorError.NotFound("Queue Item");
        }

        var queue = found.QueueDefinitionId is { } queueId ? State.Data.QueueDefinitions.Find(queueId, folderId) : null;
        var now = Now;
        QueueItemDto? retry = null;
        string? conflict = null;
        var ended = Items.Update(key, folderId, item =>
        {
            if (item.Status != QueueItemStatus.InProgress)
            {
                conflict = $"The transaction of queue item {key} is not in progress: the item is {item.Status}.";
                return;
            }

            item.EndProcessing = now;
            item.Progress = result.Progress ?? item.Progress;
            item.OperationId = result.OperationId;
            item.AnalyticsData = result.Analytics is { ValueKind: JsonValueKind.Object } analytics ? analytics.GetRawText() : item.AnalyticsData;
            if (result.IsSuccessful == true)
            {
                item.Status = QueueItemStatus.Successful;
                item.OutputData = result.Output is { ValueKind: JsonValueKind.Object } output ? output.GetRawText() : null;
                return;
            }

            var exception = result.ProcessingException ?? new ProcessingExceptionDto { Type = ProcessingExceptionType.ApplicationException };
            exception.CreationTime ??= now;
            item.ProcessingException = exception;
            item.ProcessingExceptionType = exception.Type == ProcessingExceptionType.BusinessException
                ? QueueItemProcessingExceptionType.BusinessException
                : QueueItemProcessingExceptionType.ApplicationException;
            var retryNumber = item.RetryNumber ?? 0;
            var retries = exception.Type != ProcessingExceptionType.BusinessException && queue?.AcceptAutomaticallyRetry != false && retryNumber < (queue?.MaxNumberOfRetries ?? 0);
            item.Status = retries ? QueueItemStatus.Retried : QueueItemStatus.Failed;
            if (retries)
            {
                retry = new QueueItemDto
                {
                    QueueDefinitionId = item.QueueDefinitionId,
                    Key = Guid.NewGuid(),
                    UniqueKey = Guid.NewGuid(),
                    Reference = item.Reference,
                    Status = QueueItemStatus.New,
                    Priority = item.Priority,
                    SpecificData = item.SpecificData,
                    DueDate = result.DueDate ?? item.DueDate,
                    DeferDate = result.DeferDate ?? item.DeferDate,
                    Progress = item.Progress,
                    RetryNumber = retryNumber + 1,
                    AncestorId = item.Id,
                    AncestorUniqueKey = item.AncestorUniqueKey ?? item.Key,
                    CreationTime = now,
                    OrganizationUnitId = item.OrganizationUnitId,
                    OrganizationUnitFullyQualifiedName = item.OrganizationUnitFullyQualifiedName,
                };
            }
        });
        if (conflict is not null)
        {
            return new OrchestratorError(StatusCodes.Status400BadRequest, OrchestratorError.InvalidRequest, conflict);
        }

        if (retry is not null)
        {
            Items.Add(retry, folderId);
        }

        if (ended is not null && queue is not null)
        {
            // A failed transaction is failed whether or not the queue retries the item (Retried is the failed item's status then).
            var eventType = ended.Status == QueueItemStatus.Successful ? WebhookEventTypes.QueueItemTransactionCompleted : WebhookEventTypes.QueueItemTransactionFailed;
            PublishTransaction(eventType, ended, queue, folderId);
        }

        return Ok();
    }

    /// <summary><c>queueItem.added</c> for the items just added to <paramref name="queue"/> (none: no event).</summary>
    private void PublishAdded(QueueDefinitionDto queue, List<QueueItemDto> items, long? folderId)
    {
        if (items.Count > 0)
        {
            State.Webhooks.Publish(WebhookEventTypes.QueueItemAdded, folderId, new WebhookEntity("Queue", queue), new WebhookEntity("QueueItems", items.ConvertAll(WebhookQueueItems.ForEvent)));
        }
    }

    /// <summary>A <c>queueItem.transaction*</c> event for <paramref name="item"/>, in the folder the item lives in.</summary>
    private void PublishTransaction(string eventType, QueueItemDto item, QueueDefinitionDto queue, long? folderId) =>
        State.Webhooks.Publish(eventType, Items.FolderOf(item.Id) ?? folderId, new WebhookEntity("QueueItem", WebhookQueueItems.ForEvent(item)), new WebhookEntity("Queue", queue));

    private static void Start(QueueItemDto item, DateTimeOffset now)
    {
        item.Status = QueueItemStatus.InProgress;
        item.StartProcessing = now;
    }

    private static OrchestratorError DuplicateReferenceError(string? reference) =>
        new(StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, $"Error creating Transaction. Duplicate Reference '{reference}'.");

    private QueueDefinitionDto? FindQueue(string? name, long? folderId) =>
        name is null ? null : State.Data.QueueDefinitions.InFolder(folderId).FirstOrDefault(candidate => candidate.Name == name);

    private bool DuplicateReference(QueueDefinitionDto queue, string? reference, long? folderId) =>
        queue.EnforceUniqueReference == true && reference is not null
        && Items.InFolder(folderId).Any(item => item.QueueDefinitionId == queue.Id && item.Reference == reference);

    private QueueItemDto NewItem(QueueDefinitionDto queue, QueueItemDataDto data) => new()
    {
        QueueDefinitionId = queue.Id,
        Key = Guid.NewGuid(),
        UniqueKey = Guid.NewGuid(),
        Reference = data.Reference,
        Status = QueueItemStatus.New,
        Priority = data.Priority switch
        {
            QueueItemDataPriority.High => QueueItemPriority.High,
            QueueItemDataPriority.Low => QueueItemPriority.Low,
            _ => QueueItemPriority.Normal,
        },
        DueDate = data.DueDate,
        DeferDate = data.DeferDate,
        Progress = data.Progress,
        SpecificData = data.SpecificContent is { ValueKind: JsonValueKind.Object } raw ? raw.GetRawText() : null,
        CreationTime = Now,
        RetryNumber = 0,
        OrganizationUnitId = queue.OrganizationUnitId,
        OrganizationUnitFullyQualifiedName = queue.OrganizationUnitFullyQualifiedName,
    };
}
