using System.Xml.Linq;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>XML namespaces and well-known names of OData v4 CSDL (XML), version 4.0 and 4.01.</summary>
internal static class CsdlNames
{
    public static readonly XNamespace Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    public static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    /// <summary>The namespace of the Core vocabulary, whose terms carry documentation and permissions.</summary>
    public const string CoreVocabulary = "Org.OData.Core.V1";

    public const string DescriptionTerm = CoreVocabulary + ".Description";
    public const string LongDescriptionTerm = CoreVocabulary + ".LongDescription";
    public const string ComputedTerm = CoreVocabulary + ".Computed";
    public const string ImmutableTerm = CoreVocabulary + ".Immutable";
    public const string PermissionsTerm = CoreVocabulary + ".Permissions";
    public const string OptionalParameterTerm = CoreVocabulary + ".OptionalParameter";

    /// <summary>The generator's own term: where the request carries an operation parameter (<c>Query</c>, <c>Segment</c>).</summary>
    public const string ParameterLocationTerm = "UiPathClients.V1.ParameterLocation";

    /// <summary>The namespace of the Capabilities vocabulary, whose restrictions say which requests a set accepts.</summary>
    public const string CapabilitiesVocabulary = "Org.OData.Capabilities.V1";

    public const string ReadRestrictionsTerm = CapabilitiesVocabulary + ".ReadRestrictions";
    public const string IndexableByKeyTerm = CapabilitiesVocabulary + ".IndexableByKey";
    public const string InsertRestrictionsTerm = CapabilitiesVocabulary + ".InsertRestrictions";
    public const string UpdateRestrictionsTerm = CapabilitiesVocabulary + ".UpdateRestrictions";
    public const string DeleteRestrictionsTerm = CapabilitiesVocabulary + ".DeleteRestrictions";
    public const string NavigationRestrictionsTerm = CapabilitiesVocabulary + ".NavigationRestrictions";
}
