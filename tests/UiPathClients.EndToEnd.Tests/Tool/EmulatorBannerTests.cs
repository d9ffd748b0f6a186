using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator.Tool;

namespace UiPathClients.EndToEnd.Tests.Tool;

/// <summary>
/// What uipath-emulator prints once it listens: every address a client needs (each one the emulator answers on)
/// and every credential it accepts, so a user can wire a client from the console output alone.
/// </summary>
public sealed class EmulatorBannerTests
{
    [Fact]
    public async Task The_banner_names_every_address_and_every_accepted_credential()
    {
        var options = new OrchestratorEmulatorOptions { Organization = "acme", Tenant = "Production" };
        options.Identity.PersonalAccessTokens.Add("rt_second_token");
        options.Identity.ClientApplications.Add(new EmulatorClientApplication("ci-app", "ci-secret"));
        await using var emulator = await OrchestratorEmulator.StartAsync(options);

        var banner = EmulatorBanner.Describe(emulator);

        Assert.StartsWith($"UiPathClients emulator listening on {emulator.BaseAddress}", banner, StringComparison.Ordinal);
        foreach (var address in new[]
        {
            emulator.BaseAddress.ToString(),
            emulator.CloudBaseAddress.ToString(),
            emulator.CommunicationsMiningAddress.ToString(),
            emulator.CloudCommunicationsMiningAddress.ToString(),
            $"{emulator.IdentityAddress}identity_/connect/token",
            $"{emulator.BaseAddress}api/Account/Authenticate",
            emulator.FaultsAddress.ToString(),
        })
        {
            Assert.Contains(address, banner, StringComparison.Ordinal);
        }

        Assert.Contains("/acme/Production/orchestrator_/", banner, StringComparison.Ordinal);
        Assert.Contains($"{EmulatorIdentityOptions.DefaultPersonalAccessToken}, rt_second_token", banner, StringComparison.Ordinal);
        Assert.Contains("emulator-client / emulator-secret, ci-app / ci-secret", banner, StringComparison.Ordinal);
        Assert.Contains(@"Default \ admin / emulator-password", banner, StringComparison.Ordinal);
        Assert.Contains("Shared", banner, StringComparison.Ordinal);
        Assert.Contains("Orchestrator (OData under odata/)", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_banner_names_the_on_premises_version_served_and_its_client()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { OrchestratorVersion = "2020.10" });

        var banner = EmulatorBanner.Describe(emulator);

        Assert.Contains("Orchestrator 2020.10, on-premises", banner, StringComparison.Ordinal);
        Assert.Contains("UiPathClient Version=\"2020.10\"", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_Orchestrator_address_answers_with_the_printed_token()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { Seed = EmulatorSeed.Empty });
        var banner = EmulatorBanner.Describe(emulator);
        Assert.Contains("Empty tenant", banner, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "odata/Folders"));
        request.Headers.Authorization = new("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
