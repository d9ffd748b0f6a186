using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// Where the API lives: tenants in Automation Cloud reach it under <c>reinfer_/api</c>, tenants onboarded
/// directly under <c>api</c>. Every endpoint is served under both.
/// </summary>
internal static class CommunicationsMiningRoutes
{
    public static readonly string[] Roots = ["/reinfer_/api", "/api"];

    public static bool IsApiPath(PathString path) =>
        Roots.Any(root => path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase));

    public static IEndpointRouteBuilder MapCommunicationsMining(this IEndpointRouteBuilder routes)
    {
        foreach (var root in Roots)
        {
            var api = routes.MapGroup(root);
            ProjectEndpoints.Map(api);
            DatasetEndpoints.Map(api);
            SourceEndpoints.Map(api);
            CommentEndpoints.Map(api);
            StreamEndpoints.Map(api);
            TriggerEndpoints.Map(api);
            UnimplementedRoutes.Map(api);
        }

        return routes;
    }
}
