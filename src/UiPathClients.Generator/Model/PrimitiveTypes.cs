using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Generator.Model;

/// <summary>
/// Every primitive type a spec can name (<c>Edm.*</c> and the <see cref="OpenApiPrimitives"/> formats), with everything
/// the readers and the emitter decide about it, in one row each. It lives in Model rather than Emit because the EDMX
/// reader needs the names and enum ranges too; the emit-side facts are plain strings and flags, so nothing here depends
/// on the emitter.
/// </summary>
internal static class PrimitiveTypes
{
    private const string Json = "global::System.Text.Json.JsonElement";
    private const string Formats = "global::UiPathClients.Runtime.Serialization.RestWireFormats.";

    /// <summary>The rows, in no particular order.</summary>
    public static IReadOnlyList<PrimitiveType> All { get; } = new PrimitiveType[]
    {
        new("Edm.String", "string", isValueType: false) { JsonKinds = JsonUnionKinds.Strings, UnionTrial = UnionTrialOrder.String, FilterOperand = FilterOperandKind.String, HasODataLiteral = true },
        new("Edm.Boolean", "bool") { JsonKinds = JsonUnionKinds.Booleans, FilterOperand = FilterOperandKind.Boolean, HasODataLiteral = true },
        Integer("Edm.Byte", "byte", byte.MinValue, byte.MaxValue),
        Integer("Edm.SByte", "sbyte", sbyte.MinValue, sbyte.MaxValue),
        Integer("Edm.Int16", "short", short.MinValue, short.MaxValue),
        Integer("Edm.Int32", "int", int.MinValue, int.MaxValue),
        Integer("Edm.Int64", "long", long.MinValue, long.MaxValue) with { ConstantSuffix = "L" },
        Fractional("Edm.Single", "float") with { ConstantSuffix = "f" },
        Fractional("Edm.Double", "double") with { ConstantSuffix = "d" },
        Fractional("Edm.Decimal", "decimal"),
        new("Edm.Guid", "global::System.Guid") { JsonKinds = JsonUnionKinds.Strings, FilterOperand = FilterOperandKind.Comparable, HasODataLiteral = true },
        new("Edm.Binary", "byte[]", isValueType: false) { JsonKinds = JsonUnionKinds.Strings, HasODataLiteral = true },
        new("Edm.DateTimeOffset", "global::System.DateTimeOffset") { JsonKinds = JsonUnionKinds.Strings, FilterOperand = FilterOperandKind.DateTimeOffset, HasODataLiteral = true },
        new("Edm.Duration", "global::System.TimeSpan") { JsonKinds = JsonUnionKinds.Strings, FilterOperand = FilterOperandKind.Comparable, HasODataLiteral = true },
        new("Edm.Date", "global::System.DateOnly")
        {
            ClrTypeWithoutDateOnly = "global::System.DateTime", ODataLiteralMethodWithoutDateOnly = "FormatDate",
            JsonKinds = JsonUnionKinds.Strings, FilterOperand = FilterOperandKind.Comparable, HasODataLiteral = true,
        },
        new("Edm.TimeOfDay", "global::System.TimeOnly")
        {
            ClrTypeWithoutDateOnly = "global::System.TimeSpan", ODataLiteralMethodWithoutDateOnly = "FormatTimeOfDay",
            JsonKinds = JsonUnionKinds.Strings, FilterOperand = FilterOperandKind.Comparable, HasODataLiteral = true,
        },

        // OpenAPI formats: no OData literal or filter operand, since only REST clients use them.
        Fractional(OpenApiPrimitives.ExactDecimal, "global::UiPathClients.Runtime.Rest.ExactDecimal") with
        {
            IsOpenApiFormat = true, FilterOperand = FilterOperandKind.None, HasODataLiteral = false, ConstantParsesText = true,
        },
        new(OpenApiPrimitives.DateTimeRfc1123, "global::System.DateTimeOffset") { IsOpenApiFormat = true, JsonKinds = JsonUnionKinds.Strings, WireConverter = Formats + "Rfc1123DateTime" },
        new(OpenApiPrimitives.UnixTime, "global::System.DateTimeOffset") { IsOpenApiFormat = true, JsonKinds = JsonUnionKinds.Numbers, WireConverter = Formats + "UnixTimeSeconds" },
        new(OpenApiPrimitives.Base64Url, "byte[]", isValueType: false) { IsOpenApiFormat = true, JsonKinds = JsonUnionKinds.Strings, WireConverter = Formats + "Base64Url" },

        // Streams (links and annotations), spatial values (GeoJSON), untyped values and the abstract types allowed in
        // operations and vocabularies stay opaque JSON.
        Opaque("Edm.Stream"), Opaque("Edm.Untyped"),
        Opaque("Edm.Geography"), Opaque("Edm.GeographyPoint"), Opaque("Edm.GeographyLineString"), Opaque("Edm.GeographyPolygon"),
        Opaque("Edm.GeographyMultiPoint"), Opaque("Edm.GeographyMultiLineString"), Opaque("Edm.GeographyMultiPolygon"), Opaque("Edm.GeographyCollection"),
        Opaque("Edm.Geometry"), Opaque("Edm.GeometryPoint"), Opaque("Edm.GeometryLineString"), Opaque("Edm.GeometryPolygon"),
        Opaque("Edm.GeometryMultiPoint"), Opaque("Edm.GeometryMultiLineString"), Opaque("Edm.GeometryMultiPolygon"), Opaque("Edm.GeometryCollection"),
        Opaque("Edm.PrimitiveType"), Opaque("Edm.ComplexType"), Opaque("Edm.EntityType"),
        Opaque("Edm.AnnotationPath"), Opaque("Edm.PropertyPath"), Opaque("Edm.NavigationPropertyPath"), Opaque("Edm.AnyPropertyPath"), Opaque("Edm.ModelElementPath"),
    };

