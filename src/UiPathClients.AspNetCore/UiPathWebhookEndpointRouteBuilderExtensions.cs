using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UiPathClients.Runtime.Webhooks;

namespace UiPathClients.AspNetCore;

/// <summary>Maps an endpoint that receives UiPath Orchestrator webhooks.</summary>
public static partial class UiPathWebhookEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "UiPathClients.AspNetCore.UiPathWebhooks";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to a webhook receiver: a request without a valid
    /// <c>X-UiPath-Signature</c> is answered 401 (a missing or malformed one before the body is read), a body over
    /// <see cref="UiPathWebhookReader.DefaultMaxBodyBytes"/> 413, a signed body that is not a webhook payload 400; a
    /// valid one is parsed and given to <paramref name="handler"/>, then answered 204 (500, without details, when the
    /// handler throws).
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, e.g. <c>/hooks</c>.</param>
    /// <param name="secret">The webhook's <c>Secret</c>, as configured in Orchestrator.</param>
    /// <param name="handler">Called once per verified event.</param>
    /// <returns>The endpoint's convention builder (authorization, rate limiting …).</returns>
    public static IEndpointConventionBuilder MapUiPathWebhooks(this IEndpointRouteBuilder endpoints, string pattern, string secret, Func<UiPathWebhookEvent, CancellationToken, Task> handler)
    {
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook secret must not be empty.", nameof(secret));
        return endpoints.MapUiPathWebhooks(pattern, _ => new ValueTask<string>(secret), handler);
    }

    /// <summary>
    /// Like <see cref="MapUiPathWebhooks(IEndpointRouteBuilder, string, string, Func{UiPathWebhookEvent, CancellationToken, Task})"/>,
    /// with the secret asked for on each request that carries a well-formed signature (a secret store, a rotated secret).
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, e.g. <c>/hooks</c>.</param>
    /// <param name="secretProvider">Returns the webhook's current secret.</param>
    /// <param name="handler">Called once per verified event.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapUiPathWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<CancellationToken, ValueTask<string>> secretProvider, Func<UiPathWebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(secretProvider);
        ArgumentNullException.ThrowIfNull(handler);
        RequestDelegate receive = context => ReceiveAsync(context, secretProvider, handler);
        return endpoints.MapPost(pattern, receive);
    }

    private static async Task ReceiveAsync(HttpContext context, Func<CancellationToken, ValueTask<string>> secretProvider, Func<UiPathWebhookEvent, CancellationToken, Task> handler)
    {
        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        var cancellationToken = context.RequestAborted;
        var headers = context.Request.Headers[UiPathWebhookSignature.HeaderName];
        // Two signature headers are one too many: neither is trusted.
        var signature = headers.Count == 1 ? headers[0] : null;

        if (UiPathWebhookSignature.CheckFormat(signature) != UiPathWebhookSignatureStatus.Valid)
        {
            LogRefused(logger, headers.Count == 0 ? "no signature header" : "a malformed signature header");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (context.Request.ContentLength > UiPathWebhookReader.DefaultMaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var secret = await secretProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(secret))
        {
            LogNoSecret(logger);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var result = await UiPathWebhookReader.ReadAsync(context.Request.Body, signature, secret, UiPathWebhookReader.DefaultMaxBodyBytes, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case UiPathWebhookReadStatus.BodyTooLarge:
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            case UiPathWebhookReadStatus.MalformedBody:
                LogMalformed(logger, result.Error);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            case UiPathWebhookReadStatus.Accepted:
                break;
            default:
                LogRefused(logger, "a signature that does not match the body");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
        }

        var webhookEvent = result.Event!;
        try
        {
            await handler(webhookEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sender went away: there is no one left to answer.
            return;
        }
#pragma warning disable CA1031 // Any handler failure becomes a bare 500: the sender learns only that it failed; the details go to the log.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, exception, webhookEvent.Type, webhookEvent.EventId);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "UiPath webhook refused (401): {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "UiPath webhook with a valid signature but a malformed body (400): {Error}")]
    private static partial void LogMalformed(ILogger logger, string? error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The UiPath webhook handler failed on {Type} event {EventId} (500).")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type, string? eventId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The UiPath webhook secret provider returned no secret (500).")]
    private static partial void LogNoSecret(ILogger logger);
}
