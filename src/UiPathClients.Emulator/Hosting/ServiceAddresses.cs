using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace UiPathClients.Emulator.Hosting;

/// <summary>The part of the emulator a request is for; each is a self-contained branch of the pipeline.</summary>
internal enum ServiceSlice
{
    /// <summary>Orchestrator: <c>odata/…</c> and <c>api/…</c>.</summary>
    Orchestrator,

    /// <summary>Communications Mining: <c>v1/…</c> below one of its API roots.</summary>
    CommunicationsMining,

    /// <summary>The identity service (<c>connect/token</c>, the legacy <c>oauth/token</c>) and on-premises <c>api/Account/Authenticate</c>.</summary>
    Identity,
}

/// <summary>
/// Maps every address form a client written for the real services uses onto the slice that serves it, and moves
/// the form's prefix into <see cref="HttpRequest.PathBase"/> so that each slice routes on the same paths whichever
/// form was used (and links it writes, such as <c>@odata.context</c>, keep the caller's form):
/// <list type="table">
/// <item><term><c>/{organization}/{tenant}/orchestrator_/…</c>, <c>/orchestrator_/…</c>, <c>/…</c></term><description>Orchestrator (Automation Cloud, Automation Suite, the emulator's short form and on-premises).</description></item>
/// <item><term><c>/{organization}/{tenant}/reinfer_/api/…</c>, <c>/reinfer_/api/…</c>, <c>/api/v1/…</c> (and <c>/api/_private/…</c>)</term><description>Communications Mining (in Automation Cloud, and a tenant onboarded directly).</description></item>
/// <item><term><c>/{organization}/identity_/…</c>, <c>/identity_/…</c>, <c>/oauth/token</c>, Orchestrator's <c>api/Account/Authenticate</c></term><description>Identity.</description></item>
/// </list>
/// A cloud-form request naming an organization or tenant other than the configured ones answers 404.
/// </summary>
internal sealed class ServiceAddressMiddleware
{
    private readonly RequestDelegate _next;
    private readonly OrchestratorEmulatorOptions _options;

    public ServiceAddressMiddleware(RequestDelegate next, EmulatorState state)
    {
        _next = next;
        _options = state.Options;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var address = ServiceAddress.Of(context.Request.Path);
        context.Features.Set(address);
        if (!IsConfigured(address.Organization, _options.Organization) || !IsConfigured(address.Tenant, _options.Tenant))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Request.PathBase = context.Request.PathBase.Add(address.Prefix);
        context.Request.Path = address.Path;
        return _next(context);
    }

    private static bool IsConfigured(string? named, string? configured) =>
        named is null || configured is null || string.Equals(named, configured, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Which slice a request path is for, the prefix that selected it and the path the slice routes on.</summary>
/// <param name="Slice">The slice.</param>
/// <param name="Prefix">The address form's prefix (empty for the short forms' root).</param>
/// <param name="Path">The rest of the path: what the slice routes on.</param>
/// <param name="Organization">The organization the cloud form names; null for the other forms.</param>
/// <param name="Tenant">The tenant the cloud form names; null for the other forms.</param>
internal sealed record ServiceAddress(ServiceSlice Slice, PathString Prefix, PathString Path, string? Organization, string? Tenant)
{
    private const string OrchestratorMarker = "orchestrator_";
    private const string CommunicationsMiningMarker = "reinfer_";
    private const string IdentityMarker = "identity_";

    /// <summary>The slice of a request: the one <see cref="ServiceAddressMiddleware"/> chose, or read from the path when it has not run yet.</summary>
    public static ServiceSlice SliceOf(HttpContext context) =>
        (context.Features.Get<ServiceAddress>() ?? Of(context.Request.Path)).Slice;

    public static ServiceAddress Of(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', 6, StringSplitOptions.None);

        // segments[0] is the empty string before the leading '/'.
        string Segment(int index) => index < segments.Length ? segments[index] : string.Empty;
        bool Is(int index, string marker) => string.Equals(Segment(index), marker, StringComparison.OrdinalIgnoreCase);

        if (Is(1, IdentityMarker))
        {
            return Split(ServiceSlice.Identity, path, 1, null, null);
        }

        if (Is(2, IdentityMarker))
        {
            return Split(ServiceSlice.Identity, path, 2, Segment(1), null);
        }

        if (Is(3, OrchestratorMarker) && Segment(1).Length > 0 && Segment(2).Length > 0)
        {
            return Orchestrator(Split(ServiceSlice.Orchestrator, path, 3, Segment(1), Segment(2)));
        }

        if (Is(3, CommunicationsMiningMarker) && Is(4, "api") && Segment(1).Length > 0 && Segment(2).Length > 0)
        {
            return Split(ServiceSlice.CommunicationsMining, path, 4, Segment(1), Segment(2));
        }

        if (Is(1, OrchestratorMarker))
        {
            return Orchestrator(Split(ServiceSlice.Orchestrator, path, 1, null, null));
        }

        if (Is(1, CommunicationsMiningMarker) && Is(2, "api"))
        {
            return Split(ServiceSlice.CommunicationsMining, path, 2, null, null);
        }

        if (Is(1, "api") && (Is(2, "v1") || Is(2, "_private")))
        {
            return Split(ServiceSlice.CommunicationsMining, path, 1, null, null);
        }

        if (Is(1, "oauth") && Is(2, "token"))
        {
            return new ServiceAddress(ServiceSlice.Identity, PathString.Empty, path, null, null);
        }

        return Orchestrator(new ServiceAddress(ServiceSlice.Orchestrator, PathString.Empty, path, null, null));
    }

    /// <summary>On-premises login lives on Orchestrator's host but belongs to the identity slice.</summary>
    private static ServiceAddress Orchestrator(ServiceAddress address) =>
        address.Path.Equals("/api/Account/Authenticate", StringComparison.OrdinalIgnoreCase)
            ? address with { Slice = ServiceSlice.Identity }
            : address;

    /// <summary>The address whose prefix is the path's first <paramref name="prefixSegments"/> segments.</summary>
    private static ServiceAddress Split(ServiceSlice slice, PathString path, int prefixSegments, string? organization, string? tenant)
    {
        var value = path.Value!;
        var end = 0;
        for (var segment = 0; segment < prefixSegments; segment++)
        {
            var next = value.IndexOf('/', end + 1);
            end = next < 0 ? value.Length : next;
        }

        return new ServiceAddress(slice, new PathString(value[..end]), new PathString(value[end..]), organization, tenant);
    }
}
