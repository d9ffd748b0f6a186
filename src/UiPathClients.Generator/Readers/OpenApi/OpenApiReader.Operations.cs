using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// The operations half of the reader: every path item method becomes a <see cref="RestOperationModel"/>
/// with its parameters, body and responses; inline schemas they use become types named after the operation.
/// </summary>
internal sealed partial class OpenApiReader
{
    private static readonly char[] PathSeparator = { '/' };

    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE" };

    private List<RestOperationModel> ReadOperations(OpenApiDocument document)
    {
        var operations = new List<RestOperationModel>();
        foreach (var path in (document.Paths ?? new OpenApiPaths()).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var pathParameters = path.Value.Parameters ?? new List<IOpenApiParameter>();
            var methods = (path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
                .Select(entry => (Method: entry.Key.Method.ToUpperInvariant(), Operation: entry.Value))
                .OrderBy(entry => Array.IndexOf(MethodOrder, entry.Method) is var index and >= 0 ? index : MethodOrder.Length)
                .ThenBy(entry => entry.Method, StringComparer.Ordinal);
            foreach (var (method, operation) in methods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                operations.Add(ReadOperation(path.Key, pathParameters, method, operation));
            }
        }

        return operations.Select(operation => WithUsablePaging(operation, operations)).ToList();
    }

    /// <summary>
    /// Keeps an operation's <c>x-ms-pageable</c> only when it can be followed: the answer is an object with a list named
    /// <c>itemName</c>, a string named <c>nextLinkName</c> (unless null) and <c>operationName</c> is an operation of the
    /// document. Otherwise the operation gets no pager, with a located UIPC0011 saying why, rather than a pager that
    /// would silently stop after the first page.
    /// </summary>
    private RestOperationModel WithUsablePaging(RestOperationModel operation, List<RestOperationModel> operations)
    {
        if (operation.Paging is not { } paging)
        {
            return operation;
        }

        var properties = new Dictionary<string, PropertyModel>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var type = operation.Success?.Type is { IsCollection: false, IsMap: false } success ? _types.FirstOrDefault(candidate => candidate.QualifiedName == success.QualifiedName) : null;
             type is not null && seen.Add(type.QualifiedName);
             type = type.BaseType is { } baseType ? _types.FirstOrDefault(candidate => candidate.QualifiedName == baseType) : null)
        {
            foreach (var property in type.Properties.Where(property => !properties.ContainsKey(property.Name)))
            {
                properties[property.Name] = property;
            }
        }

        string? problem = null;
        if (!properties.TryGetValue(paging.ItemName, out var items) || !items.Type.IsCollection)
        {
            problem = $"its answer has no list '{paging.ItemName}' (itemName)";
        }
        else if (paging.NextLinkName is { } nextLinkName && (!properties.TryGetValue(nextLinkName, out var nextLink) || nextLink.Type is not { QualifiedName: "Edm.String", IsCollection: false, IsMap: false }))
        {
            problem = $"its answer has no string '{nextLinkName}' (nextLinkName)";
        }
        else if (paging.NextOperationName is { } nextOperationName && !operations.Any(candidate => candidate.Name == nextOperationName))
        {
            problem = $"the document has no operation '{nextOperationName}' (operationName)";
        }

        if (problem is null)
        {
            return operation;
        }

        var pointer = PointerOf(_pathsFromMsPaths.Contains(operation.Path) ? "x-ms-paths" : "paths", operation.Path, operation.Method.ToLowerInvariant(), "x-ms-pageable");
        Report(DiagnosticDescriptors.OpenApiWarning, Tree.Locate(pointer), _file.Path, $"x-ms-pageable of '{operation.Name}' is ignored: {problem}, so the operation gets no pager");
        return operation with { Paging = null };
    }

