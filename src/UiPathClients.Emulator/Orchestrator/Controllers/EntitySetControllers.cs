using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

// The sets with nothing beyond CRUD and queries. The class name is the entity set name (OData routing convention).

/// <summary>The <c>Processes</c> set (string keys).</summary>
internal sealed class ProcessesController : TableController<ProcessDto, string>
{
    public ProcessesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<ProcessDto, string> Table => State.Data.Processes;

    protected override string EntityName => "Process";
}
