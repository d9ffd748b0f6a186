using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// <c>$select</c>, <c>$expand</c>, <c>$orderby</c>, <c>$top</c> and <c>$skip</c> as the service applies
/// them, compared with what the emulator holds; and Orchestrator's <c>$top</c> cap as a typed error.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class QueryOptionTests(SharedEmulator session)
{
    [Fact]
    public async Task Select_fills_only_the_selected_properties()
    {
        var log = RequestLog.Mark(session.Emulator);

        var releases = await session.Shared.Releases.Select(r => r.Name, r => r.ProcessVersion).OrderBy(r => r.Name).ToListAsync();

        Assert.Equal("Name,ProcessVersion", log.Single().Query()["$select"]);
        Assert.Equal(["DataSync", "InvoiceProcessing", "ReportGenerator"], releases.ConvertAll(r => r.Name!));
        Assert.Equal(["1.0.0", "1.0.3", "2.1.0"], releases.ConvertAll(r => r.ProcessVersion!));
        Assert.All(releases, release =>
        {
            // The server has all of these; unselected, they keep their defaults.
            Assert.Equal(0, release.Id);
            Assert.Null(release.Key);
            Assert.Null(release.ProcessKey);
            Assert.Null(release.EntryPointPath);
            Assert.Null(release.OrganizationUnitId);
            Assert.Null(release.CreationTime);
            Assert.Empty(release.Tags);
        });
        Assert.All(session.Emulator.Data.Releases.InFolder(session.SharedFolderId), release =>
        {
            Assert.NotNull(release.Key);
            Assert.NotEqual(0, release.Id);
        });
    }

    [Fact]
    public async Task Without_expand_a_navigation_property_stays_empty()
    {
        var jobs = await session.Shared.Jobs.OrderBy(j => j.Id).ToListAsync();

        Assert.Contains(session.Emulator.Data.Jobs.InFolder(session.SharedFolderId), job => job.Machine is not null);
        Assert.All(jobs, job => Assert.Null(job.Machine));

        // Robot and Release are navigations too (the public SDKs request $expand=Robot,Release,Machine).
        Assert.Contains(session.Emulator.Data.Jobs.InFolder(session.SharedFolderId), job => job.Release is not null);
        Assert.All(jobs, job => Assert.Null(job.Release));
        var expanded = await session.Shared.Jobs.OrderBy(j => j.Id).Expand(j => j.Release).ToListAsync();
        Assert.Contains(expanded, job => job.Release is not null);
    }

    [Fact]
    public async Task Expand_of_Machine_with_a_nested_select_brings_the_selected_machine_properties()
    {
        var server = session.Emulator.Data.Jobs.InFolder(session.SharedFolderId).ToDictionary(job => job.Id);
        var log = RequestLog.Mark(session.Emulator);

        var jobs = await session.Shared.Jobs
            .Select(j => j.Id, j => j.State)
            .Expand(j => j.Machine, machine => machine.Select(m => m.Name, m => m.UnattendedSlots))
            .OrderBy(j => j.Id)
            .ToListAsync();

        var query = log.Single().Query();
        Assert.Equal("Id,State", query["$select"]);
        Assert.Equal("Machine($select=Name,UnattendedSlots)", query["$expand"]);
        Assert.Equal(server.Keys.Order(), jobs.Select(job => job.Id));
        Assert.Contains(jobs, job => job.Machine is not null);
        Assert.Contains(jobs, job => job.Machine is null);
        foreach (var job in jobs)
        {
            var expected = server[job.Id];
            Assert.Equal(expected.State.ToString(), job.State.ToString());
            Assert.Null(job.ReleaseName);
            if (expected.Machine is null)
            {
                Assert.Null(job.Machine);
                continue;
            }

            Assert.NotNull(job.Machine);
            Assert.Equal(expected.Machine.Name, job.Machine.Name);
            Assert.Equal(expected.Machine.UnattendedSlots, job.Machine.UnattendedSlots);
            Assert.NotNull(expected.Machine.Description);
            Assert.Null(job.Machine.Description);
            Assert.Equal(0, job.Machine.Id);
        }
    }

    [Fact]
    public async Task OrderBy_then_by_descending_matches_LINQ_over_the_servers_rows()
    {
        var expected = session.Emulator.Data.Jobs.InFolder(session.SharedFolderId)
            .OrderBy(job => job.State)
            .ThenByDescending(job => job.CreationTime)
            .ThenBy(job => job.Id)
            .Select(job => job.Id)
            .ToList();
        var log = RequestLog.Mark(session.Emulator);

        var jobs = await session.Shared.Jobs
            .OrderBy(j => j.State)
            .ThenByDescending(j => j.CreationTime)
            .ThenBy(j => j.Id)
            .ToListAsync();

        Assert.Equal("State,CreationTime desc,Id", log.Single().Query()["$orderby"]);
        Assert.Equal(expected, jobs.Select(job => job.Id));
        Assert.True(jobs.Select(job => job.State).Distinct().Count() > 3);
    }

    [Fact]
    public async Task OrderByDescending_replaces_an_earlier_order()
    {
        var expected = session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).Select(item => item.Id).OrderDescending().Take(5);

        var items = await session.Shared.QueueItems.OrderBy(q => q.CreationTime).OrderByDescending(q => q.Id).Top(5).ToListAsync();

        Assert.Equal(expected, items.Select(item => item.Id));
    }

    [Fact]
    public async Task Top_and_Skip_select_a_window_of_the_ordered_rows()
    {
        var ordered = session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).OrderBy(item => item.CreationTime).ThenBy(item => item.Id).Select(item => item.Id).ToList();
        var query = session.Shared.QueueItems.OrderBy(q => q.CreationTime).ThenBy(q => q.Id).Skip(20).Top(15);
        var log = RequestLog.Mark(session.Emulator);

        var page = await query.ToPageAsync();
        var enumerated = await query.ToListAsync();

        Assert.Equal(ordered.Skip(20).Take(15), page.Items.Select(item => item.Id));
        Assert.Equal(ordered.Skip(20).Take(15), enumerated.Select(item => item.Id));
        Assert.All(log.Requests, request =>
        {
            Assert.Equal("15", request.Query()["$top"]);
            Assert.Equal("20", request.Query()["$skip"]);
        });
        Assert.Equal(2, log.Requests.Count);
    }

    [Fact]
    public async Task Skip_alone_enumerates_the_rest()
    {
        var all = session.Emulator.Data.Jobs.InFolder(session.SharedFolderId).Select(job => job.Id).Order().ToList();

        var rest = await session.Shared.Jobs.OrderBy(j => j.Id).Skip(50).ToListAsync();

        Assert.Equal(all.Skip(50), rest.Select(job => job.Id));
    }

    [Fact]
    public async Task FirstOrDefault_asks_for_one_row()
    {
        var expected = session.Emulator.Data.QueueItems.InFolder(session.SharedFolderId).MaxBy(item => item.Id)!;
        var log = RequestLog.Mark(session.Emulator);

        var first = await session.Shared.QueueItems.OrderByDescending(q => q.Id).FirstOrDefaultAsync();

        Assert.Equal(expected.Id, first?.Id);
        Assert.Equal(expected.Reference, first?.Reference);
        Assert.Equal("1", log.Single().Query()["$top"]);
    }

    [Fact]
    public async Task Top_over_1000_in_one_page_is_refused_with_the_OData_error_as_a_typed_exception()
    {
        var log = RequestLog.Mark(session.Emulator);

        var refused = await Assert.ThrowsAsync<ODataRequestException>(() => session.Shared.QueueItems.Top(1001).ToPageAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("InvalidQuery", refused.ErrorCode);
        Assert.NotNull(refused.ServiceMessage);
        Assert.Contains("1000", refused.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains(refused.ServiceMessage, refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"error\"", refused.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("1001", log.Single().Query()["$top"]);
        Assert.Equal(400, log.Single().StatusCode);
    }

    [Fact]
    public async Task Top_over_1000_when_enumerating_is_a_limit_split_into_pages_the_service_accepts()
    {
        var log = RequestLog.Mark(session.Emulator);

        var items = await session.Shared.QueueItems.Top(1001).ToListAsync();

        Assert.Equal(1001, items.Count);
        Assert.Equal(["1000", "1"], log.Requests.Select(request => request.Query()["$top"]).ToArray());
        Assert.All(log.Requests, request => Assert.Equal(200, request.StatusCode));
    }
}
