using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary>
/// The read-only functions that answer a filtered collection of a set, through the generated client:
/// <c>Assets/GetFiltered</c> (the folder's assets with query options), <c>Assets/GetAssetsAcrossFolders</c> and
/// <c>QueueDefinitions/GetQueuesAcrossFolders</c> (every folder but the excluded one).
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class AcrossFoldersTests(SharedEmulator session)
{
    [Fact]
    public async Task GetFiltered_answers_the_folders_assets_with_the_query_options_applied()
    {
        var expected = session.Emulator.Data.Assets.InFolder(session.SharedFolderId).Select(asset => asset.Name).Order().ToArray();
        Assert.Equal(2, expected.Length);

        var assets = await session.Shared.Assets.GetFilteredAsync();
        Assert.Equal(expected, assets.Select(asset => asset.Name).Order().ToArray());

        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Assets/UiPath.Server.Configuration.OData.GetFiltered()?$filter=Name eq 'BatchSize'&$select=Name");
        request.Headers.Add("X-UIPATH-OrganizationUnitId", session.SharedFolderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new string?[] { "BatchSize" }, json.RootElement.GetProperty("value").EnumerateArray().Select(asset => asset.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task GetAssetsAcrossFolders_answers_every_folders_assets_but_the_excluded_folders()
    {
        var all = await session.Shared.Assets.GetAssetsAcrossFoldersAsync();
        var others = await session.Shared.Assets.GetAssetsAcrossFoldersAsync(excludeFolderId: session.SharedFolderId);

        Assert.Equal(session.Emulator.Data.Assets.Count, all.Count);
        Assert.Equal(new string?[] { "DryRun" }, others.Select(asset => asset.Name));
    }

    [Fact]
    public async Task GetQueuesAcrossFolders_answers_every_folders_queues_but_the_excluded_folders()
    {
        var queues = await session.Shared.QueueDefinitions.GetQueuesAcrossFoldersAsync(excludeFolderId: session.SharedFolderId);

        var expected = session.Emulator.Data.QueueDefinitions.InFolder(null).Where(queue => queue.OrganizationUnitId != session.SharedFolderId).Select(queue => queue.Name).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, queues.Select(queue => queue.Name).Order().ToArray());
        Assert.DoesNotContain(queues, queue => queue.Name == "Invoices");
    }
}
