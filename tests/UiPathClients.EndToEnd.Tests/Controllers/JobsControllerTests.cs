using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.Controllers;

/// <summary>
/// <c>StartJobs</c> creates at most <see cref="EmulatorLimits.MaxJobsPerStart"/> jobs per request: a count above it
/// (or a count below 1 where the strategy needs one) is refused with 400 and an Orchestrator error before any job
/// exists, so a small request cannot make the emulator allocate without bound.
/// </summary>
public sealed class JobsControllerTests(MutableEmulator session) : IClassFixture<MutableEmulator>
{
    public static TheoryData<string> CountsOutOfBounds => new()
    {
        $$"""{"Strategy":"ModernJobsCount","JobsCount":{{EmulatorLimits.MaxJobsPerStart + 1}}}""",
        """{"Strategy":"JobsCount","JobsCount":100000}""",
        """{"Strategy":"ModernJobsCount","JobsCount":0}""",
        """{"Strategy":"ModernJobsCount","JobsCount":-5}""",
        $$"""{"Strategy":"RobotCount","NoOfRobots":{{EmulatorLimits.MaxJobsPerStart + 1}}}""",
        $$"""{"Strategy":"Specific","RobotIds":[{{string.Join(",", Enumerable.Range(1, EmulatorLimits.MaxJobsPerStart + 1))}}]}""",
    };

    [Theory]
    [MemberData(nameof(CountsOutOfBounds))]
    public async Task A_job_count_out_of_bounds_answers_400_and_starts_nothing(string strategy)
    {
        var jobsBefore = session.Emulator.Data.Jobs.Count;

        using var response = await StartJobsAsync(strategy);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(1000, json.RootElement.GetProperty("errorCode").GetInt32());
        Assert.Contains(EmulatorLimits.MaxJobsPerStart.ToString(System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(jobsBefore, session.Emulator.Data.Jobs.Count);
    }

    [Fact]
    public async Task A_job_count_within_bounds_starts_that_many_jobs()
    {
        using var response = await StartJobsAsync("""{"Strategy":"ModernJobsCount","JobsCount":3}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, json.RootElement.GetProperty("value").GetArrayLength());
    }

    private async Task<HttpResponseMessage> StartJobsAsync(string strategy)
    {
        var release = session.Emulator.Data.Releases.InFolder(session.SharedFolderId).First();
        var startInfo = "{\"ReleaseKey\":\"" + release.Key + "\"," + strategy[1..];
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "odata/Jobs/UiPath.Server.Configuration.OData.StartJobs")
        {
            Content = new StringContent("{\"startInfo\":" + startInfo + "}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);
        return await http.SendAsync(request);
    }
}
