using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.UriParser;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.TestSupport;

/// <summary>
/// Microsoft.OData.Core as the judge of what we emit: every <c>$filter</c>, <c>$orderby</c>,
/// <c>$select</c> and <c>$expand</c> must parse against the bundled Orchestrator EDM, read with
/// <see cref="CsdlReader"/> from the same file the generator read.
/// </summary>
public static class EdmOracle
{
    private static readonly Lazy<IEdmModel> Model = new(() =>
    {
        using var reader = XmlReader.Create(TestPaths.BundledOrchestratorSpec);
        return CsdlReader.TryParse(reader, out var model, out IEnumerable<Microsoft.OData.Edm.Validation.EdmError> errors)
            ? model
            : throw new InvalidOperationException(string.Join("; ", errors.Select(error => error.ErrorMessage)));
    });

    /// <summary>
    /// Parses the path and query options of <paramref name="requestUri"/> (as <c>ToUri()</c> shows it, e.g.
    /// <c>odata/Jobs?$filter=…</c>) and throws <see cref="Microsoft.OData.ODataException"/>
    /// on any error. Enum members may be written plainly (<c>'Faulted'</c>), as Orchestrator and our bundled client do.
    /// </summary>
    public static void Parse(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        // ToUri() is relative to the HttpClient's base address (odata/Jobs?…); any root will do for parsing.
        var text = (requestUri.IsAbsoluteUri ? requestUri : new Uri(new Uri("http://localhost/"), requestUri)).AbsoluteUri;
        var serviceRoot = new Uri(text[..(text.IndexOf("/odata/", StringComparison.Ordinal) + "/odata/".Length)]);
        var parser = new ODataUriParser(Model.Value, serviceRoot, new Uri(text))
        {
            Resolver = new StringAsEnumResolver { EnableCaseInsensitive = false },
        };
        parser.ParsePath();
        parser.ParseFilter();
        parser.ParseOrderBy();
        parser.ParseSelectAndExpand();
        parser.ParseTop();
        parser.ParseSkip();
        parser.ParseCount();
        parser.ParseSearch();
    }
}
