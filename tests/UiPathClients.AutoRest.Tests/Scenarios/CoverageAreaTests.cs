using System.Linq;
using System.Threading.Tasks;
using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>The attribution of the server's counters to documents, which the coverage figures rest on.</summary>
[Collection(AutoRestTestServerCollection.Name)]
public sealed class CoverageAreaTests(AutoRestTestServer server)
{
    [Fact]
    public async Task Every_attempted_document_owns_scenarios_and_no_scenario_belongs_to_two()
    {
        var owners = (await Task.WhenAll(new[] { "vanilla", "optional", "azure" }.Select(server.ReadCoverageAsync)))
            .SelectMany(counters => CoverageArea.Attempted.SelectMany(area =>
                area.ScenariosIn(counters.Keys, AutoRestTestServer.PackageDirectory).Select(name => (name, area.Document))))
            .ToList();

        Assert.All(CoverageArea.Attempted, area => Assert.Contains(owners, owner => owner.Document == area.Document));
        Assert.Empty(owners.GroupBy(owner => owner.name).Where(group => group.Select(owner => owner.Document).Distinct().Count() > 1).Select(group => group.Key));
    }
}
