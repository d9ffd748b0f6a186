using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace UiPathClients.Runtime.Http;

/// <summary>
/// The Orchestrator folder a call works in, sent as a header: by ID (<c>X-UIPATH-OrganizationUnitId</c>),
/// by path (<c>X-UIPATH-FolderPath</c>, or <c>X-UIPATH-FolderPath-Encoded</c> — Base64 of UTF-16LE — when
/// the path is not plain ASCII, which headers cannot carry) or by key (<c>X-UIPATH-FolderKey</c>).
/// </summary>
public sealed class FolderContext
{
    /// <summary>The folder-ID header.</summary>
    public const string OrganizationUnitIdHeader = "X-UIPATH-OrganizationUnitId";

    /// <summary>The folder-path header for ASCII paths.</summary>
    public const string FolderPathHeader = "X-UIPATH-FolderPath";

    /// <summary>The folder-path header for other paths: Base64 of the UTF-16LE bytes.</summary>
    public const string FolderPathEncodedHeader = "X-UIPATH-FolderPath-Encoded";

    /// <summary>The folder-key header.</summary>
    public const string FolderKeyHeader = "X-UIPATH-FolderKey";

    private FolderContext(string header, string value, string description)
    {
        Header = header;
        Value = value;
        Description = description;
    }

    /// <summary>The header this context is sent as.</summary>
    public string Header { get; }

    /// <summary>The header's value.</summary>
    public string Value { get; }

    private string Description { get; }

    /// <summary>A folder by its ID (organization unit ID).</summary>
    public static FolderContext ById(long organizationUnitId) =>
        organizationUnitId > 0
            ? new FolderContext(OrganizationUnitIdHeader, organizationUnitId.ToString(CultureInfo.InvariantCulture), "folder " + organizationUnitId.ToString(CultureInfo.InvariantCulture))
            : throw new ArgumentOutOfRangeException(nameof(organizationUnitId), organizationUnitId, "Folder IDs are positive.");

    /// <summary>A folder by its fully qualified path, e.g. <c>Finance/Invoices</c>.</summary>
    public static FolderContext ByPath(string fullyQualifiedName)
    {
        if (string.IsNullOrWhiteSpace(fullyQualifiedName))
        {
            throw new ArgumentException("The folder path is empty.", nameof(fullyQualifiedName));
        }

        return fullyQualifiedName.All(character => character is >= ' ' and <= '~')
            ? new FolderContext(FolderPathHeader, fullyQualifiedName, "folder '" + fullyQualifiedName + "'")
            : new FolderContext(FolderPathEncodedHeader, Convert.ToBase64String(Encoding.Unicode.GetBytes(fullyQualifiedName)), "folder '" + fullyQualifiedName + "'");
    }

    /// <summary>A folder by its key.</summary>
    public static FolderContext ByKey(Guid key) =>
        key != Guid.Empty
            ? new FolderContext(FolderKeyHeader, key.ToString("D", CultureInfo.InvariantCulture), "folder " + key.ToString("D", CultureInfo.InvariantCulture))
            : throw new ArgumentException("The folder key is empty.", nameof(key));

    /// <inheritdoc />
    public override string ToString() => Description;
}

/// <summary>
/// Pipeline step that sends Orchestrator's context headers: the folder (the client's default, or the one
/// set on a single request with <see cref="OrchestratorRequest.WithFolder"/>) and the tenant name. State
/// lives on each request, so concurrent calls in different folders never see each other's folder.
/// </summary>
public sealed class OrchestratorContextHandler : DelegatingHandler
{
    /// <summary>The tenant-name header.</summary>
    public const string TenantNameHeader = "X-UIPATH-TenantName";

    private readonly FolderContext? _defaultFolder;
    private readonly string? _tenantName;

    /// <summary>Creates the handler.</summary>
    /// <param name="defaultFolder">The folder for requests that name none.</param>
    /// <param name="tenantName">The tenant name to send, if the deployment needs it.</param>
    public OrchestratorContextHandler(FolderContext? defaultFolder = null, string? tenantName = null)
    {
        _defaultFolder = defaultFolder;
        _tenantName = string.IsNullOrWhiteSpace(tenantName) ? null : tenantName;
    }

    /// <inheritdoc />
    protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
    {
        var folder = request.GetFolder() ?? _defaultFolder;
        if (folder is not null)
        {
            foreach (var header in FolderHeaders)
            {
                request.Headers.Remove(header);
            }

            request.Headers.TryAddWithoutValidation(folder.Header, folder.Value);
        }

        if (_tenantName is not null && !request.Headers.Contains(TenantNameHeader))
        {
            request.Headers.TryAddWithoutValidation(TenantNameHeader, _tenantName);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static readonly string[] FolderHeaders =
    {
        FolderContext.OrganizationUnitIdHeader, FolderContext.FolderPathHeader, FolderContext.FolderPathEncodedHeader, FolderContext.FolderKeyHeader,
    };
}

/// <summary>Per-request Orchestrator context.</summary>
public static class OrchestratorRequest
{
    private const string FolderKey = "UiPathClients.Folder";

    /// <summary>Runs this request in <paramref name="folder"/>, whatever the client's default.</summary>
    public static HttpRequestMessage WithFolder(this HttpRequestMessage request, FolderContext folder)
    {
        if (request is null || folder is null)
        {
            throw new ArgumentNullException(request is null ? nameof(request) : nameof(folder));
        }

        RequestOptions.Set(request, FolderKey, folder);
        return request;
    }

    /// <summary>The folder set on this request, if any.</summary>
    public static FolderContext? GetFolder(this HttpRequestMessage request) =>
        RequestOptions.TryGet<FolderContext>(request, FolderKey, out var folder) ? folder : null;
}
