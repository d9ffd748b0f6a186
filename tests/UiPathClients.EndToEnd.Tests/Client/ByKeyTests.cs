using System;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// The same classes the second server (SAP CAP) proves, against the Orchestrator emulator: by-key <c>$select</c>/<c>$expand</c>,
/// If-Match on an entity-bound operation, and the IEEE754Compatible=false Accept header ASP.NET Core OData accepts.
/// (Navigation paths such as <c>Jobs(1)/Machine</c> are not among Orchestrator's documented routes, so the emulator does not serve them.)
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class ByKeyTests(SharedEmulator session)
{
    [Fact]
    public async Task By_key_select_and_expand_reach_the_service_and_shape_the_entity()
    {
        var expected = session.Emulator.Data.Jobs.InFolder(session.SharedFolderId).First(job => job.Machine is not null);
        var log = RequestLog.Mark(session.Emulator);

        var job = await session.Shared.Jobs[expected.Id].Select(j => j.Id, j => j.State).Expand(j => j.Machine, m => m.Select(x => x.Name)).GetAsync();

        var request = log.Single();
        Assert.Equal($"/odata/Jobs({expected.Id})", request.Path());
        Assert.Equal("Id,State", request.Query()["$select"]);
        Assert.Equal("Machine($select=Name)", request.Query()["$expand"]);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(expected.Id, job.Id);
        Assert.Null(job.ReleaseName);
        Assert.Equal(expected.Machine!.Name, job.Machine!.Name);
        Assert.Null(job.Machine.Description);
    }

    [Fact]
    public async Task An_entity_bound_operation_sends_the_etag_it_is_given_and_every_request_states_IEEE754Compatible()
    {
        var log = RequestLog.Mark(session.Emulator);

        await session.Tenant.Webhooks[1].PingAsync(ifMatch: "W/\"1\"");
        await session.Tenant.Webhooks[1].PingAsync();

        Assert.Equal("W/\"1\"", log.Requests[0].Headers.TryGetValue("If-Match", out var sent) ? sent : null);
        Assert.False(log.Requests[1].Headers.ContainsKey("If-Match"));
        Assert.All(log.Requests, request =>
        {
            Assert.Equal("application/json; IEEE754Compatible=false", request.Headers["Accept"]);
            Assert.Equal(202, request.StatusCode); // Ping is Accepted, as the description documents.
        });
    }
}
