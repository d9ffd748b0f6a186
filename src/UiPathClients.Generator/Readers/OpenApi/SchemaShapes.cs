using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.OpenApi;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>The type a schema declares when it becomes a type of its own (a component, or an inline schema a member uses).</summary>
internal enum SchemaDeclaration
{
    /// <summary>No type of its own: an array, a map, raw JSON, or a component the reader skips.</summary>
    None,

    /// <summary>A string <c>enum</c>: a C# enum.</summary>
    Enum,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of two or more alternatives besides null: a union wrapper.</summary>
    Union,

    /// <summary>An object with properties or <c>allOf</c> parts: a class.</summary>
    Object,

    /// <summary>A primitive (not an array): a type definition for its <c>Edm</c> type.</summary>
    Primitive,
}

/// <summary>
/// What one schema is, decided once by <see cref="SchemaShapes"/>: the facts the reader maps a schema by (array, map,
/// object, string enum, union, constant, primitive, nullable), so that every place asking gets the same answer without
/// walking <c>type</c>, <c>enum</c>, <c>oneOf</c> and extensions again.
/// </summary>
/// <remarks>
/// The facts are independent rather than one kind: a schema can be several at once (<c>type: array</c> with a
/// <c>oneOf</c>; an <c>enum</c> of one string is a string enum and a constant), and the places that map a schema each
/// choose among them in their own order. <see cref="Declaration"/> is the one choice they share.
/// </remarks>
internal sealed class SchemaShape
{
    /// <param name="schema">The schema (a <c>$ref</c> answers with its target's keywords).</param>
    internal SchemaShape(IOpenApiSchema schema)
    {
        Schema = schema;
        IsReference = schema is OpenApiSchemaReference;
        ReferenceId = (schema as OpenApiSchemaReference)?.Reference?.Id;
        IsArray = SchemaShapes.IsArray(schema);
        AllowsAdditionalProperties = schema.AdditionalPropertiesAllowed && schema.AdditionalProperties is not null;
        var hasMembers = schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 };
        var mayBeObject = schema.Type is null || (schema.Type.Value & JsonSchemaType.Object) != 0;
        IsObject = !IsArray && hasMembers && mayBeObject;
        IsMap = !IsArray && !hasMembers && AllowsAdditionalProperties && mayBeObject;
        IsStringEnum = SchemaShapes.IsStringEnum(schema);
        IsNullable = SchemaShapes.IsNullable(schema);
        IsBinaryString = schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.String && schema.Format is "binary";
        IsModelAsString = SchemaShapes.IsModelAsString(schema);
        MsEnumName = IsStringEnum ? SchemaShapes.MsEnumName(schema) : null;
        Alternatives = SchemaShapes.Alternatives(schema, out var orNull);
        AlternativesIncludeNull = orNull;
        Primitive = SchemaShapes.PrimitiveName(schema);
        ConstantJson = SchemaShapes.ConstantJson(schema);
        ConstantType = ConstantJson is null ? null : SchemaShapes.ConstantType(schema);
        Declaration = IsStringEnum ? SchemaDeclaration.Enum
            : IsUnion ? SchemaDeclaration.Union
            : IsObject ? SchemaDeclaration.Object
            : Primitive is not null && !IsArray ? SchemaDeclaration.Primitive
            : SchemaDeclaration.None;
    }

    /// <summary>
    /// A <c>$ref</c>'s shape: its target's, since a reference answers every keyword with its target's. Asking the reference
    /// itself would resolve the target again for each keyword (Microsoft.OpenApi looks it up in the document each time).
    /// </summary>
    /// <param name="reference">The <c>$ref</c>.</param>
    /// <param name="target">The shape of the schema it resolves to.</param>
    internal SchemaShape(OpenApiSchemaReference reference, SchemaShape target)
    {
        Schema = reference;
        IsReference = true;
        ReferenceId = reference.Reference?.Id;
        IsArray = target.IsArray;
        AllowsAdditionalProperties = target.AllowsAdditionalProperties;
        IsObject = target.IsObject;
        IsMap = target.IsMap;
        IsStringEnum = target.IsStringEnum;
        IsNullable = target.IsNullable;
        IsBinaryString = target.IsBinaryString;
        IsModelAsString = target.IsModelAsString;
        MsEnumName = target.MsEnumName;
        Alternatives = target.Alternatives;
        AlternativesIncludeNull = target.AlternativesIncludeNull;
        Primitive = target.Primitive;
        ConstantJson = target.ConstantJson;
        ConstantType = target.ConstantType;
        Declaration = target.Declaration;
    }

    /// <summary>The schema these facts are about.</summary>
    public IOpenApiSchema Schema { get; }

    /// <summary>Whether the schema is a <c>$ref</c>.</summary>
    public bool IsReference { get; }

    /// <summary>The component a <c>$ref</c> names; <see langword="null"/> for anything else.</summary>
    public string? ReferenceId { get; }

    /// <summary><c>type: array</c> (or <c>[array, null]</c>).</summary>
    public bool IsArray { get; }

    /// <summary><c>additionalProperties</c> is allowed and given as a schema: the object takes members it does not list, of that schema.</summary>
    public bool AllowsAdditionalProperties { get; }

    /// <summary>An object with members of its own (or composed from <c>allOf</c>); free-form maps are not types.</summary>
    public bool IsObject { get; }

    /// <summary>An object with no members of its own whose <c>additionalProperties</c> describe every value: a dictionary.</summary>
    public bool IsMap { get; }

    /// <summary>An object with members that is not a <c>$ref</c>: an inline type to declare.</summary>
    public bool IsInlineObject => IsObject && !IsReference;

    /// <summary>An <c>enum</c> of strings (and perhaps null) whose type is string or unset.</summary>
    public bool IsStringEnum { get; }

    /// <summary>Its <c>type</c> admits null (3.1's type array, or 3.0's <c>nullable: true</c> as Microsoft.OpenApi reads it).</summary>
    public bool IsNullable { get; }

    /// <summary><c>type: string, format: binary</c>: a file or a stream, not text.</summary>
    public bool IsBinaryString { get; }

    /// <summary><c>x-ms-enum.modelAsString: true</c>: the service may send values the enum does not list.</summary>
    public bool IsModelAsString { get; }

    /// <summary><c>x-ms-enum.name</c> of a string enum, in PascalCase: the type name of an inline enum.</summary>
    public string? MsEnumName { get; }

    /// <summary>
    /// The alternatives of a <c>oneOf</c>/<c>anyOf</c> without <c>{type: null}</c>; <see langword="null"/> when the schema
    /// has none, or declares properties or <c>allOf</c> (then it is an object and the alternatives only constrain it).
    /// </summary>
    public IReadOnlyList<IOpenApiSchema>? Alternatives { get; }

    /// <summary>Whether the <c>oneOf</c>/<c>anyOf</c> has a <c>{type: null}</c> alternative: the value may be null.</summary>
    public bool AlternativesIncludeNull { get; }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of two or more alternatives besides null.</summary>
    public bool IsUnion => Alternatives is { Count: >= 2 };

    /// <summary>The one alternative of a <c>oneOf</c>/<c>anyOf</c> that has only one besides null (3.1's "X or null").</summary>
    public IOpenApiSchema? OnlyAlternative => Alternatives is { Count: 1 } single ? single[0] : null;

    /// <summary>The <c>Edm</c> primitive with the same meaning as its type and format; <see langword="null"/> when it is no primitive.</summary>
    public string? Primitive { get; }

    /// <summary>AutoRest's constant (a one-value <c>enum</c> not declared extensible): the value as JSON, else <see langword="null"/>.</summary>
    public string? ConstantJson { get; }

    /// <summary>The <c>Edm</c> type a constant is read and written as; <see langword="null"/> when the schema is no constant.</summary>
    public string? ConstantType { get; }

    /// <summary>The type the schema declares when it becomes a type of its own: enum, then union, object, primitive.</summary>
    public SchemaDeclaration Declaration { get; }
}

