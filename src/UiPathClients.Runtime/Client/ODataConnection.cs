using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Errors;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Paging;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// What every generated OData client shares: the <see cref="HttpClient"/> (whose handler pipeline
/// authenticates, retries and logs), the JSON metadata the generator emitted, the service root and the
/// Orchestrator folder. Immutable: <see cref="WithFolder"/> returns a copy, so concurrent calls in
/// different folders never see each other's folder.
/// </summary>
public sealed class ODataConnection
{
    // Says how the client writes Edm.Int64/Edm.Decimal (JSON numbers) and asks for the same; services that send
    // strings anyway (IEEE754Compatible=true regardless, as SAP CAP does for decimals) are still read.
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = MediaTypeWithQualityHeaderValue.Parse("application/json;IEEE754Compatible=false");

    private readonly FolderContext? _folder;

    /// <summary>Creates the connection.</summary>
    /// <param name="http">The client; its <see cref="HttpClient.BaseAddress"/> is the service's base address.</param>
    /// <param name="resolver">The generated JSON metadata of the service's types.</param>
    /// <param name="defaultServicePath">The service root relative to the base address the spec was generated with (e.g. <c>odata/</c>).</param>
    /// <param name="options">Overrides of the service path and page size.</param>
    public ODataConnection(HttpClient http, IJsonTypeInfoResolver resolver, string defaultServicePath, ODataClientOptions? options)
    {
        options?.Validate();
        HttpClient = http ?? throw new ArgumentNullException(nameof(http));
        if (resolver is null)
        {
            throw new ArgumentNullException(nameof(resolver));
        }

        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress, e.g. https://cloud.uipath.com/{org}/{tenant}/orchestrator_/.", nameof(http));
        }

