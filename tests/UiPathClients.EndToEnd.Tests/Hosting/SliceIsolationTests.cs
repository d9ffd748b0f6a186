using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using UiPathClients.Emulator.Identity;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Hosting;

/// <summary>
/// The Orchestrator and Communications Mining slices run none of each other's middleware: a Communications Mining call
/// neither moves Orchestrator's jobs along nor reads Orchestrator's folder headers.
/// </summary>
public sealed class SliceIsolationTests(ClockedEmulator session) : IClassFixture<ClockedEmulator>
{
    [Fact]
    public async Task A_Communications_Mining_call_does_not_advance_Orchestrator_jobs()
    {
        var releaseKey = (await session.Shared.Releases.Top(1).ToListAsync()).Single().Key;
        var job = (await session.Shared.Jobs.StartJobsAsync(new StartProcessDto { ReleaseKey = releaseKey, Strategy = StartProcessStrategy.ModernJobsCount, JobsCount = 1 })).Single();
        session.Clock.Advance(ClockedEmulator.PendingTime + ClockedEmulator.RunTime);

        using var http = new HttpClient { BaseAddress = session.Emulator.CommunicationsMiningAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        using var datasets = await http.GetAsync("v1/datasets");

        Assert.Equal(HttpStatusCode.OK, datasets.StatusCode);
        // The stored job is where the last Orchestrator request left it: pending.
        Assert.Equal(Emulator.Orchestrator.Contracts.JobState.Pending, session.Emulator.Data.Jobs.Find(job.Id, null)!.State);

        // The next Orchestrator request moves it on to where the clock says it is.
        var current = await session.Shared.Jobs[job.Id].GetAsync();
        Assert.Equal(JobState.Successful, current.State);
    }

    [Fact]
    public async Task Folder_headers_on_a_Communications_Mining_call_are_not_Orchestrator_folders()
    {
        using var http = new HttpClient { BaseAddress = session.Emulator.CommunicationsMiningAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/datasets");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        request.Headers.Add("X-UIPATH-OrganizationUnitId", "not-a-number");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
