using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Assets</c> set (folder scoped), <c>GetFiltered</c>, <c>GetAssetsAcrossFolders</c> and <c>GetFoldersForAsset</c>.</summary>
internal sealed class AssetsController : TableController<AssetDto, long>
{
    private const string Namespace = "UiPath.Server.Configuration.OData";

    public AssetsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<AssetDto, long> Table => State.Data.Assets;

    protected override string EntityName => "Asset";

    /// <summary><c>GET Assets/UiPath.Server.Configuration.OData.GetFiltered()</c>: the folder's assets, with the query options applied.</summary>
    [HttpGet("odata/Assets/" + Namespace + ".GetFiltered()")]
    public IActionResult GetFiltered(ODataQueryOptions<AssetDto> queryOptions)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        return Query(System.Linq.Queryable.AsQueryable(Table.InFolder(folderId)), queryOptions);
    }

    /// <summary>
    /// <c>GET Assets/UiPath.Server.Configuration.OData.GetAssetsAcrossFolders()?excludeFolderId=…</c>: the assets of every
    /// folder except the excluded one, with the query options applied.
    /// </summary>
    [HttpGet("odata/Assets/" + Namespace + ".GetAssetsAcrossFolders()")]
    public IActionResult GetAssetsAcrossFolders([FromQuery] long? excludeFolderId, ODataQueryOptions<AssetDto> queryOptions)
    {
        if (!TryGetFolder(out _, out var error))
        {
            return error;
        }

        return Query(AcrossFolders(excludeFolderId), queryOptions);
    }

    /// <summary><c>GET Assets/…GetFoldersForAsset(id=…)</c>: the folders the asset is in.</summary>
    [HttpGet("odata/Assets/" + Namespace + ".GetFoldersForAsset(id={id})")]
    public IActionResult GetFoldersForAsset(long id) => FoldersOf(id);

    private protected override void BeforeCreate(AssetDto entity, long? folderId)
    {
        entity.CreationTime ??= State.Options.TimeProvider.GetUtcNow();
        entity.Key ??= System.Guid.NewGuid();
    }
}
