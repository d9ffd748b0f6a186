using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using UiPathClients.Emulator.Orchestrator.Model;

namespace UiPathClients.Emulator.Orchestrator.Routing;

/// <summary>
/// Answers <c>GET odata/$metadata</c> with an on-premises version's own description (<see cref="ServedOrchestratorModel.MetadataDocument"/>):
/// ASP.NET Core OData would write the routing model, which lacks the properties the emulator cannot serve, and a client
/// generated from the download must be the client generated from the bundled file. CSDL XML only, whatever the
/// <c>Accept</c> header or <c>$format</c> asks: Orchestrator serves no CSDL JSON either. The cloud model is its whole
/// description, so ASP.NET Core OData's metadata controller serves it.
/// </summary>
internal sealed class MetadataDocumentMiddleware
{
    private const string MetadataPath = "/odata/$metadata";

    private readonly RequestDelegate _next;
    private readonly string? _document;

    public MetadataDocumentMiddleware(RequestDelegate next, ServedOrchestratorModel served)
    {
        _next = next;
        _document = served.MetadataDocument;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_document is null || !string.Equals(context.Request.Path.Value, MetadataPath, StringComparison.OrdinalIgnoreCase))
        {
            return _next(context);
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            // The same refusal routing gives the cloud's $metadata (its controller has GET only).
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers["OData-Version"] = "4.0";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(_document, context.RequestAborted);
    }
}
