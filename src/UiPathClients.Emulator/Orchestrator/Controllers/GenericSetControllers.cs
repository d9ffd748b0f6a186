using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

// Sets the emulator seeds nothing for: their operations work on whatever their tables hold (filled by clients or tests).
// Each controller here replaces the generic EntitySetController closure of its set.

/// <summary>The <c>Alerts</c> set (tenant level), <c>GetUnreadCount()</c>, <c>MarkAsRead</c> and <c>RaiseProcessAlert</c>.</summary>
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

    /// <summary>
    /// <c>POST Alerts/UiPath.Server.Configuration.OData.MarkAsRead</c> with <c>{"ids": [...]}</c>: the named alerts become
    /// Read; answers how many alerts are still unread (an <c>Edm.Int64</c>). Ids of no alert are ignored.
    /// </summary>
    [HttpPost("odata/Alerts/UiPath.Server.Configuration.OData.MarkAsRead")]
    public IActionResult MarkAsRead(ODataActionParameters parameters)
    {
        if (parameters?.TryGetValue("ids", out var value) != true || value is not IEnumerable<Guid> ids)
        {
            return Errors.OrchestratorError.BadRequest("The body must list the alerts: {\"ids\": [...]}.");
        }

        foreach (var id in ids)
        {
            Table.Update(id, folderId: null, alert => alert.State = AlertState.Read);
        }

        return GetUnreadCount();
    }

    /// <summary>
    /// <c>POST Alerts/UiPath.Server.Configuration.OData.RaiseProcessAlert</c> with <c>{"processAlert": {"Message", "Severity", …}}</c>:
    /// adds an Unread alert of the Process component with that severity, whose data carries the message (200 with no body).
    /// </summary>
    [HttpPost("odata/Alerts/UiPath.Server.Configuration.OData.RaiseProcessAlert")]
    public IActionResult RaiseProcessAlert(ODataActionParameters parameters)
    {
        if (parameters?.TryGetValue("processAlert", out var value) != true || value is not ProcessAlertDto alert
            || !Enum.TryParse<AlertSeverity>(alert.Severity.ToString(), out var severity))
        {
            return Errors.OrchestratorError.BadRequest("The body must be {\"processAlert\": {\"Message\": \"…\", \"Severity\": \"Info\"|…}}.");
        }

        Table.Add(new AlertDto
        {
            Id = alert.Id is { } id && id != Guid.Empty ? id : Guid.NewGuid(),
            NotificationName = "Process.Alert",
            Component = AlertComponent.Process,
            Severity = severity,
            State = AlertState.Unread,
            CreationTime = State.Options.TimeProvider.GetUtcNow(),
            Data = System.Text.Json.JsonSerializer.Serialize(new { alert.Message, alert.RobotName, alert.ProcessName }),
        });
        return Ok();
    }
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

/// <summary>The <c>QueueItemComments</c> set and <c>GetQueueItemCommentsHistory(queueItemId=…)</c>.</summary>
internal sealed class QueueItemCommentsController : TableController<QueueItemCommentDto, long>
{
    public QueueItemCommentsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<QueueItemCommentDto, long> Table => State.Data.Table<QueueItemCommentDto, long>("QueueItemComments");

    protected override string EntityName => "Queue item comment";

    /// <summary>
    /// <c>GET QueueItemComments/…GetQueueItemCommentsHistory(queueItemId=…)</c>: the comments made on the item (and on the
    /// items it retries or that retry it, which share its history), oldest first.
    /// </summary>
    [HttpGet("odata/QueueItemComments/UiPath.Server.Configuration.OData.GetQueueItemCommentsHistory(queueItemId={queueItemId})")]
    public IActionResult GetQueueItemCommentsHistory(long queueItemId)
    {
        var items = State.Data.QueueItems;
        var folderId = items.FolderOf(queueItemId);
        if (folderId is null || items.Find(queueItemId, folderId) is not { } item)
        {
            return Errors.OrchestratorError.NotFound($"Queue item {queueItemId}");
        }

        var original = item.AncestorUniqueKey ?? item.Key;
        var family = items.InFolder(folderId)
            .Where(candidate => candidate.Id == queueItemId || (original is not null && (candidate.Key == original || candidate.AncestorUniqueKey == original)))
            .Select(candidate => candidate.Id)
            .ToHashSet();
        return Ok(Table.InFolder(null).Where(comment => comment.QueueItemId is { } id && family.Contains(id)).OrderBy(comment => comment.Id).ToList());
    }
}

/// <summary>The <c>ProcessSchedules</c> set and <c>SetEnabled</c>.</summary>
internal sealed class ProcessSchedulesController : TableController<ProcessScheduleDto, long>
{
    public ProcessSchedulesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<ProcessScheduleDto, long> Table => State.Data.Table<ProcessScheduleDto, long>("ProcessSchedules");

    protected override string EntityName => "Process schedule";

    /// <summary>
    /// <c>POST ProcessSchedules/UiPath.Server.Configuration.OData.SetEnabled</c> with <c>{"enabled": …, "scheduleIds": [...]}</c>:
    /// enables or disables the named schedules; answers <c>true</c>, or 404 (changing nothing) when one does not exist.
    /// </summary>
    [HttpPost("odata/ProcessSchedules/UiPath.Server.Configuration.OData.SetEnabled")]
    public IActionResult SetEnabled(ODataActionParameters parameters) =>
        ScheduleSwitch.SetEnabled(Table, parameters, "scheduleIds", EntityName, (schedule, enabled) => schedule.Enabled = enabled);
}

