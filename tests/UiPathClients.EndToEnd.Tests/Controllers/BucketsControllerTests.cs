using System;
using System.Linq;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.Errors;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary><c>Buckets/…GetByKey(identifier='…')</c> through the generated client: a bucket by its identifier, in the request's folder.</summary>
public sealed class BucketsControllerTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    [Fact]
    public async Task GetByKey_finds_the_bucket_of_the_folder_by_its_identifier()
    {
        var identifier = Guid.NewGuid();
        var created = await session.Shared.Buckets.CreateAsync(new BucketDto { Name = "E2E-Invoices", Identifier = identifier, StorageProvider = "Orchestrator" });
        await session.Shared.Buckets.CreateAsync(new BucketDto { Name = "E2E-Other", Identifier = Guid.NewGuid(), StorageProvider = "Orchestrator" });
        var log = RequestLog.Mark(session.Emulator);

        var found = await session.Shared.Buckets.GetByKeyAsync(identifier.ToString());

        var request = log.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/odata/Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier='{identifier}')", request.Path());
        Assert.NotNull(found);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal("E2E-Invoices", found.Name);
        Assert.Equal(identifier, found.Identifier);

        // Buckets are folder scoped: another folder does not see it, and an unknown identifier is not found.
        var finance = session.Emulator.Data.Folders.InFolder(null).Single(folder => folder.FullyQualifiedName == "Finance");
        var elsewhere = session.Tenant.WithFolder(Runtime.Http.FolderContext.ById(finance.Id));
        await Assert.ThrowsAsync<ODataNotFoundException>(() => elsewhere.Buckets.GetByKeyAsync(identifier.ToString()));
        var unknown = await Assert.ThrowsAsync<ODataNotFoundException>(() => session.Shared.Buckets.GetByKeyAsync(Guid.NewGuid().ToString()));
        Assert.Equal("1002", unknown.ErrorCode);
    }
}
