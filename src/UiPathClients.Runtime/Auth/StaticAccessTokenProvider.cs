using System;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Auth;

/// <summary>
/// A token that does not change: an Orchestrator personal access token or a Communications Mining
/// developer API token. Nothing can refresh it, so a rejected token surfaces as the service's 401.
/// </summary>
public sealed class StaticAccessTokenProvider : IAccessTokenProvider
{
    /// <summary>The variable Communications Mining tools read the developer API token from.</summary>
    public const string CommunicationsMiningTokenVariable = "REINFER_TOKEN";

    private readonly Task<AccessToken> _token;

    /// <summary>Creates the provider.</summary>
    /// <param name="token">The token value.</param>
    public StaticAccessTokenProvider(string token) =>
        _token = Task.FromResult(new AccessToken(token, DateTimeOffset.MaxValue));

    /// <summary>Reads the token from an environment variable, <c>REINFER_TOKEN</c> unless told otherwise.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static StaticAccessTokenProvider FromEnvironment(string variable = CommunicationsMiningTokenVariable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The environment variable '{variable}' is not set; it should hold the API token.")
            : new StaticAccessTokenProvider(value!);
    }

    /// <inheritdoc />
    public Task<AccessToken> GetTokenAsync(AccessToken? rejectedToken, CancellationToken cancellationToken) => _token;

    /// <inheritdoc />
    public override string ToString() => "StaticAccessTokenProvider(token hidden)";
}
