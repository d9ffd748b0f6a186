using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using UiPathClients.Emulator.Errors;

namespace UiPathClients.Emulator.Hosting;

/// <summary>
/// The outermost middleware: no error leaves the emulator without the service's error body. It refuses requests over
/// <see cref="EmulatorLimits"/> (414, 431, 413) itself, turns Kestrel's refusals met while reading a body and unexpected
/// exceptions into error bodies, and gives every error status that reaches it without a body (routing's 404 and 405,
/// or any status a handler sets without one) the standard one. Which body a request gets is <see cref="ErrorBodies"/>' decision.
/// </summary>
/// <remarks>
/// Kestrel's own request line and header limits are set above the emulator's (<see cref="EmulatorLimits.TransportLimit"/>)
/// so that an over-long request reaches this middleware, which can write a body, instead of ending at Kestrel's bare status.
/// </remarks>
internal sealed partial class ErrorBodyMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ErrorBodyMiddleware> _logger;

    public ErrorBodyMiddleware(RequestDelegate next, ILogger<ErrorBodyMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (OverLimit(context) is { } refusal)
        {
            // The body (if any) is never read: Kestrel closes the connection after this answer instead of draining it.
            await ErrorBodies.WriteAsync(context, refusal.StatusCode, refusal.Message).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!response.HasStarted)
        {
            // Kestrel's refusals met while reading the body: a chunked body over the limit, a truncated one.
            response.Clear();
            await ErrorBodies.WriteAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (!response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A failure of the emulator itself: logged, and named in the body so that a test sees what went wrong.
            LogUnexpectedFailure(_logger, exception, context.Request.Method, context.Request.Path);
            response.Clear();
            await ErrorBodies.WriteAsync(
                context,
                StatusCodes.Status500InternalServerError,
                $"{ErrorBodies.StandardMessage(StatusCodes.Status500InternalServerError)}: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            return;
        }

        if (!response.HasStarted && response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            await ErrorBodies.WriteAsync(context, response.StatusCode, ErrorBodies.StandardMessage(response.StatusCode)).ConfigureAwait(false);
        }
    }

    /// <summary>The refusal of a request over one of <see cref="EmulatorLimits"/>; null when it is within all of them.</summary>
    private static (int StatusCode, string Message)? OverLimit(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        if (target.Length > EmulatorLimits.MaxUrlLength)
        {
            return (StatusCodes.Status414UriTooLong, $"The request URL is {target.Length} characters long; the most the emulator serves is {EmulatorLimits.MaxUrlLength}.");
        }

        if (request.Headers.Count > EmulatorLimits.MaxRequestHeaderCount)
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"The request has {request.Headers.Count} headers; the most the emulator accepts is {EmulatorLimits.MaxRequestHeaderCount}.");
        }

        var headerSize = 0L;
        foreach (var (name, values) in request.Headers)
        {
            headerSize += name.Length;
            foreach (var value in values)
            {
                headerSize += value?.Length ?? 0;
            }
        }

        if (headerSize > EmulatorLimits.MaxRequestHeadersSize)
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, $"The request headers are {headerSize} characters long together; the most the emulator accepts is {EmulatorLimits.MaxRequestHeadersSize}.");
        }

        if (request.ContentLength > EmulatorLimits.MaxRequestBodySize)
        {
            return (StatusCodes.Status413PayloadTooLarge, $"The request body is {request.ContentLength} bytes; the most the emulator accepts is {EmulatorLimits.MaxRequestBodySize}.");
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The emulator failed on {Method} {Path}; answered 500.")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, string method, PathString path);
}
