using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Releases</c> set (folder scoped) and its <c>UpdateToSpecificPackageVersion</c> action.</summary>
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