/// <summary>The <c>TestSetSchedules</c> set and <c>SetEnabled</c>.</summary>
internal sealed class TestSetSchedulesController : TableController<TestSetScheduleDto, long>
{
    public TestSetSchedulesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<TestSetScheduleDto, long> Table => State.Data.Table<TestSetScheduleDto, long>("TestSetSchedules");

    protected override string EntityName => "Test set schedule";

    /// <summary>
    /// <c>POST TestSetSchedules/UiPath.Server.Configuration.OData.SetEnabled</c> with <c>{"enabled": …, "testSetScheduleIds": [...]}</c>:
    /// enables or disables the named schedules; answers <c>true</c>, or 404 (changing nothing) when one does not exist.
    /// </summary>
    [HttpPost("odata/TestSetSchedules/UiPath.Server.Configuration.OData.SetEnabled")]
    public IActionResult SetEnabled(ODataActionParameters parameters) =>
        ScheduleSwitch.SetEnabled(Table, parameters, "testSetScheduleIds", EntityName, (schedule, enabled) => schedule.Enabled = enabled);
}

/// <summary>The <c>SetEnabled</c> actions of the schedule sets.</summary>
internal static class ScheduleSwitch
{
    /// <summary>Sets <c>Enabled</c> on every schedule <paramref name="idsParameter"/> lists, or on none (404) when one is missing.</summary>
    public static IActionResult SetEnabled<TSchedule>(EntityTable<TSchedule, long> table, ODataActionParameters? parameters, string idsParameter, string entityName, Action<TSchedule, bool> setEnabled)
        where TSchedule : class
    {
        if (parameters?.TryGetValue(idsParameter, out var value) != true || value is not IEnumerable<long> ids
            || !parameters.TryGetValue("enabled", out var flag) || flag is not bool enabled)
        {
            return Errors.OrchestratorError.BadRequest($"The body must be {{\"enabled\": true|false, \"{idsParameter}\": [...]}}.");
        }

        var idList = ids.ToList();
        var missing = idList.Where(id => table.Find(id, folderId: null) is null).ToList();
        if (missing.Count > 0)
        {
            return Errors.OrchestratorError.NotFound(entityName + " " + string.Join(", ", missing));
        }

        foreach (var id in idList)
        {
            table.Update(id, folderId: null, schedule => setEnabled(schedule, enabled));
        }

        return new OkObjectResult(true);
    }
}

/// <summary>The <c>Settings</c> set (string keys) and <c>DeleteBulk</c>.</summary>
internal sealed class SettingsController : TableController<SettingsDto, string>
{
    public SettingsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<SettingsDto, string> Table => State.Data.Table<SettingsDto, string>("Settings");

    protected override string EntityName => "Setting";

    /// <summary>
    /// <c>POST Settings/UiPath.Server.Configuration.OData.DeleteBulk</c> with <c>{"settingNames": [...]}</c>: deletes the
    /// settings of those names (204); names of no setting are ignored.
    /// </summary>
    [HttpPost("odata/Settings/UiPath.Server.Configuration.OData.DeleteBulk")]
    public IActionResult DeleteBulk(ODataActionParameters parameters)
    {
        if (parameters?.TryGetValue("settingNames", out var value) != true || value is not IEnumerable<string> names)
        {
            return Errors.OrchestratorError.BadRequest("The body must list the settings: {\"settingNames\": [...]}.");
        }

        var doomed = names.ToHashSet(StringComparer.Ordinal);
        foreach (var setting in Table.InFolder(null).Where(setting => doomed.Contains(setting.Name ?? setting.Id)))
        {
            Table.Remove(Table.KeyOf(setting), folderId: null);
        }

        return NoContent();
    }
}

/// <summary>The <c>ExecutionMedia</c> set and <c>DeleteMediaByJobId</c>.</summary>
internal sealed class ExecutionMediaController : TableController<ExecutionMediaDto, long>
{
    public ExecutionMediaController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<ExecutionMediaDto, long> Table => State.Data.Table<ExecutionMediaDto, long>("ExecutionMedia");

    protected override string EntityName => "Execution media";

    /// <summary>
    /// <c>POST ExecutionMedia/UiPath.Server.Configuration.OData.DeleteMediaByJobId</c> with <c>{"jobId": …}</c>: deletes the
    /// media recorded for the job (204).
    /// </summary>
    [HttpPost("odata/ExecutionMedia/UiPath.Server.Configuration.OData.DeleteMediaByJobId")]
    public IActionResult DeleteMediaByJobId(ODataActionParameters parameters)
    {
        if (parameters?.TryGetValue("jobId", out var value) != true || value is not long jobId)
        {
            return Errors.OrchestratorError.BadRequest("The body must name the job: {\"jobId\": 1}.");
        }

        foreach (var media in Table.InFolder(null).Where(media => media.JobId == jobId))
        {
            Table.Remove(Table.KeyOf(media), folderId: null);
        }

        return NoContent();
    }
}