    private static readonly Dictionary<string, PrimitiveType> ByName = All.ToDictionary(row => row.QualifiedName, StringComparer.Ordinal);

    /// <summary>The row of <paramref name="qualifiedName"/>, or <see langword="null"/> for a name that is not a primitive.</summary>
    public static PrimitiveType? Find(string qualifiedName) => ByName.TryGetValue(qualifiedName, out var row) ? row : null;

    private static PrimitiveType Integer(string name, string clrType, long minimum, long maximum) =>
        new(name, clrType) { JsonKinds = JsonUnionKinds.Numbers, FilterOperand = FilterOperandKind.Number, HasODataLiteral = true, EnumRange = (minimum, maximum) };

    private static PrimitiveType Fractional(string name, string clrType) =>
        new(name, clrType) { JsonKinds = JsonUnionKinds.Numbers, UnionTrial = UnionTrialOrder.Fractional, FilterOperand = FilterOperandKind.Number, HasODataLiteral = true };

    // JsonElement is a struct, so opaque values are value types (nullable as JsonElement?).
    private static PrimitiveType Opaque(string name) => new(name, Json) { JsonKinds = JsonUnionKinds.Any, UnionTrial = UnionTrialOrder.Opaque };
}

/// <summary>One primitive type and what the generator makes of it.</summary>
internal sealed record PrimitiveType
{
    /// <param name="qualifiedName">The spec name, e.g. <c>Edm.Int32</c>.</param>
    /// <param name="clrType">The C# type (a keyword or a fully qualified name) when the compilation has <c>DateOnly</c>.</param>
    /// <param name="isValueType">Whether <paramref name="clrType"/> is a struct (so <c>T?</c> is <c>Nullable&lt;T&gt;</c>).</param>
    public PrimitiveType(string qualifiedName, string clrType, bool isValueType = true)
    {
        QualifiedName = qualifiedName;
        ClrType = clrType;
        ClrTypeWithoutDateOnly = clrType;
        IsValueType = isValueType;
    }

    /// <summary>The spec name, e.g. <c>Edm.Int32</c>.</summary>
    public string QualifiedName { get; }

