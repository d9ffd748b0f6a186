using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using UiPathClients.Emulator;
using UiPathClients.EndToEnd.Tests.Routing;
using UiPathClients.Runtime.Http;
using UiPathClients.Tests.Common;
using Xunit.Abstractions;
using Gen2019 = UiPathClients.EndToEnd.Generated.Orchestrator2019;
using Gen2020 = UiPathClients.EndToEnd.Generated.Orchestrator2020;

namespace UiPathClients.EndToEnd.Tests.Model;

/// <summary>
/// The emulator serving an on-premises Orchestrator (<see cref="OrchestratorEmulatorOptions.OrchestratorVersion"/>):
/// that version's <c>$metadata</c>, its routes and its entity shapes, and the client generated with
/// <c>UiPathClient Version="…"</c> working against it.
/// </summary>
public sealed class OnPremisesVersionTests : IClassFixture<OnPremisesVersionTests.Emulators>
{
    private const string Ns = "UiPath.Server.Configuration.OData";

    private readonly Emulators _emulators;
    private readonly ITestOutputHelper _output;

    public OnPremisesVersionTests(Emulators emulators, ITestOutputHelper output)
    {
        _emulators = emulators;
        _output = output;
    }

    public static TheoryData<string> Versions => new(OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Metadata_is_the_versions_bundled_description(string version)
    {
        var served = await _emulators.MetadataOf(version);
        var bundled = ReadModel(File.OpenRead(BundledEdmx(version)));

        Assert.Equal(Names(bundled.EntityContainer.Elements), Names(served.EntityContainer.Elements));
        Assert.Equal(Names(bundled.SchemaElements), Names(served.SchemaElements));
        foreach (var type in bundled.SchemaElements.OfType<IEdmStructuredType>())
        {
            var servedType = (IEdmStructuredType)served.FindDeclaredType(((IEdmSchemaType)type).FullName());
            Assert.Equal(type.DeclaredProperties.Select(property => property.Name), servedType.DeclaredProperties.Select(property => property.Name));
        }

        // Not the cloud's: a set only on-premises servers have, and a property the emulator cannot fill is still described.
        Assert.NotNull(served.EntityContainer.FindEntitySet("Environments"));
        Assert.Null(served.EntityContainer.FindEntitySet("TaskDefinitions"));
        Assert.NotNull(((IEdmStructuredType)served.FindDeclaredType(Ns + ".ReleaseDto")).FindProperty("EnvironmentId"));
    }

    // Each floor is the served count measured when this test was written: raise it when the emulator implements more.
    [Theory]
    [InlineData("2020.10", 208)]
    [InlineData("2019.10", 167)]
    public async Task Every_described_route_of_the_version_is_served_or_answers_501(string version, int servedFloor)
    {
        var routes = DescribedRouteCatalog.Of(BundledEdmx(version));
        // Its own emulator: the minimal requests create, change and delete.
        await using var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { OrchestratorVersion = version });
        using var http = emulator.CreateHttpClient();

        var calls = await RouteAnswers.CallEachAsync(http, routes, emulator.Data.FindFolderByPath(emulator.DefaultFolderPath)!.Id);

        var served = calls.Count(call => call.Outcome == Outcome.Served);
        var notImplemented = calls.Count(call => call.Outcome == Outcome.NotImplemented);
        _output.WriteLine($"{version}: {calls.Count} described routes, {served} served, {notImplemented} answer 501.");
        var failures = calls.Where(call => call.Outcome == Outcome.Failed).Select(call => call.Failure).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} described routes of {version} are not served:\n" + string.Join("\n", failures));
        // Every operation the emulator implements for cloud and this version describes is served for real here too.
        var described = calls.Select(call => call.Route.OperationRoute).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var notServed = calls.Where(call => call.Outcome != Outcome.Served).Select(call => call.Route.OperationRoute).OfType<string>()
            .Intersect(EveryDescribedRouteTests.ImplementedOperations)
            .ToList();
        Assert.True(notServed.Count == 0, $"Implemented for cloud but not served on {version}: {string.Join(", ", notServed)}");
        Assert.Contains("Jobs/UiPath.Server.Configuration.OData.StartJobs", described);
        Assert.True(served >= servedFloor, $"{served} routes of {version} are served for real, fewer than the {servedFloor} measured before.");
    }

    [Theory]
    [InlineData("2020.10", "odata/TaskDefinitions", HttpStatusCode.NotFound)]
    [InlineData("2020.10", "odata/Environments", HttpStatusCode.NotImplemented)]
    [InlineData("2020.10", "odata/Jobs/" + Ns + ".StartJobs", HttpStatusCode.MethodNotAllowed)]
    [InlineData("2019.10", "odata/Buckets", HttpStatusCode.NotFound)]
    [InlineData("2019.10", "odata/TestSets", HttpStatusCode.NotFound)]
    [InlineData("2019.10", "odata/Environments", HttpStatusCode.NotImplemented)]
    [InlineData("2019.10", "odata/Releases", HttpStatusCode.OK)]
    public async Task Routes_are_the_versions(string version, string path, HttpStatusCode expected)
    {
        using var response = await _emulators.GetAsync(version, path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_set_answers_in_the_versions_shape_or_says_it_is_not_implemented(string version)
    {
        var model = await _emulators.MetadataOf(version);
        var answered = new List<string>();
        var notImplemented = new List<string>();
        var notReadable = new List<string>();
        foreach (var set in model.EntityContainer.EntitySets())
        {
            using var response = await _emulators.GetAsync(version, $"odata/{set.Name}?$top=20");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.NotImplemented)
            {
                notImplemented.Add(set.Name);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                // The description's Capabilities say the set cannot be read (LicensesNamedUser is read per role, by a function).
                Assert.Contains($"The service has no GET on {set.Name}", body, StringComparison.Ordinal);
                notReadable.Add(set.Name);
                continue;
            }

            // Sets that need a folder are read in the seed's Shared folder; any other refusal fails here with its body.
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {set.Name} on {version}: {(int)response.StatusCode} {body}");
            answered.Add(set.Name);
            using var json = JsonDocument.Parse(body);
            foreach (var entity in json.RootElement.GetProperty("value").EnumerateArray())
            {
                var type = entity.TryGetProperty("@odata.type", out var derived)
                    ? (IEdmStructuredType)model.FindDeclaredType(derived.GetString()!.TrimStart('#'))
                    : set.EntityType;
                var undescribed = entity.EnumerateObject().Select(property => property.Name)
                    .Where(name => !name.StartsWith('@') && type.FindProperty(name) is null)
                    .ToList();
                Assert.True(undescribed.Count == 0, $"{set.Name} on {version} wrote {string.Join(", ", undescribed)}, which its {type} does not have.");
            }
        }

        Assert.Contains("Jobs", answered);
        Assert.Contains("Releases", answered);
        Assert.Equal(["Environments", "HostLicenses", "MessageTemplates"], notImplemented.Order(StringComparer.Ordinal));
        Assert.Contains("LicensesNamedUser", notReadable);
        Assert.True(answered.Count > 25, $"{answered.Count} sets answered on {version}");
    }

    [Fact]
    public async Task The_2020_10_client_lists_filters_starts_and_stops_jobs()
    {
        var emulator = _emulators.Of("2020.10");
        using var http = emulator.CreateHttpClient();
        var shared = new Gen2020.Orchestrator2020Client(http).WithFolder(FolderContext.ByPath(emulator.DefaultFolderPath));
        var release = (await shared.Releases.Where(r => r.Name == "InvoiceProcessing").ToListAsync()).Single();

        var started = await shared.Jobs.StartJobsAsync(new Gen2020.StartProcessDto
        {
            ReleaseKey = release.Key,
            Strategy = Gen2020.StartProcessStrategy.JobsCount,
            JobsCount = 2,
        });
        var ids = started.Select(job => job.Id).ToArray();
        var pending = await shared.Jobs.Where(job => job.State == Gen2020.JobState.Pending && job.ReleaseName == "InvoiceProcessing").ToListAsync();
        await shared.Jobs[ids[0]].StopJobAsync(Gen2020.StopJobParametersStrategy.Kill);
        var stopped = await shared.Jobs[ids[0]].GetAsync();
        var withRelease = await shared.Jobs[ids[1]].Expand(job => job.Release).GetAsync();

        Assert.Equal(2, started.Count);
        Assert.All(started, job => Assert.Equal("InvoiceProcessing", job.ReleaseName));
        Assert.Subset(pending.Select(job => job.Id).ToHashSet(), ids.ToHashSet());
        Assert.Equal(Gen2020.JobState.Stopped, stopped.State);
        Assert.Null(stopped.Release);   // a navigation property: sent only when expanded
        Assert.Equal("InvoiceProcessing", withRelease.Release?.Name);
        // Properties only the on-premises description has are described but never filled.
        Assert.Null(release.EnvironmentId);
    }

    [Fact]
    public async Task The_2019_10_client_reads_releases_and_robots()
    {
        var emulator = _emulators.Of("2019.10");
        using var http = emulator.CreateHttpClient();
        var client = new Gen2019.Orchestrator2019Client(http);
        var shared = client.WithFolder(FolderContext.ByPath(emulator.DefaultFolderPath));

        var releases = await shared.Releases.OrderBy(r => r.Name).ToListAsync();
        var robots = await client.Robots.ToListAsync();

        Assert.Equal(["DataSync", "InvoiceProcessing", "ReportGenerator"], releases.ConvertAll(r => r.Name));
        Assert.NotEmpty(robots);
        Assert.All(robots, robot => Assert.NotNull(robot.Name));
    }

    [Fact]
    public async Task An_unknown_version_is_refused_before_anything_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { OrchestratorVersion = "2021.4" }));

        Assert.Contains("'2021.4' is not served", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"2020.10\"", error.Message, StringComparison.Ordinal);
    }

    private static IEdmModel ReadModel(Stream stream)
    {
        using (stream)
        using (var reader = XmlReader.Create(stream))
        {
            Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors?.Select(error => error.ErrorMessage) ?? []));
            return model;
        }
    }

    private static string BundledEdmx(string version) =>
        Path.Combine(SharedCorpus.RepositoryRoot, "specs", "orchestrator-" + version, $"orchestrator-{version}.edmx");

    private static string[] Names(IEnumerable<IEdmNamedElement> elements) => elements.Select(element => element.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>One emulator per on-premises version, with the default seed; tests read, and start jobs only in their own version.</summary>
    public sealed class Emulators : IAsyncLifetime
    {
        private readonly Dictionary<string, OrchestratorEmulator> _emulators = new(StringComparer.Ordinal);

        public OrchestratorEmulator Of(string version) => _emulators[version];

        public async Task<HttpResponseMessage> GetAsync(string version, string path)
        {
            using var http = Of(version).CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-UIPATH-FolderPath", Of(version).DefaultFolderPath);
            return await http.SendAsync(request);
        }

        public async Task<IEdmModel> MetadataOf(string version)
        {
            using var http = Of(version).CreateHttpClient();
            using var response = await http.GetAsync("odata/$metadata");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ReadModel(await response.Content.ReadAsStreamAsync());
        }

        public async Task InitializeAsync()
        {
            foreach (var version in OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions)
            {
                _emulators[version] = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { OrchestratorVersion = version });
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var emulator in _emulators.Values)
            {
                await emulator.DisposeAsync();
            }
        }
    }
}
