using System.Net;
using EmulatorFixture.Orchestrator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UiPathClients.AspNetCore;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Webhooks;

namespace EmulatorFixture;

/// <summary>
/// UiPathClients.AspNetCore from the package: a receiver on Kestrel (127.0.0.1, any free port) that the emulator
/// package delivers a signed ping to, created and pinged through the generated client.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "emulator-fixture-secret";

    [Fact]
    public async Task The_receiver_gets_the_emulators_signed_ping_as_a_typed_event()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new TaskCompletionSource<UiPathWebhookEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapUiPathWebhooks("/hooks", Secret, (webhookEvent, _) =>
        {
            received.TrySetResult(webhookEvent);
            return Task.CompletedTask;
        });
        await receiver.StartAsync(timeout.Token);
        var hookUrl = new Uri(new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/hooks");

        await using var emulator = await OrchestratorEmulator.StartAsync(cancellationToken: timeout.Token);
        using var http = emulator.CreateHttpClient();
        var orchestrator = new OrchestratorClient(http);
        var webhook = await orchestrator.Webhooks.CreateAsync(
            new WebhookDto { Name = "Fixture receiver", Url = hookUrl.ToString(), Enabled = true, Secret = Secret, SubscribeToAllEvents = true },
            timeout.Token);
        var ping = await orchestrator.Webhooks[webhook.Id].PingAsync(cancellationToken: timeout.Token);
        var webhookEvent = await received.Task.WaitAsync(timeout.Token);

        var typed = Assert.IsType<UiPathPingWebhookEvent>(webhookEvent);
        Assert.Equal("ping", typed.Type);
        Assert.Equal(ping.EventId, typed.EventId);

        // The same route refuses an unsigned POST before reading it: the ping above passed the signature check.
        using var unsigned = new HttpClient();
        using var refused = await unsigned.PostAsync(hookUrl, new StringContent(typed.RawJson), timeout.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
