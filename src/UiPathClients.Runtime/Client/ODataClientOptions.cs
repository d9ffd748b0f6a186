using System;
using UiPathClients.Runtime.Paging;

namespace UiPathClients.Runtime.Client;

/// <summary>Settings of a generated OData client.</summary>
public sealed class ODataClientOptions
{
    /// <summary>
    /// The OData service root relative to the <see cref="System.Net.Http.HttpClient.BaseAddress"/>, ending in '/'
    /// (Orchestrator: <c>odata/</c> under <c>https://cloud.uipath.com/{org}/{tenant}/orchestrator_/</c>);
    /// <see langword="null"/> uses the default the spec was generated with.
    /// </summary>
    public string? ServicePath { get; set; }

    /// <summary>Items per request when enumerating a collection (<c>$top</c> of each page). Orchestrator accepts at most 1000.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>
    /// The most pages one enumeration requests before it stops with <see cref="Errors.ODataResponseException"/> (100,000
    /// by default: 100 million items at Orchestrator's 1,000 a page). Next links are the service's to choose; a service
    /// or proxy that hands out new ones forever would otherwise keep an enumeration, and the links it remembers to
    /// detect circles, growing without end. Raise it for larger reads, or narrow the query.
    /// </summary>
    public int MaxPages { get; set; } = ODataCollectionReader.DefaultMaxPages;

    /// <summary>
    /// Orchestrator's tenant name, sent as <c>X-UIPATH-TenantName</c> on every request, for deployments that need it
    /// (the same as <c>OrchestratorClientOptions.TenantName</c> with dependency injection); <see langword="null"/> sends none.
    /// </summary>
    public string? TenantName { get; set; }

    internal void Validate()
    {
        if (PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "A page holds at least one item.");
        }

        if (MaxPages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPages), MaxPages, "An enumeration reads at least one page.");
        }

        if (ServicePath is { Length: > 0 } path && (path[path.Length - 1] != '/' || path[0] == '/'))
        {
            throw new ArgumentException($"ServicePath '{path}' must be relative and end with '/'.", nameof(ServicePath));
        }
    }
}
