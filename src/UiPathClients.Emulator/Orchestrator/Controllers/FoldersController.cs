using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Errors;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Folders</c> set (tenant level) and <c>GetByKey(identifier=…)</c>.</summary>
internal sealed class FoldersController : TableController<FolderDto, long>
{
    public FoldersController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<FolderDto, long> Table => State.Data.Folders;

    protected override string EntityName => "Folder";

    /// <summary><c>GET Folders/UiPath.Server.Configuration.OData.GetByKey(identifier=…)</c>: the folder whose <c>Key</c> is the given GUID.</summary>
    [HttpGet("odata/Folders/UiPath.Server.Configuration.OData.GetByKey(identifier={identifier})")]
    public IActionResult GetByKey(Guid identifier) =>
        Table.InFolder(null).FirstOrDefault(folder => folder.Key == identifier) is { } found
            ? Ok(found)
            : OrchestratorError.NotFound($"Folder {identifier}");
}
