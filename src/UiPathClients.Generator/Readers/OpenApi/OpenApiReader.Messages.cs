using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// An operation's messages: its parameters (their location and style), its request body and its responses, each read
/// in the media type the client handles best (JSON first), with form and multipart fields as parameters.
/// </summary>
internal sealed partial class OpenApiReader
{
    private RestParameterModel ReadParameter(IOpenApiParameter parameter, string operationTypeName, string path, string method, DocumentPlace place)
    {
        var schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
        var location = parameter.In switch
        {
            Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
            Microsoft.OpenApi.ParameterLocation.Header => Model.ParameterLocation.Header,
            Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
            _ => Model.ParameterLocation.Query,
        };

        // Path parameters are always required, whatever the description says.
        var required = parameter.Required || location == Model.ParameterLocation.Path;
        var type = schema is null
            ? new TypeReference("Edm.String", false, !required)
            : Reference(schema, operationTypeName + CSharpIdentifier.ToPascalCase(parameter.Name!), optional: !required, place);
        var collectionFormat = location == Model.ParameterLocation.Query ? SwaggerCollectionFormat(path, method, parameter) : null;
        return new RestParameterModel(
            parameter.Name!,
            location,
            type,
            required,
            collectionFormat == "tsv" ? UiPathClients.Runtime.Rest.ParameterStyle.TabDelimited : Style(parameter.Style, location),
            collectionFormat is not null
                ? collectionFormat == "multi"
                : parameter.Explode,
            parameter.Deprecated,
            DocumentationOf(parameter.Description),
            required && schema is not null && Resolve(schema) is { } constant ? Shape(constant).ConstantJson : null,
            schema is null ? null : ConstraintsOf(Resolve(schema), parameter.Extensions),
            SkipUrlEncoding: IsFlagSet(parameter.Extensions, "x-ms-skip-url-encoding"),
            IsClientRequestId: location == Model.ParameterLocation.Header && IsFlagSet(parameter.Extensions, "x-ms-client-request-id"));
    }

    private static UiPathClients.Runtime.Rest.ParameterStyle Style(Microsoft.OpenApi.ParameterStyle? style, Model.ParameterLocation location) => style switch
    {
        Microsoft.OpenApi.ParameterStyle.Label => UiPathClients.Runtime.Rest.ParameterStyle.Label,
        Microsoft.OpenApi.ParameterStyle.Matrix => UiPathClients.Runtime.Rest.ParameterStyle.Matrix,
        Microsoft.OpenApi.ParameterStyle.Form or Microsoft.OpenApi.ParameterStyle.Cookie => UiPathClients.Runtime.Rest.ParameterStyle.Form,
        Microsoft.OpenApi.ParameterStyle.SpaceDelimited => UiPathClients.Runtime.Rest.ParameterStyle.SpaceDelimited,
        Microsoft.OpenApi.ParameterStyle.PipeDelimited => UiPathClients.Runtime.Rest.ParameterStyle.PipeDelimited,
        Microsoft.OpenApi.ParameterStyle.DeepObject => UiPathClients.Runtime.Rest.ParameterStyle.DeepObject,
        Microsoft.OpenApi.ParameterStyle.Simple => UiPathClients.Runtime.Rest.ParameterStyle.Simple,
        _ => location is Model.ParameterLocation.Query or Model.ParameterLocation.Cookie ? UiPathClients.Runtime.Rest.ParameterStyle.Form : UiPathClients.Runtime.Rest.ParameterStyle.Simple,
    };

    private RestBodyModel? ReadBody(IOpenApiRequestBody body, string operationTypeName, DocumentPlace place)
    {
        var content = ReadableContent(body.Content);
        if (content.Count == 0)
        {
            return null;
        }

        // JSON first: it carries the typed model. Then the encodings that still let the client send fields.
        var (mediaType, media, encoding) = Preferred(content, BodyPreference);
        var documentation = DocumentationOf(body.Description);
        var bodyName = operationTypeName + "Request";
        switch (encoding)
        {
            case BodyEncoding.Json when media.Schema is { } schema:
                return new RestBodyModel(encoding, mediaType, Reference(schema, bodyName, optional: !body.Required, place), EquatableArray<RestParameterModel>.Empty, body.Required, documentation, body.Required && Resolve(schema) is { } constant ? Shape(constant).ConstantJson : null);
            case BodyEncoding.Form or BodyEncoding.Multipart when media.Schema is { } schema && Resolve(schema) is { } resolved && Shape(resolved).IsObject:
                return new RestBodyModel(encoding, mediaType, null, Fields(resolved, encoding, bodyName, place), body.Required, documentation);
            case BodyEncoding.Text:
                return new RestBodyModel(encoding, mediaType, null, EquatableArray<RestParameterModel>.Empty, body.Required, documentation);
            default:
                // A JSON body without a schema, or a form whose fields are unknown: the caller sends raw content.
                return new RestBodyModel(BodyEncoding.Binary, mediaType, null, EquatableArray<RestParameterModel>.Empty, body.Required, documentation);
        }
    }