/// <summary>
/// The <see cref="SchemaShape"/> of each schema of one document, decided the first time a schema is asked about and
/// then remembered by the schema object's identity (two equal-looking inline schemas are still two schemas).
/// </summary>
internal sealed class SchemaShapes
{
    private readonly Dictionary<IOpenApiSchema, SchemaShape> _shapes = new(ByIdentity.Instance);

    /// <summary>The shape of <paramref name="schema"/>, decided once.</summary>
    public SchemaShape Of(IOpenApiSchema schema)
    {
        if (!_shapes.TryGetValue(schema, out var shape))
        {
            // A target can be a $ref again (a component that is only one); the pre-checks refuse $refs that go round and
            // chains longer than SpecLimits.MaxReferenceChain, so this ends.
            shape = schema is OpenApiSchemaReference reference && reference.Target is { } target
                ? new SchemaShape(reference, Of(target))
                : new SchemaShape(schema);
            _shapes.Add(schema, shape);
        }

        return shape;
    }

    /// <summary>How many schemas have been classified (each once).</summary>
    public int Count => _shapes.Count;

    /// <summary>Object identity (netstandard2.0 has no <c>ReferenceEqualityComparer</c>).</summary>
    private sealed class ByIdentity : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly ByIdentity Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => RuntimeHelpers.GetHashCode(obj);
    }

    internal static bool IsArray(IOpenApiSchema schema) => schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.Array;

    internal static bool IsStringEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values
        && (schema.Type is null || (schema.Type.Value & ~JsonSchemaType.Null) == JsonSchemaType.String)
        && values.All(value => value is null || (value is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out _)))
        && values.Any(value => value is not null);

    internal static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0)
        || (schema is OpenApiSchemaReference reference && reference.Target is { } target && target.Type is { } targetType && (targetType & JsonSchemaType.Null) != 0);

    internal static bool IsModelAsString(IOpenApiSchema schema) =>
        OpenApiReader.Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum
        && msEnum["modelAsString"] is System.Text.Json.Nodes.JsonValue extensible
        && extensible.TryGetValue<bool>(out var modelAsString)
        && modelAsString;

    internal static string? MsEnumName(IOpenApiSchema schema) =>
        OpenApiReader.Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum && OpenApiReader.Text(msEnum["name"]) is { Length: > 0 } name
            ? CSharpIdentifier.ToPascalCase(name)
            : null;

    internal static List<IOpenApiSchema>? Alternatives(IOpenApiSchema schema, out bool orNull)
    {
        orNull = false;
        var members = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        if (members is null || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        static bool IsNullOnly(IOpenApiSchema member) => member is not OpenApiSchemaReference && member.Type == JsonSchemaType.Null;
        orNull = members.Any(IsNullOnly);
        return members.Where(member => !IsNullOnly(member)).ToList();
    }

    /// <summary>
    /// AutoRest's constant: an <c>enum</c> of exactly one string, number or boolean that <c>x-ms-enum</c> does not declare
    /// extensible (<c>modelAsString: true</c>). The value as JSON, else <see langword="null"/>.
    /// </summary>
    /// <remarks>
    /// Such a schema admits one value, so a one-member C# enum would only make callers name it: a required parameter or
    /// body is filled in by the client, a required property starts with the value, a response is read as the primitive.
    /// </remarks>
    internal static string? ConstantJson(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: 1 } values || values[0] is not System.Text.Json.Nodes.JsonValue value)
        {
            return null;
        }

        if (IsModelAsString(schema))
        {
            return null;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        return type switch
        {
            // The value must be of the schema's own type: enum [true] on a string schema is no string constant.
            JsonSchemaType.String when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.ToJsonString(),
            JsonSchemaType.Boolean when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.ToJsonString(),
            JsonSchemaType.Integer or JsonSchemaType.Number when value.GetValueKind() == System.Text.Json.JsonValueKind.Number && FitsNumericType(value.ToJsonString(), type, schema.Format) => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>
    /// Whether a one-value enum's number can be a C# constant of the type <see cref="ConstantType"/> gives it: an integer
    /// within int/long, a finite float/double, any number as an exact decimal. Any other (1e400, 1.5 for an integer) stays an ordinary value.
    /// </summary>
    private static bool FitsNumericType(string json, JsonSchemaType type, string? format)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (type == JsonSchemaType.Integer)
        {
            return format == "int32"
                ? int.TryParse(json, System.Globalization.NumberStyles.AllowLeadingSign, invariant, out _)
                : long.TryParse(json, System.Globalization.NumberStyles.AllowLeadingSign, invariant, out _);
        }

        if (format == "decimal")
        {
            // ExactDecimal holds any JSON number, whatever its exponent.
            return true;
        }

        return format == "float"
            ? float.TryParse(json, System.Globalization.NumberStyles.Float, invariant, out var single) && !float.IsInfinity(single)
            : double.TryParse(json, System.Globalization.NumberStyles.Float, invariant, out var number) && !double.IsInfinity(number);
    }

    /// <summary>
    /// The type a constant (a schema <see cref="ConstantJson"/> gives a value) is read and written as: a string constant
    /// stays the string it is whatever its <c>format</c> (a one-value <c>date</c> is sent exactly as written), numbers and
    /// booleans keep their type.
    /// </summary>
    internal static string ConstantType(IOpenApiSchema constant) =>
        ((constant.Type ?? 0) & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.String => "Edm.String",
            JsonSchemaType.Integer => constant.Format == "int32" ? "Edm.Int32" : "Edm.Int64",
            JsonSchemaType.Number => constant.Format switch
            {
                "float" => "Edm.Single",
                // Exact as any format: decimal value: a double literal could not hold every decimal constant.
                "decimal" => OpenApiPrimitives.ExactDecimal,
                _ => "Edm.Double",
            },
            _ => "Edm.Boolean",
        };

    /// <summary>The <c>Edm</c> primitive with the same meaning as a JSON Schema type and format.</summary>
    internal static string? PrimitiveName(IOpenApiSchema schema)
    {
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var format = schema.Format ?? string.Empty;
        return type switch
        {
            JsonSchemaType.String => format switch
            {
                "date-time" => "Edm.DateTimeOffset",
                "date-time-rfc1123" => OpenApiPrimitives.DateTimeRfc1123,
                "base64url" => OpenApiPrimitives.Base64Url,
                "date" => "Edm.Date",
                "time" => "Edm.TimeOfDay",
                "duration" => "Edm.Duration",
                "uuid" => "Edm.Guid",
                "byte" or "binary" or "base64" => "Edm.Binary",
                _ => "Edm.String",
            },
            JsonSchemaType.Integer => format switch
            {
                "int32" => "Edm.Int32",
                "unixtime" => OpenApiPrimitives.UnixTime,
                _ => "Edm.Int64",
            },
            JsonSchemaType.Number => format switch
            {
                "float" => "Edm.Single",
                "decimal" => OpenApiPrimitives.ExactDecimal,
                "int32" => "Edm.Int32",
                "int64" => "Edm.Int64",
                _ => "Edm.Double",
            },
            JsonSchemaType.Boolean => "Edm.Boolean",
            _ => null,
        };
    }
}
