using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using UiPathClients.SpecTools.CommunicationsMining;
using UiPathClients.Tests.Common;

namespace UiPathClients.SpecTools.Tests.CommunicationsMining;

/// <summary>
/// The bundled Communications Mining description (specs/communications-mining/communications-mining.openapi.yaml):
/// valid OpenAPI 3.1 for Microsoft.OpenApi, complete against the endpoint index, free of the sources'
/// prose, and exactly what the converter produces today.
/// </summary>
public sealed class BundledCommunicationsMiningSpecTests
{
    /// <summary>The number of <c>/api/v1</c> endpoints in the index (of 226); the bundled document has one operation each.</summary>
    private const int PublicEndpointCount = 52;

    private static readonly Lazy<JsonNode> Endpoints = new(() => LoadJson(RepositoryPaths.CommunicationsMiningEndpoints));
    private static readonly Lazy<JsonNode> Models = new(() => LoadJson(RepositoryPaths.CommunicationsMiningModels));
    private static readonly Lazy<JsonNode> Connector = new(() => LoadJson(RepositoryPaths.CommunicationsMiningConnector));

    /// <summary>The checked-in YAML as a JSON tree, read the way the generator will: YamlDotNet → JSON.</summary>
    private static readonly Lazy<JsonNode> Bundled = new(() => YamlJson.Load(RepositoryPaths.BundledCommunicationsMiningSpec));

    private static readonly Lazy<ReadResult> Parsed = new(() => OpenApiDocument.Parse(Bundled.Value.ToJsonString(), OpenApiConstants.Json));

    [SharedCorpusFact]
    public void Regenerating_from_the_public_facts_reproduces_the_checked_in_file_exactly()
    {
        var result = CommunicationsMiningOpenApiConverter.Convert(Endpoints.Value, Models.Value, Connector.Value);

        // When this fails after a converter change, regenerate with the command in specs/README.md.
        Assert.Equal(File.ReadAllText(RepositoryPaths.BundledCommunicationsMiningSpec), result.Yaml);
        Assert.Equal(PublicEndpointCount, result.Operations);
    }

    [SharedCorpusFact]
    public void The_YAML_reads_back_as_exactly_the_tree_it_was_written_from()
    {
        var result = CommunicationsMiningOpenApiConverter.Convert(Endpoints.Value, Models.Value, Connector.Value);

        Assert.True(JsonNode.DeepEquals(result.Document, Bundled.Value), "quoting lost or changed a value");
    }

