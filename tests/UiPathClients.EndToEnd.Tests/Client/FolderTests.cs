using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// Orchestrator folders through <see cref="OrchestratorClient.WithFolder"/>: every way of naming a folder
/// reaches the same rows, non-ASCII paths travel Base64-encoded, missing and unknown folders are
/// Orchestrator's errors 1101 and 1100, and concurrent clients never see each other's folder.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class FolderTests(SharedEmulator session)
{
    private const string TeamFolder = "Équipe Données";

    private static readonly string[] SharedReleases = ["DataSync", "InvoiceProcessing", "ReportGenerator"];

    public static TheoryData<string> WaysToNameTheSharedFolder => new() { "id", "path", "key" };

    [Theory]
    [MemberData(nameof(WaysToNameTheSharedFolder))]
    public async Task The_same_folder_by_id_path_or_key_gives_the_same_rows(string way)
    {
        var folder = session.Emulator.Data.FindFolderByPath("Shared")!;
        var (context, header, value) = way switch
        {
            "id" => (FolderContext.ById(folder.Id), FolderContext.OrganizationUnitIdHeader, folder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "path" => (FolderContext.ByPath("Shared"), FolderContext.FolderPathHeader, "Shared"),
            _ => (FolderContext.ByKey(folder.Key!.Value), FolderContext.FolderKeyHeader, folder.Key!.Value.ToString("D")),
        };
        var log = RequestLog.Mark(session.Emulator);

        var releases = await session.Tenant.WithFolder(context).Releases.OrderBy(r => r.Name).ToListAsync();

        Assert.Equal(SharedReleases, releases.ConvertAll(r => r.Name!));
        Assert.All(releases, release => Assert.Equal(folder.Id, release.OrganizationUnitId));
        var request = log.Single();
        Assert.Equal(value, request.Header(header));
        // Exactly one folder header: the one asked for.
        Assert.Single(FolderHeaders, name => request.Header(name) is not null);
    }

    [Fact]
    public async Task A_non_ASCII_folder_path_is_sent_Base64_encoded_and_finds_its_release()
    {
        var folder = session.Emulator.Data.FindFolderByPath(TeamFolder)!;
        var log = RequestLog.Mark(session.Emulator);

        var releases = await session.Tenant.WithFolder(FolderContext.ByPath(TeamFolder)).Releases.ToListAsync();

        var request = log.Single();
        Assert.Null(request.Header(FolderContext.FolderPathHeader));
        var encoded = request.Header(FolderContext.FolderPathEncodedHeader);
        Assert.Equal(Convert.ToBase64String(Encoding.Unicode.GetBytes(TeamFolder)), encoded);
        Assert.Equal(TeamFolder, Encoding.Unicode.GetString(Convert.FromBase64String(encoded!)));
        var release = Assert.Single(releases);
        Assert.Equal("DataSync_Équipe Données", release.Name);
        Assert.Equal("Synchronise les données", release.Description);
        Assert.Equal(folder.Id, release.OrganizationUnitId);
        Assert.Equal(TeamFolder, release.OrganizationUnitFullyQualifiedName);
        Assert.Equal("Données", Assert.Single(release.Tags).Value);
    }

    [Fact]
    public async Task A_folder_scoped_set_without_a_folder_is_error_1101()
    {
        var refused = await Assert.ThrowsAsync<ODataRequestException>(() => session.Tenant.Releases.ToListAsync());

        Assert.IsNotType<ODataNotFoundException>(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("1101", refused.ErrorCode);
        Assert.Equal("An organization unit is required for this action.", refused.ServiceMessage);
        Assert.False(string.IsNullOrWhiteSpace(refused.TraceId));
        Assert.Contains("(code 1101)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_level_set_needs_no_folder()
    {
        var webhooks = await session.Tenant.Webhooks.OrderBy(w => w.Id).ToListAsync();

        Assert.Equal(session.Emulator.Data.Webhooks.InFolder(null).Select(w => w.Name), webhooks.Select(w => w.Name));
    }

    public static TheoryData<string> UnknownFolders => new() { "id", "path", "key", "encoded path" };

    [Theory]
    [MemberData(nameof(UnknownFolders))]
    public async Task An_unknown_folder_is_error_1100(string way)
    {
        var context = way switch
        {
            "id" => FolderContext.ById(987654),
            "path" => FolderContext.ByPath("Shared/Nowhere"),
            "key" => FolderContext.ByKey(Guid.NewGuid()),
            _ => FolderContext.ByPath("Équipe Inconnue"),
        };

        var refused = await Assert.ThrowsAsync<ODataRequestException>(() => session.Tenant.WithFolder(context).Releases.ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("1100", refused.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.TraceId));
    }

    [Fact]
    public async Task WithFolder_replaces_the_folder_and_leaves_the_original_client_unchanged()
    {
        var log = RequestLog.Mark(session.Emulator);

        var finance = await session.Shared.WithFolder(FolderContext.ByPath("Finance")).Releases.ToListAsync();
        var shared = await session.Shared.Releases.OrderBy(r => r.Name).ToListAsync();

        Assert.Equal("Onboarding_Finance", Assert.Single(finance).Name);
        Assert.Equal(SharedReleases, shared.ConvertAll(r => r.Name!));
        var financeRequest = log.Requests[0];
        Assert.Equal("Finance", financeRequest.Header(FolderContext.FolderPathHeader));
        Assert.Single(FolderHeaders, name => financeRequest.Header(name) is not null);
        Assert.Equal("Shared", log.Requests[1].Header(FolderContext.FolderPathHeader));
    }

    [Fact]
    public async Task Concurrent_queries_in_different_folders_each_see_only_their_own_rows()
    {
        var data = session.Emulator.Data;
        var folders = new[] { "Shared", "Finance", "Finance/Invoices", TeamFolder }
            .Select(path => data.FindFolderByPath(path)!)
            .ToArray();
        var clients = new[]
        {
            session.Tenant.WithFolder(FolderContext.ById(folders[0].Id)),
            session.Tenant.WithFolder(FolderContext.ByPath(folders[1].FullyQualifiedName!)),
            session.Tenant.WithFolder(FolderContext.ByKey(folders[2].Key!.Value)),
            session.Tenant.WithFolder(FolderContext.ByPath(folders[3].FullyQualifiedName!)),
        };
        var expected = folders.Select(folder => data.Jobs.InFolder(folder.Id).Select(job => job.Id).Order().ToArray()).ToArray();
        Assert.All(expected, ids => Assert.NotEmpty(ids));

        // Many queries at once, interleaved across the four folders, all through one HttpClient.
        const int rounds = 12;
        var queries = Enumerable.Range(0, rounds * folders.Length)
            .Select(async index =>
            {
                var slot = index % folders.Length;
                var jobs = await clients[slot].Jobs.Select(j => j.Id, j => j.OrganizationUnitId).ToListAsync();
                return (Slot: slot, Jobs: jobs);
            })
            .ToArray();
        var results = await Task.WhenAll(queries);

        Assert.Equal(rounds * folders.Length, results.Length);
        foreach (var (slot, jobs) in results)
        {
            Assert.All(jobs, job => Assert.Equal(folders[slot].Id, job.OrganizationUnitId));
            Assert.Equal(expected[slot], jobs.Select(job => job.Id).Order().ToArray());
        }
    }

    private static readonly string[] FolderHeaders =
    [
        FolderContext.OrganizationUnitIdHeader, FolderContext.FolderPathHeader, FolderContext.FolderPathEncodedHeader, FolderContext.FolderKeyHeader,
    ];
}
