using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Webhooks;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// The <c>Releases</c> set (folder scoped) and its <c>UpdateToSpecificPackageVersion</c>, <c>UpdateToLatestPackageVersion</c>
/// and <c>UpdateToLatestPackageVersionBulk</c> actions. Creating, changing and deleting a release raise the
/// <c>process.created</c>, <c>process.updated</c> and <c>process.deleted</c> webhook events (Orchestrator's "process" is a
/// release); their payload holds the release in <c>Releases</c>, a list, as the service's examples show.
/// </summary>
internal sealed class ReleasesController : TableController<ReleaseDto, long>
{
    public ReleasesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<ReleaseDto, long> Table => State.Data.Releases;

    protected override string EntityName => "Release";

    /// <summary>
    /// <c>POST Releases({key})/UiPath.Server.Configuration.OData.UpdateToSpecificPackageVersion</c> with
    /// <c>{"packageVersion": "…"}</c>; returns the release id (an <c>Edm.Int64</c> result).
    /// </summary>
    [HttpPost("odata/Releases({key})/UiPath.Server.Configuration.OData.UpdateToSpecificPackageVersion")]
    public IActionResult UpdateToSpecificPackageVersion(long key, ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("packageVersion", out var value) != true || value is not string { Length: > 0 } version)
        {
            return OrchestratorError.BadRequest("The body must name the version: {\"packageVersion\": \"1.0.4\"}.");
        }

        var release = Table.Update(key, folderId, candidate =>
        {
            candidate.ProcessVersion = version;
            candidate.LastModificationTime = State.Options.TimeProvider.GetUtcNow();
        });
        if (release is null)
        {
            return OrchestratorError.NotFound($"Release {key}");
        }

        PublishProcessEvent(WebhookEventTypes.ProcessUpdated, release);
        return Ok(release.Id);
    }

    /// <summary>
    /// <c>POST Releases({key})/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersion</c>: the release runs the latest
    /// version of its package (the <c>Processes</c> entry of its <c>ProcessKey</c>); returns the release id. The emulator's
    /// packages carry no tags, so <c>mergePackageTags</c> changes nothing.
    /// </summary>
    [HttpPost("odata/Releases({key})/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersion")]
    public IActionResult UpdateToLatestPackageVersion(long key, [FromQuery] bool? mergePackageTags)
    {
        _ = mergePackageTags;
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (Table.Find(key, folderId) is not { } release)
        {
            return OrchestratorError.NotFound($"Release {key}");
        }

        return UpdateToLatest(release.Id, folderId) ? Ok(release.Id) : OrchestratorError.NotFound($"Package '{release.ProcessKey}'");
    }

    /// <summary>
    /// <c>POST Releases/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersionBulk</c> with <c>{"releaseIds": [...]}</c>:
    /// each release runs the latest version of its package; releases that do not exist or whose package does not are failed items.
    /// </summary>
    [HttpPost("odata/Releases/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersionBulk")]
    public IActionResult UpdateToLatestPackageVersionBulk(ODataActionParameters parameters)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        if (parameters?.TryGetValue("releaseIds", out var value) != true || value is not System.Collections.Generic.IEnumerable<long> releaseIds)
        {
            return OrchestratorError.BadRequest("The body must list the releases: {\"releaseIds\": [...]}.");
        }

        var ids = System.Linq.Enumerable.ToList(releaseIds);
        var failed = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(ids, id => !UpdateToLatest(id, folderId)));
        return Ok(new BulkOperationResponseDtoOfInt64
        {
            Success = failed.Count == 0,
            Message = failed.Count == 0 ? null : $"{failed.Count} of {ids.Count} releases were not updated: they or their packages do not exist.",
            FailedItems = failed,
        });
    }

    /// <summary>Sets the release's version to its package's latest; false when the release or the package does not exist.</summary>
    private bool UpdateToLatest(long releaseId, long? folderId)
    {
        if (Table.Find(releaseId, folderId) is not { ProcessKey: { } processKey } || State.Data.Processes.Find(processKey, folderId: null) is not { Version: { } latest })
        {
            return false;
        }

        var updated = Table.Update(releaseId, folderId, release =>
        {
            release.ProcessVersion = latest;
            release.LastModificationTime = State.Options.TimeProvider.GetUtcNow();
        });
        if (updated is null)
        {
            return false;
        }

        PublishProcessEvent(WebhookEventTypes.ProcessUpdated, updated);
        return true;
    }

    private protected override void AfterCreate(ReleaseDto created, long? folderId) => PublishProcessEvent(WebhookEventTypes.ProcessCreated, created);

    private protected override void AfterUpdate(ReleaseDto updated, long? folderId) => PublishProcessEvent(WebhookEventTypes.ProcessUpdated, updated);

    private protected override void AfterDelete(ReleaseDto deleted, long? folderId) => State.Webhooks.Publish(WebhookEventTypes.ProcessDeleted, folderId, "Releases", new[] { deleted });

    /// <summary>Raises <paramref name="eventType"/> for <paramref name="release"/>, in the folder it lives in.</summary>
    private void PublishProcessEvent(string eventType, ReleaseDto release) =>
        State.Webhooks.Publish(eventType, Table.FolderOf(release.Id), "Releases", new[] { release });

    private protected override void BeforeCreate(ReleaseDto entity, long? folderId)
    {
        var folder = folderId is { } id ? State.Data.Folders.Find(id, null) : null;
        entity.OrganizationUnitId = folderId;
        entity.OrganizationUnitFullyQualifiedName = folder?.FullyQualifiedName;
        entity.FolderKey = folder?.Key;
        entity.Key ??= System.Guid.NewGuid().ToString();
        entity.CreationTime ??= State.Options.TimeProvider.GetUtcNow();
    }
}
