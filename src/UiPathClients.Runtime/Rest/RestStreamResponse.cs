using System;
using System.IO;
using System.Net.Http;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// A download: the body is not buffered but handed over as a stream straight from the connection.
/// Dispose it (it owns the HTTP response) once the content is read.
/// </summary>
public sealed class RestStreamResponse : RestResponse, IDisposable
{
    private readonly HttpResponseMessage _response;

    /// <summary>Wraps the answer; <paramref name="content"/> is its body stream.</summary>
    /// <param name="response">The answer, owned from now on.</param>
    /// <param name="content">The body stream.</param>
    public RestStreamResponse(HttpResponseMessage response, Stream content)
        : base(response)
    {
        _response = response;
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>The body, read from the network as it is consumed.</summary>
    public Stream Content { get; }

    /// <summary>The body's media type, when the service said.</summary>
    public string? ContentType => ContentHeaders?.ContentType?.MediaType;

    /// <summary>The body's length in bytes, when the service said.</summary>
    public long? ContentLength => ContentHeaders?.ContentLength;

    /// <summary>The file name from <c>Content-Disposition</c>, when the service gave one.</summary>
    public string? FileName => ContentHeaders?.ContentDisposition?.FileNameStar ?? ContentHeaders?.ContentDisposition?.FileName?.Trim('"');

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }
}
