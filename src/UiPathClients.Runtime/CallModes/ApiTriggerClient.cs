using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.CallModes;

/// <summary>
/// Starts Orchestrator jobs through API triggers (<c>{orchestrator}/t/{invoke URL}</c>) and follows them
/// in the chosen call mode until their output or error arrives.
/// </summary>
/// <remarks>
/// Redirects are followed by this class, never by <see cref="HttpClient"/>, so that it checks every hop: a
/// <c>Location</c> is followed only when it is http(s) on Orchestrator's own origin (scheme, host, port), since
/// the bearer token and folder headers go with it; anything else ends the invocation with
/// <see cref="ApiTriggerProtocolException"/>, as do redirects that go round in a circle. The trigger itself is sent
/// exactly once. When a call fails in a way that does not say whether the service acted on it (502 Bad Gateway,
/// 503 Service Unavailable, 504 Gateway Timeout, a network error, or any 5xx in FireAndForget, whose answer is never the
/// job's result), the status URI is asked again if known, otherwise <see cref="TriggerOutcomeUnknownException"/> says a
/// job may be running.
/// </remarks>
public sealed class ApiTriggerClient
{
    private readonly HttpClient _http;
    private readonly Uri _orchestratorBaseUri;
    private readonly TimeProvider _time;

    /// <summary>Creates the client over an HTTP pipeline.</summary>
    /// <param name="http">
    /// A client whose pipeline authenticates (<see cref="BearerTokenHandler"/>) and does <b>not</b> follow
    /// redirects (<c>AllowAutoRedirect = false</c>); <see cref="Create"/> builds one. Its timeout should be
    /// infinite: long-polling calls are held open by design and <see cref="ApiTriggerOptions.Timeout"/> bounds them.
    /// An <see cref="HttpClient"/> does not show its handlers, so a client that follows redirects itself is found
    /// only by its first answer from a redirected URI: that invocation ends with <see cref="ApiTriggerProtocolException"/>.
    /// </param>
    /// <param name="orchestratorBaseUri">Orchestrator's base URL, e.g. <c>https://cloud.uipath.com/org/tenant/orchestrator_/</c>.</param>
    /// <param name="timeProvider">The clock for poll intervals and timeouts; tests pass a fake one.</param>
    public ApiTriggerClient(HttpClient http, Uri orchestratorBaseUri, TimeProvider? timeProvider = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (orchestratorBaseUri is null || !orchestratorBaseUri.IsAbsoluteUri)
        {
            throw new ArgumentException("Orchestrator's base URL must be absolute.", nameof(orchestratorBaseUri));
        }

        // Relative resolution drops the last segment unless the base ends with a slash.
        var absolute = orchestratorBaseUri.AbsoluteUri;
        _orchestratorBaseUri = absolute[absolute.Length - 1] == '/' ? orchestratorBaseUri : new Uri(absolute + "/");
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Builds a client with a bearer-token pipeline over a transport that does not follow redirects.</summary>
    /// <param name="tokens">Where tokens come from.</param>
    /// <param name="orchestratorBaseUri">Orchestrator's base URL.</param>
    /// <param name="transport">
    /// The transport, possibly a chain of <see cref="DelegatingHandler"/>s; a new <see cref="HttpClientHandler"/>
    /// without auto-redirect when omitted.
    /// </param>
    /// <param name="timeProvider">The clock for poll intervals and timeouts.</param>
    /// <exception cref="ArgumentException">
    /// A handler in the transport's chain (<see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c>) follows
    /// redirects itself (<c>AllowAutoRedirect = true</c>, their default). It is refused rather than reconfigured: the
    /// handler may be shared with other clients. A handler that follows the protocol's 303s hides the status and
    /// output stages from this class and sends the next request wherever the <c>Location</c> points, unchecked.
    /// </exception>
    public static ApiTriggerClient Create(IAccessTokenProvider tokens, Uri orchestratorBaseUri, HttpMessageHandler? transport = null, TimeProvider? timeProvider = null)
    {
        transport ??= new HttpClientHandler { AllowAutoRedirect = false };
        if (AutoRedirectingHandlerIn(transport) is { } redirecting)
        {
            throw new ArgumentException(
                $"The transport's {redirecting.GetType().Name} follows redirects itself; API-trigger redirects must be followed by ApiTriggerClient, which checks where each Location leads before the bearer token goes there (set AllowAutoRedirect = false).",
                nameof(transport));
        }

        var http = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = transport }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return new ApiTriggerClient(http, orchestratorBaseUri, timeProvider);
    }

