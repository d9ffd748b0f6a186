using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Runtime.Rest;

/// <summary>
/// Enumerates a list endpoint that pages with a continuation token: each answer carries a page of items and,
/// unless it was the last, the token that asks for the next page. Pages are requested lazily, one at a time.
/// </summary>
public static class ContinuationPaging
{
    /// <summary>Yields every item of every page, starting at <paramref name="firstToken"/> (null for the beginning).</summary>
    /// <typeparam name="TPage">The answer of one page.</typeparam>
    /// <typeparam name="TItem">An item.</typeparam>
    /// <param name="firstToken">Where to start; null for the first page.</param>
    /// <param name="fetchPage">Requests the page after a token (null: the first page).</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextToken">The token for the next page; null or empty on the last page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="InvalidOperationException">The service returned the token it was given, which would loop forever.</exception>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        string? firstToken,
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (fetchPage is null)
        {
            throw new ArgumentNullException(nameof(fetchPage));
        }

        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (nextToken is null)
        {
            throw new ArgumentNullException(nameof(nextToken));
        }

        var token = firstToken;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? Array.Empty<TItem>())
            {
                yield return item;
            }

            var next = nextToken(page);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (string.Equals(next, token, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The service answered the continuation token '{next}' with the same token; stopping instead of requesting the same page forever.");
            }

            token = next;
        }
    }
}