    private RestOperationModel ReadOperation(string path, IList<IOpenApiParameter> pathParameters, string method, OpenApiOperation operation)
    {
        var place = DocumentPlace.Root.Child(_pathsFromMsPaths.Contains(path) ? "x-ms-paths" : "paths", path, method.ToLowerInvariant());
        var name = string.IsNullOrWhiteSpace(operation.OperationId) ? NameFromRoute(method, path) : operation.OperationId!.Trim();
        var typeName = CSharpIdentifier.ToPascalCase(name);

        // Operation parameters override path-item parameters of the same name and location.
        var declared = (operation.Parameters ?? new List<IOpenApiParameter>()).ToList();
        var merged = pathParameters
            .Where(inherited => !declared.Any(own => own.Name == inherited.Name && own.In == inherited.In))
            .Concat(declared)
            .Where(parameter => parameter.Name is not null && parameter.In is not null and not Microsoft.OpenApi.ParameterLocation.QueryString)
            .Select(parameter => ReadParameter(parameter, typeName, path, method, place))
            .ToEquatableArray();

        var responses = (operation.Responses ?? new OpenApiResponses()).ToList();
        var successes = responses.Where(entry => entry.Key.StartsWith("2", StringComparison.Ordinal)).OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        if (successes.Count == 0)
        {
            // A description with no 2xx at all (some only declare "default") means "default" is the answer.
            successes = responses.Where(entry => entry.Key == "default").ToList();
        }

        var successResponses = successes.Select(entry => ReadResponse(entry.Key, entry.Value, typeName + "Response", place)).ToList();
        var success = successResponses
            .OrderBy(response => response.Encoding is null ? 1 : 0)
            .FirstOrDefault();

        // A HEAD answer never has a body (RFC 9110 9.3.2), whatever content a description lists (Swagger 2.0 readers
        // give every response of a "produces" document one): nothing to read on success, no error body to type.
        var isHead = method == "HEAD";
        if (isHead && success is not null)
        {
            success = success with { Encoding = null, Type = null };
        }

        var errors = responses
            .Where(entry => !entry.Key.StartsWith("2", StringComparison.Ordinal) && !entry.Key.StartsWith("1", StringComparison.Ordinal) && !entry.Key.StartsWith("3", StringComparison.Ordinal))
            .Where(entry => !(entry.Key == "default" && success?.StatusCode == "default"))
            .OrderBy(entry => entry.Key == "default" ? 1 : 0)
            .ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => ReadResponse(entry.Key, entry.Value, typeName + CSharpIdentifier.ToPascalCase(entry.Key) + "Error", place))
            .Where(response => response.Type is not null && !isHead)
            .ToEquatableArray();
        var expected = responses
            .Select(entry => int.TryParse(entry.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0)
            .Where(status => IsExpectedStatus(method, status, success, errors))
            .OrderBy(status => status)
            .ToEquatableArray();

        // Other 2xx answers whose body is another type than the one the method returns (200 → A, 201 → B): each is
        // read as its own type. One that is not an A (not derived from it) cannot be returned as one: said at build time.
        var otherSuccesses = successResponses
            .Where(response => response != success && response.Type is { QualifiedName: not "Edm.Untyped" } type && success?.Type is { } successType && !SameType(type, successType))
            .ToEquatableArray();
        foreach (var other in otherSuccesses.Where(other => !DerivesFrom(other.Type!, success!.Type!)))
        {
            Report(DiagnosticDescriptors.OpenApiWarning, Tree.Locate(place.Child("responses", other.StatusCode).Pointer), _file.Path, $"the {other.StatusCode} answer of '{name}' declares {ShortName(other.Type!)}, which is not the {ShortName(success!.Type!)} the method returns: such an answer throws RestApiException<{ShortName(other.Type!)}> carrying it");
        }

        var paging = ReadPaging(operation);
        if (paging is not null && ExtensionNode(operation.Extensions, "x-ms-long-running-operation") is System.Text.Json.Nodes.JsonValue longRunning
            && longRunning.TryGetValue<bool>(out var isLongRunning) && isLongRunning)
        {
            // The pages of a long-running operation are its final result, reached by polling, which is not supported:
            // enumerating the first answer (202 Accepted) as a page would yield nothing, silently.
            Report(DiagnosticDescriptors.OpenApiWarning, Tree.Locate(place.Child("x-ms-pageable").Pointer), _file.Path, $"x-ms-pageable on the long-running operation '{name}' is ignored: polling is not supported, so its pages are not enumerated (the method returns the first answer)");
            paging = null;
        }

        return new RestOperationModel(
            GroupOf(operation, path),
            name,
            method,
            path,
            merged,
            operation.RequestBody is { } body ? ReadBody(body, typeName, place) : null,
            success,
            errors,
            operation.Deprecated,
            OperationDoc(operation),
            expected,
            paging,
            otherSuccesses);
    }

    private static string ShortName(TypeReference type)
    {
        var name = type.QualifiedName.Substring(type.QualifiedName.LastIndexOf('.') + 1);
        return type.IsCollection ? "a list of " + name : type.IsMap ? "a map of " + name : name;
    }

    private static bool SameType(TypeReference left, TypeReference right) =>
        left.QualifiedName == right.QualifiedName && left.IsCollection == right.IsCollection && left.IsMap == right.IsMap;

