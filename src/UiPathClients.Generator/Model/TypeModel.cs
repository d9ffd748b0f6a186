namespace UiPathClients.Generator.Model;

/// <summary>The kind of a type declared in a schema.</summary>
internal enum TypeKind
{
    Entity,
    Complex,
    Enum,
    TypeDefinition,

    /// <summary>
    /// OpenAPI <c>oneOf</c>/<c>anyOf</c>: a value that is one of several types. Its
    /// <see cref="TypeModel.Properties"/> are the alternatives, one property each, named after the alternative.
    /// </summary>
    Union,
}

/// <summary>A type declared in a schema of the spec (entity, complex, enum or type definition).</summary>
/// <remarks>Holds only strings, enums, primitives and equatable arrays; see <see cref="ClientModel"/>.</remarks>
/// <param name="Kind">What the declaration is.</param>
/// <param name="Namespace">The schema namespace (never an alias).</param>
/// <param name="Name">The simple name as declared.</param>
/// <param name="BaseType">Qualified name of the base type, aliases resolved; <see langword="null"/> for none.</param>
/// <param name="IsAbstract">Whether the type is abstract.</param>
/// <param name="IsOpen">Whether instances may carry undeclared (dynamic) properties.</param>
/// <param name="HasStream">Whether the entity is a media entity.</param>
/// <param name="Key">Key property paths in declaration order (empty when inherited or absent).</param>
/// <param name="Properties">Declared structural and navigation properties (not inherited ones).</param>
/// <param name="Members">Enumeration members, for <see cref="TypeKind.Enum"/>.</param>
/// <param name="UnderlyingType">Underlying primitive for enums and type definitions, e.g. <c>Edm.Int32</c>.</param>
/// <param name="IsFlags">Whether the enumeration allows combined values.</param>
/// <param name="Documentation">Core.Description / Core.LongDescription.</param>
/// <param name="Discriminator">
/// OpenAPI <c>discriminator.propertyName</c>: on a base type, the property naming the derived type of an instance;
/// on a union, the property naming the alternative. <see langword="null"/> for none.
/// </param>
/// <param name="DiscriminatorValues">What each discriminator value selects: a derived type, or the type of a union's alternative.</param>
/// <param name="IsExtensible">
/// An enum whose values the service may extend (AutoRest's <c>x-ms-enum</c> <c>modelAsString: true</c>): a value the
/// client does not know is kept as sent rather than read as <c>Unknown</c>.
/// </param>
internal sealed record TypeModel(
    TypeKind Kind,
    string Namespace,
    string Name,
    string? BaseType,
    bool IsAbstract,
    bool IsOpen,
    bool HasStream,
    EquatableArray<string> Key,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members,
    string? UnderlyingType,
    bool IsFlags,
    Documentation Documentation,
    string? Discriminator = null,
    EquatableArray<DiscriminatorValueModel> DiscriminatorValues = default,
    bool IsExtensible = false)
{
    /// <summary>Namespace-qualified name, e.g. <c>UiPath.Server.Configuration.OData.JobDto</c>.</summary>
    public string QualifiedName => Namespace + "." + Name;

    /// <summary>An enum or type definition: no base type, key or properties, only an underlying type.</summary>
    public static TypeModel Scalar(
        TypeKind kind,
        string @namespace,
        string name,
        string underlyingType,
        EquatableArray<EnumMemberModel> members,
        bool isFlags,
        Documentation documentation) =>
        new(
            kind,
            @namespace,
            name,
            BaseType: null,
            IsAbstract: false,
            IsOpen: false,
            HasStream: false,
            EquatableArray<string>.Empty,
            EquatableArray<PropertyModel>.Empty,
            members,
            underlyingType,
            isFlags,
            documentation);
}

