using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace UiPathClients.Emulator.Hosting;

/// <summary>Records every request, whichever slice serves it, with its body, for tests (<see cref="OrchestratorEmulator.Requests"/>).</summary>
internal sealed class RequestRecordingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly EmulatorState _state;

    public RequestRecordingMiddleware(RequestDelegate next, EmulatorState state)
    {
        _next = next;
        _state = state;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var recorded = 0;
        void Record()
        {
            // Once per request, before the first byte of the response leaves: a client that has its answer
            // always finds the request in the record (a record written after the response could race it).
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                var request = context.Request;
                _state.Record(new RecordedRequest(
                    request.Method,
                    (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent(),
                    request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    context.Response.StatusCode)
                {
                    Body = body,
                    InjectedFault = context.Features.Get<Faults.InjectedFaultFeature>()?.Description,
                });
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            // A response that has not started yet (204, or an exception on the way) starts after this returns.
            Record();
        }
    }

    /// <summary>The body as text for the record, rewound so model binding still reads it.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return text;
    }
}
