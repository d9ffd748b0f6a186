using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>The emulator serves <c>$metadata</c> from the same EDMX the client was generated from.</summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class MetadataTests(SharedEmulator session)
{
    [Fact]
    public async Task Metadata_is_the_bundled_model_and_parses_with_CsdlReader()
    {
        using var http = session.Emulator.CreateHttpClient();

        using var stream = await http.GetStreamAsync("odata/$metadata");
        using var reader = XmlReader.Create(stream);
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors?.Select(error => error.ErrorMessage) ?? []));

        var container = model.EntityContainer;
        Assert.NotNull(container.FindEntitySet("Jobs"));
        Assert.NotNull(container.FindEntitySet("Webhooks"));
        Assert.Equal(52, container.EntitySets().Count());
        Assert.NotNull(model.FindDeclaredType("UiPath.Server.Configuration.OData.JobDto"));
    }
}
