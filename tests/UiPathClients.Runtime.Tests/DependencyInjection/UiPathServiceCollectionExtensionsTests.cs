using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using UiPathClients.Runtime.CallModes;
using UiPathClients.Runtime.DependencyInjection;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Resilience;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.DependencyInjection;

public sealed class UiPathServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<IServiceCollection> register, CapturingLogger? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        register(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Orchestrator_client_sends_token_folder_and_tenant_and_logs_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/acme/Default/orchestrator_/odata/Jobs", () => Results.Json(new { value = Array.Empty<object>() })));
        var logs = new CapturingLogger();
        await using var provider = Build(services => services.AddOrchestratorClient(options =>
        {
            options.BaseUri = new Uri(server.BaseAddress, "acme/Default/orchestrator_");
            options.AccessToken = "pat-secret-value";
            options.Folder = FolderContext.ByPath("Finance");
            options.TenantName = "Default";
        }), logs);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(UiPathServiceCollectionExtensions.OrchestratorClientName);

        using var response = await http.GetAsync("odata/Jobs");

        response.EnsureSuccessStatusCode();
        var received = Assert.Single(server.Requests);
        Assert.Equal("Bearer pat-secret-value", received.Authorization);
        Assert.Equal("Finance", received.Header("X-UIPATH-FolderPath"));
        Assert.Equal("Default", received.Header("X-UIPATH-TenantName"));
        Assert.Contains(logs.Messages, message => message.Contains("/acme/Default/orchestrator_/odata/Jobs answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, message => message.Contains("pat-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configuration_section_with_client_credentials_shares_one_token()
    {
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/identity_/connect/token", async () =>
            {
                await Task.Delay(100);
                return Results.Json(new { access_token = "cc-token-" + Interlocked.Increment(ref issued), expires_in = 3600 });
            });
            app.MapGet("/acme/Default/orchestrator_/odata/Releases", () => Results.Json(new { value = Array.Empty<object>() }));
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UiPath:Orchestrator:BaseUri"] = new Uri(server.BaseAddress, "acme/Default/orchestrator_/").AbsoluteUri,
            ["UiPath:Orchestrator:ClientId"] = "app-id",
            ["UiPath:Orchestrator:ClientSecret"] = "app-secret",
            ["UiPath:Orchestrator:Scopes"] = "OR.Jobs OR.Folders.Read",
            ["UiPath:Orchestrator:FolderId"] = "42",
        }).Build();
        await using var provider = Build(services => services.AddOrchestratorClient(configuration.GetSection("UiPath:Orchestrator")));
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await factory.CreateClient(UiPathServiceCollectionExtensions.OrchestratorClientName).GetAsync("odata/Releases");
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, server.CountOf("/identity_/connect/token"));
        Assert.Equal("grant_type=client_credentials&client_id=app-id&client_secret=app-secret&scope=OR.Jobs+OR.Folders.Read", server.Requests.First(request => request.PathAndQuery == "/identity_/connect/token").Body);
        Assert.All(server.Requests.Where(request => request.Method == "GET"), request =>
        {
            Assert.Equal("Bearer cc-token-1", request.Authorization);
            Assert.Equal("42", request.Header("X-UIPATH-OrganizationUnitId"));
        });
    }

    [Fact]
    public async Task Transient_failures_are_retried_inside_the_registered_pipeline()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.Ok()));
        await using var provider = Build(services =>
        {
            services.AddOrchestratorClient(options =>
            {
                options.BaseUri = server.BaseAddress;
                options.AccessToken = "t";
            });
            services.Configure<UiPathResilienceOptions>(UiPathServiceCollectionExtensions.OrchestratorClientName, resilience => resilience.BaseDelay = TimeSpan.FromMilliseconds(10));
        });

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient(UiPathServiceCollectionExtensions.OrchestratorClientName).GetAsync("odata/Jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.CountOf("/odata/Jobs"));
    }

    [Fact]
    public async Task Api_triggers_resolve_from_the_container()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/t/invoices/process", () => Results.Ok()));
        await using var provider = Build(services => services.AddOrchestratorClient(options =>
        {
            options.BaseUri = server.BaseAddress;
            options.AccessToken = "t";
        }));

        var result = await provider.GetRequiredService<ApiTriggerClient>().InvokeAsync("invoices/process", options: new ApiTriggerOptions { CallMode = ApiTriggerCallMode.FireAndForget });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("Bearer t", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task Communications_Mining_errors_become_exceptions_after_retries()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/v1/datasets/acme/missing", (HttpResponse response) =>
            {
                response.Headers["Server-Timing"] = "total;dur=3.5";
                return Results.Json(new { message = "404 Not Found", status = "error" }, statusCode: 404);
            });
            app.MapGet("/api/v1/datasets/acme/busy", () => Interlocked.Increment(ref calls) == 1
                ? Results.Json(new { message = "Service busy", status = "error" }, statusCode: 503)
                : Results.Json(new { status = "ok", dataset = new { name = "busy" } }));
        });
        await using var provider = Build(services =>
        {
            services.AddCommunicationsMiningClient(options =>
            {
                options.BaseUri = new Uri(server.BaseAddress, "api/");
                options.AccessToken = "cm-token";
            });
            services.Configure<UiPathResilienceOptions>(UiPathServiceCollectionExtensions.CommunicationsMiningClientName, resilience => resilience.BaseDelay = TimeSpan.FromMilliseconds(10));
        });
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(UiPathServiceCollectionExtensions.CommunicationsMiningClientName);

        var failure = await Assert.ThrowsAsync<CommunicationsMiningException>(() => http.GetAsync("v1/datasets/acme/missing"));
        using var busy = await http.GetAsync("v1/datasets/acme/busy");

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("404 Not Found", failure.ServiceMessage);
        Assert.Equal(TimeSpan.FromMilliseconds(3.5), failure.ServerTiming.Total);
        Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        Assert.Equal(2, server.CountOf("/api/v1/datasets/acme/busy"));
        Assert.All(server.Requests, request => Assert.Equal("Bearer cm-token", request.Authorization));
    }

    [Fact]
    public void Options_without_credentials_fail_at_first_use_with_a_clear_message()
    {
        using var provider = Build(services => services.AddOrchestratorClient(options => options.BaseUri = new Uri("https://cloud.uipath.com/acme/Default/orchestrator_/")));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient(UiPathServiceCollectionExtensions.OrchestratorClientName));

        Assert.Contains("OrchestratorClientOptions: No credential", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<OrchestratorClientOptions>> InvalidOrchestratorOptions() => new()
    {
        { "No credential", options => options.BaseUri = new Uri("https://cloud.uipath.com/acme/Default/orchestrator_/") },
        { "not both", options => { options.BaseUri = new Uri("https://cloud.uipath.com/acme/Default/orchestrator_/"); options.AccessToken = "pat"; options.ClientCredentials.ClientId = "app"; options.ClientCredentials.ClientSecret = "s"; } },
        { "without ClientCredentials.ClientSecret", options => { options.Organization = "acme"; options.Tenant = "Default"; options.ClientCredentials.ClientId = "app"; } },
        { "Set BaseUri, or both Organization and Tenant", options => { options.Organization = "acme"; options.AccessToken = "pat"; } },
        { "must be an absolute https URL", options => { options.BaseUri = new Uri("http://orchestrator.example.com/"); options.AccessToken = "pat"; } },
    };

    [Theory]
    [MemberData(nameof(InvalidOrchestratorOptions))]
    public async Task Missing_or_conflicting_settings_fail_when_the_host_starts(string expected, Action<OrchestratorClientOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOrchestratorClient(configure);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Communications_Mining_options_fail_at_host_start_and_accept_a_domain_as_the_address()
    {
        var failing = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        failing.Services.AddCommunicationsMiningClient(options => options.Domain = "acme");
        using var failingHost = failing.Build();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => failingHost.StartAsync());
        Assert.Equal(["CommunicationsMiningClientOptions: No credential: set AccessToken (a personal access token or API token) or ClientCredentials.ClientId and ClientSecret (an External Application)."], failure.Failures);

        var valid = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        valid.Services.AddCommunicationsMiningClient(options =>
        {
            options.Domain = "acme";
            options.AccessToken = "cm-token";
        });
        using var validHost = valid.Build();
        await validHost.StartAsync();
        await validHost.StopAsync();
    }

    [Fact]
    public async Task A_typed_client_is_injected_with_the_registered_pipeline()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/odata/Jobs", () => Results.Json(new { value = Array.Empty<object>() })));
        await using var provider = Build(services => services.AddOrchestratorClient<TypedConsumer>(options =>
        {
            options.BaseUri = server.BaseAddress;
            options.AccessToken = "pat";
            options.TenantName = "Default";
        }));

        var consumer = provider.GetRequiredService<TypedConsumer>();
        using var response = await consumer.Http.GetAsync("odata/Jobs");

        response.EnsureSuccessStatusCode();
        Assert.Equal(server.BaseAddress, consumer.Http.BaseAddress);
        var received = Assert.Single(server.Requests);
        Assert.Equal("Bearer pat", received.Authorization);
        Assert.Equal("Default", received.Header("X-UIPATH-TenantName"));
    }

    /// <summary>Stands for a generated client: a public constructor taking the HttpClient (and optional settings).</summary>
    public sealed class TypedConsumer(HttpClient http, UiPathClients.Runtime.Client.ODataClientOptions? options = null)
    {
        public HttpClient Http { get; } = http;

        public UiPathClients.Runtime.Client.ODataClientOptions? Options { get; } = options;
    }

    [Fact]
    public void Cloud_options_build_the_base_uri_from_organization_and_tenant()
    {
        using var provider = Build(services => services.AddOrchestratorClient(options =>
        {
            options.Organization = "acme";
            options.Tenant = "Default";
            options.AccessToken = "t";
        }));

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(UiPathServiceCollectionExtensions.OrchestratorClientName);

        Assert.Equal(new Uri("https://cloud.uipath.com/acme/Default/orchestrator_/"), http.BaseAddress);
    }
}
