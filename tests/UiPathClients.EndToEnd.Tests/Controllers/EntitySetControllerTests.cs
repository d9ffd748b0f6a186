using System.Linq;
using System.Net;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using ServerCalendar = UiPathClients.Emulator.Orchestrator.Contracts.ExtendedCalendarDto;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary>
/// A set without a hand-written controller (<c>Calendars</c>) through the generated client: the generic controller
/// creates, queries, reads, replaces and deletes over its in-memory table, and refuses PATCH, which the set's
/// <c>UpdateMethod</c> (PUT only) does not have.
/// </summary>
public sealed class EntitySetControllerTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    [Fact]
    public async Task A_set_without_its_own_controller_has_the_CRUD_its_capabilities_allow()
    {
        var table = session.Emulator.Data.Table<ServerCalendar, long>("Calendars");
        Assert.Equal(0, table.Count);

        var first = await session.Tenant.Calendars.CreateAsync(new ExtendedCalendarDto { Name = "E2E holidays", TimeZoneId = "Europe/Paris" });
        var second = await session.Tenant.Calendars.CreateAsync(new ExtendedCalendarDto { Name = "E2E closures" });
        Assert.True(first.Id > 0);
        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(2, table.Count);

        Assert.Equal(["E2E holidays"], (await session.Tenant.Calendars.Where(calendar => calendar.TimeZoneId == "Europe/Paris").ToListAsync()).ConvertAll(calendar => calendar.Name));
        var read = await session.Tenant.Calendars[first.Id].GetAsync();
        Assert.Equal("E2E holidays", read.Name);

        read.Name = "E2E public holidays";
        await session.Tenant.Calendars[first.Id].UpdateAsync(read);
        Assert.Equal("E2E public holidays", table.Find(first.Id, null)!.Name);

        using var http = session.Emulator.CreateHttpClient();
        using var patch = await http.PatchAsync($"odata/Calendars({first.Id})", new System.Net.Http.StringContent("{\"Name\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, patch.StatusCode);
        Assert.Equal("E2E public holidays", table.Find(first.Id, null)!.Name);

        await session.Tenant.Calendars[second.Id].DeleteAsync();
        Assert.Equal([first.Id], table.InFolder(null).Select(calendar => calendar.Id).ToArray());
        var gone = await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Tenant.Calendars[second.Id].GetAsync());
        Assert.Equal("1002", gone.ErrorCode);
    }
}
