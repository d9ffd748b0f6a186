using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.CallModes;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Resilience;

namespace UiPathClients.Runtime.DependencyInjection;

/// <summary>
/// Registers UiPath clients with <see cref="IHttpClientFactory"/>. Each client's pipeline, outermost first:
/// diagnostics (one log line and span per call), the Communications Mining error envelope, resilience
/// (retries and timeouts), Orchestrator folder headers, bearer token (per attempt, so a retry gets a current
/// token), then a transport that never follows redirects by itself.
/// </summary>
public static class UiPathServiceCollectionExtensions
{
    /// <summary>The name of the Orchestrator <see cref="HttpClient"/>: <c>factory.CreateClient(OrchestratorClientName)</c>.</summary>
    public const string OrchestratorClientName = "UiPathClients.Orchestrator";

    /// <summary>The name of the client API triggers go through (no per-attempt timeout: long polls are held open by design).</summary>
    public const string ApiTriggerClientName = "UiPathClients.Orchestrator.Triggers";

    /// <summary>The name of the Communications Mining <see cref="HttpClient"/>.</summary>
    public const string CommunicationsMiningClientName = "UiPathClients.CommunicationsMining";

    /// <summary>The name of the plain client token requests go through.</summary>
    public const string IdentityClientName = "UiPathClients.Identity";

