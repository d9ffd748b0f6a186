using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Errors;
using UiPathClients.Emulator.Orchestrator.Webhooks;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// The <c>Robots</c> set (tenant level), <c>GetUsernames</c>, <c>ToggleEnabledStatus</c> and <c>DeleteBulk</c>. Creating,
/// changing (PUT, PATCH, <c>ToggleEnabledStatus</c>) and deleting robots raise <c>robot.created</c>, <c>robot.updated</c>
/// and <c>robot.deleted</c>, the robots in the payload's <c>Robots</c> list and no folder (robots belong to the tenant).
/// </summary>
internal sealed class RobotsController : TableController<RobotDto, long>
{
    private const string Namespace = "UiPath.Server.Configuration.OData";

    public RobotsController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<RobotDto, long> Table => State.Data.Robots;

    protected override string EntityName => "Robot";

    /// <summary>
    /// <c>POST Robots/UiPath.Server.Configuration.OData.ToggleEnabledStatus</c> with <c>{"robotIds": [...], "enabled": …}</c>:
    /// sets <c>Enabled</c> on every named robot (200 with no body, as the description documents); nothing changes when one does not exist.
    /// </summary>
    [HttpPost("odata/Robots/" + Namespace + ".ToggleEnabledStatus")]
    public IActionResult ToggleEnabledStatus(ODataActionParameters parameters)
    {
        if (parameters?.TryGetValue("robotIds", out var ids) != true || ids is not IEnumerable<long> robotIds
            || !parameters.TryGetValue("enabled", out var value) || value is not bool enabled)
        {
            return OrchestratorError.BadRequest("The body must be {\"robotIds\": [...], \"enabled\": true|false}.");
        }

        var idList = robotIds.ToList();
        var missing = idList.Where(id => Table.Find(id, folderId: null) is null).ToList();
        if (missing.Count > 0)
        {
            return OrchestratorError.NotFound("Robot " + string.Join(", ", missing));
        }

        var toggled = idList.Select(id => Table.Update(id, folderId: null, robot => robot.Enabled = enabled)).OfType<RobotDto>().ToList();
        Publish(WebhookEventTypes.RobotUpdated, toggled);
        return Ok();
    }

    /// <summary><c>GET Robots/UiPath.Server.Configuration.OData.GetUsernames()</c>: the distinct user names of the robots, in order.</summary>
    [HttpGet("odata/Robots/" + Namespace + ".GetUsernames()")]
    public IActionResult GetUsernames() =>
        Ok(Table.InFolder(null).Select(robot => robot.Username).OfType<string>().Distinct(System.StringComparer.Ordinal).Order(System.StringComparer.Ordinal).ToList());

    /// <summary>
    /// <c>POST Robots/UiPath.Server.Configuration.OData.DeleteBulk</c> with <c>{"robotIds": [...]}</c>: deletes the named
    /// robots (204); nothing is deleted when one does not exist.
    /// </summary>
    [HttpPost("odata/Robots/" + Namespace + ".DeleteBulk")]
    public IActionResult DeleteBulk(ODataActionParameters parameters) =>
        BulkDeletion.Delete(Table, parameters, "robotIds", EntityName, deleted => Publish(WebhookEventTypes.RobotDeleted, deleted));

    private protected override void AfterCreate(RobotDto created, long? folderId) => Publish(WebhookEventTypes.RobotCreated, [created]);

    private protected override void AfterUpdate(RobotDto updated, long? folderId) => Publish(WebhookEventTypes.RobotUpdated, [updated]);

    private protected override void AfterDelete(RobotDto deleted, long? folderId) => Publish(WebhookEventTypes.RobotDeleted, [deleted]);

    private void Publish(string eventType, IReadOnlyList<RobotDto> robots)
    {
        if (robots.Count > 0)
        {
            State.Webhooks.Publish(eventType, organizationUnitId: null, "Robots", robots);
        }
    }
}

/// <summary>The <c>Machines</c> set (tenant level) and <c>DeleteBulk</c>.</summary>
internal sealed class MachinesController : TableController<ExtendedMachineDto, long>
{
    public MachinesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<ExtendedMachineDto, long> Table => State.Data.Machines;

    protected override string EntityName => "Machine";

    /// <summary>
    /// <c>POST Machines/UiPath.Server.Configuration.OData.DeleteBulk</c> with <c>{"machineIds": [...]}</c>: deletes the
    /// named machines (204); nothing is deleted when one does not exist.
    /// </summary>
    [HttpPost("odata/Machines/UiPath.Server.Configuration.OData.DeleteBulk")]
    public IActionResult DeleteBulk(ODataActionParameters parameters) =>
        BulkDeletion.Delete(Table, parameters, "machineIds", EntityName);
}

/// <summary>The <c>DeleteBulk</c> actions of tenant-level sets keyed by <c>Edm.Int64</c>.</summary>
internal static class BulkDeletion
{
    /// <summary>
    /// Deletes every entity whose id <paramref name="parameter"/> lists, or none (404) when one is missing; hands the
    /// deleted entities to <paramref name="onDeleted"/> when given.
    /// </summary>
    public static IActionResult Delete<TEntity>(EntityTable<TEntity, long> table, ODataActionParameters? parameters, string parameter, string entityName, System.Action<IReadOnlyList<TEntity>>? onDeleted = null)
        where TEntity : class
    {
        if (parameters?.TryGetValue(parameter, out var value) != true || value is not IEnumerable<long> ids)
        {
            return OrchestratorError.BadRequest($"The body must list the ids: {{\"{parameter}\": [...]}}.");
        }

        var idList = ids.ToList();
        var missing = idList.Where(id => table.Find(id, folderId: null) is null).ToList();
        if (missing.Count > 0)
        {
            return OrchestratorError.NotFound(entityName + " " + string.Join(", ", missing));
        }

        var deleted = new List<TEntity>(idList.Count);
        foreach (var id in idList)
        {
            if (table.Find(id, folderId: null) is { } entity && table.Remove(id, folderId: null))
            {
                deleted.Add(entity);
            }
        }

        onDeleted?.Invoke(deleted);
        return new NoContentResult();
    }
}
