using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.CommunicationsMining;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// One call of a REST operation, built by generated code: parameters by location and style, a body, the
/// error bodies the description declares; then sent once. Not thread-safe and not reusable after sending.
/// </summary>
public sealed class RestRequest
{
    private const string JsonMediaType = "application/json";
    private const string ContentTypeHeader = "Content-Type";

    private readonly RestConnection _connection;
    private readonly HttpMethod _method;
    private readonly string _pathTemplate;

    /// <summary>A link given by the service (a next page), used instead of the base address and path template.</summary>
    private readonly Uri? _link;
    private readonly Dictionary<string, string> _pathValues = new(StringComparer.Ordinal);
    private readonly List<string> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<string> _cookies = new();
    private readonly List<DeclaredError> _errors = new();
    private readonly HashSet<int> _expectedStatuses = new();
    private readonly List<string> _replacedQueryNames = new();
    private readonly Dictionary<int, DeclaredError> _successBodies = new();
    private Func<HttpContent>? _content;
    private JsonObject? _jsonBody;
    private string _jsonMediaType = JsonMediaType;
    private List<KeyValuePair<string, string>>? _formFields;
    private List<Action<MultipartFormDataContent>>? _multipart;
    private bool _sent;

    internal RestRequest(RestConnection connection, HttpMethod method, string pathTemplate)
    {
        _connection = connection;
        _method = method;
        _pathTemplate = pathTemplate;
    }

    internal RestRequest(RestConnection connection, HttpMethod method, Uri link)
    {
        _connection = connection;
        _method = method;
        _pathTemplate = link.AbsolutePath;
        _link = link;
    }

    /// <summary>Fills the path parameter <c>{name}</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: path parameters are always required.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> writes as a <c>.</c> or <c>..</c> segment, which would address another resource.</exception>
    /// <remarks>
    /// An empty string is a value like any other and is sent as an empty segment (<c>/items/{id}</c> → <c>/items/</c>):
    /// OpenAPI requires path parameters to be present, not non-empty, and what an empty one means is the service's to say.
    /// </remarks>
    public RestRequest WithPath<T>(string name, T value, ParameterStyle style = ParameterStyle.Simple, bool explode = false)
    {
        var json = ToJson(value);
        if (ParameterSerializer.IsAbsent(json))
        {
            throw new ArgumentNullException(name, $"The path parameter '{name}' is required.");
        }

        var text = ParameterSerializer.Path(name, json, style, explode);

        // Escaping leaves '.' alone (it is unreserved) and URIs remove dot segments, so "." or ".." as a whole
        // segment (a simple "..", a label ".") would silently send the request to another resource.
        if (text is "." or "..")
        {
            throw new ArgumentException($"The path parameter '{name}' must not be '{text}' as a whole segment: the request would go to another resource.", name);
        }

        _pathValues[name] = text;
        return this;
    }