/// <summary>Human-readable documentation from the Core vocabulary.</summary>
/// <param name="Description">Core.Description.</param>
/// <param name="LongDescription">Core.LongDescription.</param>
internal sealed record Documentation(string? Description, string? LongDescription)
{
    public static readonly Documentation None = new(null, null);
}

/// <summary>A reference to a type, with aliases resolved.</summary>
/// <param name="QualifiedName">Qualified element type name, e.g. <c>Edm.String</c> or <c>NS.JobDto</c>.</param>
/// <param name="IsCollection">Whether the reference is <c>Collection(...)</c>.</param>
/// <param name="IsNullable">Whether null is allowed; for collections, whether the <em>items</em> may be null (CSDL rule); for maps, whether the map may be absent.</param>
/// <param name="IsMap">A JSON object used as a dictionary (OpenAPI <c>additionalProperties</c>): string keys, values of <paramref name="QualifiedName"/>.</param>
internal sealed record TypeReference(string QualifiedName, bool IsCollection, bool IsNullable, bool IsMap = false)
{
    public override string ToString() =>
        (IsCollection ? "Collection(" + QualifiedName + ")" : IsMap ? "Map(" + QualifiedName + ")" : QualifiedName) + (IsNullable ? "" : " not null");
}

/// <summary>Structural or navigation.</summary>
internal enum PropertyKind
{
    Structural,
    Navigation,
}

/// <summary>A property declared on a structured type.</summary>
/// <param name="Kind">Structural or navigation.</param>
/// <param name="Name">The name exactly as in the spec (also the JSON name).</param>
/// <param name="Type">The property's type.</param>
/// <param name="ContainsTarget">Navigation only: whether the related entities are contained.</param>
/// <param name="Partner">Navigation only: the partner navigation property on the target type.</param>
/// <param name="IsComputed">Core.Computed: the service computes the value; clients do not send it.</param>
/// <param name="IsImmutable">Core.Immutable: settable on create only.</param>
/// <param name="Permissions">Core.Permissions, e.g. <c>Read</c> or <c>ReadWrite</c>.</param>
/// <param name="Documentation">Core.Description / Core.LongDescription.</param>
/// <param name="IsOptional">OpenAPI: not listed in <c>required</c>, so absent from JSON unless set (a list too, unlike in CSDL).</param>
/// <param name="IsWriteOnly">OpenAPI <c>writeOnly</c>: sent in requests, never read from responses.</param>
/// <param name="Constant">
/// A required property whose schema allows one value only (AutoRest's constant: an <c>enum</c> of one value that
/// <c>x-ms-enum</c> does not declare extensible): that value as JSON; the property starts with it, so it is always sent.
/// </param>
/// <param name="Constraints">The value constraints its schema declares (checked only when the client opts in); <see langword="null"/> for none.</param>
internal sealed record PropertyModel(
    PropertyKind Kind,
    string Name,
    TypeReference Type,
    bool ContainsTarget,
    string? Partner,
    bool IsComputed,
    bool IsImmutable,
    string? Permissions,
    Documentation Documentation,
    bool IsOptional = false,
    bool IsWriteOnly = false,
    string? Constant = null,
    ConstraintsModel? Constraints = null);

/// <summary>A member of an enumeration type.</summary>
/// <param name="Name">The member name as declared.</param>
/// <param name="Value">The numeric value, explicit or implied by position.</param>
/// <param name="Documentation">Core.Description / Core.LongDescription.</param>
/// <param name="CSharpName">The C# name the spec asks for (OpenAPI <c>x-enum-varnames</c>, <c>x-ms-enum</c>); <see langword="null"/> to derive it from <paramref name="Name"/>.</param>
internal sealed record EnumMemberModel(string Name, long Value, Documentation Documentation, string? CSharpName = null);

/// <summary>One discriminator value and the type it selects.</summary>
/// <param name="Value">The value as it appears in JSON.</param>
/// <param name="Type">Qualified name of the selected type.</param>
internal sealed record DiscriminatorValueModel(string Value, string Type);
