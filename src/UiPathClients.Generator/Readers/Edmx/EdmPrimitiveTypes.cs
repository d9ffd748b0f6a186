using System.Collections.Generic;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>The built-in types of the <c>Edm</c> namespace.</summary>
internal static class EdmPrimitiveTypes
{
    public const string Namespace = "Edm";

    private static readonly HashSet<string> Names = new()
    {
        "Binary", "Boolean", "Byte", "Date", "DateTimeOffset", "Decimal", "Double", "Duration", "Guid",
        "Int16", "Int32", "Int64", "SByte", "Single", "Stream", "String", "TimeOfDay",
        "Geography", "GeographyPoint", "GeographyLineString", "GeographyPolygon", "GeographyMultiPoint",
        "GeographyMultiLineString", "GeographyMultiPolygon", "GeographyCollection",
        "Geometry", "GeometryPoint", "GeometryLineString", "GeometryPolygon", "GeometryMultiPoint",
        "GeometryMultiLineString", "GeometryMultiPolygon", "GeometryCollection",
        // Abstract types: allowed in operations and vocabularies, opaque to clients.
        "Untyped", "PrimitiveType", "ComplexType", "EntityType",
        "AnnotationPath", "PropertyPath", "NavigationPropertyPath", "AnyPropertyPath", "ModelElementPath",
    };

    /// <summary>The types an enumeration may have as its underlying type.</summary>
    public static readonly IReadOnlyCollection<string> EnumUnderlyingTypes = new HashSet<string>
    {
        "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64",
    };

    public static bool IsPrimitive(string qualifiedName) =>
        qualifiedName.StartsWith(Namespace + ".", System.StringComparison.Ordinal)
        && Names.Contains(qualifiedName.Substring(Namespace.Length + 1));
}
