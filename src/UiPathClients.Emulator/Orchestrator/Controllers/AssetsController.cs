using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Assets</c> set (folder scoped), <c>GetFiltered</c>, <c>GetAssetsAcrossFolders</c>, <c>GetFoldersForAsset</c> and <c>GetRobotAssetByRobotId</c>.</summary>
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

    /// <summary>
    /// <c>GET Assets/…GetRobotAssetByRobotId(robotId=…,assetName='…')</c>: the value a robot gets for the folder's asset of that
    /// name (the Get Asset activity): a Global asset's value, or a PerRobot asset's value for that robot (404 without one).
    /// </summary>
    [HttpGet("odata/Assets/" + Namespace + ".GetRobotAssetByRobotId(robotId={robotId},assetName={assetName})")]
    public IActionResult GetRobotAssetByRobotId(long robotId, string assetName)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var name = assetName.Length >= 2 && assetName[0] == '\'' && assetName[^1] == '\'' ? assetName[1..^1].Replace("''", "'", System.StringComparison.Ordinal) : assetName;
        if (State.Data.Robots.Find(robotId, folderId: null) is null)
        {
            return Errors.OrchestratorError.NotFound($"Robot {robotId}");
        }

        if (System.Linq.Enumerable.FirstOrDefault(Table.InFolder(folderId), asset => asset.Name == name) is not { } found)
        {
            return Errors.OrchestratorError.NotFound($"Asset '{name}'");
        }

        if (found.ValueScope != AssetValueScope.PerRobot)
        {
            return Ok(new UserAssetDto
            {
                Id = found.Id,
                Name = found.Name,
                ValueType = found.ValueType is { } type ? System.Enum.Parse<UserAssetValueType>(type.ToString()) : null,
                StringValue = found.StringValue,
                BoolValue = found.BoolValue,
                IntValue = found.IntValue,
                CredentialUsername = found.CredentialUsername,
                CredentialPassword = found.CredentialPassword,
                KeyValueList = found.KeyValueList,
            });
        }

        if (System.Linq.Enumerable.FirstOrDefault(found.RobotValues, value => value.RobotId == robotId) is not { } perRobot)
        {
            return Errors.OrchestratorError.NotFound($"A value of asset '{name}' for robot {robotId}");
        }

        return Ok(new UserAssetDto
        {
            Id = found.Id,
            Name = found.Name,
            ValueType = perRobot.ValueType is { } robotType ? System.Enum.Parse<UserAssetValueType>(robotType.ToString()) : null,
            StringValue = perRobot.StringValue,
            BoolValue = perRobot.BoolValue,
            IntValue = perRobot.IntValue,
            CredentialUsername = perRobot.CredentialUsername,
            CredentialPassword = perRobot.CredentialPassword,
            KeyValueList = perRobot.KeyValueList,
        });
    }

    private protected override void BeforeCreate(AssetDto entity, long? folderId)
    {
        entity.CreationTime ??= State.Options.TimeProvider.GetUtcNow();
        entity.Key ??= System.Guid.NewGuid();
    }
}