    [Fact]
    public void Parses_as_OpenAPI_3_1_in_Microsoft_OpenApi_without_errors_or_warnings()
    {
        var (document, diagnostic) = Parsed.Value;

        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(error => error.ToString()));
        Assert.Empty(diagnostic.Warnings.Select(warning => warning.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.NotNull(document);

        var validation = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? new List<OpenApiError>();
        Assert.True(validation.Count == 0, string.Join("\n", validation.Take(20)));
    }

    [SharedCorpusFact]
    public void Every_api_v1_endpoint_of_the_index_is_an_operation_with_its_name_and_tag()
    {
        var document = Parsed.Value.Document!;
        var publicEndpoints = Endpoints.Value["endpoints"]!.AsArray()
            .Select(node => node!.AsObject())
            .Where(endpoint => ((string)endpoint["path"]!).StartsWith("/api/v1/", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(PublicEndpointCount, publicEndpoints.Count);
        foreach (var endpoint in publicEndpoints)
        {
            var path = CommunicationsMiningOpenApiConverter.DocumentPath((string)endpoint["path"]!);
            var method = new HttpMethod((string)endpoint["method"]!);
            Assert.True(document.Paths.TryGetValue(path, out var pathItem), path);
            Assert.True(pathItem!.Operations!.TryGetValue(method, out var operation), $"{method} {path}");

            Assert.Equal(CommunicationsMiningOpenApiConverter.OperationId((string)endpoint["operation"]!), operation!.OperationId);
            var tag = Assert.Single(operation.Tags!);
            Assert.Equal(((string)endpoint["tag"]!)[..^"Api".Length], tag.Name);
        }

        // Nothing beyond the public API: no _private, preview or provisioning paths.
        // Paths start after the servers' /api, as the runtime's base addresses (…/reinfer_/api/) expect.
        Assert.All(document.Paths.Keys, path => Assert.StartsWith("/v1/", path, StringComparison.Ordinal));
        Assert.Equal(PublicEndpointCount, document.Paths.Values.Sum(item => item.Operations!.Count));
    }

    [Fact]
    public void Operation_ids_are_camel_case_forms_of_the_index_names()
    {
        Assert.Equal("getAllDatasets", CommunicationsMiningOpenApiConverter.OperationId("get_all_datasets"));
        Assert.Equal("getAllProjectsV1", CommunicationsMiningOpenApiConverter.OperationId("get_all_projects_v1"));
        Assert.Equal("predict", CommunicationsMiningOpenApiConverter.OperationId("predict"));
        Assert.Equal("Streams", CommunicationsMiningOpenApiConverter.Tag("StreamsApi"));
    }

    [Fact]
    public void Every_ref_resolves_in_the_text_and_in_the_parsed_model()
    {
        var schemas = Bundled.Value["components"]!["schemas"]!.AsObject();
        var references = Refs(Bundled.Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            Assert.StartsWith("#/components/schemas/", reference, StringComparison.Ordinal);
            Assert.True(schemas.ContainsKey(reference["#/components/schemas/".Length..]), reference);
        });

        // And as Microsoft.OpenApi sees it: every schema reference reachable from an operation has a target.
        var document = Parsed.Value.Document!;
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var operation in document.Paths.Values.SelectMany(item => item.Operations!.Values))
        {
            foreach (var parameter in operation.Parameters ?? new List<IOpenApiParameter>())
            {
                Walk(parameter.Schema, visited);
            }

            foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
            {
                Walk(media.Schema, visited);
            }

            foreach (var media in operation.Responses!.Values.SelectMany(response => response.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>()))
            {
                Walk(media.Schema, visited);
            }
        }

        // Every component schema is used by some operation: nothing unreachable is bundled.
        var reachable = visited.OfType<OpenApiSchemaReference>().Select(reference => reference.Reference.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(schemas.Select(pair => pair.Key).Order(StringComparer.Ordinal), reachable.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_operation_answers_errors_with_the_ErrorResponse_envelope()
    {
        var errorResponse = Bundled.Value["components"]!["schemas"]![CommunicationsMiningOpenApiConverter.ErrorSchema]!;
        Assert.Equal(new[] { "message", "status" }, errorResponse["required"]!.AsArray().Select(name => (string)name!).Order(StringComparer.Ordinal));
        Assert.Equal("string", (string?)errorResponse["properties"]!["message"]!["type"]);
        var statusRef = (string)errorResponse["properties"]!["status"]!["$ref"]!;
        var status = Bundled.Value["components"]!["schemas"]![statusRef.Split('/')[^1]]!;
        Assert.Equal("error", (string?)Assert.Single(status["enum"]!.AsArray()));

        foreach (var operation in Operations())
        {
            var error = operation["responses"]!["default"]!;
            Assert.Equal("#/components/schemas/ErrorResponse", (string?)error["content"]!["application/json"]!["schema"]!["$ref"]);
        }
    }

    [Fact]
    public void Every_JSON_success_is_an_envelope_whose_status_is_ok()
    {
        var schemas = Bundled.Value["components"]!["schemas"]!;
        Assert.Equal("ok", (string?)Assert.Single(schemas[CommunicationsMiningOpenApiConverter.OkStatusSchema]!["enum"]!.AsArray()));

        var envelopes = 0;
        foreach (var operation in Operations())
        {
            var success = operation["responses"]!["200"]!["content"]!.AsObject();
            if (success["application/json"]?["schema"]?["$ref"] is not { } reference)
            {
                // The one download (attachments) answers raw bytes.
                Assert.Equal("binary", (string?)success["application/octet-stream"]!["schema"]!["format"]);
                continue;
            }

            var envelope = schemas[((string)reference!).Split('/')[^1]]!;
            Assert.Equal("#/components/schemas/ResponseStatusOk", (string?)envelope["properties"]!["status"]!["$ref"]);
            Assert.Contains("status", envelope["required"]!.AsArray().Select(name => (string)name!));
            envelopes++;
        }

        Assert.Equal(PublicEndpointCount - 1, envelopes);
    }

    [Fact]
    public void Servers_are_Automation_Cloud_and_reinfer_io_and_bearer_applies_everywhere()
    {
        var document = Parsed.Value.Document!;

        Assert.Equal(
            new[] { "https://cloud.uipath.com/{organization}/{tenant}/reinfer_/api", "https://{domain}.reinfer.io/api" },
            document.Servers!.Select(server => server.Url));
        Assert.Equal(new[] { "organization", "tenant" }, document.Servers![0].Variables!.Keys);

        var scheme = document.Components!.SecuritySchemes![CommunicationsMiningOpenApiConverter.SecuritySchemeName];
        Assert.Equal(SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("bearer", scheme.Scheme);
        var requirement = Assert.Single(document.Security!);
        Assert.Equal(CommunicationsMiningOpenApiConverter.SecuritySchemeName, Assert.Single(requirement.Keys).Reference.Id);
        Assert.All(Operations(), operation => Assert.Null(operation["security"]));
    }

    [SharedCorpusFact]
    public void Required_and_nullable_follow_the_index_flags()
    {
        var schemas = Bundled.Value["components"]!["schemas"]!.AsObject();
        var models = Models.Value["models"]!.AsObject();
        var nullableRequired = 0;

        foreach (var (name, schema) in schemas)
        {
            if (models[name] is not { } model || (string?)model["kind"] != "object" || model["properties"]!.AsArray().Count == 0)
            {
                continue;
            }

            var required = schema!["required"]?.AsArray().Select(item => (string)item!).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>();
            foreach (var property in model["properties"]!.AsArray().Select(node => node!.AsObject()))
            {
                var propertyName = (string)property["name"]!;
                var optional = (bool)property["optional"]!;
                var isOption = ((string)property["type"]!).StartsWith("Option<", StringComparison.Ordinal);
                var propertySchema = schema["properties"]![propertyName]!;

                Assert.Equal(!optional, required.Contains(propertyName));
                if (isOption && !optional && propertySchema.AsObject().Count > 0)
                {
                    // Present but may be null: 3.1 spells it with the "null" type.
                    Assert.True(AdmitsNull(propertySchema), $"{name}.{propertyName}");
                    nullableRequired++;
                }
                else
                {
                    Assert.False(AdmitsNull(propertySchema), $"{name}.{propertyName}");
                }
            }
        }

        Assert.True(nullableRequired > 0);
    }

    [SharedCorpusFact]
    public void None_of_the_sources_prose_is_copied()
    {
        var text = File.ReadAllText(RepositoryPaths.BundledCommunicationsMiningSpec);
        var prose = Strings(Endpoints.Value, "summary", "description")
            .Concat(Strings(Models.Value, "description"))
            .Concat(Strings(Connector.Value, "summary", "description", "x-ms-summary"))
            .Where(sentence => sentence.Length >= 12)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(prose);
        Assert.All(prose, sentence => Assert.DoesNotContain(sentence, text, StringComparison.Ordinal));
    }

    private static bool AdmitsNull(JsonNode schema) =>
        schema["type"] is JsonArray types && types.Any(type => (string?)type == "null")
        || schema["oneOf"] is JsonArray alternatives && alternatives.Any(alternative => (string?)alternative!["type"] == "null");

    private static IEnumerable<JsonObject> Operations() =>
        Bundled.Value["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!.AsObject()));

    private static void Walk(IOpenApiSchema? schema, HashSet<IOpenApiSchema> visited)
    {
        if (schema is null || !visited.Add(schema))
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            Assert.True(reference.Target is not null, $"unresolved {reference.Reference.ReferenceV3}");
        }

        foreach (var child in (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
                     .Concat(schema.OneOf ?? new List<IOpenApiSchema>())
                     .Concat(schema.AnyOf ?? new List<IOpenApiSchema>())
                     .Concat(schema.AllOf ?? new List<IOpenApiSchema>())
                     .Append(schema.Items)
                     .Append(schema.AdditionalProperties))
        {
            Walk(child, visited);
        }
    }

    private static IEnumerable<string> Refs(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => pair.Key == "$ref" ? new[] { (string)pair.Value! } : Refs(pair.Value)),
        JsonArray array => array.SelectMany(Refs),
        _ => Enumerable.Empty<string>(),
    };

    private static IEnumerable<string> Strings(JsonNode? node, params string[] keys) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => keys.Contains(pair.Key) && pair.Value is JsonValue value && value.TryGetValue<string>(out var text)
            ? new[] { text.Trim() }
            : Strings(pair.Value, keys)),
        JsonArray array => array.SelectMany(item => Strings(item, keys)),
        _ => Enumerable.Empty<string>(),
    };

    private static JsonNode LoadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!;
}
