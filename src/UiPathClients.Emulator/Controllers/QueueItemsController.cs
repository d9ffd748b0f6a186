using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Data;
using UiPathClients.Emulator.Errors;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Emulator.Controllers;

/// <summary>The <c>QueueItems</c> set (folder scoped), <c>AddQueueItem</c> and <c>GetItemLastRetryByKey</c>.</summary>
internal sealed class QueueItemsController : TableController<QueueItemDto, long>
{
    /// <summary>The EDMX declares the queue-item operations in this schema, not in <c>UiPath.Server.Configuration.OData</c>.</summary>
    private const string Namespace = "UiPathODataSvc";

    /// <summary>
    /// Reads <c>itemData</c> with the generated JSON metadata: its <c>SpecificContent</c> is <c>Edm.Untyped</c>,
    /// which ASP.NET Core OData's action-parameter binding cannot put into the generated <c>JsonElement?</c>
    /// property (the whole parameter then fails to bind).
    /// </summary>
    private static readonly JsonTypeInfo<QueueItemDataDto> ItemDataType = ODataJsonMetadata.Resolve<QueueItemDataDto>(
        new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(OrchestratorJsonMetadata.Default, ODataPrimitiveJsonResolver.Instance) });

    public QueueItemsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueueItemDto, long> Table => State.Data.QueueItems;

    protected override string EntityName => "Queue item";

    /// <summary><c>POST Queues/UiPathODataSvc.AddQueueItem</c> (the set the service serves it on) with <c>{"itemData": {...}}</c>.</summary>
    [HttpPost("odata/Queues/" + Namespace + ".AddQueueItem")]
    public async Task<IActionResult> AddQueueItem()
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var itemData = await ReadItemDataAsync().ConfigureAwait(false);
        if (itemData is null)
        {
            return OrchestratorError.BadRequest("The body must be {\"itemData\": {...}}.");
        }

        var queue = State.Data.QueueDefinitions.InFolder(folderId).FirstOrDefault(candidate => candidate.Name == itemData.Name);
        if (queue is null)
        {
            return OrchestratorError.NotFound($"Queue '{itemData.Name}' in this folder");
        }

        if (queue.EnforceUniqueReference == true && itemData.Reference is not null
            && Table.InFolder(folderId).Any(item => item.QueueDefinitionId == queue.Id && item.Reference == itemData.Reference))
        {
            return new OrchestratorError(Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict, OrchestratorError.InvalidRequest, $"Error creating Transaction. Duplicate Reference '{itemData.Reference}'.");
        }

        var item = Table.Add(
            new QueueItemDto
            {
                QueueDefinitionId = queue.Id,
                Key = Guid.NewGuid(),
                UniqueKey = Guid.NewGuid(),
                Reference = itemData.Reference,
                Status = QueueItemStatus.New,
                Priority = itemData.Priority switch
                {
                    QueueItemDataPriority.High => QueueItemPriority.High,
                    QueueItemDataPriority.Low => QueueItemPriority.Low,
                    _ => QueueItemPriority.Normal,
                },
                DueDate = itemData.DueDate,
                DeferDate = itemData.DeferDate,
                Progress = itemData.Progress,
                SpecificData = itemData.SpecificContent is { ValueKind: JsonValueKind.Object } content ? content.GetRawText() : null,
                CreationTime = State.Options.TimeProvider.GetUtcNow(),
                RetryNumber = 0,
                OrganizationUnitId = folderId,
                OrganizationUnitFullyQualifiedName = queue.OrganizationUnitFullyQualifiedName,
            },
            folderId);
        return Ok(item);
    }

    /// <summary><c>GET QueueItems/UiPathODataSvc.GetItemLastRetryByKey(key=…)</c>: the newest retry of an item.</summary>
    [HttpGet("odata/QueueItems/" + Namespace + ".GetItemLastRetryByKey(key={key})")]
    public IActionResult GetItemLastRetryByKey(Guid key)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var item = Table.InFolder(folderId)
            .Where(candidate => candidate.Key == key || candidate.AncestorUniqueKey == key)
            .OrderByDescending(candidate => candidate.RetryNumber ?? 0)
            .FirstOrDefault();
        return item is null ? OrchestratorError.NotFound($"Queue item {key}") : Ok(item);
    }

    private async Task<QueueItemDataDto?> ReadItemDataAsync()
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(Request.Body, cancellationToken: HttpContext.RequestAborted).ConfigureAwait(false);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("itemData", out var itemData)
                && itemData.ValueKind == JsonValueKind.Object
                    ? itemData.Deserialize(ItemDataType)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
