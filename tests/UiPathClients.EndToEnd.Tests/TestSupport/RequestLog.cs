using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.TestSupport;

/// <summary>
/// The requests an emulator received from a point on: tests take a mark, act, and read what the client
/// sent since. Tests of one emulator run one after another (one class or one collection), so the
/// requests after a mark are the test's own.
/// </summary>
public sealed class RequestLog
{
    private readonly OrchestratorEmulator _emulator;
    private readonly int _start;

    private RequestLog(OrchestratorEmulator emulator)
    {
        _emulator = emulator;
        _start = emulator.Requests.Count;
    }

    /// <summary>Starts reading at the emulator's next request.</summary>
    public static RequestLog Mark(OrchestratorEmulator emulator) => new(emulator ?? throw new ArgumentNullException(nameof(emulator)));

    /// <summary>The requests since the mark, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _emulator.Requests.Skip(_start).ToList();

    /// <summary>The single request since the mark.</summary>
    public RecordedRequest Single() => Assert.Single(Requests);
}

/// <summary>Reading a recorded request.</summary>
public static class RecordedRequestExtensions
{
    /// <summary>The path, percent-decoded, without the query.</summary>
    public static string Path(this RecordedRequest request)
    {
        var query = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return Uri.UnescapeDataString(query < 0 ? request.PathAndQuery : request.PathAndQuery[..query]);
    }

    /// <summary>The query options, percent-decoded (<c>$top</c> → <c>1000</c>).</summary>
    public static IReadOnlyDictionary<string, string> Query(this RecordedRequest request)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return options;
        }

        foreach (var pair in request.PathAndQuery[(start + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            options[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return options;
    }

    /// <summary>The value of a request header, or null.</summary>
    public static string? Header(this RecordedRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The JSON body.</summary>
    public static JsonElement JsonBody(this RecordedRequest request)
    {
        Assert.False(string.IsNullOrEmpty(request.Body), $"{request.Method} {request.PathAndQuery} had no body.");
        using var document = JsonDocument.Parse(request.Body!);
        return document.RootElement.Clone();
    }

    /// <summary>The names of the JSON body's properties, in order.</summary>
    public static IReadOnlyList<string> BodyPropertyNames(this RecordedRequest request) =>
        request.JsonBody().EnumerateObject().Select(property => property.Name).ToList();
}
