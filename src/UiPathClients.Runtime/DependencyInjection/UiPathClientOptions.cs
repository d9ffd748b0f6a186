using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;
using UiPathClients.Runtime.Auth;
using UiPathClients.Runtime.Http;

namespace UiPathClients.Runtime.DependencyInjection;

/// <summary>
/// Where a UiPath service is and how to authenticate, for <see cref="UiPathServiceCollectionExtensions"/>.
/// Give either <see cref="BaseUri"/> or <see cref="Organization"/> and <see cref="Tenant"/>; and either a
/// static token or client credentials.
/// </summary>
public abstract class UiPathClientOptions
{
    private static readonly char[] ScopeSeparator = { ' ' };

    /// <summary>The service's base URL; when unset it is built from <see cref="Organization"/> and <see cref="Tenant"/>.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>The Automation Cloud organization, as in <c>https://cloud.uipath.com/{organization}/…</c>.</summary>
    public string? Organization { get; set; }

    /// <summary>The tenant, as in <c>https://cloud.uipath.com/{organization}/{tenant}/…</c>.</summary>
    public string? Tenant { get; set; }

    /// <summary>A static bearer token (personal access token or API token). Treat as a secret.</summary>
    public string? AccessToken { get; set; }

    /// <summary>External Application credentials; used when <see cref="ClientCredentialsOptions.ClientId"/> is set.</summary>
    public ClientCredentialsOptions ClientCredentials { get; } = new();

    /// <summary>Describes the options without secrets.</summary>
    public override string ToString() =>
        $"{GetType().Name}(BaseUri={BaseUri}, Organization={Organization}, Tenant={Tenant}, AccessToken={(AccessToken is null ? "none" : "***")}, {ClientCredentials})";

    /// <summary>The base URL for the cloud layout, e.g. Orchestrator's or Communications Mining's.</summary>
    private protected abstract Uri CloudBaseUri(string organization, string tenant);

    internal Uri ResolveBaseUri()
    {
        if (BaseUri is not null)
        {
            EndpointSecurity.RequireSecure(BaseUri, "credentials");
            var absolute = BaseUri.AbsoluteUri;
            return absolute[absolute.Length - 1] == '/' ? BaseUri : new Uri(absolute + "/");
        }

        if (Organization is null && Tenant is null)
        {
            throw new InvalidOperationException($"{GetType().Name}: set BaseUri, or Organization and Tenant.");
        }

        return CloudBaseUri(Organization ?? string.Empty, Tenant ?? string.Empty);
    }

    /// <summary>
    /// What is wrong with these options, one sentence per problem (empty when they are usable): where the service is,
    /// and exactly one credential. Checked at host start (<c>ValidateOnStart</c>) so a misconfigured app fails before its first call.
    /// </summary>
    internal virtual IEnumerable<string> Problems()
    {
        if (BaseUri is null && (string.IsNullOrWhiteSpace(Organization) || string.IsNullOrWhiteSpace(Tenant)))
        {
            yield return "Set BaseUri, or both Organization and Tenant.";
        }
        else if (BaseUri is not null && !EndpointSecurity.AllowsSecrets(BaseUri))
        {
            yield return $"BaseUri '{BaseUri}' must be an absolute https URL (plain http only for loopback addresses): credentials are sent to it.";
        }

        if (CredentialProblem() is { } credential)
        {
            yield return credential;
        }
    }

    /// <summary>Whether a credential comes from somewhere other than the options (Communications Mining's environment token).</summary>
    private protected virtual bool HasImplicitCredential => false;

    private string? CredentialProblem()
    {
        var hasToken = !string.IsNullOrWhiteSpace(AccessToken);
        var hasClient = !string.IsNullOrWhiteSpace(ClientCredentials.ClientId);
        if (hasToken && hasClient)
        {
            return "Set either AccessToken or ClientCredentials.ClientId, not both: which one authenticates would be a guess.";
        }

        if (!hasToken && !hasClient && !HasImplicitCredential)
        {
            return "No credential: set AccessToken (a personal access token or API token) or ClientCredentials.ClientId and ClientSecret (an External Application).";
        }

        return hasClient && string.IsNullOrWhiteSpace(ClientCredentials.ClientSecret)
            ? "ClientCredentials.ClientId is set without ClientCredentials.ClientSecret."
            : null;
    }

    internal IAccessTokenProvider CreateTokenProvider(Func<System.Net.Http.HttpClient> identityClient)
    {
        var hasToken = !string.IsNullOrWhiteSpace(AccessToken);
        var hasClient = !string.IsNullOrWhiteSpace(ClientCredentials.ClientId);
        if (hasToken == hasClient)
        {
            throw new InvalidOperationException($"{GetType().Name}: set exactly one of AccessToken or ClientCredentials.ClientId.");
        }

        if (hasToken)
        {
            return new StaticAccessTokenProvider(AccessToken!);
        }

        ClientCredentials.IdentityBaseUri ??= new Uri(ResolveBaseUri().GetLeftPart(UriPartial.Authority) + "/");
        return new ClientCredentialsTokenProvider(identityClient(), ClientCredentials);
    }

