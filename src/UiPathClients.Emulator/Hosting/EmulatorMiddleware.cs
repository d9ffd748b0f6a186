using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Folders;

namespace UiPathClients.Emulator.Hosting;

/// <summary>
/// Runs before routing on every request: advances the job clock, resolves the folder headers (rejecting
/// unknown folders as Orchestrator does) and records the request for tests.
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
            var request = context.Request;
            _state.Record(new RecordedRequest(
                request.Method,
                request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
                request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Response.StatusCode));
        }
    }
}
