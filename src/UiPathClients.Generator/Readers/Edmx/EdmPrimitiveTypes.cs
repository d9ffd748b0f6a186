using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>The built-in types of the <c>Edm</c> namespace, as the EDMX reader sees them (rows of <see cref="PrimitiveTypes"/>).</summary>
internal static class EdmPrimitiveTypes
{
    /// <summary>The types an enumeration may have as its underlying type.</summary>
    public static readonly IReadOnlyCollection<string> EnumUnderlyingTypes = new HashSet<string>(
        PrimitiveTypes.All.Where(row => row.EnumRange is not null).Select(row => row.QualifiedName));

    /// <summary>Whether <paramref name="value"/> fits the enum underlying type <paramref name="type"/>.</summary>
    public static bool FitsEnumUnderlyingType(string type, long value) =>
        PrimitiveTypes.Find(type)?.EnumRange is var (minimum, maximum) && value >= minimum && value <= maximum;

    /// <summary>The narrowest signed underlying type (Int16 or wider) that holds every value in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static string WidenEnumUnderlyingType(long minimum, long maximum) =>
        minimum >= short.MinValue && maximum <= short.MaxValue ? "Edm.Int16"
        : minimum >= int.MinValue && maximum <= int.MaxValue ? "Edm.Int32"
        : "Edm.Int64";

    /// <summary>Whether an EDMX may name <paramref name="qualifiedName"/> as a built-in type (the OpenAPI formats are not).</summary>
    public static bool IsPrimitive(string qualifiedName) => PrimitiveTypes.Find(qualifiedName) is { IsOpenApiFormat: false };
}