    /// <summary>Registers the Orchestrator client and <see cref="ApiTriggerClient"/>.</summary>
    /// <returns>The Orchestrator client's builder, to add handlers or configure it further.</returns>
    public static IHttpClientBuilder AddOrchestratorClient(this IServiceCollection services, Action<OrchestratorClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        AddValidatedOptions(services, configure);
        AddIdentityClient(services);
        services.TryAddSingleton(provider => new TokenSource<OrchestratorClientOptions>(
            provider.GetRequiredService<IOptions<OrchestratorClientOptions>>().Value.CreateTokenProvider(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient(IdentityClientName))));

        var builder = services.AddHttpClient(OrchestratorClientName, (provider, http) => http.BaseAddress = Options<OrchestratorClientOptions>(provider).ResolveBaseUri());
        AddPipeline<OrchestratorClientOptions>(builder, OrchestratorClientName, outsideRetries: null, perAttempt: OrchestratorContext);

        var triggers = services.AddHttpClient(ApiTriggerClientName, http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        triggers.Services.Configure<UiPathResilienceOptions>(ApiTriggerClientName, resilience =>
        {
            // ApiTriggerOptions.Timeout bounds an invocation; long-polling hops block for minutes by design.
            resilience.AttemptTimeout = null;
            resilience.TotalTimeout = null;
        });
        AddPipeline<OrchestratorClientOptions>(triggers, ApiTriggerClientName, outsideRetries: null, perAttempt: OrchestratorContext);
        services.TryAddTransient(provider => new ApiTriggerClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(ApiTriggerClientName),
            Options<OrchestratorClientOptions>(provider).ResolveBaseUri(),
            provider.GetService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// Registers the Orchestrator client (as <see cref="AddOrchestratorClient(IServiceCollection, Action{OrchestratorClientOptions})"/>) and
    /// <typeparamref name="TClient"/> as a typed client over it, so it can be injected:
    /// <c>services.AddOrchestratorClient&lt;OrchestratorClient&gt;(o => …)</c>, then <c>GetRequiredService&lt;OrchestratorClient&gt;()</c>.
    /// </summary>
    /// <typeparam name="TClient">The generated client (or any class whose public constructor takes the <see cref="HttpClient"/>).</typeparam>
    /// <returns>The Orchestrator client's builder.</returns>
    public static IHttpClientBuilder AddOrchestratorClient<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TClient>(this IServiceCollection services, Action<OrchestratorClientOptions> configure)
        where TClient : class =>
        services.AddOrchestratorClient(configure).AddTypedClient<TClient>();

    /// <summary>Registers the Orchestrator client and <typeparamref name="TClient"/> with options read from a configuration section.</summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <returns>The Orchestrator client's builder.</returns>
    public static IHttpClientBuilder AddOrchestratorClient<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TClient>(this IServiceCollection services, IConfiguration section)
        where TClient : class =>
        services.AddOrchestratorClient(section).AddTypedClient<TClient>();

    /// <summary>Registers the Orchestrator client with options read from a configuration section (see <see cref="OrchestratorClientOptions"/>).</summary>
    public static IHttpClientBuilder AddOrchestratorClient(this IServiceCollection services, IConfiguration section) =>
        services.AddOrchestratorClient(options => options.Bind(section ?? throw new ArgumentNullException(nameof(section))));

    /// <summary>Registers the Communications Mining client; errors in its <c>{"status":"error"}</c> envelope become exceptions.</summary>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddCommunicationsMiningClient(this IServiceCollection services, Action<CommunicationsMiningClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        AddValidatedOptions(services, configure);
        AddIdentityClient(services);
        services.TryAddSingleton(provider => new TokenSource<CommunicationsMiningClientOptions>(
            provider.GetRequiredService<IOptions<CommunicationsMiningClientOptions>>().Value.CreateCommunicationsMiningTokenProvider(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient(IdentityClientName))));

        var builder = services.AddHttpClient(CommunicationsMiningClientName, (provider, http) => http.BaseAddress = Options<CommunicationsMiningClientOptions>(provider).ResolveCommunicationsMiningBaseUri());
        AddPipeline<CommunicationsMiningClientOptions>(builder, CommunicationsMiningClientName, outsideRetries: _ => new CommunicationsMiningResponseHandler(), perAttempt: null);
        return builder;
    }

    /// <summary>
    /// Registers the Communications Mining client and <typeparamref name="TClient"/> as a typed client over it:
    /// <c>services.AddCommunicationsMiningClient&lt;CommunicationsMiningClient&gt;(o => …)</c>.
    /// </summary>
    /// <typeparam name="TClient">The generated client (or any class whose public constructor takes the <see cref="HttpClient"/>).</typeparam>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddCommunicationsMiningClient<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TClient>(this IServiceCollection services, Action<CommunicationsMiningClientOptions> configure)
        where TClient : class =>
        services.AddCommunicationsMiningClient(configure).AddTypedClient<TClient>();

    /// <summary>Registers the Communications Mining client and <typeparamref name="TClient"/> with options read from a configuration section.</summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddCommunicationsMiningClient<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TClient>(this IServiceCollection services, IConfiguration section)
        where TClient : class =>
        services.AddCommunicationsMiningClient(section).AddTypedClient<TClient>();

    /// <summary>Registers the Communications Mining client with options read from a configuration section.</summary>
    public static IHttpClientBuilder AddCommunicationsMiningClient(this IServiceCollection services, IConfiguration section) =>
        services.AddCommunicationsMiningClient(options => options.Bind(section ?? throw new ArgumentNullException(nameof(section))));

    /// <param name="builder">The client.</param>
    /// <param name="name">The client's name, also its log category.</param>
    /// <param name="outsideRetries">A step that must see final answers only (turning error bodies into exceptions would hide them from the retry rules).</param>
    /// <param name="perAttempt">A step that runs on every attempt (context headers).</param>
    private static void AddPipeline<TOptions>(IHttpClientBuilder builder, string name, Func<IServiceProvider, DelegatingHandler>? outsideRetries, Func<IServiceProvider, DelegatingHandler>? perAttempt)
        where TOptions : UiPathClientOptions
    {
        builder.AddHttpMessageHandler(provider => new DiagnosticsHandler(Logger(provider, name)));
        if (outsideRetries is not null)
        {
            builder.AddHttpMessageHandler(outsideRetries);
        }

        builder.AddUiPathResilience();
        if (perAttempt is not null)
        {
            builder.AddHttpMessageHandler(perAttempt);
        }

        builder
            .AddHttpMessageHandler(provider => new BearerTokenHandler(provider.GetRequiredService<TokenSource<TOptions>>().Tokens))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
    }

    private static OrchestratorContextHandler OrchestratorContext(IServiceProvider provider)
    {
        var options = Options<OrchestratorClientOptions>(provider);
        return new OrchestratorContextHandler(options.Folder, options.TenantName);
    }

    /// <summary>
    /// The options, checked when the host starts (<c>ValidateOnStart</c>): a missing or ambiguous credential or an
    /// unusable address fails the app at start-up with every problem named, not at its first call.
    /// </summary>
    private static void AddValidatedOptions<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
#endif
        TOptions>(IServiceCollection services, Action<TOptions> configure)
        where TOptions : UiPathClientOptions
    {
        services.AddOptions<TOptions>()
            .Configure(configure ?? throw new ArgumentNullException(nameof(configure)))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, UiPathClientOptionsValidator<TOptions>>());
    }

    private static void AddIdentityClient(IServiceCollection services) =>
        services.AddHttpClient(IdentityClientName)
            .AddHttpMessageHandler(provider => new DiagnosticsHandler(Logger(provider, IdentityClientName)));

    private static TOptions Options<TOptions>(IServiceProvider provider)
        where TOptions : class => provider.GetRequiredService<IOptions<TOptions>>().Value;

    private static ILogger Logger(IServiceProvider provider, string name) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger(name) ?? NullLogger.Instance;

    /// <summary>Turns <see cref="UiPathClientOptions"/>' own checks into an options validation result.</summary>
    private sealed class UiPathClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
        where TOptions : UiPathClientOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var problems = options.Problems().Select(problem => $"{typeof(TOptions).Name}: {problem}").ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    /// <summary>One token provider per client kind for the container's lifetime, so its cache is shared by all calls.</summary>
    private sealed class TokenSource<TOptions>(IAccessTokenProvider tokens)
        where TOptions : UiPathClientOptions
    {
        public IAccessTokenProvider Tokens { get; } = tokens;
    }
}