    /// <summary>The C# type when the consuming compilation has <c>DateOnly</c>/<c>TimeOnly</c>.</summary>
    public string ClrType { get; }

    /// <summary>The C# type on older targets (differs only for <c>Edm.Date</c> and <c>Edm.TimeOfDay</c>).</summary>
    public string ClrTypeWithoutDateOnly { get; init; }

    /// <summary>Whether the C# type is a struct, in both its forms.</summary>
    public bool IsValueType { get; }

    /// <summary>The JSON kinds a value of this type is written as (what a union alternative is read from).</summary>
    public JsonUnionKinds JsonKinds { get; init; } = JsonUnionKinds.Any;

    /// <summary>Where a union alternative of this type comes in the order of trial when reading.</summary>
    public UnionTrialOrder UnionTrial { get; init; } = UnionTrialOrder.Exact;

    /// <summary>The typed <c>$filter</c> operand of a property of this type.</summary>
    public FilterOperandKind FilterOperand { get; init; }

    /// <summary>Whether a value can be written as an OData URL literal (keys, function parameters).</summary>
    public bool HasODataLiteral { get; init; }

    /// <summary>The <c>ODataLiteral</c> method that writes a value of <see cref="ClrTypeWithoutDateOnly"/> on older targets.</summary>
    public string ODataLiteralMethodWithoutDateOnly { get; init; } = "Format";

    /// <summary>The C# suffix of a numeric constant, so that its JSON text is a literal of the C# type.</summary>
    public string ConstantSuffix { get; init; } = string.Empty;

    /// <summary>Whether a constant is built by <c>ClrType.Parse("text")</c> because no C# literal holds it.</summary>
    public bool ConstantParsesText { get; init; }

    /// <summary>The runtime converter of a format whose text differs from its C# type's usual JSON.</summary>
    public string? WireConverter { get; init; }

    /// <summary>The values of an enumeration with this underlying type; <see langword="null"/> when it cannot be one.</summary>
    public (long Minimum, long Maximum)? EnumRange { get; init; }

    /// <summary>An OpenAPI format named in the <c>Edm.</c> space (see <see cref="OpenApiPrimitives"/>), which no EDMX names.</summary>
    public bool IsOpenApiFormat { get; init; }

    /// <summary>The C# type for a compilation that has (or lacks) <c>DateOnly</c>.</summary>
    public string ClrTypeFor(bool hasDateOnly) => hasDateOnly ? ClrType : ClrTypeWithoutDateOnly;

    /// <summary>The <c>ODataLiteral</c> method that writes a value of <see cref="ClrTypeFor"/>.</summary>
    public string ODataLiteralMethodFor(bool hasDateOnly) => hasDateOnly ? "Format" : ODataLiteralMethodWithoutDateOnly;
}

/// <summary>The typed <c>$filter</c> operand a primitive property gets.</summary>
internal enum FilterOperandKind
{
    /// <summary>None: binary, spatial, stream and untyped values have no operators worth typing; <c>Filter.Raw</c> covers them.</summary>
    None,

    /// <summary><c>StringOperand</c>.</summary>
    String,

    /// <summary><c>BooleanOperand</c>.</summary>
    Boolean,

    /// <summary><c>DateTimeOffsetOperand</c>.</summary>
    DateTimeOffset,

    /// <summary><c>NumberOperand&lt;T&gt;</c> over the C# type.</summary>
    Number,

    /// <summary><c>ComparableOperand&lt;T&gt;</c> over the C# type, formatting values as OData literals.</summary>
    Comparable,
}

/// <summary>Order of trial of a union alternative when reading: an integer before a fractional number, untyped JSON last.</summary>
internal enum UnionTrialOrder
{
    /// <summary>Values whose JSON only this type reads exactly (integers, booleans, GUIDs, dates, …).</summary>
    Exact = 1,

    /// <summary>Fractional numbers, which also read integers.</summary>
    Fractional = 2,

    /// <summary>Strings, which read the text of every string-valued type.</summary>
    String = 3,

    /// <summary>Opaque JSON, which reads anything.</summary>
    Opaque = 4,
}
