using System;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Auth;

/// <summary>
/// Caches a fetched token and renews it before it expires. Concurrent callers share one request:
/// a hundred calls arriving with an expired token cause exactly one token request.
/// </summary>
/// <remarks>
/// A token is renewed once it is within the refresh window of its expiry: five minutes or a tenth of
/// its lifetime, whichever is smaller, so short-lived tokens are not renewed constantly. If renewal
/// fails while the cached token is still valid, the cached token is used and renewal is retried on
/// the next call.
/// </remarks>
public abstract class CachingAccessTokenProvider : IAccessTokenProvider
{
    private static readonly TimeSpan MaximumRefreshWindow = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private AccessToken? _cached;
    private DateTimeOffset _refreshAfter;
    private Task<AccessToken>? _pending;

    /// <summary>Creates the cache.</summary>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    protected CachingAccessTokenProvider(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>The clock tokens' lifetimes are measured with.</summary>
    protected TimeProvider Clock => _time;

    /// <summary>Fetches a new token from the identity service.</summary>
    protected abstract Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<AccessToken> GetTokenAsync(AccessToken? rejectedToken, CancellationToken cancellationToken)
    {
        Task<AccessToken> pending;
        AccessToken? stillValid = null;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var forceRefresh = rejectedToken is { } rejected && _cached == rejected;
            if (!forceRefresh && _cached is { } cached && now < _refreshAfter)
            {
                return cached;
            }

            if (!forceRefresh && _cached is { } current && now < current.ExpiresOn)
            {
                stillValid = current;
            }

            // One request for everyone: the first caller starts it, the others await the same task.
            // It runs without the first caller's token so that caller's cancellation cannot fail the rest.
            pending = _pending ??= FetchAndStoreAsync();
        }

        try
        {
            return await WaitAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (stillValid is { } fallback && !cancellationToken.IsCancellationRequested)
        {
            // Early renewal failed but the token has not expired yet: keep working with it.
            return fallback;
        }
    }

    /// <summary>Forgets the cached token, e.g. after the user signed out.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }

    private async Task<AccessToken> FetchAndStoreAsync()
    {
        try
        {
            var token = await RequestTokenAsync(CancellationToken.None).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var lifetime = token.ExpiresOn - now;
            var window = lifetime <= TimeSpan.Zero
                ? TimeSpan.Zero
                : TimeSpan.FromTicks(Math.Min(MaximumRefreshWindow.Ticks, lifetime.Ticks / 10));
            lock (_gate)
            {
                _cached = token;
                _refreshAfter = token.ExpiresOn == DateTimeOffset.MaxValue ? DateTimeOffset.MaxValue : token.ExpiresOn - window;
            }

            return token;
        }
        finally
        {
            lock (_gate)
            {
                _pending = null;
            }
        }
    }

    private static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
        {
            var winner = await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
            return await winner.ConfigureAwait(false);
        }
    }
}
