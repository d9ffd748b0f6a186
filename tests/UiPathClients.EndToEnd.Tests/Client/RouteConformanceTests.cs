using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.EndToEnd.Tests.Orchestrator;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Tests.Common;
using Xunit.Abstractions;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// Every HTTP route a generated Orchestrator client can call exists in the public description its bundled EDMX was
/// derived from, and every <c>/odata/</c> route there is reachable from the client — except the few listed in
/// <see cref="BundledOrchestratorVersion"/>, each with its reason. This holds for each bundled version: the cloud one
/// (<c>orchestrator-cloud-v20.0.uipathcli.openapi3.yaml</c>) and the on-premises 2020.10 and 2019.10 ones (their
/// Swagger 2.0 descriptions). The client's routes are not read from its code: every member of every set and entity
/// client is called, with a value for each parameter, and the request it sends is recorded.
/// </summary>
public sealed class RouteConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Versions() => new() { BundledOrchestratorVersion.Cloud, "2020.10", "2019.10" };

    [SharedCorpusTheory]
    [MemberData(nameof(Versions))]
    public async Task Every_client_route_is_in_the_source_and_every_source_route_is_reachable(string version)
    {
        var bundled = BundledOrchestratorVersion.Of(version);
        var sourcePath = SharedCorpus.PathOf("uipath", bundled.SourceFile);
        var source = (sourcePath.EndsWith(".json", StringComparison.Ordinal) ? SourceRoutesOfJson(File.ReadAllText(sourcePath)) : SourceRoutes(File.ReadAllLines(sourcePath)))
            .Select(Route.Parse)
            .ToList();
        var client = await ClientRoutes(bundled.CreateClient);

        var matched = new HashSet<string>(StringComparer.Ordinal);
        var absent = new List<string>();
        foreach (var call in client.Distinct())
        {
            // Every source route the request matches: 2019.10 writes GET /odata/Settings('{Id}') and Settings('{key}'),
            // one HTTP route under two parameter names.
            var routes = source.Where(candidate => candidate.Matches(call.Method, call.Path)).ToList();
            if (routes.Count > 0)
            {
                matched.UnionWith(routes.Select(route => route.Name));
            }
            else if (!bundled.SupplementedRoutes.Keys.Any(template => Route.Parse(template).Matches(call.Method, call.Path)))
            {
                absent.Add($"{call.Method} {call.Path} (from {call.Member})");
            }
        }

        var unreachable = source.Select(route => route.Name).Where(name => !matched.Contains(name) && !bundled.LeftOutRoutes.ContainsKey(name)).ToList();
        output.WriteLine($"{version}: source /odata/ routes: {source.Count}; client calls: {client.Count} ({client.Select(call => call.Method + " " + call.Path).Distinct().Count()} distinct); " +
            $"source routes reached: {matched.Count}; supplemented: {bundled.SupplementedRoutes.Count}; left out: {bundled.LeftOutRoutes.Count}");
        Assert.True(absent.Count == 0, "Client routes the description does not have:\n" + string.Join("\n", absent));
        Assert.True(unreachable.Count == 0, "Source routes the client cannot reach:\n" + string.Join("\n", unreachable));
        Assert.Equal(source.Count - bundled.LeftOutRoutes.Count, matched.Count);
        Assert.All(bundled.LeftOutRoutes.Keys, name => Assert.Contains(source, route => route.Name == name));
        Assert.Equal(bundled.SourceRoutes, source.Count);
    }

    [Fact]
    public async Task Parameters_the_service_reads_from_the_query_go_there_as_plain_values_and_are_left_out_when_null()
    {
        var recorder = new RouteRecorder();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("https://orchestrator.test/") };
        var orchestrator = new OrchestratorClient(http);

        await Assert.ThrowsAnyAsync<Exception>(() => orchestrator.Buckets[7].GetFilesAsync(directory: "/in box", recursive: true));
        await Assert.ThrowsAnyAsync<Exception>(() => orchestrator.Buckets[7].GetFilesAsync());

        // The description: GET /odata/Buckets({key})/…GetFiles with query parameters directory, recursive, fileNameGlob.
        Assert.Equal("/odata/Buckets(7)/UiPath.Server.Configuration.OData.GetFiles()?directory=%2Fin%20box&recursive=true", recorder.Requests[0].Uri.PathAndQuery);
        Assert.Equal("/odata/Buckets(7)/UiPath.Server.Configuration.OData.GetFiles()", recorder.Requests[1].Uri.PathAndQuery);
    }

    [Fact]
    public async Task An_action_parameter_the_service_reads_from_the_path_segment_goes_there_and_not_into_the_body()
    {
        var recorder = new RouteRecorder();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("https://orchestrator.test/") };
        var orchestrator = new OrchestratorClient(http);
        var identifier = new Guid("5b3c1a52-9d1e-4c55-8a43-0f2f2a7e6d10");

        await Assert.ThrowsAnyAsync<Exception>(() => orchestrator.Releases.UpdateToLatestPackageVersionByKeyAsync(identifier, mergePackageTags: false));

        // The description: POST /odata/Releases/…UpdateToLatestPackageVersionByKey(identifier={identifier})?mergePackageTags=…
        Assert.Equal(
            "/odata/Releases/UiPath.Server.Configuration.OData.UpdateToLatestPackageVersionByKey(identifier=5b3c1a52-9d1e-4c55-8a43-0f2f2a7e6d10)?mergePackageTags=false",
            recorder.Requests[0].Uri.PathAndQuery);
        Assert.Equal("POST", recorder.Requests[0].Method);
        Assert.Equal("{}", recorder.Requests[0].Body);
    }

    /// <summary>
    /// The <c>/odata/</c> routes of the description: its path keys (two-space indent; long ones as YAML complex keys,
    /// <c>? /odata/…</c> then <c>: get:</c>) and their method keys.
    /// </summary>
    private static List<string> SourceRoutes(IEnumerable<string> lines)
    {
        var routes = new List<string>();
        string? path = null;
        foreach (var line in lines)
        {
            if (Regex.Match(line, @"^  (?:(/\S+):|\? (/\S+))\s*$") is { Success: true } pathLine)
            {
                var key = pathLine.Groups[1].Success ? pathLine.Groups[1].Value : pathLine.Groups[2].Value;
                path = key.StartsWith("/odata/", StringComparison.Ordinal) ? key : null;
            }
            else if (line.Length > 0 && !line.StartsWith("  ", StringComparison.Ordinal))
            {
                path = null;
            }
            else if (path is not null && Regex.Match(line, @"^(?:    |  : )(get|post|put|patch|delete):\s*$") is { Success: true } methodLine)
            {
                routes.Add(methodLine.Groups[1].Value.ToUpperInvariant() + " " + path);
            }
        }

        return routes;
    }

    /// <summary>The <c>/odata/</c> routes of a Swagger 2.0 description (JSON): its path keys and their method keys.</summary>
    private static List<string> SourceRoutesOfJson(string json) =>
        JsonNode.Parse(json)!["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/odata/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject()
                .Where(method => method.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(method => method.Key.ToUpperInvariant() + " " + path.Key))
            .ToList();

    /// <summary>Calls every member of every set and entity client the service client offers and records each request.</summary>
    private static async Task<List<RecordedCall>> ClientRoutes(Func<HttpClient, object> createClient)
    {
        var recorder = new RouteRecorder();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("https://orchestrator.test/") };
        var calls = new List<RecordedCall>();
        await ClientSurface.CallEveryRequestAsync(createClient(http), async (invoke, member) =>
        {
            recorder.Requests.Clear();
            var failure = await Record.ExceptionAsync(invoke);
            Assert.True(IsRecorded(failure), $"{member} failed before sending its request: {failure}");
            var request = Assert.Single(recorder.Requests);
            calls.Add(new RecordedCall(request.Method, request.Path, member));
        });
        return calls;
    }

    private static bool IsRecorded(Exception? failure) =>
        failure is RequestRecordedException || (failure?.InnerException is { } inner && IsRecorded(inner));

    private sealed record RecordedCall(string Method, string Path, string Member);

    /// <summary>A route of the description: method and path template, matched against a request path.</summary>
    private sealed class Route
    {
        private Route(string method, string template)
        {
            Method = method;
            Name = method + " " + template;
            // A collection written inline (userIds=[{userIds}]) is the same parameter the client passes as an alias (userIds=@userIds).
            var pattern = Regex.Replace(Regex.Escape(Regex.Replace(Normalize(template), @"\[\{(\w+)}]", "{$1}")), @"\\\{\w+}", "[^/]+?");
            Pattern = new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
        }

        public string Method { get; }

        public string Name { get; }

        private Regex Pattern { get; }

        public static Route Parse(string name)
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            return new Route(name[..space], name[(space + 1)..]);
        }

        public bool Matches(string method, string path) => method == Method && Pattern.IsMatch(Normalize(path));

        // A function without parameters is the same route with or without "()".
        private static string Normalize(string path) => path.EndsWith("()", StringComparison.Ordinal) ? path[..^2] : path;
    }

    private sealed class RequestRecordedException : Exception
    {
    }

    /// <summary>A request as sent; <see cref="Path"/> is its decoded path, which routes are matched against.</summary>
    private sealed record SentRequest(string Method, Uri Uri, string? Body)
    {
        public string Path => Uri.UnescapeDataString(Uri.AbsolutePath);
    }

    /// <summary>Records each request, then fails it: only what was sent matters here.</summary>
    private sealed class RouteRecorder : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SentRequest(request.Method.Method, request.RequestUri!, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            throw new RequestRecordedException();
        }
    }
}
