using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

// The sets with nothing beyond CRUD and queries. The class name is the entity set name (OData routing convention).

/// <summary>The <c>Folders</c> set (tenant level).</summary>
internal sealed class FoldersController : TableController<FolderDto, long>
{
    public FoldersController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<FolderDto, long> Table => State.Data.Folders;

    protected override string EntityName => "Folder";
}

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

/// <summary>The <c>Robots</c> set (tenant level).</summary>
internal sealed class RobotsController : TableController<RobotDto, long>
{
    public RobotsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<RobotDto, long> Table => State.Data.Robots;

    protected override string EntityName => "Robot";
}

/// <summary>The <c>Machines</c> set (tenant level).</summary>
internal sealed class MachinesController : TableController<ExtendedMachineDto, long>
{
    public MachinesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<ExtendedMachineDto, long> Table => State.Data.Machines;

    protected override string EntityName => "Machine";
}
