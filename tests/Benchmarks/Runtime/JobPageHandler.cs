using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Benchmarks.Runtime;

/// <summary>
/// The transport replaced by memory: every request is answered 200 with the same page, in a fresh
/// <see cref="ByteArrayContent"/> (so nothing the client buffered for one call is there for the next), typed as
/// Orchestrator types it.
/// </summary>
public sealed class JobPageHandler(byte[] page) : HttpMessageHandler
{
    /// <summary>A cloud Orchestrator tenant's address; nothing leaves the process.</summary>
    public static Uri BaseAddress { get; } = new("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/");

    /// <summary>The URI one page of 1000 jobs is asked for with.</summary>
    public static Uri PageUri { get; } = new(BaseAddress, "odata/Jobs?$top=1000");

    private static readonly MediaTypeHeaderValue ODataJson = MediaTypeHeaderValue.Parse("application/json;odata.metadata=minimal;odata.streaming=true");

    /// <summary>The last request's URI, for the benchmarks' checks.</summary>
    public Uri? LastRequestUri { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequestUri = request.RequestUri;
        var content = new ByteArrayContent(page);
        content.Headers.ContentType = ODataJson;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
