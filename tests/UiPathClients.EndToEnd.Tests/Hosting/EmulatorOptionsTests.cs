using System;
using System.Threading.Tasks;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.Hosting;

/// <summary>
/// The options that size what the emulator seeds or serves are bounded: a value out of range fails
/// <see cref="OrchestratorEmulator.StartAsync"/> naming the option, instead of seeding without limit or paging by zero.
/// </summary>
public sealed class EmulatorOptionsTests
{
    public static TheoryData<string, OrchestratorEmulatorOptions> OutOfRange => new()
    {
        { nameof(OrchestratorEmulatorOptions.GeneratedQueueItems), new() { GeneratedQueueItems = EmulatorLimits.MaxGeneratedQueueItems + 1 } },
        { nameof(OrchestratorEmulatorOptions.GeneratedQueueItems), new() { GeneratedQueueItems = -1 } },
        { nameof(OrchestratorEmulatorOptions.ServerPageSize), new() { ServerPageSize = 0 } },
        { nameof(OrchestratorEmulatorOptions.MaxTop), new() { MaxTop = 0 } },
        { "AccessTokenLifetime", WithTokenLifetime(TimeSpan.Zero) },
    };

    [Theory]
    [InlineData("", null)]
    [InlineData("acme/eu", null)]
    [InlineData(null, "orchestrator_")]
    public async Task An_organization_or_tenant_that_is_not_one_path_segment_fails_the_start(string? organization, string? tenant)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { Organization = organization, Tenant = tenant }));

        Assert.Contains(organization is null ? "Tenant" : "Organization", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_organization_and_tenant_are_the_only_ones_served()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { Organization = "acme", Tenant = "Prod" });
        using var http = emulator.CreateHttpClient();

        using var configured = await http.GetAsync(new Uri(emulator.CloudBaseAddress, "odata/Folders"));
        using var otherTenant = await http.GetAsync("acme/Test/orchestrator_/odata/Folders");
        using var otherOrganization = await http.GetAsync("globex/Prod/reinfer_/api/v1/datasets");

        Assert.Equal("/acme/Prod/orchestrator_/", emulator.CloudBaseAddress.AbsolutePath);
        Assert.Equal(System.Net.HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, otherOrganization.StatusCode);
    }

    private static OrchestratorEmulatorOptions WithTokenLifetime(TimeSpan lifetime)
    {
        var options = new OrchestratorEmulatorOptions();
        options.Identity.AccessTokenLifetime = lifetime;
        return options;
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task An_option_out_of_range_fails_the_start_naming_it(string option, OrchestratorEmulatorOptions options)
    {
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OrchestratorEmulator.StartAsync(options));

        Assert.Contains(option, refused.Message, StringComparison.Ordinal);
    }
}
