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

    private static readonly Uri ServiceRoot = new("http://localhost/odata/");

    /// <summary>
    /// Parses the query options of <paramref name="relativeUri"/> (as the client sends it, e.g.
    /// <c>Jobs?$filter=…</c>) and throws <see cref="Microsoft.OData.ODataException"/> on any error.
    /// Enum members may be written plainly (<c>'Faulted'</c>), as Orchestrator and our bundled client do.
    /// </summary>
    public static void Parse(string relativeUri)
    {
        var parser = new ODataUriParser(Model.Value, ServiceRoot, new Uri(relativeUri, UriKind.Relative))
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
    }
}