        ServicePath = options?.ServicePath ?? defaultServicePath ?? throw new ArgumentNullException(nameof(defaultServicePath));
        PageSize = options?.PageSize ?? new ODataClientOptions().PageSize;
        MaxPages = options?.MaxPages ?? new ODataClientOptions().MaxPages;
        TenantName = string.IsNullOrWhiteSpace(options?.TenantName) ? null : options!.TenantName;
        JsonOptions = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(resolver, ODataPrimitiveJsonResolver.Instance),
            // Unset properties stay out of create bodies, so the service applies its defaults.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        JsonOptions.MakeReadOnly();
    }

    private ODataConnection(ODataConnection other, FolderContext? folder)
    {
        HttpClient = other.HttpClient;
        JsonOptions = other.JsonOptions;
        ServicePath = other.ServicePath;
        PageSize = other.PageSize;
        MaxPages = other.MaxPages;
        TenantName = other.TenantName;
        _folder = folder;
    }

    /// <summary>The HTTP client.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>Options whose resolver knows every type of the service; no reflection.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>The service root relative to the base address.</summary>
    public string ServicePath { get; }

    /// <summary>Items per request when enumerating.</summary>
    public int PageSize { get; }

    /// <summary>The most pages one enumeration requests (<see cref="ODataClientOptions.MaxPages"/>).</summary>
    public int MaxPages { get; }

    /// <summary>Orchestrator's tenant name this connection sends (<c>X-UIPATH-TenantName</c>), if any.</summary>
    public string? TenantName { get; }

    /// <summary>The Orchestrator folder this connection's requests run in, if set here rather than in the handler pipeline.</summary>
    public FolderContext? Folder => _folder;

    /// <summary>The same connection with requests in <paramref name="folder"/>.</summary>
    public ODataConnection WithFolder(FolderContext folder) =>
        new(this, folder ?? throw new ArgumentNullException(nameof(folder)));

    /// <summary>The JSON metadata of <typeparamref name="T"/>.</summary>
    public JsonTypeInfo<T> TypeInfo<T>() => ODataJsonMetadata.Resolve<T>(JsonOptions);

    /// <summary>GET an entity, complex value or other single JSON object at <paramref name="path"/> (relative to the service root).</summary>
    /// <exception cref="ODataNotFoundException">Nothing is at that path.</exception>
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        return ReadObject<T>(response, allowEmpty: false);
    }

    /// <summary>
    /// Sends an entity (POST to create, PUT to replace) asking for the stored entity back (<c>Prefer: return=representation</c>)
    /// and reads it. The body carries the properties set on <paramref name="entity"/> or read into it (see
    /// <see cref="Metadata.ODataPropertyTracker"/>).
    /// </summary>
    /// <returns>
    /// The entity as the service answered it; never <paramref name="entity"/> itself. When the service answers
    /// 204 No Content all the same, the entity is read again with GET (from <c>OData-EntityId</c>/<c>Location</c> after a
    /// create, from <paramref name="path"/> after a replace).
    /// </returns>
    /// <exception cref="ODataResponseException">A create answered 204 without saying where the new entity is.</exception>
    public async Task<T> SendEntityAsync<T>(HttpMethod method, string path, T entity, string? ifMatch, CancellationToken cancellationToken)
        where T : class
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        var body = EntityBody(entity);
        var request = NewRequest(method, path, body, ifMatch);
        request.Headers.TryAddWithoutValidation("Prefer", ReturnRepresentation);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsEmpty)
        {
            return ReadObject<T>(response, allowEmpty: false);
        }

        if (method == HttpMethod.Post)
        {
            var location = response.EntityId
                ?? throw ODataErrors.Unreadable(response.Status, response.ContentType, response.Body, response.RequestUri, "the entity was created, but the answer has neither its representation nor an OData-EntityId or Location header.");
            using var created = await GetAsync(location, cancellationToken).ConfigureAwait(false);
            return ReadObject<T>(created, allowEmpty: false);
        }

        return await GetAsync<T>(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The preference OData defines for "answer with the entity as stored" (OData Protocol §8.2.8.7).</summary>
    private const string ReturnRepresentation = "return=representation";

    /// <summary>Sends a request with an optional JSON body whose answer, if any, is not read (DELETE, PATCH).</summary>
    public async Task ExecuteAsync(HttpMethod method, string path, byte[]? jsonBody, string? ifMatch, CancellationToken cancellationToken) =>
        (await SendAsync(method, path, jsonBody, ifMatch, cancellationToken).ConfigureAwait(false)).Dispose();

    /// <summary>Invokes an action (POST, parameters as a JSON object) or function (GET, parameters in the URL) and reads its result.</summary>
    /// <typeparam name="T">The result type; nullable when the operation may return nothing.</typeparam>
    /// <param name="method">POST for actions, GET for functions.</param>
    /// <param name="path">The operation's path relative to the service root, with function parameters.</param>
    /// <param name="writeParameters">Writes the action's parameters into the body object; <see langword="null"/> for functions.</param>
    /// <param name="unwrapValue">Whether the result is a primitive or enum wrapped as <c>{"value": …}</c>.</param>
    /// <param name="allowNull">Whether an empty answer (204) or <c>null</c> is a valid result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<T> InvokeAsync<T>(HttpMethod method, string path, Action<Utf8JsonWriter>? writeParameters, bool unwrapValue, bool allowNull, CancellationToken cancellationToken) =>
        InvokeAsync<T>(method, path, writeParameters, unwrapValue, allowNull, null, cancellationToken);

    /// <summary>Invokes an operation bound to an entity, sending <paramref name="ifMatch"/> as <c>If-Match</c> when given (services that version the entity may require it: 428).</summary>
    /// <typeparam name="T">The result type; nullable when the operation may return nothing.</typeparam>
    /// <param name="method">POST for actions, GET for functions.</param>
    /// <param name="path">The operation's path relative to the service root, with function parameters.</param>
    /// <param name="writeParameters">Writes the action's parameters into the body object; <see langword="null"/> for functions.</param>
    /// <param name="unwrapValue">Whether the result is a primitive or enum wrapped as <c>{"value": …}</c>.</param>
    /// <param name="allowNull">Whether an empty answer (204) or <c>null</c> is a valid result.</param>
    /// <param name="ifMatch">The entity's ETag, or <see langword="null"/> to send none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<T> InvokeAsync<T>(HttpMethod method, string path, Action<Utf8JsonWriter>? writeParameters, bool unwrapValue, bool allowNull, string? ifMatch, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, ParametersBody(writeParameters), ifMatch, cancellationToken).ConfigureAwait(false);
        if (response.IsEmpty)
        {
            return allowNull ? default! : throw ODataErrors.Unreadable(response.Status, response.ContentType, response.Body, response.RequestUri, "the operation returned nothing, but its result is not nullable.");
        }

        var result = unwrapValue
            ? response.Read(this, static (body, connection) => connection.ReadValueProperty<T>(body))
            : ReadObject<T>(response, allowEmpty: allowNull);
        return result is null && !allowNull
            ? throw ODataErrors.Unreadable(response.Status, response.ContentType, response.Body, response.RequestUri, "the result is null, but it is not nullable.")
            : result;
    }

    /// <summary>Invokes an action or function whose result is a collection (<c>{"value":[…]}</c>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task<IReadOnlyList<T>> InvokeCollectionAsync<T>(HttpMethod method, string path, Action<Utf8JsonWriter>? writeParameters, CancellationToken cancellationToken) =>
        InvokeCollectionAsync<T>(method, path, writeParameters, null, cancellationToken);

    /// <summary>Invokes an operation bound to an entity whose result is a collection, sending <paramref name="ifMatch"/> as <c>If-Match</c> when given.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task<IReadOnlyList<T>> InvokeCollectionAsync<T>(HttpMethod method, string path, Action<Utf8JsonWriter>? writeParameters, string? ifMatch, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, ParametersBody(writeParameters), ifMatch, cancellationToken).ConfigureAwait(false);
        return response.Read((response.RequestUri, ItemType: TypeInfo<T>()), static (body, state) => ODataCollectionReader.Parse(body, state.RequestUri, state.ItemType)).Items;
    }

    /// <summary>Invokes an action without a result.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Task InvokeAsync(string path, Action<Utf8JsonWriter>? writeParameters, CancellationToken cancellationToken) =>
        InvokeAsync(path, writeParameters, null, cancellationToken);

    /// <summary>Invokes an action bound to an entity without a result, sending <paramref name="ifMatch"/> as <c>If-Match</c> when given.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public async Task InvokeAsync(string path, Action<Utf8JsonWriter>? writeParameters, string? ifMatch, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, path, ParametersBody(writeParameters) ?? EmptyObject, ifMatch, cancellationToken).ConfigureAwait(false)).Dispose();

    /// <summary>Writes one operation parameter: <c>"name": value</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteParameter<T>(Utf8JsonWriter writer, string name, T value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, TypeInfo<T>());
    }

    /// <summary>A value as JSON text, for function parameters passed as aliases (<c>@p={json}</c>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string ToJson<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>
    /// Adds an operation parameter the service reads as a plain query parameter rather than as an OData parameter
    /// (<c>?directory=/in&amp;recursive=true</c>: OpenAPI's form style, strings and numbers bare, a list one pair per
    /// item); nothing when <paramref name="value"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="query">The escaped <c>name=value</c> pairs collected so far.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its value, serialized with the client's metadata (enums in the service's spelling).</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddQueryParameter<T>(List<string> query, string name, T value)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        using var json = JsonDocument.Parse(ToJson(value));
        Rest.ParameterSerializer.Query(query, name ?? throw new ArgumentNullException(nameof(name)), json.RootElement, Rest.ParameterStyle.Form, explode: true);
    }

    /// <summary>Appends the <paramref name="query"/> pairs to <paramref name="path"/> (after its own, if it has any).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static string AppendQuery(string path, List<string> query)
    {
        if (path is null || query is null)
        {
            throw new ArgumentNullException(path is null ? nameof(path) : nameof(query));
        }

        return query.Count == 0 ? path : path + (path.IndexOf('?') >= 0 ? "&" : "?") + string.Join("&", query);
    }

    internal Uri ResolveUri(string pathAndQuery) => new(ServicePath + pathAndQuery, UriKind.Relative);

    internal Task<ODataResponse> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return SendAsync(request, cancellationToken);
    }

    internal Task<ODataResponse> SendAsync(HttpMethod method, string path, byte[]? jsonBody, string? ifMatch, CancellationToken cancellationToken) =>
        SendAsync(NewRequest(method, path, jsonBody, ifMatch), cancellationToken);

    private HttpRequestMessage NewRequest(HttpMethod method, string path, byte[]? jsonBody, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, ResolveUri(path));
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    internal byte[] EntityBody<T>(T entity)
    {
        // Instance annotations kept from a read (@odata.context, @odata.etag …) are control information, not data: they stay out of the body.
        // Except @odata.type: an entity of a derived type read through its base set keeps its own properties in AdditionalData,
        // and the service needs the type to accept them. OData readers expect it as the first property.
        var node = JsonSerializer.SerializeToNode(entity, TypeInfo<T>()) as JsonObject
            ?? throw new ArgumentException("The entity serialized to something other than a JSON object.", nameof(entity));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (node.TryGetPropertyValue(TypeAnnotation, out var type) && type is not null)
            {
                writer.WritePropertyName(TypeAnnotation);
                type.WriteTo(writer);
            }

            foreach (var property in node)
            {
                if (property.Key.StartsWith("@odata.", StringComparison.Ordinal) || property.Key.StartsWith("odata.", StringComparison.Ordinal))
                {
                    continue;
                }

                writer.WritePropertyName(property.Key);
                if (property.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    property.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private const string TypeAnnotation = "@odata.type";

    private static readonly byte[] EmptyObject = { (byte)'{', (byte)'}' };

    private async Task<ODataResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Accept.Add(AcceptJson);
            if (_folder is not null)
            {
                request.WithFolder(_folder);
                // Also set the header itself, so the folder applies when the pipeline has no OrchestratorContextHandler.
                request.Headers.TryAddWithoutValidation(_folder.Header, _folder.Value);
            }

            if (TenantName is not null)
            {
                request.Headers.TryAddWithoutValidation(OrchestratorContextHandler.TenantNameHeader, TenantName);
            }

            return await ODataResponse.SendAsync(HttpClient, request, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static byte[]? ParametersBody(Action<Utf8JsonWriter>? writeParameters)
    {
        if (writeParameters is null)
        {
            return null;
        }

        return JsonRequestBody.Write(writeParameters, static (writer, write) =>
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        });
    }

    private T ReadObject<T>(ODataResponse response, bool allowEmpty)
    {
        if (response.IsEmpty)
        {
            return allowEmpty ? default! : throw ODataErrors.Unreadable(response.Status, response.ContentType, response.Body, response.RequestUri, "the body is empty.");
        }

        return response.Read(TypeInfo<T>(), static (body, type) => JsonSerializer.Deserialize(body, type)!);
    }

    private T ReadValueProperty<T>(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object with 'value'.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isValue = reader.ValueTextEquals("value");
            reader.Read();
            if (isValue)
            {
                return JsonSerializer.Deserialize(ref reader, TypeInfo<T>())!;
            }

            reader.Skip();
        }

        throw new JsonException("The answer has no 'value'.");
    }
}