    /// <summary>
    /// Fills the path parameter <c>{name}</c> with text that is already part of a URL and is sent as it is, not escaped
    /// (AutoRest's <c>x-ms-skip-url-encoding</c>: a next-page link such as <c>next?page=2</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: path parameters are always required.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <c>.</c> or <c>..</c>, which would address another resource.</exception>
    public RestRequest WithPathUnescaped(string name, string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The path parameter '{name}' is required.");
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"The path parameter '{name}' must not be '{value}' as a whole segment: the request would go to another resource.", name);
        }

        _pathValues[name] = value;
        return this;
    }

    /// <summary>
    /// Sets a query parameter that must appear once with the caller's value: any parameter of that name already in the
    /// request or in its link (compared ignoring case, as <c>Api-Version</c> and <c>api-version</c> are one to the
    /// services that send such links) is removed first. A null value only removes.
    /// </summary>
    public RestRequest ReplaceQuery<T>(string name, T value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        _replacedQueryNames.Add(name);
        _query.RemoveAll(entry => IsQueryNamed(entry, name));
        return WithQuery(name, value);
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public RestRequest WithQuery<T>(string name, T value, ParameterStyle style = ParameterStyle.Form, bool explode = true)
    {
        ParameterSerializer.Query(_query, name, ToJson(value), style, explode);
        return this;
    }

    /// <summary>Adds a header parameter (<c>simple</c> style); a null value adds nothing.</summary>
    /// <remarks><c>Content-Type</c> labels the body (an empty one when there is none) and replaces the body's own media type.</remarks>
    public RestRequest WithHeader<T>(string name, T value, bool explode = false)
    {
        if (ParameterSerializer.Header(ToJson(value), explode) is { } text)
        {
            _headers.Add(new KeyValuePair<string, string>(name, text));
        }

        return this;
    }

    /// <summary>Adds a cookie parameter (<c>form</c> style); a null value adds nothing.</summary>
    public RestRequest WithCookie<T>(string name, T value, bool explode = true)
    {
        if (ParameterSerializer.Cookie(name, ToJson(value), explode) is { } text)
        {
            _cookies.Add(text);
        }

        return this;
    }

    /// <summary>Sends <paramref name="body"/> as JSON; a null body sends none.</summary>
    public RestRequest WithJsonBody<T>(T body, string mediaType = JsonMediaType)
    {
        EnsureNoBody();
        if (body is null)
        {
            return this;
        }

        var node = JsonSerializer.SerializeToNode(body, _connection.TypeInfo<T>());
        if (node is JsonObject jsonObject)
        {
            // Kept as an object until sending, so paging can set one property without touching the caller's instance.
            _jsonBody = jsonObject;
            _jsonMediaType = mediaType;
        }
        else
        {
            var json = node?.ToJsonString() ?? "null";
            _content = () => new StringContent(json, Encoding.UTF8, mediaType);
        }

        return this;
    }

    /// <summary>Sets one property of the JSON object body (a continuation token, say); null removes it.</summary>
    /// <exception cref="InvalidOperationException">The body is not a JSON object.</exception>
    public RestRequest WithJsonBodyProperty(string name, string? value)
    {
        if (_content is not null || _formFields is not null || _multipart is not null)
        {
            throw new InvalidOperationException("Only a JSON object body has properties to set.");
        }

        _jsonBody ??= new JsonObject();
        if (value is null)
        {
            _jsonBody.Remove(name);
        }
        else
        {
            _jsonBody[name] = value;
        }

        return this;
    }

    /// <summary>Sends <paramref name="text"/> as the body; null sends none.</summary>
    public RestRequest WithTextBody(string? text, string mediaType = "text/plain")
    {
        EnsureNoBody();
        if (text is not null)
        {
            _content = () => new StringContent(text, Encoding.UTF8, mediaType);
        }

        return this;
    }

    /// <summary>Sends <paramref name="content"/> as the raw body; null sends none. The stream is not disposed.</summary>
    public RestRequest WithStreamBody(Stream? content, string mediaType = "application/octet-stream")
    {
        EnsureNoBody();
        if (content is not null)
        {
            var contentType = MediaTypeHeaderValue.Parse(mediaType);
            _content = () =>
            {
                var streamContent = new StreamContent(new NonDisposingStream(content));
                streamContent.Headers.ContentType = contentType;
                return streamContent;
            };
        }

        return this;
    }

    /// <summary>Adds a field of an <c>application/x-www-form-urlencoded</c> body; null adds nothing, arrays add one field per item.</summary>
    public RestRequest WithFormField<T>(string name, T value)
    {
        if (_content is not null || _jsonBody is not null || _multipart is not null)
        {
            throw new InvalidOperationException("The request already has a body of another kind.");
        }

        _formFields ??= new List<KeyValuePair<string, string>>();
        foreach (var text in FieldValues(ToJson(value)))
        {
            _formFields.Add(new KeyValuePair<string, string>(name, text));
        }

        return this;
    }

    /// <summary>Adds a field of a <c>multipart/form-data</c> body: scalars as text, objects as JSON; null adds nothing.</summary>
    public RestRequest WithMultipartField<T>(string name, T value)
    {
        var json = ToJson(value);
        if (ParameterSerializer.IsAbsent(json))
        {
            return this;
        }

        var multipart = Multipart();
        if (json.ValueKind == JsonValueKind.Object)
        {
            var text = json.GetRawText();
            multipart.Add(form => form.Add(new StringContent(text, Encoding.UTF8, JsonMediaType), Quote(name)));
        }
        else
        {
            foreach (var text in FieldValues(json))
            {
                multipart.Add(form => form.Add(new StringContent(text, Encoding.UTF8), Quote(name)));
            }
        }

        return this;
    }

    /// <summary>Adds a file part of a <c>multipart/form-data</c> body; null adds nothing.</summary>
    public RestRequest WithMultipartFile(string name, RestFile? file)
    {
        if (file is null)
        {
            return this;
        }

        var contentType = MediaTypeHeaderValue.Parse(file.ContentType);
        Multipart().Add(form =>
        {
            var part = new StreamContent(new NonDisposingStream(file.Content));
            part.Headers.ContentType = contentType;

            // Not form.Add(part, name, fileName): it copies the file name into filename* as well, so a quoted name
            // arrives there with its quotes percent-encoded ("%22report.csv%22") and servers that prefer filename* get them.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = Quote(name),
                FileName = Quote(file.FileName),
                FileNameStar = file.FileName,
            };
            form.Add(part);
        });
        return this;
    }

    /// <summary>Adds one file part per file; null adds nothing.</summary>
    public RestRequest WithMultipartFiles(string name, IEnumerable<RestFile>? files)
    {
        foreach (var file in files ?? Enumerable.Empty<RestFile>())
        {
            WithMultipartFile(name, file);
        }

        return this;
    }

    /// <summary>
    /// Declares that answers with <paramref name="statusCode"/> (<c>404</c>, <c>4XX</c> or <c>default</c>) carry a
    /// <typeparamref name="TError"/> body: such an answer throws <see cref="RestApiException{TError}"/>.
    /// </summary>
    public RestRequest WithError<TError>(string statusCode)
    {
        _errors.Add(new DeclaredError(statusCode ?? throw new ArgumentNullException(nameof(statusCode)), (connection, body) => JsonSerializer.Deserialize(body, connection.TypeInfo<TError>()), Throw<TError>));
        return this;
    }

    /// <summary>
    /// Declares that an answer with <paramref name="statusCode"/> is one of the operation's answers rather than an
    /// error, although it is not 2xx (a <c>HEAD</c>'s <c>404</c>: the resource does not exist): it is returned, with
    /// its status, instead of thrown; a body it has is read as the success body.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not an HTTP status (100–599).</exception>
    public RestRequest WithExpectedStatus(int statusCode)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status is between 100 and 599.");
        }

        _expectedStatuses.Add(statusCode);
        return this;
    }

    /// <summary>
    /// Declares that a <paramref name="statusCode"/> answer (a 2xx) carries a <typeparamref name="TBody"/> rather than
    /// the type <see cref="SendAsync{T}(CancellationToken)"/> reads: it is read as <typeparamref name="TBody"/> and
    /// returned when that is a <c>T</c> (a derived model); otherwise the call cannot return it as one and throws
    /// <see cref="RestApiException{TError}"/> of <typeparamref name="TBody"/> carrying it, rather than misread it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not an HTTP status (100–599).</exception>
    public RestRequest WithSuccessBody<TBody>(int statusCode)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status is between 100 and 599.");
        }

        _successBodies[statusCode] = new DeclaredError(
            statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (connection, body) => JsonSerializer.Deserialize(body, connection.TypeInfo<TBody>()),
            Throw<TBody>);
        return this;
    }

    /// <summary>Sends the request and reads the JSON body as <typeparamref name="T"/>.</summary>
    /// <exception cref="RestApiException">The service answered with an error, or with a body that is not a <typeparamref name="T"/>.</exception>
    public Task<RestResponse<T>> SendAsync<T>(CancellationToken cancellationToken = default) =>
        SendCoreAsync(_connection.TypeInfo<T>(), cancellationToken);

    /// <summary>
    /// Sends the request and reads the JSON body with <paramref name="converter"/>: for a body whose OpenAPI format is
    /// not its C# type's usual JSON (see <see cref="Serialization.RestWireFormats"/>).
    /// </summary>
    /// <exception cref="RestApiException">The service answered with an error, or with a body the converter does not read.</exception>
    public Task<RestResponse<T>> SendWithConverterAsync<T>(System.Text.Json.Serialization.JsonConverter<T> converter, CancellationToken cancellationToken = default) =>
        SendCoreAsync(Serialization.RestWireFormats.TypeInfo(_connection.JsonOptions, converter ?? throw new ArgumentNullException(nameof(converter))), cancellationToken);

    private async Task<RestResponse<T>> SendCoreAsync<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = response.Content is null ? Array.Empty<byte>() : await HttpContentReading.ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            // 204 and empty 200s: a nullable result is simply absent.
            return new RestResponse<T>(response, default!);
        }

        try
        {
            if (_successBodies.TryGetValue((int)response.StatusCode, out var declared))
            {
                var value = declared.Read(_connection, body);
                if (value is null or T)
                {
                    return new RestResponse<T>(response, (T)value!);
                }

                var snippet = Snippet(body);
                throw declared.Create(
                    $"{Describe(response)} answered {(int)response.StatusCode} ({response.StatusCode}) with a {value.GetType().Name}, which this call cannot return as a {typeof(T).Name}; the exception's Error holds it: {snippet}",
                    response,
                    response.Content?.Headers.ContentType?.MediaType,
                    snippet,
                    value);
            }

            return new RestResponse<T>(response, JsonSerializer.Deserialize(body, typeInfo)!);
        }
        catch (JsonException exception)
        {
            throw new RestApiException(
                $"{Describe(response)} answered {(int)response.StatusCode} ({response.StatusCode}) with a body that is not a {TypeDisplay.Name(typeof(T))}: {TypeDisplay.Located(exception)}",
                response.StatusCode,
                response.Content?.Headers.ContentType?.MediaType,
                Snippet(body),
                Redacted(response),
                response.GetServerTiming(),
                exception);
        }
    }

    /// <summary>Sends the request; the body, if any, is not read.</summary>
    public async Task<RestResponse> SendAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return new RestResponse(response);
    }

    /// <summary>Sends the request and reads the body as text.</summary>
    public async Task<RestResponse<string>> SendForTextAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = response.Content is null ? string.Empty : await HttpContentReading.ReadTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return new RestResponse<string>(response, text);
    }

    /// <summary>Sends the request and hands over the body unbuffered; dispose the result.</summary>
    public async Task<RestStreamResponse> SendForStreamAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendCoreAsync(HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
#if NET5_0_OR_GREATER
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var stream = response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            return new RestStreamResponse(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The absolute request URI as it will be sent (base address, filled path, query), e.g. for logs.</summary>
    public Uri ToUri()
    {
        if (_link is null)
        {
            // A path parameter sent unescaped (a next-page link such as "next?page=2") may bring a query of its own.
            var path = FillPath();
            var separator = path.IndexOf('?') >= 0 ? "&" : "?";
            return new(_connection.BaseAddress + path + (_query.Count == 0 ? string.Empty : separator + string.Join("&", _query)));
        }

        // The link's own query stays as the service wrote it, except parameters the caller replaces.
        var linkQuery = _link.Query.Length > 1 ? _link.Query.Substring(1).Split('&').Where(entry => entry.Length > 0 && !_replacedQueryNames.Any(name => IsQueryNamed(entry, name))) : Enumerable.Empty<string>();
        var query = linkQuery.Concat(_query).ToList();
        var withoutQuery = _link.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo | UriComponents.Path, UriFormat.UriEscaped);
        return new(withoutQuery + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query)));
    }

    /// <summary>Whether the query entry <c>name=value</c> (escaped, as sent) is the parameter <paramref name="name"/>, ignoring case.</summary>
    private static bool IsQueryNamed(string entry, string name)
    {
        var separator = entry.IndexOf('=');
        var entryName = Uri.UnescapeDataString(separator < 0 ? entry : entry.Substring(0, separator));
        return string.Equals(entryName, name, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (_sent)
        {
            throw new InvalidOperationException("A RestRequest is sent once; build a new one for another call.");
        }

        _sent = true;
        using var request = new HttpRequestMessage(_method, ToUri());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
        string? contentType = null;
        foreach (var header in _headers)
        {
            if (string.Equals(header.Key, ContentTypeHeader, StringComparison.OrdinalIgnoreCase))
            {
                // A content header: HttpRequestMessage.Headers refuses it (silently, with TryAdd), so it goes on the content.
                contentType = header.Value;
                continue;
            }

            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies));
        }

        request.Content = BuildContent();
        if (contentType is not null)
        {
            // The description made Content-Type a parameter, so the caller's value is what the body is labelled, and
            // it is sent even without a body (on an empty one): the service asked for the header, not for content.
            request.Content ??= new ByteArrayContent(Array.Empty<byte>());
            request.Content.Headers.Remove(ContentTypeHeader);
            request.Content.Headers.TryAddWithoutValidation(ContentTypeHeader, contentType);
        }
        // Headers only, whatever the caller reads: an error body is read only in part (ThrowAsync), and HttpClient would
        // buffer all of it first. Other answers are buffered below as HttpClient would have.
        var sentAt = Stopwatch.GetTimestamp();
        var response = await _connection.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

        // The transport normally says which request an answer is for (after redirects, the last one); a handler that
        // does not still answered this one, and links in the answer resolve against it.
        response.RequestMessage ??= request;
        try
        {
            await _connection.EnsureServiceSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !_expectedStatuses.Contains((int)response.StatusCode))
            {
                await ThrowAsync(response, sentAt, cancellationToken).ConfigureAwait(false);
            }

            if (completion == HttpCompletionOption.ResponseContentRead)
            {
                await BufferAsync(response, sentAt, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the answer's body into memory within the client's <see cref="HttpClient.Timeout"/> and
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/>, as <see cref="HttpCompletionOption.ResponseContentRead"/> does.
    /// </summary>
    private async Task BufferAsync(HttpResponseMessage response, long sentAt, CancellationToken cancellationToken)
    {
        if (response.Content is not { } content)
        {
            return;
        }

        byte[] bytes;
        using (var body = await ResponseBody.ReadAsync(_connection.HttpClient, content, sentAt, cancellationToken).ConfigureAwait(false))
        {
            bytes = body.ToArray();
        }

        var buffered = new ByteArrayContent(bytes);
        foreach (var header in content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Dispose();
        response.Content = buffered;
    }

    private HttpContent? BuildContent()
    {
        if (_jsonBody is not null)
        {
            return new StringContent(_jsonBody.ToJsonString(), Encoding.UTF8, _jsonMediaType);
        }

        if (_formFields is not null)
        {
            return new StringContent(
                string.Join("&", _formFields.Select(field => FormEscape(field.Key) + "=" + FormEscape(field.Value))),
                Encoding.UTF8,
                "application/x-www-form-urlencoded");
        }

        if (_multipart is not null)
        {
            var form = new MultipartFormDataContent();
            foreach (var addPart in _multipart)
            {
                addPart(form);
            }

            return form;
        }

        return _content?.Invoke();
    }

    private string FillPath()
    {
        var builder = new StringBuilder(_pathTemplate.Length + 32);
        var start = _pathTemplate.Length > 0 && _pathTemplate[0] == '/' ? 1 : 0;
        for (var i = start; i < _pathTemplate.Length; i++)
        {
            var character = _pathTemplate[i];
            var end = character == '{' ? _pathTemplate.IndexOf('}', i) : -1;
            if (end < 0)
            {
                builder.Append(character);
                continue;
            }

            var name = _pathTemplate.Substring(i + 1, end - i - 1);
            if (!_pathValues.TryGetValue(name, out var value))
            {
                throw new InvalidOperationException($"The path parameter '{name}' of '{_pathTemplate}' has no value.");
            }

            builder.Append(value);
            i = end;
        }

        return builder.ToString();
    }

    private async Task ThrowAsync(HttpResponseMessage response, long sentAt, CancellationToken cancellationToken)
    {
        byte[] body;
        using (var error = await ResponseBody.ReadErrorAsync(_connection.HttpClient, response.Content, sentAt, cancellationToken).ConfigureAwait(false))
        {
            body = error.ToArray();
        }

        var status = (int)response.StatusCode;
        var contentType = response.Content?.Headers.ContentType?.MediaType;
        var snippet = Snippet(body);
        var message = $"{Describe(response)} failed with {status} ({response.StatusCode})";
        var declared = _errors.FirstOrDefault(error => error.StatusCode == status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? _errors.FirstOrDefault(error => error.StatusCode.Length == 3 && error.StatusCode[0] == (char)('0' + (status / 100)) && error.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase))
            ?? _errors.FirstOrDefault(error => error.StatusCode == "default");
        if (declared is not null && body.Length > 0)
        {
            object? error;
            try
            {
                error = declared.Read(_connection, body);
            }
            catch (JsonException exception)
            {
                throw new RestApiException(
                    message + $"; its body is not the declared error: {exception.Message}",
                    response.StatusCode,
                    contentType,
                    snippet,
                    Redacted(response),
                    response.GetServerTiming(),
                    exception);
            }

            if (error is not null)
            {
                throw declared.Create(message + ": " + snippet, response, contentType, snippet, error);
            }
        }

        throw new RestApiException(
            message + (body.Length == 0 ? " and an empty body." : ": " + snippet),
            response.StatusCode,
            contentType,
            snippet,
            Redacted(response),
            response.GetServerTiming());
    }

    private static RestApiException<TError> Throw<TError>(string message, HttpResponseMessage response, string? contentType, string body, object error) =>
        new RestApiException<TError>(message, response.StatusCode, contentType, body, Redacted(response), response.GetServerTiming(), (TError)error);

    private JsonElement ToJson<T>(T value)
    {
        if (value is null)
        {
            return default;
        }

        return JsonSerializer.SerializeToElement(value, _connection.TypeInfo<T>());
    }

    private static IEnumerable<string> FieldValues(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Enumerable.Empty<string>(),
        JsonValueKind.Array => json.EnumerateArray().Where(item => !ParameterSerializer.IsAbsent(item)).Select(item => item.ValueKind == JsonValueKind.Object ? item.GetRawText() : ParameterSerializer.Scalar(item)).ToList(),
        JsonValueKind.Object => new[] { json.GetRawText() },
        _ => new[] { ParameterSerializer.Scalar(json) },
    };

    private List<Action<MultipartFormDataContent>> Multipart()
    {
        if (_content is not null || _jsonBody is not null || _formFields is not null)
        {
            throw new InvalidOperationException("The request already has a body of another kind.");
        }

        return _multipart ??= new List<Action<MultipartFormDataContent>>();
    }

    private void EnsureNoBody()
    {
        if (_content is not null || _jsonBody is not null || _formFields is not null || _multipart is not null)
        {
            throw new InvalidOperationException("The request already has a body.");
        }
    }

    private static string FormEscape(string text) => Uri.EscapeDataString(text).Replace("%20", "+");

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"") + "\"";

    private string Describe(HttpResponseMessage response) =>
        _method.Method + " " + (Redacted(response)?.ToString() ?? _pathTemplate);

    private static Uri? Redacted(HttpResponseMessage response) => CommunicationsMiningResponse.RedactedUri(response.RequestMessage?.RequestUri);

    /// <summary>Error bodies go into messages and exceptions; a huge HTML page must not.</summary>
    private static string Snippet(byte[] body)
    {
        const int Limit = 4096;
        var cut = body.Length > Limit;
        var length = cut ? Limit : body.Length;

        // Without flushing, the bytes of a character cut in half stay in the decoder instead of becoming '\uFFFD'.
        var chars = new char[Encoding.UTF8.GetMaxCharCount(length)];
        var count = Encoding.UTF8.GetDecoder().GetChars(body, 0, length, chars, 0, flush: !cut);
        var text = new string(chars, 0, count);
        return cut ? text + "…" : text;
    }

    private sealed class DeclaredError
    {
        public DeclaredError(string statusCode, Func<RestConnection, byte[], object?> read, Func<string, HttpResponseMessage, string?, string, object, RestApiException> create)
        {
            StatusCode = statusCode;
            Read = read;
            Create = create;
        }

        public string StatusCode { get; }

        public Func<RestConnection, byte[], object?> Read { get; }

        public Func<string, HttpResponseMessage, string?, string, object, RestApiException> Create { get; }
    }
}
