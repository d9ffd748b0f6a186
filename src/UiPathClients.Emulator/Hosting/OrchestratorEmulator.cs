using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UiPathClients.Emulator.CommunicationsMining;
using UiPathClients.Emulator.CommunicationsMining.Http;
using UiPathClients.Emulator.Faults;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator.Orchestrator;
using UiPathClients.Emulator.Orchestrator.Data;

namespace UiPathClients.Emulator;

/// <summary>
/// An Orchestrator look-alike on <c>127.0.0.1</c>: ASP.NET Core OData serving the bundled Orchestrator
/// EDMX at <c>{BaseAddress}odata/</c> with an in-memory tenant, so samples and tests need no UiPath account.
/// The same host serves a Communications Mining API at <see cref="CommunicationsMiningAddress"/> (and at
/// <c>{BaseAddress}api/</c>, the form of tenants onboarded directly).
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await OrchestratorEmulator.StartAsync();
/// using var http = emulator.CreateHttpClient(); // BaseAddress and an accepted bearer token
/// </code>
/// </example>
public sealed class OrchestratorEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly Uri _root;

    private OrchestratorEmulator(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _root = baseAddress;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// The address to give an <c>HttpClient</c>: the emulator's Orchestrator root in the on-premises form (OData lives under
    /// <c>odata/</c>); <see cref="CloudBaseAddress"/> is the same service in the Automation Cloud form.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// The full path of the folder that holds the default seed's releases, jobs and queues (<c>Shared</c>). With
    /// <see cref="EmulatorSeed.Empty"/> no such folder exists unless the test's <c>AddData</c> adds it.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Callers read it from the emulator they started, beside BaseAddress.")]
    public string DefaultFolderPath => SeedData.SharedFolder;

    /// <summary>The in-memory tenant, for tests that compare what a client sees with what the server holds.</summary>
    public OrchestratorData Data => _state.Data;

    /// <summary>
    /// The address to give a Communications Mining client: <c>{BaseAddress}reinfer_/api/</c>, as in Automation
    /// Cloud (paths below it start with <c>v1/</c>). Requests need an <c>Authorization: Bearer</c> header; any token will do.
    /// </summary>
    public Uri CommunicationsMiningAddress => new(BaseAddress, "reinfer_/api/");

    /// <summary>
    /// The Automation Cloud form of <see cref="BaseAddress"/>: <c>{root}/{organization}/{tenant}/orchestrator_/</c>, the
    /// address a client written for cloud.uipath.com uses unchanged apart from the host.
    /// </summary>
    public Uri CloudBaseAddress => new(_root, $"{Organization}/{Tenant}/orchestrator_/");

    /// <summary>The Automation Cloud form of <see cref="CommunicationsMiningAddress"/>: <c>{root}/{organization}/{tenant}/reinfer_/api/</c>.</summary>
    public Uri CloudCommunicationsMiningAddress => new(_root, $"{Organization}/{Tenant}/reinfer_/api/");

    /// <summary>
    /// The identity service's base, as <c>ClientCredentialsOptions.IdentityBaseUri</c> takes it: tokens are issued at
    /// <c>{IdentityAddress}identity_/connect/token</c>, i.e. <c>{root}/{organization}/identity_/connect/token</c>.
    /// </summary>
    public Uri IdentityAddress => new(_root, $"{Organization}/");

    /// <summary>The organization name in <see cref="CloudBaseAddress"/>.</summary>
    public string Organization => Options.Organization ?? OrchestratorEmulatorOptions.DefaultOrganization;

    /// <summary>The tenant name in <see cref="CloudBaseAddress"/>.</summary>
    public string Tenant => Options.Tenant ?? OrchestratorEmulatorOptions.DefaultTenant;

    /// <summary>
    /// An <see cref="HttpClient"/> on <see cref="BaseAddress"/> that sends the first configured personal access token, for
    /// tests that call routes directly. The caller disposes it.
    /// </summary>
    /// <param name="handler">The handler to send through (a recording or fault-injecting one); a new socket handler when <see langword="null"/>.</param>
    public HttpClient CreateHttpClient(HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = BaseAddress;
        if (Options.Identity.PersonalAccessTokens.Count > 0)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Options.Identity.PersonalAccessTokens[0]);
        }

        return http;
    }

    /// <summary>The in-memory Communications Mining tenant: projects, datasets, sources, comments and streams.</summary>
    public CommunicationsMiningData CommunicationsMining => _state.CommunicationsMining;

    /// <summary>The options the emulator runs with.</summary>
    public OrchestratorEmulatorOptions Options => _state.Options;

    /// <summary>When the emulator started by its clock; the seed's times are relative to it.</summary>
    public DateTimeOffset Started => _state.Started;

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests;

    /// <summary>How many access tokens the emulator's identity endpoints have issued (tests count renewals with it).</summary>
    public int IssuedTokenCount => _state.Tokens.IssuedCount;

    /// <summary>
    /// What became of each webhook event so far, oldest first: delivered, failed (which opens the webhook's circuit for
    /// <see cref="OrchestratorEmulatorOptions.WebhookCircuitBreakDuration"/>), dropped while the circuit was open, or skipped
    /// because the webhook's URL is not a loopback address.
    /// </summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _state.Webhooks.Deliveries;

    /// <summary>Completes once <see cref="WebhookDeliveries"/> holds at least <paramref name="count"/> entries (deliveries run in the background).</summary>
    /// <param name="count">How many outcomes to wait for, counted from the emulator's start.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public Task WaitForWebhookDeliveriesAsync(int count, CancellationToken cancellationToken = default) => _state.Webhooks.WaitForDeliveriesAsync(count, cancellationToken);

    /// <summary>
    /// The faults injected into requests from now on: those of <see cref="OrchestratorEmulatorOptions.Faults"/>, and
    /// any added here or through <see cref="FaultsAddress"/>, with how many requests each has matched and faulted.
    /// </summary>
    public EmulatorFaults Faults => _state.Faults;

    /// <summary>
    /// The control endpoint for <see cref="Faults"/>, for callers outside this process: <c>GET</c> lists them,
    /// <c>POST</c> a JSON fault (<c>{"path": "t/*", "method": "POST", "statusCode": 502, "afterHandling": true}</c>) adds one,
    /// <c>DELETE</c> (or <c>DELETE {FaultsAddress}/{id}</c>) removes them. Needs no token.
    /// </summary>
    public Uri FaultsAddress => new(_root, "_emulator/faults");

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _state.ClearRequests();

    /// <summary>Starts an emulator on loopback and returns once it accepts connections.</summary>
    /// <param name="options">Port, paging and job timing; <see langword="null"/> for the defaults (a free port).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<OrchestratorEmulator> StartAsync(OrchestratorEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OrchestratorEmulatorOptions();
        Validate(options);

        var state = new EmulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Controllers live in this assembly, whichever program hosts the emulator.
            ApplicationName = typeof(OrchestratorEmulator).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Above the emulator's own limits, which ErrorBodyMiddleware enforces with an error body (Kestrel's has none).
            kestrel.Limits.MaxRequestLineSize = EmulatorLimits.TransportLimit;
            kestrel.Limits.MaxRequestHeadersTotalSize = EmulatorLimits.TransportLimit;
            kestrel.Limits.MaxRequestHeaderCount = EmulatorLimits.TransportHeaderCount;
            kestrel.Limits.MaxRequestBodySize = EmulatorLimits.MaxRequestBodySize;
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(state.Tokens);
        builder.Services.AddSingleton(options.Identity);
        builder.Services.AddSingleton(state.CommunicationsMining);
        builder.Services.AddSingleton(state.Faults);
        builder.Services.AddOrchestratorSlice(options);
        builder.Services.AddRouting();

        var app = builder.Build();
        app.UseMiddleware<ErrorBodyMiddleware>();
        app.MapWhen(context => context.Request.Path.StartsWithSegments(FaultControlEndpoints.Root), control => control
            .UsePathBase(FaultControlEndpoints.Root)
            .UseRouting()
            .UseEndpoints(FaultControlEndpoints.Map));
        app.UseMiddleware<ServiceAddressMiddleware>();
        app.UseMiddleware<RequestRecordingMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();

        // Each slice is its own branch: its own middleware and routes, so no request of one runs another's.
        app.MapWhen(context => ServiceAddress.SliceOf(context) == ServiceSlice.Identity, identity => identity
            .UseRouting()
            .UseEndpoints(IdentityEndpoints.Map));
        app.MapWhen(context => ServiceAddress.SliceOf(context) == ServiceSlice.CommunicationsMining, communicationsMining => communicationsMining
            .UseMiddleware<CommunicationsMiningMiddleware>()
            .UseRouting()
            .UseEndpoints(routes => routes.MapCommunicationsMining()));
        app.UseOrchestratorSlice();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OrchestratorEmulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Refuses options out of range before anything is seeded or bound.</summary>
    private static void Validate(OrchestratorEmulatorOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The port must be between 0 (any free port) and 65535.");
        }

        if (options.GeneratedQueueItems is < 0 or > EmulatorLimits.MaxGeneratedQueueItems)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.GeneratedQueueItems,
                $"{nameof(OrchestratorEmulatorOptions.GeneratedQueueItems)} must be between 0 and {EmulatorLimits.MaxGeneratedQueueItems}.");
        }

        if (options.ServerPageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ServerPageSize, $"{nameof(OrchestratorEmulatorOptions.ServerPageSize)} must be at least 1, or null for no server paging.");
        }

        foreach (var (name, value) in new[] { (nameof(OrchestratorEmulatorOptions.Organization), options.Organization), (nameof(OrchestratorEmulatorOptions.Tenant), options.Tenant) })
        {
            if (value is not null && (value.Length == 0 || value.Contains('/', StringComparison.Ordinal) || value.EndsWith('_')))
            {
                throw new ArgumentException($"{name} '{value}' must be one URL path segment (no '/', not ending in '_' like the services' own markers), or null for any.", nameof(options));
            }
        }

        if (options.Identity.AccessTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Identity.AccessTokenLifetime, "Identity.AccessTokenLifetime must be positive.");
        }

        if (options.ApiTriggerLongPollingWait <= TimeSpan.Zero || options.ApiTriggerLongPollingLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ApiTriggerLongPollingWait and ApiTriggerLongPollingLimit must be positive.");
        }

        if (options.OrchestratorVersion is { } version && !OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions.Contains(version, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{nameof(OrchestratorEmulatorOptions.OrchestratorVersion)} '{version}' is not served. Served: null (cloud), {string.Join(", ", OrchestratorEmulatorOptions.OnPremisesOrchestratorVersions.Select(served => $"\"{served}\""))}.",
                nameof(options));
        }

        if (options.MaxTop < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxTop, $"{nameof(OrchestratorEmulatorOptions.MaxTop)} must be at least 1.");
        }
    }

    /// <summary>Stops listening, then stops delivering webhook events (those still queued are not sent).</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _state.Webhooks.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Blocks until the host shuts down (Ctrl+C when run as a program).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => ((IHost)_app).WaitForShutdownAsync(cancellationToken);
}
