using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Emulator;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.EndToEnd.Tests.Webhooks;

/// <summary>
/// An emulator, a loopback receiver and a client in the emulator's default folder, for the tests of one event type
/// each: they subscribe a webhook, make the API call, and read the delivery as a receiver must (the signature checked
/// with the runtime's <see cref="UiPathWebhookSignature"/>, the body parsed with <see cref="UiPathWebhookParser"/>).
/// </summary>
public sealed class WebhookEventHarness : IAsyncDisposable
{
    /// <summary>The secret every webhook of the harness signs with.</summary>
    public const string Secret = "events-secret-for-tests";

    private const string OdataNamespace = "UiPath.Server.Configuration.OData";

    private WebhookEventHarness(OrchestratorEmulator emulator, WebhookReceiver receiver)
    {
        Emulator = emulator;
        Receiver = receiver;
        Http = emulator.CreateHttpClient();
        Http.DefaultRequestHeaders.Add("X-UIPATH-FolderPath", emulator.DefaultFolderPath);
        FolderId = emulator.Data.FindFolderByPath(emulator.DefaultFolderPath)!.Id;
    }

    /// <summary>The emulator under test.</summary>
    public OrchestratorEmulator Emulator { get; }

    /// <summary>Where the webhooks post.</summary>
    public WebhookReceiver Receiver { get; }

    /// <summary>An authenticated client whose requests name the default folder.</summary>
    public HttpClient Http { get; }

    /// <summary>The default folder's id: the <c>OrganizationUnitId</c> of folder-scoped events.</summary>
    public long FolderId { get; }

    public static async Task<WebhookEventHarness> StartAsync() =>
        new(await OrchestratorEmulator.StartAsync(), await WebhookReceiver.StartAsync());

    /// <summary>Creates an enabled webhook on the receiver's URL subscribed to <paramref name="events"/>; returns its id.</summary>
    public async Task<long> SubscribeAsync(params string[] events)
    {
        var body = JsonSerializer.Serialize(new
        {
            Name = "Events hook " + Guid.NewGuid().ToString("N"),
            Url = Receiver.Url,
            Enabled = true,
            Secret,
            SubscribeToAllEvents = false,
            AllowInsecureSsl = false,
            Events = events.Select(name => new { EventType = name }).ToArray(),
        });
        using var created = await SendAsync(HttpMethod.Post, "odata/Webhooks", body, HttpStatusCode.Created);
        return created.RootElement.GetProperty("Id").GetInt64();
    }

    /// <summary>Sends a request, asserts its status and returns its JSON body (an empty object when it has none).</summary>
    public async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? json, HttpStatusCode expected, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(string.IsNullOrEmpty(text) ? "{}" : text);
    }

    /// <summary>POSTs an action of the <c>UiPath.Server.Configuration.OData</c> namespace on <paramref name="target"/>.</summary>
    public Task<JsonDocument> InvokeAsync(string target, string action, string? json, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Post, $"odata/{target}/{OdataNamespace}.{action}", json, expected);

    /// <summary>
    /// The next delivery, after checking its signature with the runtime's verifier, parsed by the runtime into
    /// <typeparamref name="TEvent"/> (the test fails if the type differs) with the given <paramref name="type"/>.
    /// </summary>
    public async Task<TEvent> NextEventAsync<TEvent>(string type)
        where TEvent : UiPathWebhookEvent
    {
        var received = await Receiver.NextAsync();
        Assert.Equal(UiPathWebhookSignatureStatus.Valid, UiPathWebhookSignature.Check(received.Body, received.Signature, Secret));
        var parsed = Assert.IsType<TEvent>(UiPathWebhookParser.Parse(received.Body));
        Assert.Equal(type, parsed.Type);
        Assert.Equal(1, parsed.TenantId);
        Assert.Equal(1, parsed.UserId);
        Assert.False(string.IsNullOrEmpty(parsed.EventId));
        return parsed;
    }

    /// <summary>
    /// Pings <paramref name="webhookId"/> and asserts the ping is the next delivery: as the emulator delivers in event
    /// order, this proves nothing was raised for the receiver before the ping.
    /// </summary>
    public async Task AssertNothingRaisedBeforePingAsync(long webhookId)
    {
        using var _ = await InvokeAsync($"Webhooks({webhookId})", "Ping", null, HttpStatusCode.Accepted);
        await NextEventAsync<UiPathPingWebhookEvent>("ping");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
