using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using UiPathClients.Emulator.Orchestrator.Errors;

namespace UiPathClients.Emulator.Orchestrator.Routing;

/// <summary>
/// Makes the emulator serve exactly the routes the bundled description has. Runs after endpoint routing:
/// a request on an entity set or entity whose method the set's Capabilities annotations do not allow answers
/// 405 (even where a controller could serve it: the service does not have the route), and a described route the
/// emulator has no implementation for (an operation, or a set only an on-premises version has, such as 2020.10's
/// <c>Environments</c>) answers 501 naming it (the route exists; only its behaviour is missing).
/// Paths the description does not have at all fall through to routing, which answers 404.
/// </summary>
internal sealed class DescribedRoutesMiddleware
{
    private const string RoutePrefix = "/odata/";

    private readonly RequestDelegate _next;
    private readonly IEdmModel _model;
    private readonly ConcurrentDictionary<IEdmEntitySet, SetCapabilities> _capabilities = new();

    public DescribedRoutesMiddleware(RequestDelegate next, IEdmModel model)
    {
        _next = next;
        _model = model;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var route = Classify(context.Request, out var described);
        if (!described)
        {
            // Not a path of the description, whatever a routing convention could make of it (key-as-segment
            // templates would otherwise turn "QueueItems/Ns.NoSuchAction" into a 405 for "QueueItems/{key}").
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (route is null)
        {
            return _next(context);
        }

        var method = context.Request.Method.ToUpperInvariant();
        if (!route.Methods.Contains(method, StringComparer.Ordinal))
        {
            context.Response.Headers.Allow = string.Join(", ", route.Methods);
            return new OrchestratorError(
                StatusCodes.Status405MethodNotAllowed,
                OrchestratorError.InvalidRequest,
                route.Methods.Count == 0
                    ? $"The service has no {method} on {route.Description}; {route.Description} has no method at all."
                    : $"The service has no {method} on {route.Description}; it allows {string.Join(", ", route.Methods)}.").WriteAsync(context);
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
        {
            return new OrchestratorError(
                StatusCodes.Status501NotImplemented,
                OrchestratorError.NotImplemented,
                route.Operation is { } operation
                    ? $"The emulator does not implement {operation} (on {route.Description})."
                    : $"The emulator does not implement {method} {route.Description}.").WriteAsync(context);
        }

        return _next(context);
    }

    /// <summary>
    /// The set, entity or operation route a request addresses; null for other requests. <paramref name="described"/> is
    /// false when the path is under <c>odata/</c> but does not parse against the description at all.
    /// </summary>
    private DescribedRoute? Classify(HttpRequest request, out bool described)
    {
        described = true;
        var path = request.Path.ToUriComponent();
        if (!path.StartsWith(RoutePrefix, StringComparison.OrdinalIgnoreCase) || path.Length == RoutePrefix.Length)
        {
            return null;
        }

        var odataPath = Parse(path[RoutePrefix.Length..]) ?? ParseActionWithSegmentParameters(path[RoutePrefix.Length..]);
        if (odataPath is null)
        {
            described = false;
            return null;
        }

        var segments = odataPath.ToList();
        if (segments.Count == 0)
        {
            return null;
        }

        if (segments[0] is OperationImportSegment import && segments.Count == 1)
        {
            var operationImport = import.OperationImports.First();
            return Operation(operationImport.Operation, operationImport.Name);
        }

        if (segments[0] is not EntitySetSegment setSegment)
        {
            return null;
        }

        var set = setSegment.EntitySet;
        var capabilities = _capabilities.GetOrAdd(set, entitySet => SetCapabilities.Of(_model, entitySet));
        return segments.Skip(1).ToList() switch
        {
            [] => new DescribedRoute(set.Name, capabilities.CollectionMethods(count: false), null),
            [CountSegment] => new DescribedRoute(set.Name + "/$count", capabilities.CollectionMethods(count: true), null),
            [KeySegment] => new DescribedRoute(set.Name + "(key)", capabilities.EntityMethods(), null),
            [OperationSegment bound] => Operation(bound.Operations.First(), set.Name + "/" + bound.Operations.First().FullName()),
            [KeySegment, OperationSegment bound] => Operation(bound.Operations.First(), set.Name + "(key)/" + bound.Operations.First().FullName()),
            _ => null,
        };
    }

    private ODataPath? Parse(string relativePath)
    {
        try
        {
            // Case-insensitive like ASP.NET Core OData's own routing, so both agree on which paths exist.
            var parser = new ODataUriParser(_model, new Uri(relativePath, UriKind.Relative)) { Resolver = new ODataUriResolver { EnableCaseInsensitive = true } };
            return parser.ParsePath();
        }
        catch (ODataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Orchestrator reads a few action parameters from the path (<c>Releases/…UpdateToLatestPackageVersionByKey(identifier=…)</c>,
    /// marked <c>UiPathClients.V1.ParameterLocation</c> <c>Segment</c> in the EDMX), which OData's parser refuses for actions:
    /// the path is described when, without the parentheses, it ends in an action that has every parameter they name.
    /// </summary>
    private ODataPath? ParseActionWithSegmentParameters(string relativePath)
    {
        var open = relativePath.LastIndexOf('(');
        if (open < 0 || !relativePath.EndsWith(')') || relativePath.IndexOf('/', open) >= 0)
        {
            return null;
        }

        var withoutArguments = Parse(relativePath[..open]);
        if (withoutArguments?.LastSegment is not OperationSegment { Operations: var operations } || operations.First() is not IEdmAction action)
        {
            return null;
        }

        var names = Uri.UnescapeDataString(relativePath[(open + 1)..^1]).Split(',').Select(argument => argument.Split('=')[0].Trim());
        return names.All(name => action.FindParameter(name) is not null) ? withoutArguments : null;
    }

    private static DescribedRoute Operation(IEdmOperation operation, string description) =>
        new(description, [operation.IsAction() ? "POST" : "GET"], operation.FullName());

    /// <summary>A route of the description: the methods it has, and the operation it invokes if any.</summary>
    private sealed record DescribedRoute(string Description, IReadOnlyList<string> Methods, string? Operation);
}
