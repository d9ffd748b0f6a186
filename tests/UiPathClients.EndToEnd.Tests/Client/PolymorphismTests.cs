using System.Linq;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// A navigation property declared as a base type (<c>JobDto.Machine</c>: <c>MachineDto</c>) holding a derived
/// instance: ASP.NET Core OData names it with <c>@odata.type</c>, and the generated metadata reads it as that type.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class PolymorphismTests(SharedEmulator session)
{
    [Fact]
    public async Task An_expanded_base_typed_navigation_reads_as_the_derived_type_the_server_names()
    {
        var jobs = await session.Shared.Jobs.Where(j => j.Machine != null).Expand(j => j.Machine).Top(5).ToListAsync();

        Assert.NotEmpty(jobs);
        Assert.All(jobs, job =>
        {
            var machine = Assert.IsType<ExtendedMachineDto>(job.Machine);
            Assert.StartsWith("VM-", machine.Name, System.StringComparison.Ordinal);
            // The discriminator is consumed, not left over as unknown data.
            Assert.False(machine.AdditionalData?.ContainsKey("@odata.type") ?? false);
        });
        Assert.Equal(
            session.Emulator.Data.Jobs.InFolder(session.SharedFolderId).Where(job => job.Machine is not null).Take(5).Select(job => job.Machine!.Name),
            jobs.Select(job => job.Machine!.Name));
    }
}
