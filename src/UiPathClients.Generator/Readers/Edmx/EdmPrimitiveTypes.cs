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

    /// <summary>The enum underlying types from narrowest to widest, with the values each holds.</summary>
    private static readonly (string Type, long Minimum, long Maximum)[] EnumRanges =
    {
        ("Edm.Byte", byte.MinValue, byte.MaxValue),
        ("Edm.SByte", sbyte.MinValue, sbyte.MaxValue),
        ("Edm.Int16", short.MinValue, short.MaxValue),
        ("Edm.Int32", int.MinValue, int.MaxValue),
        ("Edm.Int64", long.MinValue, long.MaxValue),
    };

    /// <summary>Whether <paramref name="value"/> fits the enum underlying type <paramref name="type"/>.</summary>
    public static bool FitsEnumUnderlyingType(string type, long value)
    {
        foreach (var (name, minimum, maximum) in EnumRanges)
        {
            if (name == type)
            {
                return value >= minimum && value <= maximum;
            }
        }

        return false;
    }

    /// <summary>The narrowest signed underlying type (Int16 or wider) that holds every value in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static string WidenEnumUnderlyingType(long minimum, long maximum) =>
        minimum >= short.MinValue && maximum <= short.MaxValue ? "Edm.Int16"
        : minimum >= int.MinValue && maximum <= int.MaxValue ? "Edm.Int32"
        : "Edm.Int64";

    public static bool IsPrimitive(string qualifiedName) =>
        qualifiedName.StartsWith(Namespace + ".", System.StringComparison.Ordinal)
        && Names.Contains(qualifiedName.Substring(Namespace.Length + 1));
}
