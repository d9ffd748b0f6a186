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
/// <remarks>
/// Tokens are the service's to choose, so two guards keep one enumeration finite: a token given before (the pages
/// go round in a circle) and more than <see cref="MaxPages"/> pages each end it with
/// <see cref="InvalidOperationException"/>. Tokens travel only as a value of the request the caller builds (a query
/// parameter or a body property), never as a URL, so they cannot send a request to another origin.
/// </remarks>
public static class ContinuationPaging
{
    /// <summary>
    /// The most pages one enumeration requests: 100,000, far beyond a real listing (Communications Mining pages hold
    /// up to thousands of items), while a service handing out new tokens forever is stopped, together with the set of
    /// tokens remembered to detect circles.
    /// </summary>
    public const int MaxPages = 100_000;

    /// <summary>Yields every item of every page, starting at <paramref name="firstToken"/> (null for the beginning).</summary>
    /// <typeparam name="TPage">The answer of one page.</typeparam>
    /// <typeparam name="TItem">An item.</typeparam>
    /// <param name="firstToken">Where to start; null for the first page.</param>
    /// <param name="fetchPage">Requests the page after a token (null: the first page).</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextToken">The token for the next page; null or empty on the last page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="InvalidOperationException">
    /// The service returned a token it gave before, which would loop forever, or more than <see cref="MaxPages"/> pages.
    /// </exception>
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (firstToken is not null)
        {
            seen.Add(firstToken);
        }

        for (var pages = 1; ; pages++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pages > MaxPages)
            {
                throw new InvalidOperationException($"The enumeration stopped before requesting page {pages}: at most {MaxPages} pages are read, and the service kept handing out new continuation tokens.");
            }

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

            if (!seen.Add(next!))
            {
                throw new InvalidOperationException(
                    string.Equals(next, token, StringComparison.Ordinal)
                        ? $"The service answered the continuation token '{next}' with the same token; stopping instead of requesting the same page forever."
                        : $"The service answered with the continuation token '{next}', which it gave before in this enumeration; stopping instead of requesting the same pages forever.");
            }

            token = next;
        }
    }
}
