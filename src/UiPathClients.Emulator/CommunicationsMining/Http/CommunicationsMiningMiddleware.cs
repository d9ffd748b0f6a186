using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Errors;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Identity;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// What every Communications Mining answer has in common: a <c>Server-Timing: total;dur=…</c> header, a
/// bearer token required before anything else, and the endpoints' own errors (<see cref="ApiError"/>) as
/// <c>{"message": …, "status": "error"}</c>; <see cref="ErrorBodyMiddleware"/> gives routing's bodiless 404/405
/// and unexpected failures the same body.
/// </summary>
internal sealed class CommunicationsMiningMiddleware
{
    public const string ServerTimingHeader = "Server-Timing";

    private readonly RequestDelegate _next;
    private readonly TimeProvider _clock;
    private readonly EmulatorTokens _tokens;

    public CommunicationsMiningMiddleware(RequestDelegate next, EmulatorState state)
    {
        _next = next;
        _clock = state.Options.TimeProvider;
        _tokens = state.Tokens;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = _clock.GetTimestamp();
        var response = context.Response;
        response.OnStarting(() =>
        {
            // Measured on the emulator's clock: a fake clock that tests hold still reports 0.0.
            var milliseconds = _clock.GetElapsedTime(started).TotalMilliseconds;
            response.Headers[ServerTimingHeader] = "total;dur=" + milliseconds.ToString("0.0", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        if (!BearerTokens.IsAuthorized(context.Request, _tokens))
        {
            BearerTokens.Challenge(response);
            await ApiJson.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorBodies.StandardMessage(StatusCodes.Status401Unauthorized)).ConfigureAwait(false);
            return;
        }

        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (ApiError error) when (!response.HasStarted)
        {
            await ApiJson.WriteErrorAsync(context, error.StatusCode, error.Message).ConfigureAwait(false);
        }

        // Routing's bodiless 404/405 and unexpected failures get their body from ErrorBodyMiddleware, around this one.
    }
}