    /// <summary>Whether <paramref name="derived"/> is an object type that inherits, directly or not, from <paramref name="baseType"/>.</summary>
    private bool DerivesFrom(TypeReference derived, TypeReference baseType)
    {
        if (derived.IsCollection || derived.IsMap || baseType.IsCollection || baseType.IsMap)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = _types.FirstOrDefault(type => type.QualifiedName == derived.QualifiedName)?.BaseType; current is not null && seen.Add(current); current = _types.FirstOrDefault(type => type.QualifiedName == current)?.BaseType)
        {
            if (current == baseType.QualifiedName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// AutoRest's <c>x-ms-pageable</c>: the answer is a page whose <c>itemName</c> property (<c>value</c> by default)
    /// holds the items and whose <c>nextLinkName</c> property links the next page (<c>null</c>: a single page).
    /// </summary>
    private static RestPagingModel? ReadPaging(OpenApiOperation operation)
    {
        if (ExtensionNode(operation.Extensions, "x-ms-pageable") is not System.Text.Json.Nodes.JsonObject pageable)
        {
            return null;
        }

        return new RestPagingModel(
            Text(pageable["itemName"]) is { Length: > 0 } itemName ? itemName : "value",
            Text(pageable["nextLinkName"]) is { Length: > 0 } nextLinkName ? nextLinkName : null,
            Text(pageable["operationName"]) is { Length: > 0 } operationName ? operationName : null);
    }

    private static System.Text.Json.Nodes.JsonNode? ExtensionNode(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension json ? json.Node : null;

    private static bool IsFlagSet(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        ExtensionNode(extensions, name) is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var set) && set;

    /// <summary>
    /// Whether a declared status outside 2xx is one of the operation's answers rather than an error, so the client returns
    /// it instead of throwing: a declared 1xx or 3xx (the description lists it as an outcome), a <c>HEAD</c>'s <c>404</c>
    /// (a <c>HEAD</c> asks whether something exists; "no" is an answer), and a 4xx/5xx whose body is the success body's
    /// type (the same model in another state, not an error body). Other declared 4xx/5xx stay errors: that is what
    /// nearly every description means by listing <c>401</c> or <c>404</c>, and a declared error body still reaches the
    /// caller, typed, in <c>RestApiException&lt;TError&gt;</c>. Ranges (<c>4XX</c>) and <c>default</c> never count.
    /// </summary>
    private static bool IsExpectedStatus(string method, int status, RestResponseModel? success, EquatableArray<RestResponseModel> errors)
    {
        if (status is < 100 or > 599 || status / 100 == 2)
        {
            return false;
        }

        if (status / 100 is 1 or 3 || (method == "HEAD" && status == 404))
        {
            return true;
        }

        // An untyped body (no schema) says nothing about being the same model, so it does not count.
        var declared = errors.FirstOrDefault(error => error.StatusCode == status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return declared?.Type is { QualifiedName: not "Edm.Untyped" } type && success?.Type is { } successType && type == successType;
    }

    /// <summary>The first tag, else the first path segment that is not <c>api</c>, a version or a parameter.</summary>
    private static string GroupOf(OpenApiOperation operation, string path)
    {
        if (operation.Tags?.Select(tag => tag.Name).FirstOrDefault(tag => !string.IsNullOrWhiteSpace(tag)) is { } tag)
        {
            return tag!;
        }

        foreach (var segment in path.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.IndexOf('{') >= 0 || string.Equals(segment, "api", StringComparison.OrdinalIgnoreCase) || IsVersion(segment))
            {
                continue;
            }

            return segment;
        }

        return "Root";
    }

    private static bool IsVersion(string segment) =>
        segment.Length >= 2 && (segment[0] == 'v' || segment[0] == 'V') && char.IsDigit(segment[1]);

    /// <summary>A name for an operation without <c>operationId</c>: <c>GET /pets/{id}</c> → <c>get_pets_by_id</c>.</summary>
    private static string NameFromRoute(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (var segment in path.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "by_" + segment.Trim('{', '}') : segment);
        }

        return string.Join("_", words);
    }

    private static Documentation OperationDoc(OpenApiOperation operation)
    {
        var summary = operation.Summary?.Trim();
        var description = operation.Description?.Trim();
        if (string.IsNullOrEmpty(summary))
        {
            return DocumentationOf(description);
        }

        return new Documentation(summary, string.IsNullOrEmpty(description) || description == summary ? null : description);
    }

    private static Documentation DocumentationOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Documentation.None : new Documentation(text!.Trim(), null);

    private ServiceConventions ReadConventions()
    {
        var choices = new[] { (nameof(ServiceConventions.None), ServiceConventions.None), (nameof(ServiceConventions.CommunicationsMining), ServiceConventions.CommunicationsMining) };
        if (!Input.SpecOptionValues.TryChoose(_file.Options.Conventions, ServiceConventions.None, out var conventions, choices))
        {
            Report(Diagnostics.DiagnosticDescriptors.InvalidAttributeValue, Diagnostics.SpecPosition.StartOf(_file.Path), "Conventions", "the AdditionalFiles item", _file.Options.Conventions!, "None");
        }

        return conventions;
    }

    private static string? AbsoluteServer(OpenApiDocument document) =>
        document.Servers?.Select(server => server.Url).FirstOrDefault(url => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http") && url.IndexOf('{') < 0);
}
