using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace UiPathClients.Runtime.Resilience;

/// <summary>
/// Pipeline step that applies UiPath's retry and timeout rules (<see cref="UiPathResilienceOptions"/>) without
/// dependency injection: put it before the authentication handler. With <c>IHttpClientFactory</c>, use
/// <see cref="UiPathResilience.AddUiPathResilience(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder, Action{UiPathResilienceOptions})"/> instead.
/// </summary>
/// <remarks>
/// The request body is buffered before the first attempt, so every attempt sends the same bytes. A call that runs
/// past a timeout ends with Polly's <see cref="Polly.Timeout.TimeoutRejectedException"/>.
/// </remarks>
public sealed class UiPathResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler from options.</summary>
    /// <param name="options">The rules; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for delays and timeouts; <see langword="null"/> for the system clock.</param>
    public UiPathResilienceHandler(UiPathResilienceOptions? options = null, TimeProvider? timeProvider = null)
        : this(new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider ?? TimeProvider.System }
            .AddUiPathResilience(options ?? new UiPathResilienceOptions())
            .Build())
    {
    }

    /// <summary>Creates the handler around a pipeline built elsewhere, e.g. with <see cref="UiPathResilience.AddUiPathResilience(ResiliencePipelineBuilder{HttpResponseMessage}, UiPathResilienceOptions)"/> plus strategies of your own.</summary>
    /// <param name="pipeline">The pipeline each request runs through.</param>
    public UiPathResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) =>
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        await RequestBufferingHandler.BufferAsync(request).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            // The retry rule reads the method from here, as it does under Microsoft.Extensions.Http.Resilience's handler.
            context.SetRequestMessage(request);
            return await _pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, context.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
