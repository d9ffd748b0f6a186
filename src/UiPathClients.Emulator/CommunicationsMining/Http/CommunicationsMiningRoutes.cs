using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace UiPathClients.Emulator.CommunicationsMining.Http;

/// <summary>
/// The Communications Mining endpoints, on the paths below the API root (<c>/v1/…</c>): the host's address mapping
/// (<see cref="Hosting.ServiceAddressMiddleware"/>) has already moved whichever root the client used — <c>reinfer_/api</c>
/// in Automation Cloud, <c>api</c> for tenants onboarded directly — into the path base.
/// </summary>
internal static class CommunicationsMiningRoutes
{
    public static IEndpointRouteBuilder MapCommunicationsMining(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/");
        ProjectEndpoints.Map(api);
        DatasetEndpoints.Map(api);
        SourceEndpoints.Map(api);
        CommentEndpoints.Map(api);
        StreamEndpoints.Map(api);
        TriggerEndpoints.Map(api);
        UnimplementedRoutes.Map(api);
        return routes;
    }
}
