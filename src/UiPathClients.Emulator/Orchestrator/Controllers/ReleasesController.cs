using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Releases</c> set (folder scoped) and its <c>UpdateToSpecificPackageVersion</c>, <c>UpdateToLatestPackageVersion</c> and <c>UpdateToLatestPackageVersionBulk</c> actions.</summary>
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
        return release is null ? OrchestratorError.NotFound($"Release {key}") : Ok(release.Id);
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

        Table.Update(releaseId, folderId, release =>
        {
            release.ProcessVersion = latest;
            release.LastModificationTime = State.Options.TimeProvider.GetUtcNow();
        });
        return true;
    }

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
