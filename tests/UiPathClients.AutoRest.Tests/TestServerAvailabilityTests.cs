using UiPathClients.AutoRest.Tests.TestSupport;

namespace UiPathClients.AutoRest.Tests;

/// <summary>Says why the scenario tests are absent on a machine that could not install the server.</summary>
public sealed class TestServerAvailabilityTests
{
    [InstalledFact]
    public void The_test_server_was_installed_by_the_build() =>
        Assert.True(AutoRestTestServer.IsInstalled, $"The build did not install the AutoRest test server into {AutoRestTestServer.Directory}.");

    private sealed class InstalledFactAttribute : FactAttribute
    {
        public InstalledFactAttribute()
        {
            if (!AutoRestTestServer.IsInstalled && !AutoRestTestServer.IsCi)
            {
                Skip = "The AutoRest test server is not installed (npm is not on PATH, or `npm ci` failed at build time), so its "
                    + "conformance scenarios were not compiled. CI=true makes this a failure.";
            }
        }
    }
}
