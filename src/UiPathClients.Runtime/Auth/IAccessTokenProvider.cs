using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Auth;

/// <summary>Supplies bearer tokens to the HTTP pipeline.</summary>
public interface IAccessTokenProvider
{
    /// <summary>Gets a token that is valid now.</summary>
    /// <param name="rejectedToken">
    /// The token the service just refused with HTTP 401, if any. Providers that can fetch a new token
    /// must not return this one again; if another caller already replaced it, they return the replacement
    /// without a new request, so a burst of 401s causes one renewal, not one per call.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait; a shared token request others wait on keeps running.</param>
    Task<AccessToken> GetTokenAsync(AccessToken? rejectedToken, CancellationToken cancellationToken);
}
