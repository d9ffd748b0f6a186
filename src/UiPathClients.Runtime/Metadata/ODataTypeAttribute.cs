using System;

namespace UiPathClients.Runtime.Metadata;

/// <summary>
/// Links a generated type to the type it was generated from in the service metadata, so that
/// the runtime can write <c>@odata.type</c>, type casts and <c>isof</c> with the service's own name.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Enum, Inherited = false, AllowMultiple = false)]
public sealed class ODataTypeAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="qualifiedName">The namespace-qualified name in the metadata, e.g. <c>UiPath.Server.Configuration.OData.JobDto</c>.</param>
    /// <param name="kind">Whether the type is an entity, complex or enumeration type.</param>
    public ODataTypeAttribute(string qualifiedName, ODataTypeKind kind)
    {
        QualifiedName = qualifiedName ?? throw new ArgumentNullException(nameof(qualifiedName));
        Kind = kind;
    }

    /// <summary>The namespace-qualified name of the type in the service metadata.</summary>
    public string QualifiedName { get; }

    /// <summary>The kind of the type in the service metadata.</summary>
    public ODataTypeKind Kind { get; }
}
