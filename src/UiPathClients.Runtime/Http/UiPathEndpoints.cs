using System;
using System.Text.RegularExpressions;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// Base URLs of UiPath services, built and checked in one place so that a missing organization,
/// a stray slash or plain http is caught before the first request rather than as a 404 or a leaked token.
/// </summary>
public static class UiPathEndpoints
{
    /// <summary>Automation Cloud.</summary>
    public static readonly Uri AutomationCloud = new("https://cloud.uipath.com/");

    /// <summary>Automation Cloud Public Sector.</summary>
    public static readonly Uri PublicSector = new("https://govcloud.uipath.us/");

    private static readonly Regex PathSegment = new("^[A-Za-z0-9][A-Za-z0-9._~-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex DnsLabel = new("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Orchestrator in Automation Cloud: <c>https://cloud.uipath.com/{organization}/{tenant}/orchestrator_/</c>.</summary>
    public static Uri CloudOrchestrator(string organization, string tenant) => Service(AutomationCloud, organization, tenant, "orchestrator_/");

    /// <summary>Orchestrator in Automation Cloud Public Sector: <c>https://govcloud.uipath.us/{organization}/{tenant}/orchestrator_/</c>.</summary>
    public static Uri PublicSectorOrchestrator(string organization, string tenant) => Service(PublicSector, organization, tenant, "orchestrator_/");

    /// <summary>Communications Mining in Automation Cloud: <c>https://cloud.uipath.com/{organization}/{tenant}/reinfer_/api/</c>.</summary>
    public static Uri CloudCommunicationsMining(string organization, string tenant) => Service(AutomationCloud, organization, tenant, "reinfer_/api/");

    /// <summary>Orchestrator in Automation Suite: <c>{host}/{organization}/{tenant}/orchestrator_/</c>.</summary>
    /// <param name="host">The Automation Suite host, e.g. <c>https://automationsuite.example.com/</c>.</param>
    /// <param name="organization">The organization.</param>
    /// <param name="tenant">The tenant.</param>
    public static Uri AutomationSuiteOrchestrator(Uri host, string organization, string tenant) => Service(RequireSecureHost(host, nameof(host)), organization, tenant, "orchestrator_/");

    /// <summary>A standalone on-premises Orchestrator at <paramref name="baseUri"/> (its site root, e.g. <c>https://orchestrator.example.com/</c>).</summary>
    public static Uri OnPremisesOrchestrator(Uri baseUri) => RequireSecureHost(baseUri, nameof(baseUri));

    /// <summary>A Communications Mining tenant onboarded directly: <c>https://{domain}.reinfer.io/api/</c>.</summary>
    /// <param name="domain">The tenant's subdomain, e.g. <c>acme</c> for <c>acme.reinfer.io</c>.</param>
    public static Uri CommunicationsMiningTenant(string domain)
    {
        if (string.IsNullOrWhiteSpace(domain) || !DnsLabel.IsMatch(domain))
        {
            throw new ArgumentException($"'{domain}' is not a Communications Mining tenant domain: give the subdomain only, e.g. 'acme' for https://acme.reinfer.io/api/.", nameof(domain));
        }

        return new Uri($"https://{domain.ToLowerInvariant()}.reinfer.io/api/");
    }

    private static Uri Service(Uri host, string organization, string tenant, string service)
    {
        Segment(organization, nameof(organization), "organization");
        Segment(tenant, nameof(tenant), "tenant");
        return new Uri(host, Uri.EscapeDataString(organization) + "/" + Uri.EscapeDataString(tenant) + "/" + service);
    }

    private static void Segment(string value, string parameter, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} is missing: it is the {what} name as it appears in your UiPath URL (https://cloud.uipath.com/{{organization}}/{{tenant}}/).", parameter);
        }

        if (!PathSegment.IsMatch(value))
        {
            throw new ArgumentException($"'{value}' is not a valid {what} name: use the name as it appears in the URL, without slashes or spaces.", parameter);
        }
    }

    private static Uri RequireSecureHost(Uri host, string parameter)
    {
        if (host is null || !host.IsAbsoluteUri)
        {
            throw new ArgumentException("The host must be an absolute URL such as https://orchestrator.example.com/.", parameter);
        }

        EndpointSecurity.RequireSecure(host, "credentials");
        var absolute = host.AbsoluteUri;
        return absolute[absolute.Length - 1] == '/' ? host : new Uri(absolute + "/");
    }
}
