using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Orchestrator.Errors;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

// Action Center and job-trigger sets the emulator seeds nothing for: their lookups work on whatever their tables hold.

/// <summary>The <c>Tasks</c> set and <c>GetByKey(identifier=…)</c>.</summary>
internal sealed class TasksController : TableController<TaskDto, long>
{
    public TasksController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<TaskDto, long> Table => State.Data.Table<TaskDto, long>("Tasks");

    protected override string EntityName => "Task";

    /// <summary><c>GET Tasks/UiPath.Server.Configuration.OData.GetByKey(identifier=…)</c>: the task whose <c>Key</c> is the given GUID.</summary>
    [HttpGet("odata/Tasks/UiPath.Server.Configuration.OData.GetByKey(identifier={identifier})")]
    public IActionResult GetByKey(Guid identifier) =>
        Table.InFolder(null).FirstOrDefault(task => task.Key == identifier) is { } found
            ? Ok(found)
            : OrchestratorError.NotFound($"Task {identifier}");
}

/// <summary>The <c>TaskNotes</c> set and <c>GetByTaskId(taskId=…)</c>.</summary>
internal sealed class TaskNotesController : TableController<TaskNoteDto, long>
{
    public TaskNotesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<TaskNoteDto, long> Table => State.Data.Table<TaskNoteDto, long>("TaskNotes");

    protected override string EntityName => "Task note";

    /// <summary><c>GET TaskNotes/UiPath.Server.Configuration.OData.GetByTaskId(taskId=…)</c>: the task's notes, oldest first.</summary>
    [HttpGet("odata/TaskNotes/UiPath.Server.Configuration.OData.GetByTaskId(taskId={taskId})")]
    public IActionResult GetByTaskId(long taskId) => Ok(Table.InFolder(null).Where(note => note.TaskId == taskId).OrderBy(note => note.Id).ToList());
}

/// <summary>The <c>TaskActivities</c> set and <c>GetByTaskId(taskId=…)</c>.</summary>
internal sealed class TaskActivitiesController : TableController<TaskActivityDto, long>
{
    public TaskActivitiesController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<TaskActivityDto, long> Table => State.Data.Table<TaskActivityDto, long>("TaskActivities");

    protected override string EntityName => "Task activity";

    /// <summary><c>GET TaskActivities/UiPath.Server.Configuration.OData.GetByTaskId(taskId=…)</c>: the task's activities, oldest first.</summary>
    [HttpGet("odata/TaskActivities/UiPath.Server.Configuration.OData.GetByTaskId(taskId={taskId})")]
    public IActionResult GetByTaskId(long taskId) => Ok(Table.InFolder(null).Where(activity => activity.TaskId == taskId).OrderBy(activity => activity.Id).ToList());
}

/// <summary>The <c>JobTriggers</c> set and <c>GetByJobKey(jobKey=…)</c>.</summary>
internal sealed class JobTriggersController : TableController<JobTriggerDto, long>
{
    public JobTriggersController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<JobTriggerDto, long> Table => State.Data.Table<JobTriggerDto, long>("JobTriggers");

    protected override string EntityName => "Job trigger";

    /// <summary>
    /// <c>GET JobTriggers/UiPath.Server.Configuration.OData.GetByJobKey(jobKey=…)</c>: the triggers a suspended job waits on, for
    /// the job of the request's folder whose <c>Key</c> is given (404 when there is none).
    /// </summary>
    [HttpGet("odata/JobTriggers/UiPath.Server.Configuration.OData.GetByJobKey(jobKey={jobKey})")]
    public IActionResult GetByJobKey(Guid jobKey)
    {
        if (!TryGetFolder(folderScoped: true, out var folderId, out var error))
        {
            return error;
        }

        if (State.Data.Jobs.InFolder(folderId).FirstOrDefault(job => job.Key == jobKey) is not { } found)
        {
            return OrchestratorError.NotFound($"Job {jobKey}");
        }

        return Ok(Table.InFolder(null).Where(trigger => trigger.JobId == found.Id).OrderBy(trigger => trigger.Id).ToList());
    }
}
