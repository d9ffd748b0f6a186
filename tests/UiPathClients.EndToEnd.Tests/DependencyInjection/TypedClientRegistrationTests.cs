using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UiPathClients.Emulator.Identity;
using UiPathClients.EndToEnd.Generated.CommunicationsMining;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Runtime.DependencyInjection;
using UiPathClients.Runtime.Http;

namespace UiPathClients.EndToEnd.Tests.DependencyInjection;

/// <summary>
/// The generated clients registered the way users of typed HTTP clients expect, in a real host: injected with
/// the runtime's pipeline (token, folder, tenant name), and a misconfiguration stops the host from starting.
/// </summary>
[Collection(SharedEmulatorCollection.Name)]
public sealed class TypedClientRegistrationTests(SharedEmulator session)
{
    [Fact]
    public async Task The_generated_Orchestrator_client_is_injected_and_calls_through_the_registered_pipeline()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOrchestratorClient<OrchestratorClient>(options =>
        {
            options.BaseUri = session.Emulator.BaseAddress;
            options.AccessToken = EmulatorIdentityOptions.DefaultPersonalAccessToken;
            options.Folder = FolderContext.ByPath(session.Emulator.DefaultFolderPath);
            options.TenantName = "DefaultTenant";
        });
        using var host = builder.Build();
        await host.StartAsync();
        var log = RequestLog.Mark(session.Emulator);

        var orchestrator = host.Services.GetRequiredService<OrchestratorClient>();
        var releases = await orchestrator.Releases.OrderBy(r => r.Name).Top(3).ToListAsync();

        Assert.NotEmpty(releases);
        var request = log.Single();
        Assert.Equal("/odata/Releases", request.Path());
        Assert.Equal("Bearer " + EmulatorIdentityOptions.DefaultPersonalAccessToken, request.Headers["Authorization"]);
        Assert.Equal(session.Emulator.DefaultFolderPath, request.Headers[FolderContext.FolderPathHeader]);
        Assert.Equal("DefaultTenant", request.Headers[OrchestratorContextHandler.TenantNameHeader]);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_generated_Communications_Mining_client_is_injected()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCommunicationsMiningClient<CommunicationsMiningClient>(options =>
        {
            options.BaseUri = session.Emulator.CommunicationsMiningAddress;
            options.AccessToken = EmulatorIdentityOptions.DefaultPersonalAccessToken;
        });
        using var host = builder.Build();
        await host.StartAsync();

        var datasets = await host.Services.GetRequiredService<CommunicationsMiningClient>().Datasets.GetAllAsync();

        Assert.NotNull(datasets);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_credential_stops_the_host_at_start_not_at_the_first_call()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOrchestratorClient<OrchestratorClient>(options => options.BaseUri = session.Emulator.BaseAddress);
        using var host = builder.Build();
        var log = RequestLog.Mark(session.Emulator);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OrchestratorClientOptions: No credential", failure.Failures.Single(), StringComparison.Ordinal);
        Assert.Empty(log.Requests);
    }

    [Fact]
    public async Task Without_DI_the_tenant_name_is_a_client_option()
    {
        var log = RequestLog.Mark(session.Emulator);
        var client = session.CreateClient(new UiPathClients.Runtime.Client.ODataClientOptions { TenantName = "DefaultTenant" });

        await client.Webhooks.GetEventTypesAsync();

        Assert.Equal("DefaultTenant", log.Single().Headers[OrchestratorContextHandler.TenantNameHeader]);
    }
}
