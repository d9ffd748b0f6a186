using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Pipeline step that logs each call — one line at Information: method, path, status, duration, the service's
/// Server-Timing — and records it as an <see cref="Activity"/> of <see cref="ActivitySourceName"/>. Query values
/// (a <c>$filter</c> literal can be a person's name) appear only in a second line at Debug, with parameters that
/// commonly carry secrets masked even there; the Information line and the activity keep the parameter names only.
/// Headers are never logged, so logs are safe to ship.
/// </summary>
public sealed class DiagnosticsHandler : DelegatingHandler
{
    /// <summary>The name of the <see cref="ActivitySource"/> calls are recorded with; subscribe to it for tracing.</summary>
    public const string ActivitySourceName = "UiPathClients.Http";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly string[] SecretQueryParameters =
    {
        "access_token", "token", "client_secret", "password", "api_key", "apikey", "code", "refresh_token", "sig", "signature",
    };

    private static readonly Action<ILogger, string, string, int, double, string?, Exception?> Completed = LoggerMessage.Define<string, string, int, double, string?>(
        LogLevel.Information,
        new EventId(1, "HttpCallCompleted"),
        "{Method} {Uri} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (Server-Timing: {ServerTiming})");

    private static readonly Action<ILogger, string, string, Exception?> RequestDetail = LoggerMessage.Define<string, string>(
        LogLevel.Debug,
        new EventId(3, "HttpCallQuery"),
        "{Method} {Uri} (with query values)");

    private static readonly Action<ILogger, string, string, double, string, Exception?> Failed = LoggerMessage.Define<string, string, double, string>(
        LogLevel.Warning,
        new EventId(2, "HttpCallFailed"),
        "{Method} {Uri} failed after {ElapsedMilliseconds:0.0} ms: {ExceptionType}");

    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where to log.</param>
    public DiagnosticsHandler(ILogger logger) => _logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <summary>The URI as it may appear in logs: secret-bearing query parameters replaced by <c>***</c>, no user info.</summary>
    public static string Redact(Uri uri) =>
        Rewrite(uri, static name => SecretQueryParameters.Contains(Uri.UnescapeDataString(name), StringComparer.OrdinalIgnoreCase));

    /// <summary>The URI with every query value replaced by <c>***</c> (names kept) and no user info: what Information logs and traces show.</summary>
    public static string RedactQueryValues(Uri uri) => Rewrite(uri, static _ => true);

    /// <summary>The URI without user info, with the values of the query parameters <paramref name="masks"/> names replaced by <c>***</c>.</summary>
    private static string Rewrite(Uri uri, Func<string, bool> masks)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        string query;
        StringBuilder builder;
        if (uri.IsAbsoluteUri)
        {
            // Authority leaves out user info (user:password@), which must never reach a log.
            builder = new StringBuilder(uri.Scheme + "://" + uri.Authority + uri.AbsolutePath);
            query = uri.Query.Length > 1 ? uri.Query.Substring(1) : string.Empty;
        }
        else
        {
            var relative = uri.OriginalString;
            var mark = relative.IndexOf('?');
            builder = mark < 0 ? new StringBuilder(relative) : new StringBuilder().Append(relative, 0, mark);
            query = mark < 0 ? string.Empty : relative.Substring(mark + 1);
        }

        var separator = '?';
        foreach (var pair in query.Length == 0 ? Array.Empty<string>() : query.Split('&'))
        {
            var equals = pair.IndexOf('=');
            builder.Append(separator);
            if (equals >= 0 && masks(pair.Substring(0, equals)))
            {
                builder.Append(pair, 0, equals).Append("=***");
            }
            else
            {
                builder.Append(pair);
            }

            separator = '&';
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri is null ? string.Empty : RedactQueryValues(request.RequestUri);
        if (request.RequestUri is not null && request.RequestUri.Query.Length > 1 && _logger.IsEnabled(LogLevel.Debug))
        {
            RequestDetail(_logger, request.Method.Method, Redact(request.RequestUri), null);
        }

        using var activity = Source.StartActivity("HTTP " + request.Method.Method, ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.full", uri);
        activity?.SetTag("server.address", request.RequestUri?.Host);

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = ElapsedMilliseconds(started);
            var serverTiming = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(", ", values) : null;
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (serverTiming is not null)
            {
                activity?.SetTag("uipath.server_timing", serverTiming);
            }

            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            Completed(_logger, request.Method.Method, uri, (int)response.StatusCode, elapsed, serverTiming ?? "none", null);
            return response;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            // The exception itself is not logged: some carry request details; its type says what happened.
            Failed(_logger, request.Method.Method, uri, ElapsedMilliseconds(started), exception.GetType().Name, null);
            throw;
        }
    }

    private static double ElapsedMilliseconds(long started) =>
        (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
}
