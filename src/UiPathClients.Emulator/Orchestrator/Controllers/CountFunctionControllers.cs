using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>The <c>Alerts</c> set (tenant level) and <c>GetUnreadCount()</c>.</summary>
internal sealed class AlertsController : TableController<AlertDto, Guid>
{
    public AlertsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<AlertDto, Guid> Table => State.Data.Table<AlertDto, Guid>("Alerts");

    protected override string EntityName => "Alert";

    /// <summary><c>GET Alerts/UiPath.Server.Configuration.OData.GetUnreadCount()</c>: how many alerts are Unread (an <c>Edm.Int64</c>).</summary>
    [HttpGet("odata/Alerts/UiPath.Server.Configuration.OData.GetUnreadCount()")]
    public IActionResult GetUnreadCount() => Ok(Table.InFolder(null).LongCount(alert => alert.State == AlertState.Unread));
}

/// <summary>The <c>RobotLogs</c> set and <c>GetTotalCount()</c>.</summary>
internal sealed class RobotLogsController : TableController<LogDto, long>
{
    public RobotLogsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<LogDto, long> Table => State.Data.Table<LogDto, long>("RobotLogs");

    protected override string EntityName => "Log";

    /// <summary><c>GET RobotLogs/UiPath.Server.Configuration.OData.GetTotalCount()</c>: how many robot logs there are (an <c>Edm.Int64</c>).</summary>
    [HttpGet("odata/RobotLogs/UiPath.Server.Configuration.OData.GetTotalCount()")]
    public IActionResult GetTotalCount()
    {
        if (!TryGetFolder(out var folderId, out var error))
        {
            return error;
        }

        return Ok((long)Table.InFolder(folderId).Count);
    }
}
