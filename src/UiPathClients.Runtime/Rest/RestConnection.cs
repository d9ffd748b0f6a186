using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Http;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// What every generated REST client shares: the <see cref="HttpClient"/> (whose handler pipeline
/// authenticates, retries and logs), the JSON metadata the generator emitted, and how the service's
/// error answers become exceptions. Immutable and safe to share between concurrent calls.
/// </summary>
public sealed class RestConnection
{
    private readonly Func<HttpResponseMessage, CancellationToken, Task>? _ensureSuccess;

    /// <summary>Creates the connection.</summary>
    /// <param name="http">The client; its <see cref="HttpClient.BaseAddress"/> is the API's server URL (operation paths are appended to it).</param>
    /// <param name="resolver">The generated JSON metadata of the API's types.</param>
    /// <param name="ensureSuccess">
    /// The service's own error convention, run on every answer before the description's declared errors are
    /// considered; it throws for errors and returns for successes. <see langword="null"/> for none.
    /// </param>
    public RestConnection(HttpClient http, IJsonTypeInfoResolver resolver, Func<HttpResponseMessage, CancellationToken, Task>? ensureSuccess = null)
    {
        HttpClient = http ?? throw new ArgumentNullException(nameof(http));
        if (resolver is null)
        {
            throw new ArgumentNullException(nameof(resolver));
        }

        if (http.BaseAddress is null || !http.BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The HttpClient needs an absolute BaseAddress: the API's server URL, which operation paths are appended to.", nameof(http));
        }

        // Operation paths are appended, not resolved: a base address without a trailing slash must not lose its last segment.
        var baseAddress = http.BaseAddress.AbsoluteUri;
        BaseAddress = baseAddress[baseAddress.Length - 1] == '/' ? baseAddress : baseAddress + "/";
        _ensureSuccess = ensureSuccess;
        JsonOptions = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(resolver, ODataPrimitiveJsonResolver.Instance),
            // Unset optional properties stay out of request bodies, so the service applies its defaults.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        JsonOptions.MakeReadOnly();
    }

    /// <summary>The HTTP client.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>Options whose resolver knows every type of the API; no reflection.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>The base address operation paths are appended to, ending in '/'.</summary>
    public string BaseAddress { get; }

    /// <summary>
    /// Whether generated methods check the description's value constraints (<c>minLength</c>, <c>pattern</c>,
    /// <c>maximum</c>, <c>multipleOf</c>, <c>minItems</c>, <c>uniqueItems</c> …) of parameters and bodies before
    /// sending, throwing <see cref="ArgumentException"/> for a value that breaks one. Off by default: the service
    /// validates anyway, and a description's constraints are often stricter or older than the service itself.
    /// </summary>
    public bool ValidatesConstraints { get; set; }

    /// <summary>Checks <paramref name="value"/>'s JSON form against <paramref name="constraints"/>; null passes.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The parameter's name, for the exception.</param>
    /// <param name="value">The value as it would be sent.</param>
    /// <param name="constraints">What the description declares for it.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks a constraint.</exception>
    public void Validate<T>(string name, T value, RestConstraints constraints)
    {
        if (constraints is null)
        {
            throw new ArgumentNullException(nameof(constraints));
        }

        if (value is not null)
        {
            constraints.Check(name, JsonSerializer.SerializeToElement(value, TypeInfo<T>()));
        }
    }

    /// <summary>The JSON metadata of <typeparamref name="T"/>.</summary>
    public JsonTypeInfo<T> TypeInfo<T>() => ODataJsonMetadata.Resolve<T>(JsonOptions);

    /// <summary>Starts a request for the operation at <paramref name="pathTemplate"/> (e.g. <c>/api/v1/datasets/{owner}</c>).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path as the description declares it, parameters in braces.</param>
    public RestRequest CreateRequest(string method, string pathTemplate) =>
        new(this, new HttpMethod(method ?? throw new ArgumentNullException(nameof(method))), pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate)));

    /// <summary>
    /// Starts a <c>GET</c> of a next page's link that an answer gave (AutoRest's <c>x-ms-pageable</c>): the link is the
    /// request URI as it is, its query included; resolve a relative link first with <see cref="RestResponse.ResolveLink(string?)"/>.
    /// </summary>
    /// <param name="nextLink">The absolute link.</param>
    /// <exception cref="ArgumentException"><paramref name="nextLink"/> is relative.</exception>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="nextLink"/> points to another origin (scheme, host or port) than <see cref="BaseAddress"/>: the
    /// HttpClient's handlers would send the API's credentials there, so the link is not followed.
    /// </exception>
    public RestRequest CreateNextPageRequest(Uri nextLink)
    {
        if (nextLink is null)
        {
            throw new ArgumentNullException(nameof(nextLink));
        }

        if (!nextLink.IsAbsoluteUri)
        {
            throw new ArgumentException($"The next-page link '{nextLink.OriginalString}' is relative; resolve it against the answer that gave it.", nameof(nextLink));
        }

        var api = new Uri(BaseAddress);
        if (!Origin.AreSame(nextLink, api))
        {
            throw new InvalidOperationException($"The service's next-page link goes to '{Origin.Of(nextLink)}', not to the API at '{Origin.Of(api)}'; it is not followed, since the client's handlers would send the API's credentials there.");
        }

        return new RestRequest(this, HttpMethod.Get, nextLink);
    }

    internal Task EnsureServiceSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        _ensureSuccess is null ? Task.CompletedTask : _ensureSuccess(response, cancellationToken);
}
