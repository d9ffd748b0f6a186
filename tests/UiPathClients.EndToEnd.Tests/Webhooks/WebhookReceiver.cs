using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UiPathClients.EndToEnd.Tests.Webhooks;

/// <summary>One POST the receiver got: the raw body and the signature header.</summary>
public sealed record ReceivedWebhook(byte[] Body, string? Signature, string? ContentType);

/// <summary>
/// A tiny Kestrel endpoint on 127.0.0.1 (a free port) that records every POST to <c>/hooks</c> and answers
/// <see cref="StatusCode"/>, so tests can make the receiver fail on purpose.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private int _receivedCount;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to give a webhook.</summary>
    public string Url { get; private set; } = "";

    /// <summary>What the receiver answers (200 unless a test changes it).</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>How many POSTs arrived so far.</summary>
    public int ReceivedCount => Volatile.Read(ref _receivedCount);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            Interlocked.Increment(ref receiver._receivedCount);
            await receiver._received.Writer.WriteAsync(new ReceivedWebhook(
                buffer.ToArray(),
                context.Request.Headers["X-UiPath-Signature"].FirstOrDefault(),
                context.Request.ContentType));
            context.Response.StatusCode = receiver.StatusCode;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    /// <summary>The next POST; fails the test after a generous wait rather than hanging it.</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
