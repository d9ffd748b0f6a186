using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Contracts;

namespace UiPathClients.Emulator.Orchestrator.Api;

/// <summary>
/// Orchestrator's non-OData <c>api/</c> routes that monitoring clients call first: <c>api/Status/Get</c> (is the
/// service up) and the tenant-wide counters of <c>api/Stats</c>, computed from the emulator's data. The other
/// <c>api/</c> routes of the cloud description (licensing, test automation, directory service …) are not served: the
/// bundled description is the OData one, and they have no in-memory counterpart.
/// </summary>
[ApiController]
internal sealed class StatusController : ControllerBase
{
    private readonly EmulatorState _state;

    public StatusController(EmulatorState state) => _state = state;

    /// <summary><c>GET api/Status/Get</c>: 200 with no body while the service serves traffic.</summary>
    [HttpGet("api/Status/Get")]
    public IActionResult Get() => Ok();

    /// <summary><c>GET api/Stats/GetCountStats</c>: how many processes, assets, queues and schedules the tenant has.</summary>
    [HttpGet("api/Stats/GetCountStats")]
    public IReadOnlyList<CountStat> GetCountStats()
    {
        var data = _state.Data;
        return
        [
            new("Processes", data.Releases.Count),
            new("Assets", data.Assets.Count),
            new("Queues", data.QueueDefinitions.Count),
            new("Schedules", data.Table<ProcessScheduleDto, long>("ProcessSchedules").Count),
        ];
    }

    /// <summary><c>GET api/Stats/GetJobsStats</c>: how many jobs ended successful, faulted and stopped ("Canceled").</summary>
    [HttpGet("api/Stats/GetJobsStats")]
    public IReadOnlyList<CountStat> GetJobsStats()
    {
        var jobs = _state.Data.Jobs.InFolder(null);
        return
        [
            new("Successful", jobs.Count(job => job.State == JobState.Successful)),
            new("Faulted", jobs.Count(job => job.State == JobState.Faulted)),
            new("Canceled", jobs.Count(job => job.State == JobState.Stopped)),
        ];
    }

    /// <summary>One counter, as the description's <c>CountStats</c> schema has it.</summary>
    /// <param name="Title">What is counted.</param>
    /// <param name="Count">How many.</param>
    /// <param name="HasPermissions">Whether the caller may see the count: always, since the emulator grants every permission.</param>
    internal sealed record CountStat(string Title, long Count, bool HasPermissions = true);
}
