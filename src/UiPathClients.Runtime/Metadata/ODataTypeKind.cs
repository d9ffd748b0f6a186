namespace UiPathClients.Runtime.Metadata;

/// <summary>The kind of a structured or enumeration type declared in an OData service's metadata.</summary>
public enum ODataTypeKind
{
    /// <summary>An <c>EntityType</c>: addressable by key, may carry navigation properties.</summary>
    Entity,

    /// <summary>A <c>ComplexType</c>: a structured value without identity.</summary>
    Complex,

    /// <summary>An <c>EnumType</c>.</summary>
    Enum,
}