    /// <summary>Invokes an API trigger and returns the job's output arguments as JSON.</summary>
    /// <param name="triggerPath">The trigger's invoke URL after <c>/t/</c>, e.g. <c>invoices/process</c>.</param>
    /// <param name="arguments">Input arguments; sent as the JSON body, or as the query string for GET.</param>
    /// <param name="options">Method, call mode, polling and limits.</param>
    /// <param name="cancellationToken">Cancels the invocation at any stage. A job already started keeps running.</param>
    /// <exception cref="ApiTriggerJobFailedException">The job ended in error.</exception>
    /// <exception cref="TriggerOutcomeUnknownException">The call broke off; a job may be running.</exception>
    /// <exception cref="ApiTriggerTimeoutException">The job did not finish within <see cref="ApiTriggerOptions.Timeout"/>.</exception>
    /// <exception cref="ApiTriggerProtocolException">
    /// A <c>Location</c> is not http(s), leads to another origin than Orchestrator's, or redirects go round in a circle.
    /// </exception>
    /// <exception cref="ApiTriggerException">The service answered outside the call-mode protocol.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "See the typed overload.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:Public API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "See the typed overload.")]
    public async Task<ApiTriggerResult> InvokeAsync(string triggerPath, JsonObject? arguments = null, ApiTriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(triggerPath))
        {
            throw new ArgumentException("The trigger path is required.", nameof(triggerPath));
        }