    /// <summary>
    /// Reads the settings from a configuration section without reflection (trim- and AOT-safe): keys
    /// <c>BaseUri</c>, <c>Organization</c>, <c>Tenant</c>, <c>AccessToken</c>, <c>ClientId</c>,
    /// <c>ClientSecret</c>, <c>Scopes</c> (space-separated or an array), <c>IdentityBaseUri</c>, plus those of the subclass.
    /// </summary>
    internal virtual void Bind(IConfiguration section)
    {
        BaseUri = Uri(section, "BaseUri") ?? BaseUri;
        Organization = section["Organization"] ?? Organization;
        Tenant = section["Tenant"] ?? Tenant;
        AccessToken = section["AccessToken"] ?? AccessToken;
        ClientCredentials.ClientId = section["ClientId"] ?? ClientCredentials.ClientId;
        ClientCredentials.ClientSecret = section["ClientSecret"] ?? ClientCredentials.ClientSecret;
        ClientCredentials.IdentityBaseUri = Uri(section, "IdentityBaseUri") ?? ClientCredentials.IdentityBaseUri;
        var scopes = section.GetSection("Scopes");
        var values = scopes.Value is { } text
            ? text.Split(ScopeSeparator, StringSplitOptions.RemoveEmptyEntries)
            : scopes.GetChildren().Select(child => child.Value).OfType<string>().ToArray();
        foreach (var scope in values.Where(scope => !ClientCredentials.Scopes.Contains(scope)))
        {
            ClientCredentials.Scopes.Add(scope);
        }
    }

    private protected static Uri? Uri(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } value
            ? System.Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"Configuration '{(section is IConfigurationSection named ? named.Path + ":" : string.Empty)}{key}' is not an absolute URL.")
            : null;

    private protected static long? Int64(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } value
            ? long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw new InvalidOperationException($"Configuration '{key}' is not a number.")
            : null;
}

/// <summary>Options of an Orchestrator client.</summary>
public sealed class OrchestratorClientOptions : UiPathClientOptions
{
    /// <summary>Whether <see cref="UiPathClientOptions.Organization"/> lives in Automation Cloud Public Sector.</summary>
    public bool PublicSector { get; set; }

    /// <summary>The default folder of every call, or <see langword="null"/> for none.</summary>
    public FolderContext? Folder { get; set; }

    /// <summary>The tenant name header, for deployments that need it.</summary>
    public string? TenantName { get; set; }

    private protected override Uri CloudBaseUri(string organization, string tenant) =>
        PublicSector ? UiPathEndpoints.PublicSectorOrchestrator(organization, tenant) : UiPathEndpoints.CloudOrchestrator(organization, tenant);

    /// <summary>Also reads <c>PublicSector</c>, <c>FolderId</c>, <c>FolderPath</c>, <c>FolderKey</c> and <c>TenantName</c>.</summary>
    internal override void Bind(IConfiguration section)
    {
        base.Bind(section);
        PublicSector = bool.TryParse(section["PublicSector"], out var publicSector) ? publicSector : PublicSector;
        TenantName = section["TenantName"] ?? TenantName;
        if (Int64(section, "FolderId") is { } folderId)
        {
            Folder = FolderContext.ById(folderId);
        }
        else if (section["FolderPath"] is { Length: > 0 } folderPath)
        {
            Folder = FolderContext.ByPath(folderPath);
        }
        else if (section["FolderKey"] is { Length: > 0 } folderKey)
        {
            Folder = FolderContext.ByKey(Guid.Parse(folderKey));
        }
    }
}

/// <summary>Options of a Communications Mining client.</summary>
public sealed class CommunicationsMiningClientOptions : UiPathClientOptions
{
    /// <summary>For tenants onboarded directly: the subdomain of <c>https://{domain}.reinfer.io/api/</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>Reads the API token from <c>REINFER_TOKEN</c> when no other credential is set.</summary>
    public bool UseTokenFromEnvironment { get; set; }

    private protected override Uri CloudBaseUri(string organization, string tenant) => UiPathEndpoints.CloudCommunicationsMining(organization, tenant);

    private protected override bool HasImplicitCredential =>
        UseTokenFromEnvironment && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StaticAccessTokenProvider.CommunicationsMiningTokenVariable));

    /// <summary>A <see cref="Domain"/> stands for the base URL.</summary>
    internal override IEnumerable<string> Problems() =>
        Domain is { Length: > 0 } && BaseUri is null
            ? base.Problems().Where(problem => !problem.StartsWith("Set BaseUri", StringComparison.Ordinal))
            : base.Problems();

    internal Uri ResolveCommunicationsMiningBaseUri() =>
        Domain is { Length: > 0 } domain && BaseUri is null ? UiPathEndpoints.CommunicationsMiningTenant(domain) : ResolveBaseUri();

    internal IAccessTokenProvider CreateCommunicationsMiningTokenProvider(Func<System.Net.Http.HttpClient> identityClient) =>
        UseTokenFromEnvironment && string.IsNullOrWhiteSpace(AccessToken) && string.IsNullOrWhiteSpace(ClientCredentials.ClientId)
            ? StaticAccessTokenProvider.FromEnvironment()
            : CreateTokenProvider(identityClient);

    /// <summary>Also reads <c>Domain</c> and <c>UseTokenFromEnvironment</c>.</summary>
    internal override void Bind(IConfiguration section)
    {
        base.Bind(section);
        Domain = section["Domain"] ?? Domain;
        UseTokenFromEnvironment = bool.TryParse(section["UseTokenFromEnvironment"], out var fromEnvironment) ? fromEnvironment : UseTokenFromEnvironment;
    }
}
