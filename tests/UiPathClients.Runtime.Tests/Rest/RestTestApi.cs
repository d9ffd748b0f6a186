using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Serialization;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

// A tiny OpenAPI-described API written by hand in the shape the generator emits for REST clients: models with
// the service's JSON names, an enum whose service spelling differs from its C# name (with its
// ODataEnumJsonConverter), declared error bodies, and a reflection-free metadata resolver. The RestConnection
// combines it with the runtime's primitive resolver, as the generated client's constructor does.

public enum Shade
{
    Red = 0,
    LightBlue = 1,
}

public sealed class ShadeJsonConverter : ODataEnumJsonConverter<Shade>
{
    public ShadeJsonConverter()
        : base(new[] { "red", "light-blue" }, new long[] { 0, 1 }, isFlags: false)
    {
    }

    public static ShadeJsonConverter Default { get; } = new();
}

/// <summary>The object of the OpenAPI style examples: <c>{"role": "admin", "firstName": "Alex"}</c>.</summary>
public sealed class Member : IODataObject
{
    public string? Role { get; set; }

    public string? FirstName { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

/// <summary>A request body with optional properties and a continuation token, like Communications Mining queries.</summary>
public sealed class SearchQuery : IODataObject
{
    public string? Filter { get; set; }

    public int? Limit { get; set; }

    public Shade? Shade { get; set; }

    public string? ContinuationToken { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class Page : IODataObject
{
    public IList<string>? Items { get; set; }

    public string? Next { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

/// <summary>A declared error body (<c>404</c>, <c>default</c>).</summary>
public sealed class ApiError : IODataObject
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

/// <summary>Another declared error body (<c>4XX</c>), so tests can tell which declaration matched.</summary>
public sealed class ValidationProblem : IODataObject
{
    public IList<string>? Errors { get; set; }

    public IDictionary<string, JsonElement>? AdditionalData { get; set; }
}

public sealed class RestTestMetadata : IJsonTypeInfoResolver
{
    private static readonly Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Factories = new()
    {
        [typeof(Shade)] = static options => ODataJsonMetadata.EnumInfo(options, ShadeJsonConverter.Default),
        [typeof(Shade?)] = static options => ODataJsonMetadata.NullableInfo<Shade>(options),
        [typeof(Member)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new Member(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<Member, string?>(options, "Role", "role", static instance => instance.Role, static (instance, value) => instance.Role = value),
            ODataJsonMetadata.PropertyInfo<Member, string?>(options, "FirstName", "firstName", static instance => instance.FirstName, static (instance, value) => instance.FirstName = value),
            ODataJsonMetadata.AdditionalDataInfo<Member>(options),
        }),
        [typeof(SearchQuery)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new SearchQuery(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<SearchQuery, string?>(options, "Filter", "filter", static instance => instance.Filter, static (instance, value) => instance.Filter = value),
            ODataJsonMetadata.PropertyInfo<SearchQuery, int?>(options, "Limit", "limit", static instance => instance.Limit, static (instance, value) => instance.Limit = value),
            ODataJsonMetadata.PropertyInfo<SearchQuery, Shade?>(options, "Shade", "shade", static instance => instance.Shade, static (instance, value) => instance.Shade = value),
            ODataJsonMetadata.PropertyInfo<SearchQuery, string?>(options, "ContinuationToken", "continuation", static instance => instance.ContinuationToken, static (instance, value) => instance.ContinuationToken = value),
            ODataJsonMetadata.AdditionalDataInfo<SearchQuery>(options),
        }),
        [typeof(Page)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new Page(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<Page, IList<string>?>(options, "Items", "items", static instance => instance.Items, static (instance, value) => instance.Items = value),
            ODataJsonMetadata.PropertyInfo<Page, string?>(options, "Next", "next", static instance => instance.Next, static (instance, value) => instance.Next = value),
            ODataJsonMetadata.AdditionalDataInfo<Page>(options),
        }),
        [typeof(ApiError)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new ApiError(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<ApiError, string?>(options, "Code", "code", static instance => instance.Code, static (instance, value) => instance.Code = value),
            ODataJsonMetadata.PropertyInfo<ApiError, string?>(options, "Message", "message", static instance => instance.Message, static (instance, value) => instance.Message = value),
            ODataJsonMetadata.AdditionalDataInfo<ApiError>(options),
        }),
        [typeof(ValidationProblem)] = static options => ODataJsonMetadata.ObjectInfo(options, static () => new ValidationProblem(), static options => new[]
        {
            ODataJsonMetadata.PropertyInfo<ValidationProblem, IList<string>?>(options, "Errors", "errors", static instance => instance.Errors, static (instance, value) => instance.Errors = value),
            ODataJsonMetadata.AdditionalDataInfo<ValidationProblem>(options),
        }),
        [typeof(IList<string>)] = static options => ODataJsonMetadata.ListInfo<string>(options),
        [typeof(IList<int>)] = static options => ODataJsonMetadata.ListInfo<int>(options),
        [typeof(IList<long>)] = static options => ODataJsonMetadata.ListInfo<long>(options),
        [typeof(IDictionary<string, DateTimeOffset>)] = static options => ODataJsonMetadata.DictionaryInfo<DateTimeOffset>(options),
        [typeof(IList<Shade>)] = static options => ODataJsonMetadata.ListInfo<Shade>(options),
        [typeof(IList<string?>)] = static options => ODataJsonMetadata.ListInfo<string?>(options),
        [typeof(IDictionary<string, string>)] = static options => ODataJsonMetadata.DictionaryInfo<string>(options),
    };

    public static RestTestMetadata Default { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        Factories.TryGetValue(type, out var factory) ? factory(options) : null;
}

/// <summary>Connections over a <see cref="RecordingHandler"/>, the way a generated client builds its own.</summary>
internal static class RestTest
{
    /// <summary>A Communications Mining-like server URL with a path and no trailing slash.</summary>
    public const string BaseAddress = "https://api.test/reinfer_";

    public static RestConnection Connection(RecordingHandler handler, string baseAddress = BaseAddress, Func<HttpResponseMessage, CancellationToken, Task>? ensureSuccess = null) =>
        new(new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(baseAddress) }, RestTestMetadata.Default, ensureSuccess);

    /// <summary>A connection that answers every request with 204 and records it.</summary>
    public static (RecordingHandler Handler, RestConnection Connection) Recording(string baseAddress = BaseAddress)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.NoContent());
        return (handler, Connection(handler, baseAddress));
    }

    /// <summary>The request's URI as a string, exactly as sent (escaped), without the base address.</summary>
    public static string Sent(RecordedRequest request)
    {
        var uri = request.Uri.AbsoluteUri;
        return uri.StartsWith(BaseAddress + "/", StringComparison.Ordinal) ? uri.Substring(BaseAddress.Length + 1) : uri;
    }
}
