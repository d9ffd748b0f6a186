using System;
using System.Collections.Generic;

namespace UiPathClients.Runtime.Paging;

/// <summary>One page of an OData collection: its items, <c>@odata.count</c> if asked for, and <c>@odata.nextLink</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ODataPage<T>
{
    /// <summary>Creates a page.</summary>
    public ODataPage(IReadOnlyList<T> items, long? count, Uri? nextLink)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        Count = count;
        NextLink = nextLink;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The total number of matching items (<c>@odata.count</c>), when the request had <c>$count=true</c>.</summary>
    public long? Count { get; }

    /// <summary>Where the next page is (<c>@odata.nextLink</c>), absolute; <see langword="null"/> when the service gave none.</summary>
    public Uri? NextLink { get; }
}
