using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Client;

[Collection(SharedEmulatorCollection.Name)]
public sealed class SmokeTests(SharedEmulator session)
{
    [Fact]
    public async Task The_generated_client_reads_the_seeded_releases_of_the_shared_folder()
    {
        var releases = await session.Shared.Releases.OrderBy(r => r.Name).ToListAsync();

        Assert.Equal(["DataSync", "InvoiceProcessing", "ReportGenerator"], releases.ConvertAll(r => r.Name));
    }
}
