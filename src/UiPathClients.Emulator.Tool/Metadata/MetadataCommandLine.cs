using System;
using System.Collections.Generic;
using UiPathClients.Runtime.Auth;

namespace UiPathClients.Emulator.Tool.Metadata;

/// <summary>How <c>download-metadata</c> signs in.</summary>
internal enum MetadataAuthentication
{
    /// <summary>A personal access token (or any bearer token).</summary>
    AccessToken,

    /// <summary>An External Application's client id and secret.</summary>
    ClientCredentials,

    /// <summary>A refresh token and the client id it was issued to.</summary>
    RefreshToken,

    /// <summary>On-premises <c>api/Account/Authenticate</c> with tenancy, user and password.</summary>
    OnPremises,
}

/// <summary>
/// The <c>uipath-emulator download-metadata</c> command line. A record so that a sign-in's extra settings are added with
/// <c>with</c>; its text leaves the secrets out (<see cref="PrintMembers"/>).
/// </summary>
internal sealed record MetadataCommandLine
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "download-metadata";

    /// <summary>What <c>download-metadata --help</c> prints.</summary>
    public const string Usage = """
        Usage: uipath-emulator download-metadata <orchestrator-url> [options] <sign-in>

        Downloads a live Orchestrator's own $metadata (odata/$metadata below <orchestrator-url>, e.g.
        https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/), checks it is an EDMX document, writes it in a
        stable order (re-downloads diff cleanly) and prints the MSBuild line that generates a client from it.
        A URL ending in /$metadata is downloaded as is, from any OData service.

        Options:
          --out <file>             Where to write it (default: orchestrator.edmx).
          --client-name <name>     The client name in the printed line (default: Orchestrator).

        Sign-in (one of; a secret may come from the environment variable named instead of the command line):
          --token <token>                                   Personal access token   [UIPATH_TOKEN]
          --client-id <id> --client-secret <secret>         External Application    [UIPATH_CLIENT_SECRET]
              [--scope "OR.Administration OR.Default"] [--identity-url <url>]  (default: the URL's organization)
          --client-id <id> --refresh-token <token>          Refresh token           [UIPATH_REFRESH_TOKEN]
              [--token-url <url>]  (default: https://account.uipath.com/oauth/token)
          --tenancy <name> --user <name> --password <pw>    On-premises login       [UIPATH_PASSWORD]
          -h, --help                                        Show this help.
        """;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "--out", "--client-name", "--token", "--client-id", "--client-secret", "--scope", "--identity-url", "--refresh-token", "--token-url", "--tenancy", "--user", "--password",
    };

    private MetadataCommandLine()
    {
    }

    /// <summary>What was wrong with the arguments; <see langword="null"/> when they were fine.</summary>
    public string? Error { get; private init; }

    /// <summary>Whether <c>--help</c> was asked for.</summary>
    public bool ShowHelp { get; private init; }

    /// <summary>The service's base address as given (a trailing slash added).</summary>
    public Uri OrchestratorUri { get; private init; } = null!;

    /// <summary>What is downloaded: <c>{OrchestratorUri}odata/$metadata</c>, or the URL given when it ends in <c>/$metadata</c>.</summary>
    public Uri MetadataUri { get; private init; } = null!;

    /// <summary>The service root relative to the client's base address, for the printed line: <c>odata/</c> for Orchestrator.</summary>
    public string ServicePath { get; private init; } = "odata/";

    public string OutputPath { get; private init; } = "orchestrator.edmx";

    public string ClientName { get; private init; } = "Orchestrator";

    public MetadataAuthentication Authentication { get; private init; }

    public string? AccessToken { get; private init; }

    public ClientCredentialsOptions? ClientCredentials { get; private init; }

    public string? ClientId { get; private init; }

    public string? RefreshToken { get; private init; }

    public Uri? TokenEndpoint { get; private init; }

    public string? TenancyName { get; private init; }

    public string? UserName { get; private init; }

    public string? Password { get; private init; }

    /// <summary>Reads the arguments after <see cref="Name"/>; secrets missing from them are read from <paramref name="environment"/>.</summary>
    public static MetadataCommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? url = null;
        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg is "-h" or "--help")
            {
                return new MetadataCommandLine { ShowHelp = true };
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (url is not null)
                {
                    return Fail($"one URL only; '{arg}' is a second one.");
                }

                url = arg;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (!Known.Contains(name))
            {
                return Fail($"unknown option '{name}'.");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (index + 1 < args.Count)
            {
                value = args[++index];
            }
            else
            {
                return Fail($"{name} needs a value.");
            }

            if (!values.TryAdd(name, value))
            {
                return Fail($"{name} is given twice.");
            }
        }

        if (url is null)
        {
            return Fail("the Orchestrator URL is required, e.g. https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var given) || given.Scheme is not ("http" or "https"))
        {
            return Fail($"'{url}' is not an http(s) URL.");
        }

        var isMetadata = given.AbsolutePath.EndsWith("/$metadata", StringComparison.Ordinal);
        var orchestrator = isMetadata ? new Uri(given, ".") : new Uri(given.AbsoluteUri.EndsWith('/') ? given.AbsoluteUri : given.AbsoluteUri + "/");
        string? Value(string option, string? variable = null) =>
            values.TryGetValue(option, out var value) ? value : variable is null ? null : environment(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

        var clientId = Value("--client-id");
        var tenancy = Value("--tenancy");
        var refreshToken = clientId is null ? null : Value("--refresh-token");
        var secret = clientId is null ? null : Value("--client-secret");
        if (clientId is not null && refreshToken is null && secret is null)
        {
            // Neither on the command line: a secret in the environment, else a refresh token there.
            secret = environment("UIPATH_CLIENT_SECRET") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
            refreshToken = secret is null && environment("UIPATH_REFRESH_TOKEN") is { Length: > 0 } refresh ? refresh : null;
        }

        var token = values.TryGetValue("--token", out var explicitToken) ? explicitToken
            : clientId is null && tenancy is null ? Value("--token", "UIPATH_TOKEN")
            : null;
        var chosen = new List<MetadataAuthentication>();
        if (token is not null)
        {
            chosen.Add(MetadataAuthentication.AccessToken);
        }

        if (secret is not null)
        {
            chosen.Add(MetadataAuthentication.ClientCredentials);
        }

        if (refreshToken is not null)
        {
            chosen.Add(MetadataAuthentication.RefreshToken);
        }

        if (tenancy is not null)
        {
            chosen.Add(MetadataAuthentication.OnPremises);
        }

        if (chosen.Count != 1)
        {
            return Fail(chosen.Count == 0
                ? "a sign-in is required: --token, --client-id with --client-secret or --refresh-token, or --tenancy with --user and --password (see --help)."
                : "give one sign-in only, not " + string.Join(" and ", chosen) + ".");
        }

        var command = new MetadataCommandLine
        {
            OrchestratorUri = orchestrator,
            MetadataUri = isMetadata ? given : new Uri(orchestrator, "odata/$metadata"),
            ServicePath = isMetadata ? string.Empty : "odata/",
            OutputPath = Value("--out") ?? "orchestrator.edmx",
            ClientName = Value("--client-name") ?? "Orchestrator",
            Authentication = chosen[0],
            AccessToken = token,
            ClientId = clientId,
            RefreshToken = refreshToken,
            TenancyName = tenancy,
            UserName = Value("--user"),
            Password = tenancy is null ? null : Value("--password", "UIPATH_PASSWORD"),
        };

        switch (command.Authentication)
        {
            case MetadataAuthentication.ClientCredentials:
                if (!TryUri(Value("--identity-url"), out var identity, out var identityError))
                {
                    return Fail(identityError!);
                }

                var options = new ClientCredentialsOptions { IdentityBaseUri = identity ?? IdentityBaseOf(orchestrator), ClientId = clientId, ClientSecret = secret };
                foreach (var scope in (Value("--scope") ?? "OR.Administration.Read OR.Default").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    options.Scopes.Add(scope);
                }

                return command with { ClientCredentials = options };
            case MetadataAuthentication.RefreshToken:
                if (!TryUri(Value("--token-url"), out var tokenUrl, out var tokenUrlError))
                {
                    return Fail(tokenUrlError!);
                }

                return command with { TokenEndpoint = tokenUrl };
            case MetadataAuthentication.OnPremises:
                return command.UserName is null || command.Password is null
                    ? Fail("--tenancy needs --user and --password (or UIPATH_PASSWORD).")
                    : command;
            default:
                return command;
        }
    }

    /// <summary>
    /// Where an External Application gets its token when no <c>--identity-url</c> is given: the organization's identity
    /// service for a cloud URL (<c>https://host/{org}/{tenant}/orchestrator_/</c> → <c>https://host/{org}/</c>), else the host.
    /// </summary>
    public static Uri IdentityBaseOf(Uri orchestrator)
    {
        var segments = orchestrator.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var root = new Uri(orchestrator.GetLeftPart(UriPartial.Authority) + "/");
        return segments.Length >= 3 && string.Equals(segments[2], "orchestrator_", StringComparison.OrdinalIgnoreCase)
            ? new Uri(root, segments[0] + "/")
            : root;
    }

    /// <summary>What the record's <c>ToString()</c> shows: where from, where to and how it signs in, never a secret.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"MetadataUri = {MetadataUri}, OutputPath = {OutputPath}, ClientName = {ClientName}, Authentication = {Authentication}");
        return true;
    }

    private static bool TryUri(string? value, out Uri? uri, out string? error)
    {
        uri = null;
        error = null;
        if (value is null)
        {
            return true;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
        {
            uri = parsed;
            return true;
        }

        error = $"'{value}' is not an http(s) URL.";
        return false;
    }

    private static MetadataCommandLine Fail(string error) => new() { Error = error };
}
