using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.AspNetCore.Tests;

public sealed class UiPathWebhookEndpointTests : IAsyncLifetime
{
    private const string Secret = "endpoint-secret-0123";
    private const string Payload = """{"Type":"job.completed","EventId":"ev-1","TenantId":1,"OrganizationUnitId":3,"Job":{"Id":77,"State":"Successful"}}""";

    private readonly ConcurrentQueue<UiPathWebhookEvent> _received = new();
    private readonly ListLogger _log = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private Exception? _handlerFailure;
    private int _secretRequests;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_log);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapUiPathWebhooks("/hooks", Secret, HandleAsync);
        _app.MapUiPathWebhooks("/rotating", _ =>
        {
            Interlocked.Increment(ref _secretRequests);
            return new ValueTask<string>(Secret);
        }, HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(UiPathWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (_handlerFailure is not null) throw _handlerFailure;
        _received.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation(UiPathWebhookSignature.HeaderName, signature);
        return _http.SendAsync(request);
    }

    private static string Sign(byte[] body, string secret) =>
        Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public async Task A_signed_event_reaches_the_handler_typed_and_is_answered_204()
    {
        var body = Encoding.UTF8.GetBytes(Payload);

        using var response = await PostAsync("/hooks", body, Sign(body, Secret));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var received = Assert.IsType<UiPathJobWebhookEvent>(Assert.Single(_received));
        Assert.Equal("ev-1", received.EventId);
        Assert.Equal(3, received.OrganizationUnitId);
        Assert.Equal(77, received.Job!.Id);
    }

    [Fact]
    public async Task The_secret_provider_is_asked_for_each_signed_request()
    {
        var body = Encoding.UTF8.GetBytes(Payload);

        using var first = await PostAsync("/rotating", body, Sign(body, Secret));
        using var second = await PostAsync("/rotating", body, Sign(body, Secret));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(2, _secretRequests);
        Assert.Equal(2, _received.Count);
    }

    [Fact]
    public async Task A_missing_signature_is_401_and_the_handler_is_not_called()
    {
        using var response = await PostAsync("/rotating", Encoding.UTF8.GetBytes(Payload), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_received);
        // Refused before the secret (and so the body) was needed.
        Assert.Equal(0, _secretRequests);
    }

    [Fact]
    public async Task A_malformed_signature_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/hooks", Encoding.UTF8.GetBytes(Payload), "not-a-signature")).StatusCode);

    [Fact]
    public async Task A_signature_under_another_secret_is_401()
    {
        var body = Encoding.UTF8.GetBytes(Payload);

        using var response = await PostAsync("/rotating", body, Sign(body, "wrong-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _secretRequests);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_body_altered_after_signing_is_401()
    {
        var body = Encoding.UTF8.GetBytes(Payload);
        var signature = Sign(body, Secret);
        var altered = Encoding.UTF8.GetBytes(Payload.Replace("\"Id\":77", "\"Id\":78", StringComparison.Ordinal));

        using var response = await PostAsync("/hooks", altered, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_payload_is_400()
    {
        var body = Encoding.UTF8.GetBytes("{\"EventId\":\"no type\"}");

        using var response = await PostAsync("/hooks", body, Sign(body, Secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var body = new byte[UiPathWebhookReader.DefaultMaxBodyBytes + 1];

        using var response = await PostAsync("/hooks", body, Sign(body, Secret));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var body = new byte[UiPathWebhookReader.DefaultMaxBodyBytes + 10];
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks") { Content = new StreamContent(new System.IO.MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(UiPathWebhookSignature.HeaderName, Sign(body, Secret));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_event_type_reaches_the_handler_as_raw_JSON()
    {
        const string json = """{"Type":"schedule.failed","EventId":"s-1","Schedule":{"Id":2}}""";
        var body = Encoding.UTF8.GetBytes(json);

        using var response = await PostAsync("/hooks", body, Sign(body, Secret));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(json, Assert.IsType<UiPathUnknownWebhookEvent>(Assert.Single(_received)).RawJson);
    }

    [Fact]
    public async Task A_handler_failure_is_a_bare_500_and_is_logged_without_the_secret()
    {
        _handlerFailure = new InvalidOperationException("database password=hunter2 unavailable");
        var body = Encoding.UTF8.GetBytes(Payload);

        using var response = await PostAsync("/hooks", body, Sign(body, Secret));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var responseBody = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", responseBody, StringComparison.Ordinal);
        Assert.Contains(_log.Entries, entry => entry.Contains("ev-1", StringComparison.Ordinal) && entry.Contains("job.completed", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Entries, entry => entry.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_POST_is_mapped()
    {
        using var response = await _http.GetAsync("/hooks");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
