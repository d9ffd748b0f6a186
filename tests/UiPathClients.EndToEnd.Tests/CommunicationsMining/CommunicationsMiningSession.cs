using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator;
using UiPathClients.Emulator.CommunicationsMining;
using UiPathClients.Runtime.CommunicationsMining;

namespace UiPathClients.EndToEnd.Tests.CommunicationsMining;

/// <summary>
/// An emulator of its own for a Communications Mining test class, on a clock that moves only when a test
/// moves it, and <see cref="HttpClient"/>s wired as a Communications Mining client would be until the
/// generated one exists: the runtime's <see cref="CommunicationsMiningResponseHandler"/> in the pipeline and a
/// bearer token on every request. Tests use names of their own, so their order does not matter.
/// </summary>
public sealed class CommunicationsMiningSession : IAsyncLifetime
{
    /// <summary>The emulator clock's start.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private OrchestratorEmulator? _emulator;
    private readonly List<HttpClient> _clients = [];

    /// <summary>The emulator's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The running emulator.</summary>
    public OrchestratorEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>What the emulator holds.</summary>
    public CommunicationsMiningData Data => Emulator.CommunicationsMining;

    /// <summary>A client at <c>reinfer_/api/</c> (Automation Cloud's form); errors throw.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client at the bare <c>api/</c> (a tenant onboarded directly); errors throw.</summary>
    public HttpClient BareApi { get; private set; } = null!;

    /// <summary>A client at the host's root with no token and no error handling, to read answers as they are.</summary>
    public HttpClient Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OrchestratorEmulator.StartAsync(new OrchestratorEmulatorOptions { TimeProvider = Clock });
        Api = Client(Emulator.CommunicationsMiningAddress, withRuntimeHandler: true);
        BareApi = Client(new Uri(Emulator.BaseAddress, "api/"), withRuntimeHandler: true);
        Raw = Client(Emulator.BaseAddress, withRuntimeHandler: false);
        Raw.DefaultRequestHeaders.Authorization = null;
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(client => client.Dispose());
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private HttpClient Client(Uri baseAddress, bool withRuntimeHandler)
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (withRuntimeHandler)
        {
            handler = new CommunicationsMiningResponseHandler { InnerHandler = handler };
        }

        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorIdentityOptions.DefaultPersonalAccessToken);
        _clients.Add(client);
        return client;
    }
}

/// <summary>JSON calls as the API takes them: snake_case bodies, answers that must say <c>"status": "ok"</c>.</summary>
public static class CommunicationsMiningHttp
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task<JsonElement> GetJsonAsync(this HttpClient http, string path) => http.SendJsonAsync(HttpMethod.Get, path);

    public static Task<JsonElement> PutJsonAsync(this HttpClient http, string path, object body) => http.SendJsonAsync(HttpMethod.Put, path, body);

    public static Task<JsonElement> PostJsonAsync(this HttpClient http, string path, object body) => http.SendJsonAsync(HttpMethod.Post, path, body);

    public static Task<JsonElement> DeleteJsonAsync(this HttpClient http, string path) => http.SendJsonAsync(HttpMethod.Delete, path);

    public static async Task<JsonElement> SendJsonAsync(this HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", json.GetProperty("status").GetString());
        return json;
    }

    /// <summary>Creates a project, a source and a dataset over it; returns the source's id.</summary>
    public static async Task<string> CreateProjectSourceAndDatasetAsync(this HttpClient http, string project, string source = "inbox", string dataset = "triage")
    {
        await http.PutJsonAsync($"v1/projects/{project}", new { project = new { title = project } });
        var created = await http.PutJsonAsync($"v1/sources/{project}/{source}", new { source = new { title = "Inbox" } });
        var sourceId = created.GetProperty("source").GetProperty("id").GetString()!;
        await http.PutJsonAsync($"v1/datasets/{project}/{dataset}", new { dataset = new { title = "Triage", source_ids = new[] { sourceId } } });
        return sourceId;
    }

    /// <summary>A comment as sync takes it: one message with <paramref name="text"/>.</summary>
    public static object Comment(string id, string text, DateTimeOffset timestamp, string country = "uk") => new
    {
        id,
        timestamp = timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        user_properties = new Dictionary<string, string> { ["string:Country"] = country },
        messages = new[] { new { body = new { text }, from = "alice@example.com", to = new[] { "bob@example.com" } } },
    };

    public static Task<JsonElement> SyncAsync(this HttpClient http, string project, string source, IEnumerable<object> comments) =>
        http.PostJsonAsync($"v1/sources/{project}/{source}/sync", new { comments = comments.ToArray() });

    public static IReadOnlyList<string> Ids(this JsonElement comments) =>
        [.. comments.EnumerateArray().Select(comment => comment.GetProperty("id").GetString()!)];
}
