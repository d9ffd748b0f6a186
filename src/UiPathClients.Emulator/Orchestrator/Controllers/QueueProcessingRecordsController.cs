using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>QueueProcessingRecords</c> set and <c>RetrieveQueuesProcessingStatus()</c>, computed from the folder's queue items.</summary>
internal sealed class QueueProcessingRecordsController : TableController<QueueProcessingRecordDto, long>
{
    public QueueProcessingRecordsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueueProcessingRecordDto, long> Table => State.Data.Table<QueueProcessingRecordDto, long>("QueueProcessingRecords");

    protected override string EntityName => "Queue processing record";

    /// <summary>
    /// <c>GET QueueProcessingRecords/UiPathODataSvc.RetrieveQueuesProcessingStatus()</c>: for each queue of the folder, its items
    /// by status (New to process, InProgress, Successful, failed by exception type), the mean processing time of the finished
    /// ones in seconds, and when an item was last processed.
    /// </summary>
    [HttpGet("odata/QueueProcessingRecords/UiPathODataSvc.RetrieveQueuesProcessingStatus()")]
    public IActionResult RetrieveQueuesProcessingStatus()
    {
        if (!TryGetFolder(folderScoped: true, out var folderId, out var error))
        {
            return error;
        }

        var items = State.Data.QueueItems.InFolder(folderId).ToLookup(item => item.QueueDefinitionId);
        var statuses = State.Data.QueueDefinitions.InFolder(folderId).OrderBy(queue => queue.Id).Select(queue =>
        {
            var ofQueue = items[queue.Id].ToList();
            var finished = ofQueue.Where(item => item.StartProcessing is not null && item.EndProcessing is not null).ToList();
            return new QueueProcessingStatusDto
            {
                QueueDefinitionId = queue.Id,
                QueueDefinitionKey = queue.Key,
                QueueDefinitionName = queue.Name,
                QueueDefinitionDescription = queue.Description,
                QueueDefinitionAcceptAutomaticallyRetry = queue.AcceptAutomaticallyRetry,
                QueueDefinitionMaxNumberOfRetries = queue.MaxNumberOfRetries,
                QueueDefinitionEnforceUniqueReference = queue.EnforceUniqueReference,
                ItemsToProcess = ofQueue.Count(item => item.Status == QueueItemStatus.New),
                ItemsInProgress = ofQueue.Count(item => item.Status == QueueItemStatus.InProgress),
                SuccessfulTransactionsNo = ofQueue.Count(item => item.Status == QueueItemStatus.Successful),
                ApplicationExceptionsNo = ofQueue.Count(item => item.Status is QueueItemStatus.Failed or QueueItemStatus.Retried && item.ProcessingExceptionType == QueueItemProcessingExceptionType.ApplicationException),
                BusinessExceptionsNo = ofQueue.Count(item => item.Status == QueueItemStatus.Failed && item.ProcessingExceptionType == QueueItemProcessingExceptionType.BusinessException),
                TotalNumberOfTransactions = ofQueue.Count(item => item.Status != QueueItemStatus.Deleted),
                ProcessingMeanTime = finished.Count == 0 ? 0m : (decimal)finished.Average(item => (item.EndProcessing!.Value - item.StartProcessing!.Value).TotalSeconds),
                LastProcessed = finished.Count == 0 ? null : finished.Max(item => item.EndProcessing),
                QueueFoldersCount = 1,
            };
        }).ToList();
        return Ok(statuses);
    }
}
