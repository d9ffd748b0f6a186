using System;
using System.IO;

namespace UiPathClients.Runtime.Rest;

/// <summary>A file sent as one part of a <c>multipart/form-data</c> body.</summary>
public sealed class RestFile
{
    /// <summary>Creates the file part.</summary>
    /// <param name="content">The file's bytes; read once when the request is sent and not disposed by the client.</param>
    /// <param name="fileName">The file name the service sees.</param>
    /// <param name="contentType">The part's media type; <c>application/octet-stream</c> when not given.</param>
    public RestFile(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = string.IsNullOrEmpty(fileName) ? throw new ArgumentException("A file part needs a file name.", nameof(fileName)) : fileName;
        ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType!;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name the service sees.</summary>
    public string FileName { get; }

    /// <summary>The part's media type.</summary>
    public string ContentType { get; }
}
