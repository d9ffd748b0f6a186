using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using UiPathClients.EndToEnd.Tests.TestSupport;
using UiPathClients.Generator.Tests.TestSupport;
using Xunit.Abstractions;

namespace UiPathClients.EndToEnd.Tests.Routing;

/// <summary>
/// The emulator serves exactly the routes of the bundled description. Every route the EDMX allows (each set by its
/// Capabilities, each entity by key, each bound operation by its method) is sent to the emulator: none may answer 405,
/// and none 404 unless the body is Orchestrator's entity-not-found error 1002 (the entity does not exist; the route does).
/// Requests the description does not have answer 405, and paths it does not have at all 404 with an Orchestrator error
/// of another code.
/// </summary>
public sealed class DescribedRoutesTests(MutableEmulator session, ITestOutputHelper output) : IClassFixture<MutableEmulator>
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";
    private const string Capabilities = "Org.OData.Capabilities.V1.";

    /// <summary>The operation routes with a real implementation, as the test sends them (dummy keys and parameters).</summary>
    private static readonly string[] ImplementedOperations =
    [
        "POST Jobs/UiPath.Server.Configuration.OData.StartJobs",
        "POST Jobs(424242)/UiPath.Server.Configuration.OData.StopJob",
        "POST Jobs/UiPath.Server.Configuration.OData.StopJobs",
        "GET Jobs/UiPath.Server.Configuration.OData.GetByKey(identifier=6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e)",
        "POST Releases(424242)/UiPath.Server.Configuration.OData.UpdateToSpecificPackageVersion",
        "GET Webhooks/UiPath.Server.Configuration.OData.GetEventTypes()",
        "POST Webhooks(424242)/UiPath.Server.Configuration.OData.Ping",
        "GET Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier='no-such-thing')",
        "POST Queues/UiPathODataSvc.AddQueueItem",
        "POST Queues/UiPathODataSvc.BulkAddQueueItems",
        "POST Queues/UiPathODataSvc.StartTransaction",
        "POST Queues(424242)/UiPathODataSvc.SetTransactionResult",
        "GET QueueItems/UiPathODataSvc.GetItemLastRetryByKey(key=6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e)",
    ];

    [Fact]
    public async Task Every_route_of_the_description_is_served_or_answers_501()
    {
        var routes = DescribedRoutes(XDocument.Load(TestPaths.BundledOrchestratorSpec));
        Assert.True(routes.Count > 300, $"Only {routes.Count} routes read from the EDMX: the enumeration is broken.");

        using var http = session.Emulator.CreateHttpClient();
        var served = 0;
        var notImplemented = new List<string>();
        var failures = new List<string>();
        var servedOperations = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), "odata/" + route.Path);
            request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);
            if (route.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotImplemented when IsOrchestratorError(body) && body.Contains("does not implement", StringComparison.Ordinal):
                    notImplemented.Add(route.ToString());
                    break;
                case HttpStatusCode.MethodNotAllowed:
                case HttpStatusCode.NotFound when !IsEntityNotFound(body):
                case HttpStatusCode.NotImplemented:
                case >= HttpStatusCode.InternalServerError:
                    failures.Add($"{route} → {(int)response.StatusCode} {Truncate(body)}");
                    break;
                default:
                    served++;
                    if (route.Operation is not null)
                    {
                        servedOperations.Add($"{(int)response.StatusCode} {route}");
                    }

                    break;
            }
        }

        output.WriteLine($"Routes in the EDMX: {routes.Count} ({routes.Count(route => route.Operation is null)} set and key routes, {routes.Count(route => route.Operation is not null)} operation routes).");
        output.WriteLine($"Served for real: {served}; answering 501 Not Implemented: {notImplemented.Count}.");
        foreach (var route in servedOperations)
        {
            output.WriteLine("  served " + route);
        }

        foreach (var route in notImplemented)
        {
            output.WriteLine("  501 " + route);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} described routes are not served:\n" + string.Join("\n", failures));
        Assert.Equal(routes.Count, served + notImplemented.Count);
        // Exactly the operations the emulator implements answer something else than 501 (a routing convention that
        // sent an operation to an entity action, e.g. key-as-segment on a string-keyed set, would show up here).
        Assert.Equal(
            ImplementedOperations.Order(StringComparer.Ordinal),
            servedOperations.Select(route => route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("POST", "Jobs", "GET")]
    [InlineData("PUT", "Jobs(1)", "GET")]
    [InlineData("DELETE", "Jobs(1)", "GET")]
    [InlineData("PATCH", "Assets(1)", "GET, PUT, DELETE")]
    [InlineData("GET", "Processes('InvoiceProcessing')", "DELETE")]
    [InlineData("GET", "Queues", "")]
    [InlineData("GET", "Alerts(6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e)", "")]
    [InlineData("POST", "Machines/$count", "GET")]
    [InlineData("GET", "Jobs/UiPath.Server.Configuration.OData.StartJobs", "POST")]
    [InlineData("POST", "Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier='x')", "GET")]
    public async Task A_method_the_description_lacks_answers_405_with_an_Orchestrator_error(string method, string path, string allowed)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "odata/" + path);
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(IsOrchestratorError(body), body);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("GET", "NoSuchSet")]
    [InlineData("GET", "Jobs/UiPath.Server.Configuration.OData.NoSuchFunction()")]
    [InlineData("POST", "QueueItems/UiPathODataSvc.AddQueueItem")]
    [InlineData("GET", "Jobs(1)/Robot")]
    [InlineData("GET", "Alerts(1)")]
    public async Task A_path_the_description_lacks_answers_404_with_an_Orchestrator_error_that_is_not_entity_not_found(string method, string path)
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "odata/" + path);
        request.Headers.Add("X-UIPATH-FolderPath", session.Emulator.DefaultFolderPath);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(IsOrchestratorError(body), body);
        Assert.False(IsEntityNotFound(body), body);
    }

    [Fact]
    public async Task An_entity_that_does_not_exist_answers_404_with_an_Orchestrator_error()
    {
        using var http = session.Emulator.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "odata/Calendars(424242)");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(IsEntityNotFound(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Every (method, path) the description allows, with dummy keys and parameters of the right EDM types.</summary>
    private static List<DescribedRoute> DescribedRoutes(XDocument edmx)
    {
        var schemas = edmx.Descendants(Edm + "Schema").ToList();
        var entityTypes = schemas.SelectMany(schema => schema.Elements(Edm + "EntityType").Select(type => (Name: (string)schema.Attribute("Namespace")! + "." + (string)type.Attribute("Name")!, Type: type)))
            .ToDictionary(pair => pair.Name, pair => pair.Type, StringComparer.Ordinal);
        var enums = schemas.SelectMany(schema => schema.Elements(Edm + "EnumType").Select(type => (Name: (string)schema.Attribute("Namespace")! + "." + (string)type.Attribute("Name")!, Type: type)))
            .ToDictionary(pair => pair.Name, pair => pair.Type, StringComparer.Ordinal);

        string KeyType(string entityType)
        {
            var type = entityTypes[entityType];
            while (type.Element(Edm + "Key") is null)
            {
                type = entityTypes[(string)type.Attribute("BaseType")!];
            }

            var keyName = (string)type.Element(Edm + "Key")!.Element(Edm + "PropertyRef")!.Attribute("Name")!;
            return (string)type.Elements(Edm + "Property").Single(property => (string)property.Attribute("Name")! == keyName).Attribute("Type")!;
        }

        var routes = new List<DescribedRoute>();
        var setsByType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var set in edmx.Descendants(Edm + "EntitySet"))
        {
            var name = (string)set.Attribute("Name")!;
            var entityType = (string)set.Attribute("EntityType")!;
            setsByType.TryAdd(entityType, []);
            setsByType[entityType].Add(name);
            XElement? Term(string term) => set.Elements(Edm + "Annotation").FirstOrDefault(annotation => (string)annotation.Attribute("Term")! == Capabilities + term);
            bool? Flag(XElement? record, string property) =>
                record?.Elements(Edm + "PropertyValue").FirstOrDefault(value => (string)value.Attribute("Property")! == property)?.Attribute("Bool") is { } flag ? flag.Value == "true" : null;
            string? Member(XElement? record, string property) =>
                (string?)record?.Elements(Edm + "PropertyValue").FirstOrDefault(value => (string)value.Attribute("Property")! == property)?.Attribute("EnumMember");

            var read = Term("ReadRestrictions")?.Element(Edm + "Record");
            var byKeyRecord = read?.Elements(Edm + "PropertyValue").FirstOrDefault(value => (string)value.Attribute("Property")! == "ReadByKeyRestrictions")?.Element(Edm + "Record");
            var update = Term("UpdateRestrictions")?.Element(Edm + "Record");
            var readable = Flag(read, "Readable") ?? true;
            var readableByKey = Flag(byKeyRecord, "Readable") ?? readable;
            var indexable = (string?)Term("IndexableByKey")?.Attribute("Bool") != "false";
            var updatable = Flag(update, "Updatable") ?? true;
            var updateMethod = Member(update, "UpdateMethod");
            var key = "(" + Literal(KeyType(entityType), enums) + ")";

            if (readable)
            {
                routes.Add(new("GET", name, null));
                routes.Add(new("GET", name + "/$count", null));
            }

            if (Flag(Term("InsertRestrictions")?.Element(Edm + "Record"), "Insertable") ?? true)
            {
                routes.Add(new("POST", name, null));
            }

            if (indexable)
            {
                if (readableByKey)
                {
                    routes.Add(new("GET", name + key, null));
                }

                if (updatable && (updateMethod is null || updateMethod.EndsWith("/PUT", StringComparison.Ordinal)))
                {
                    routes.Add(new("PUT", name + key, null));
                }

                if (updatable && (updateMethod is null || updateMethod.EndsWith("/PATCH", StringComparison.Ordinal)))
                {
                    routes.Add(new("PATCH", name + key, null));
                }

                if (Flag(Term("DeleteRestrictions")?.Element(Edm + "Record"), "Deletable") ?? true)
                {
                    routes.Add(new("DELETE", name + key, null));
                }
            }
        }

        foreach (var schema in schemas)
        {
            var ns = (string)schema.Attribute("Namespace")!;
            foreach (var operation in schema.Elements(Edm + "Action").Concat(schema.Elements(Edm + "Function")))
            {
                var qualified = ns + "." + (string)operation.Attribute("Name")!;
                var isAction = operation.Name == Edm + "Action";
                var parameters = operation.Elements(Edm + "Parameter").ToList();
                Assert.True((string?)operation.Attribute("IsBound") == "true", qualified + " is unbound; the test sends only bound operations and imports.");
                var binding = (string)parameters[0].Attribute("Type")!;
                var onCollection = binding.StartsWith("Collection(", StringComparison.Ordinal);
                var bindingType = onCollection ? binding["Collection(".Length..^1] : binding;
                var arguments = isAction
                    ? string.Empty
                    : "(" + string.Join(",", parameters.Skip(1).Select(parameter => (string)parameter.Attribute("Name")! + "=" + Literal((string)parameter.Attribute("Type")!, enums))) + ")";
                foreach (var set in setsByType.GetValueOrDefault(bindingType) ?? [])
                {
                    var target = onCollection ? set : set + "(" + Literal(KeyType(bindingType), enums) + ")";
                    routes.Add(new(isAction ? "POST" : "GET", target + "/" + qualified + arguments, qualified));
                }
            }
        }

        var imports = edmx.Descendants(Edm + "ActionImport").Concat(edmx.Descendants(Edm + "FunctionImport")).ToList();
        Assert.True(imports.Count == 0, "The description has operation imports; add them to this enumeration.");
        return routes;
    }

    /// <summary>A URL literal of an EDM type: quoted strings, unquoted GUIDs and numbers, qualified enum members, JSON arrays for collections.</summary>
    private static string Literal(string type, IReadOnlyDictionary<string, XElement> enums)
    {
        if (type.StartsWith("Collection(", StringComparison.Ordinal))
        {
            var element = type["Collection(".Length..^1];
            return Uri.EscapeDataString("[" + (element == "Edm.String" ? "\"x\"" : Literal(element, enums)) + "]");
        }

        if (enums.TryGetValue(type, out var enumType))
        {
            return type + "'" + (string)enumType.Elements(Edm + "Member").First().Attribute("Name")! + "'";
        }

        return type switch
        {
            "Edm.String" => "'no-such-thing'",
            "Edm.Guid" => "6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            "Edm.Int64" or "Edm.Int32" or "Edm.Int16" or "Edm.Byte" => "424242",
            "Edm.Boolean" => "true",
            "Edm.DateTimeOffset" => "2026-01-01T00:00:00Z",
            "Edm.Double" or "Edm.Decimal" => "1.5",
            _ => throw new InvalidOperationException($"No dummy literal for {type}."),
        };
    }

    private static bool IsOrchestratorError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out _)
                && document.RootElement.TryGetProperty("errorCode", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Orchestrator's error 1002: the route exists, the entity it addresses does not.</summary>
    private static bool IsEntityNotFound(string body)
    {
        if (!IsOrchestratorError(body))
        {
            return false;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errorCode").ValueKind == JsonValueKind.Number
            && document.RootElement.GetProperty("errorCode").GetInt32() == 1002;
    }

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private sealed record DescribedRoute(string Method, string Path, string? Operation)
    {
        public override string ToString() => Method + " " + Path;
    }
}