        var settings = (options ?? new ApiTriggerOptions()).Validated();
        var invocation = new Invocation(new Uri(_orchestratorBaseUri, "t/" + triggerPath.TrimStart('/')), settings);
#if NET8_0_OR_GREATER
        using var timeout = new CancellationTokenSource(settings.Timeout, _time);
#else
        using var timeout = _time.CreateCancellationTokenSource(settings.Timeout);
#endif
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await RunAsync(invocation, arguments, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiTriggerTimeoutException(
                $"The job started by {invocation.TriggerUri} did not finish within {settings.Timeout}; it may still be running.",
                invocation.TriggerUri,
                invocation.StatusUri);
        }
    }

    /// <summary>Invokes an API trigger and deserializes the job's output arguments.</summary>
    /// <typeparam name="TOutput">The output arguments' shape.</typeparam>
    /// <param name="triggerPath">The trigger's invoke URL after <c>/t/</c>.</param>
    /// <param name="arguments">Input arguments.</param>
    /// <param name="outputType">Serialization metadata for <typeparamref name="TOutput"/> (trim- and AOT-safe).</param>
    /// <param name="options">Method, call mode, polling and limits.</param>
    /// <param name="cancellationToken">Cancels the invocation.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The typed overload is told apart by its type argument and the required JsonTypeInfo; no call can bind to both.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:Public API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "As above.")]
    public async Task<TOutput?> InvokeAsync<TOutput>(string triggerPath, JsonObject? arguments, JsonTypeInfo<TOutput> outputType, ApiTriggerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (outputType is null)
        {
            throw new ArgumentNullException(nameof(outputType));
        }

        var result = await InvokeAsync(triggerPath, arguments, options, cancellationToken).ConfigureAwait(false);
        return result.Output is { } output ? output.Deserialize(outputType) : default;
    }

    private async Task<ApiTriggerResult> RunAsync(Invocation invocation, JsonObject? arguments, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (var trigger = TriggerRequest(invocation, arguments))
        {
            try
            {
                response = await SendAsync(invocation, trigger, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (EndedWithoutAnswer(exception, cancellationToken))
            {
                throw new TriggerOutcomeUnknownException(
                    $"The call to {invocation.TriggerUri} failed before an answer arrived ({exception.Message}); a job may have been started. It is not retried, which could start a second job.",
                    invocation.TriggerUri,
                    statusCode: null,
                    statusUri: null,
                    exception);
            }
        }

        if (IsGatewayFailure(response.StatusCode)
            || (invocation.Options.CallMode == ApiTriggerCallMode.FireAndForget && (int)response.StatusCode >= 500))
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new TriggerOutcomeUnknownException(
                $"The call to {invocation.TriggerUri} answered {(int)status} {DescribeFailure(status)}; a job may have been started. It is not retried, which could start a second job: look for it in Orchestrator's Jobs.",
                invocation.TriggerUri,
                status,
                statusUri: null);
        }

        if ((int)response.StatusCode is >= 400 and < 500)
        {
            // A client error on the trigger call itself (unknown trigger, no permission, bad arguments):
            // no job was created, whatever the call mode.
            using (response)
            {
                throw await UnexpectedAsync(invocation, response, "the job was not created", cancellationToken).ConfigureAwait(false);
            }
        }

        return invocation.Options.CallMode switch
        {
            ApiTriggerCallMode.FireAndForget => await FireAndForgetAsync(invocation, response, cancellationToken).ConfigureAwait(false),
            ApiTriggerCallMode.AsyncRequestReply => await AsyncRequestReplyAsync(invocation, response, cancellationToken).ConfigureAwait(false),
            _ => await LongPollingAsync(invocation, response, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<ApiTriggerResult> FireAndForgetAsync(Invocation invocation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return new ApiTriggerResult(ApiTriggerCallMode.FireAndForget, response.StatusCode, output: null, statusUri: null, invocation.Requests);
            }

            throw await UnexpectedAsync(invocation, response, "the job was not created", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ApiTriggerResult> AsyncRequestReplyAsync(Invocation invocation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            // A service that finished at once answers like the output endpoint would.
            return await FinishAsync(invocation, response, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            invocation.StatusUri = LocationOf(invocation, response, "202 Accepted");
        }

        var delay = invocation.Options.PollInterval;
        while (true)
        {
            await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            var poll = await FollowAsync(invocation, invocation.StatusUri, cancellationToken).ConfigureAwait(false);
            if (poll is null)
            {
                continue; // The status URI failed to answer: the job runs on, poll again.
            }

            if (poll.StatusCode == HttpStatusCode.OK)
            {
                poll.Dispose();
                delay = TimeSpan.FromTicks(Math.Min(invocation.Options.MaxPollInterval.Ticks, (long)(delay.Ticks * invocation.Options.PollBackoffFactor)));
                continue;
            }

            if (IsSeeOther(poll.StatusCode))
            {
                return await FollowToOutputAsync(invocation, poll, cancellationToken).ConfigureAwait(false);
            }

            using (poll)
            {
                throw await UnexpectedAsync(invocation, poll, "the status URI answered outside the call-mode protocol", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<ApiTriggerResult> LongPollingAsync(Invocation invocation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var redirects = 0;
        while (IsSeeOther(response.StatusCode))
        {
            using (response)
            {
                invocation.StatusUri = LocationOf(invocation, response, "the long-polling redirect");
            }

            if (++redirects > invocation.Options.MaxRedirects)
            {
                throw new ApiTriggerException(
                    $"The job started by {invocation.TriggerUri} was still running after {invocation.Options.MaxRedirects} long-polling redirects; it may still be running.",
                    invocation.TriggerUri,
                    statusUri: invocation.StatusUri);
            }

            response = await FollowUntilAnsweredAsync(invocation, invocation.StatusUri, cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(invocation, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Follows the status URI's redirect to the output. The output URI answers the result; should it redirect again,
    /// the chain is followed while it leads somewhere new (up to <see cref="ApiTriggerOptions.MaxRedirects"/>), so a
    /// status URI that redirects to itself, or links that go round in a circle, end as a protocol error instead of
    /// being read as the job's result.
    /// </summary>
    private async Task<ApiTriggerResult> FollowToOutputAsync(Invocation invocation, HttpResponseMessage redirect, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { invocation.StatusUri!.AbsoluteUri };
        while (true)
        {
            Uri target;
            using (redirect)
            {
                target = LocationOf(invocation, redirect, "the status URI's redirect");
                if (!visited.Add(target.AbsoluteUri))
                {
                    throw new ApiTriggerProtocolException(
                        $"The status URI of the job started by {invocation.TriggerUri} redirects in a circle, back to {target}. {JobStarted(invocation)}",
                        invocation.TriggerUri,
                        redirect.StatusCode,
                        invocation.StatusUri,
                        target.AbsoluteUri);
                }

                if (visited.Count > invocation.Options.MaxRedirects + 1)
                {
                    throw new ApiTriggerProtocolException(
                        $"The status URI of the job started by {invocation.TriggerUri} led through more than {invocation.Options.MaxRedirects} redirects without reaching the output. {JobStarted(invocation)}",
                        invocation.TriggerUri,
                        redirect.StatusCode,
                        invocation.StatusUri,
                        target.AbsoluteUri);
                }
            }

            var answer = await FollowUntilAnsweredAsync(invocation, target, cancellationToken).ConfigureAwait(false);
            if (!IsSeeOther(answer.StatusCode))
            {
                return await FinishAsync(invocation, answer, cancellationToken).ConfigureAwait(false);
            }

            redirect = answer;
        }
    }

    /// <summary>GETs <paramref name="uri"/> again while the connection breaks off, within the limit <see cref="FollowAsync"/> keeps.</summary>
    private async Task<HttpResponseMessage> FollowUntilAnsweredAsync(Invocation invocation, Uri uri, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await FollowAsync(invocation, uri, cancellationToken).ConfigureAwait(false) is { } response)
            {
                return response;
            }
        }
    }

    /// <summary>
    /// GETs a status or output URI. Returns <see langword="null"/> when it failed to answer (a gateway failure, 429 or a
    /// network error) and the caller should simply ask again, up to <see cref="ApiTriggerOptions.MaxBadGatewayRetries"/>
    /// times in a row: after the answer's <c>Retry-After</c> (or <see cref="ApiTriggerOptions.PollInterval"/>) for a 429 or
    /// 503, which say "not now", at once for the others, which say "the held call broke off".
    /// </summary>
    private async Task<HttpResponseMessage?> FollowAsync(Invocation invocation, Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (!invocation.Options.AuthenticateRedirects)
        {
            request.WithoutToken();
        }

        HttpResponseMessage response;
        try
        {
            response = await SendAsync(invocation, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (EndedWithoutAnswer(exception, cancellationToken))
        {
            return BrokenOff(invocation, null, exception);
        }

        var status = response.StatusCode;
        if (IsGatewayFailure(status) || status == TooManyRequests)
        {
            var wait = status is TooManyRequests or HttpStatusCode.ServiceUnavailable ? RetryDelay(invocation.Options, response) : TimeSpan.Zero;
            response.Dispose();
            var again = BrokenOff(invocation, status, null);
            if (wait > TimeSpan.Zero)
            {
                await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }

            return again;
        }

        return response;
    }

    private const HttpStatusCode TooManyRequests = (HttpStatusCode)429;

    /// <summary>
    /// Whether a send failed without an answer, and not by <paramref name="cancellationToken"/> (the caller's, or the
    /// invocation's timeout): a network error, a resilience pipeline's attempt or total timeout, or <c>HttpClient.Timeout</c>.
    /// The request may have reached the service all the same.
    /// </summary>
    private static bool EndedWithoutAnswer(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Answers a gateway or an overloaded service gives without saying whether the request was acted on.</summary>
    private static bool IsGatewayFailure(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static string DescribeFailure(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadGateway => "Bad Gateway (a known issue with long-held connections)",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => "(a server error)",
    };

    /// <summary>How long to wait before asking again after a 429 or 503: its <c>Retry-After</c>, else the poll interval; at most the longest poll interval.</summary>
    private TimeSpan RetryDelay(ApiTriggerOptions options, HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : options.PollInterval);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxPollInterval ? options.MaxPollInterval : wait;
    }

    private static HttpResponseMessage? BrokenOff(Invocation invocation, HttpStatusCode? statusCode, Exception? exception)
    {
        if (++invocation.BrokenConnections > invocation.Options.MaxBadGatewayRetries)
        {
            throw new TriggerOutcomeUnknownException(
                $"Following the job started by {invocation.TriggerUri} failed {invocation.BrokenConnections} times in a row (gateway failures, 429 or network errors); the job may still be running.",
                invocation.TriggerUri,
                statusCode,
                invocation.StatusUri,
                exception);
        }

        return null;
    }

    private async Task<HttpResponseMessage> SendAsync(Invocation invocation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        invocation.Requests++;

        // A handler that follows a redirect rewrites this very request's RequestUri, so the URI is kept before sending.
        var sentTo = request.RequestUri;
        // Headers only: error bodies are read only in part, output bodies in FinishAsync, the rest not at all.
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.RequestMessage?.RequestUri is { } answered && answered != sentTo)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new ApiTriggerProtocolException(
                $"The HttpClient followed a redirect from {sentTo} to {answered} by itself; API-trigger redirects must be followed by ApiTriggerClient. Build the client with ApiTriggerClient.Create or a handler with AllowAutoRedirect = false. {JobStarted(invocation)}",
                invocation.TriggerUri,
                status,
                invocation.StatusUri,
                answered.AbsoluteUri);
        }

        if (!IsGatewayFailure(response.StatusCode) && response.StatusCode != TooManyRequests)
        {
            invocation.BrokenConnections = 0;
        }

        return response;
    }

    private async Task<ApiTriggerResult> FinishAsync(Invocation invocation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                // Not the job's result, nor its failure: the call-mode protocol has no redirect at this stage.
                throw new ApiTriggerProtocolException(
                    $"{invocation.TriggerUri}: HTTP {(int)response.StatusCode} where the job's output was expected; the call-mode protocol has no redirect here. {JobStarted(invocation)}",
                    invocation.TriggerUri,
                    response.StatusCode,
                    invocation.StatusUri,
                    response.Headers.Location?.OriginalString);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ApiTriggerJobFailedException(
                    $"The job started by {invocation.TriggerUri} ended in error (HTTP {(int)response.StatusCode}).",
                    invocation.TriggerUri,
                    response.StatusCode,
                    await ErrorBodyAsync(response, cancellationToken).ConfigureAwait(false),
                    invocation.StatusUri);
            }

            JsonElement? output = null;
            using (var read = await ResponseBody.ReadAsync(_http, response.Content, Stopwatch.GetTimestamp(), cancellationToken).ConfigureAwait(false))
            {
                var json = WithoutByteOrderMark(read.Memory);
                if (!IsWhiteSpace(json.Span))
                {
                    try
                    {
                        using var document = JsonDocument.Parse(json);
                        output = document.RootElement.Clone();
                    }
                    catch (JsonException exception)
                    {
                        // Like an error body, the exception keeps the output's first 64 KB, not all of it.
                        throw new ApiTriggerException($"The job's output from {invocation.TriggerUri} is not JSON.", invocation.TriggerUri, response.StatusCode, read.ToText(ResponseBody.MaxErrorBodyBytes), invocation.StatusUri, exception);
                    }
                }
            }

            return new ApiTriggerResult(invocation.Options.CallMode, response.StatusCode, output, invocation.StatusUri, invocation.Requests);
        }
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Length >= 3 && body.Span[0] == 0xEF && body.Span[1] == 0xBB && body.Span[2] == 0xBF ? body.Slice(3) : body;

    private static bool IsWhiteSpace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static HttpRequestMessage TriggerRequest(Invocation invocation, JsonObject? arguments)
    {
        var options = invocation.Options;
        var all = new List<KeyValuePair<string, JsonNode?>>();
        if (arguments is not null)
        {
            foreach (var argument in arguments)
            {
                all.Add(new KeyValuePair<string, JsonNode?>(argument.Key, argument.Value?.DeepClone()));
            }
        }

        if (options.SendCallModeArgument)
        {
            all.Add(new KeyValuePair<string, JsonNode?>("$callMode", JsonValue.Create(options.CallMode.ToString())));
        }

        if (options.Method == HttpMethod.Get)
        {
            // GET carries the arguments in the query string and no body, hence no Content-Type.
            var query = new StringBuilder();
            foreach (var argument in all)
            {
                var value = argument.Value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : argument.Value?.ToJsonString() ?? string.Empty;
                query.Append(query.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(argument.Key))
                    .Append('=')
                    .Append(Uri.EscapeDataString(value));
            }

            return new HttpRequestMessage(HttpMethod.Get, new Uri(invocation.TriggerUri.AbsoluteUri + query));
        }

        return new HttpRequestMessage(options.Method, invocation.TriggerUri)
        {
            Content = new StringContent(new JsonObject(all).ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>
    /// Where <paramref name="response"/> says to go next, if it may be followed: an http(s) URI on Orchestrator's
    /// origin, since the bearer token and folder headers go along (<see cref="Origin"/>).
    /// </summary>
    private Uri LocationOf(Invocation invocation, HttpResponseMessage response, string what)
    {
        var location = response.Headers.Location
            ?? throw new ApiTriggerException($"{what} from {invocation.TriggerUri} has no Location header. {JobStarted(invocation)}", invocation.TriggerUri, response.StatusCode, statusUri: invocation.StatusUri);
        var target = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? invocation.TriggerUri, location);
        string? refusal = null;
        if (!Origin.IsHttp(target))
        {
            refusal = $"is not an http or https URL ({target.Scheme}:)";
        }
        else if (!Origin.AreSame(target, _orchestratorBaseUri))
        {
            refusal = $"leads to another origin ({Origin.Of(target)}) than Orchestrator's ({Origin.Of(_orchestratorBaseUri)}); it is not followed, so the bearer token is not sent there";
        }

        if (refusal is null)
        {
            return target;
        }

        throw new ApiTriggerProtocolException(
            $"The Location of {what} from {invocation.TriggerUri} {refusal}. {JobStarted(invocation)}",
            invocation.TriggerUri,
            response.StatusCode,
            invocation.StatusUri,
            target.OriginalString);
    }

    /// <summary>What a caller needs to know once the trigger was answered: a job exists and is not started again.</summary>
    private static string JobStarted(Invocation invocation) =>
        invocation.StatusUri is { } status
            ? $"The job was started and may still be running; its status can be followed at {status}. The trigger is not invoked again."
            : "The job was started and may still be running; the trigger is not invoked again, which could start a second job.";

    private static async Task<ApiTriggerException> UnexpectedAsync(Invocation invocation, HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await ErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return new ApiTriggerException($"{invocation.TriggerUri}: HTTP {(int)response.StatusCode}, {what}.", invocation.TriggerUri, response.StatusCode, body, invocation.StatusUri);
    }

    /// <summary>An error answer's body for an exception: its first 64 KB, visibly cut when there was more.</summary>
    private static async Task<string> ErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await ResponseBody.ReadErrorAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return body.ToText();
    }

    // The call-mode documentation says 303 See Other; its C# sample tests 302 Found. Both mean "look there".
    private static bool IsSeeOther(HttpStatusCode status) => status is HttpStatusCode.SeeOther or HttpStatusCode.Found;

    /// <summary>The first handler in <paramref name="transport"/>'s chain that follows redirects itself, if any.</summary>
    private static HttpMessageHandler? AutoRedirectingHandlerIn(HttpMessageHandler transport)
    {
        for (HttpMessageHandler? handler = transport; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            switch (handler)
            {
                case HttpClientHandler { AllowAutoRedirect: true }:
#if NET5_0_OR_GREATER
                case SocketsHttpHandler { AllowAutoRedirect: true }:
#endif
                    return handler;
            }
        }

        return null;
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _time, cancellationToken);
#else
        _time.Delay(delay, cancellationToken);
#endif

    /// <summary>What one invocation has learned so far.</summary>
    private sealed class Invocation(Uri triggerUri, ApiTriggerOptions options)
    {
        public Uri TriggerUri { get; } = triggerUri;

        public ApiTriggerOptions Options { get; } = options;

        public Uri? StatusUri { get; set; }

        public int Requests { get; set; }

        public int BrokenConnections { get; set; }
    }
}