    /// <summary>The properties of a form or multipart body, each a method parameter; binary ones are files in multipart.</summary>
    private EquatableArray<RestParameterModel> Fields(IOpenApiSchema schema, BodyEncoding encoding, string bodyName, DocumentPlace place)
    {
        var fields = new List<RestParameterModel>();
        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var entry in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var isRequired = required.Contains(entry.Key);
            var resolved = Resolve(entry.Value);
            var shape = resolved is null ? null : Shape(resolved);
            var isFile = encoding == BodyEncoding.Multipart && shape is not null
                && (shape.IsBinaryString || (shape.IsArray && shape.Schema.Items is { } items && Resolve(items) is { } item && Shape(item).IsBinaryString));
            var type = isFile
                ? new TypeReference("Edm.Stream", shape is { IsArray: true }, !isRequired)
                : Reference(entry.Value, bodyName + CSharpIdentifier.ToPascalCase(entry.Key), optional: !isRequired, place);
            fields.Add(new RestParameterModel(entry.Key, Model.ParameterLocation.Field, type, isRequired, UiPathClients.Runtime.Rest.ParameterStyle.Form, Explode: true, resolved?.Deprecated == true, Doc(entry.Value)));
        }

        return fields.ToEquatableArray();
    }

    private RestResponseModel ReadResponse(string statusCode, IOpenApiResponse response, string inlineName, DocumentPlace place)
    {
        var content = ReadableContent(response.Content);
        var documentation = DocumentationOf(response.Description);
        if (content.Count == 0)
        {
            return new RestResponseModel(statusCode, null, null, documentation);
        }

        var (_, media, encoding) = Preferred(content, ResponsePreference);
        return encoding switch
        {
            BodyEncoding.Json when media.Schema is { } schema => new RestResponseModel(statusCode, encoding, Reference(schema, inlineName, optional: false, place), documentation),
            BodyEncoding.Json => new RestResponseModel(statusCode, encoding, new TypeReference("Edm.Untyped", false, true), documentation),
            BodyEncoding.Text => new RestResponseModel(statusCode, encoding, null, documentation),
            _ => new RestResponseModel(statusCode, BodyEncoding.Binary, null, documentation),
        };
    }

    /// <summary>
    /// The media types of a body or response that have a media type object: Microsoft.OpenApi keeps an entry whose value is
    /// not an object (<c>application/json: x</c>, reported as UIPC0011) with a null value, which describes nothing.
    /// </summary>
    private static List<KeyValuePair<string, IOpenApiMediaType>> ReadableContent(IDictionary<string, IOpenApiMediaType>? content) =>
        content is null
            ? new List<KeyValuePair<string, IOpenApiMediaType>>()
            : content.Where(entry => entry.Value is not null).ToList();

    /// <summary>The media type a client uses of those a body or response offers, by <paramref name="preference"/> of its encoding.</summary>
    private (string MediaType, IOpenApiMediaType Media, BodyEncoding Encoding) Preferred(IEnumerable<KeyValuePair<string, IOpenApiMediaType>> content, Func<BodyEncoding, int> preference) =>
        content
            .Select(entry => (MediaType: entry.Key, Media: entry.Value, Encoding: Encoding(entry.Key, entry.Value.Schema)))
            .OrderBy(entry => preference(entry.Encoding))
            .First();

    private BodyEncoding Encoding(string mediaType, IOpenApiSchema? schema)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type == "text/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "application/*" || type == "*/*")
        {
            // "*/*" with a binary schema is a download; with anything else, JSON is the sensible reading.
            return schema is not null && Resolve(schema) is { } resolved && Shape(resolved).IsBinaryString ? BodyEncoding.Binary : BodyEncoding.Json;
        }

        if (type == "application/x-www-form-urlencoded")
        {
            return BodyEncoding.Form;
        }

        if (type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return BodyEncoding.Multipart;
        }

        if (type == "text/plain")
        {
            return BodyEncoding.Text;
        }

        return BodyEncoding.Binary;
    }

    private static int BodyPreference(BodyEncoding encoding) => encoding switch
    {
        BodyEncoding.Json => 0,
        BodyEncoding.Multipart => 1,
        BodyEncoding.Form => 2,
        BodyEncoding.Binary => 3,
        _ => 4,
    };

    private static int ResponsePreference(BodyEncoding encoding) => encoding switch
    {
        BodyEncoding.Json => 0,
        BodyEncoding.Binary => 1,
        _ => 2,
    };
}
