using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Buckets</c> set (folder scoped) and <c>GetByKey(identifier=…)</c>.</summary>
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

    private protected override void BeforeCreate(BucketDto entity, long? folderId)
    {
        if (entity.Identifier == Guid.Empty)
        {
            entity.Identifier = Guid.NewGuid();
        }
    }
}
