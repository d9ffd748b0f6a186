using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Buckets</c> set (folder scoped), <c>GetByKey(identifier=…)</c>, <c>GetBucketsAcrossFolders</c> and <c>GetFoldersForBucket</c>.</summary>
internal sealed class BucketsController : TableController<BucketDto, long>
{
    public BucketsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<BucketDto, long> Table => State.Data.Buckets;

    protected override string EntityName => "Bucket";

    /// <summary>
    /// <c>GET Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier='…')</c>: the bucket of the folder whose
    /// <c>Identifier</c> is the given GUID text (the parameter is an <c>Edm.String</c>; supplement, see specs/README.md).
    /// </summary>
    [HttpGet("odata/Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier={identifier})")]
    public IActionResult GetByKey(string identifier)
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        var bucket = Guid.TryParse(identifier, out var key)
            ? Table.InFolder(folderId).FirstOrDefault(candidate => candidate.Identifier == key)
            : null;
        return bucket is null ? OrchestratorError.NotFound($"Bucket '{identifier}'") : Ok(bucket);
    }

    /// <summary>
    /// <c>GET Buckets/…GetBucketsAcrossFolders()?excludeFolderId=…</c>: the buckets of every folder except the excluded
    /// one, with the query options applied.
    /// </summary>
    [HttpGet("odata/Buckets/UiPath.Server.Configuration.OData.GetBucketsAcrossFolders()")]
    public IActionResult GetBucketsAcrossFolders([FromQuery] long? excludeFolderId, ODataQueryOptions<BucketDto> queryOptions)
    {
        if (!TryGetFolder(out _, out var error))
        {
            return error;
        }

        return Query(AcrossFolders(excludeFolderId), queryOptions);
    }

    /// <summary><c>GET Buckets/…GetFoldersForBucket(id=…)</c>: the folders the bucket is in.</summary>
    [HttpGet("odata/Buckets/UiPath.Server.Configuration.OData.GetFoldersForBucket(id={id})")]
    public IActionResult GetFoldersForBucket(long id) => FoldersOf(id);

    private protected override void BeforeCreate(BucketDto entity, long? folderId)
    {
        if (entity.Identifier == Guid.Empty)
        {
            entity.Identifier = Guid.NewGuid();
        }
    }
}
