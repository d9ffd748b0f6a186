using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Orchestrator.Folders;

namespace UiPathClients.Emulator.Hosting;

/// <summary>
/// Runs before routing on every request: advances the job clock, resolves the folder headers (rejecting
/// unknown folders as Orchestrator does) and records the request (with its body) for tests.
/// </summary>
internal sealed class EmulatorMiddleware
{
    private readonly RequestDelegate _next;
    private readonly EmulatorState _state;

    public EmulatorMiddleware(RequestDelegate next, EmulatorState state)
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
                    request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
                    request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    context.Response.StatusCode)
                {
                    Body = body,
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
            _state.Jobs.Advance();
            var (scope, error) = FolderScope.Resolve(context.Request, _state.Data);
            if (error is not null)
            {
                await error.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Features.Set(scope);
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
