using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// What every writer reads while writing one client: the plan, its names as lookups, the type mapping and the questions
/// more than one file kind asks (a type's C# name, a property's C# type, how a value is written as an OData literal).
/// Built once per emit and read only; the writers own everything else.
/// </summary>
internal sealed class EmitContext
{
    private readonly Dictionary<string, Dictionary<string, string>> _memberNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _filterMemberNames = new(StringComparer.Ordinal);
    private Dictionary<string, EntitySetCapabilities>? _entityClients;
    private HashSet<string>? _constrainedTypes;
    private Dictionary<string, string>? _constraintFieldNames;

    public EmitContext(ClientPlan plan, EmitEnvironment environment, string generatorVersion)
    {
        Plan = plan;
        Model = plan.Model;
        GeneratorVersion = generatorVersion;
        Environment = environment;
        Types = new ModelTypes(Model);

        // The plan's names as lookups: dictionaries are built per emit and never cached, the plan's arrays are.
        var names = plan.Names;
        foreach (var type in names.Types)
        {
            Names[type.QualifiedName] = (type.Namespace, type.Name, type.HintPrefix);
            _memberNames[type.QualifiedName] = type.Members.ToNameMap();
            _filterMemberNames[type.QualifiedName] = type.FilterMembers.ToNameMap();
            if (type.ConverterName is { } converter)
            {
                ConverterNames[type.QualifiedName] = converter;
            }

            if (type.FilterName is { } filter)
            {
                FilterNames[type.QualifiedName] = filter;
            }

            if (type.EntityClientName is { } entityClient)
            {
                EntityClientNames[type.QualifiedName] = entityClient;
            }
        }

        EntitySetClassNames = names.EntitySetClasses.ToNameMap();
        RestGroupClassNames = names.RestGroupClasses.ToNameMap();
        TypeMapper = new TypeMapper(
            Names.ToDictionary(pair => pair.Key, pair => "global::" + pair.Value.Namespace + "." + pair.Value.Name, StringComparer.Ordinal),
            TypesByQualifiedName,
            environment);
    }

    public ClientPlan Plan { get; }

    public ClientModel Model { get; }

    /// <summary>The generator's version as written into <c>[GeneratedCode]</c>.</summary>
    public string GeneratorVersion { get; }

    public EmitEnvironment Environment { get; }

    public ModelTypes Types { get; }

    public IReadOnlyDictionary<string, TypeModel> TypesByQualifiedName => Types.ByQualifiedName;

    public TypeMapper TypeMapper { get; }

    /// <summary>Each emitted type's namespace, name and hint-name prefix, by qualified name.</summary>
    public Dictionary<string, (string Namespace, string Name, string HintPrefix)> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The JSON converter of each enum and union.</summary>
    public Dictionary<string, string> ConverterNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The filter surface of each type the plan gives one.</summary>
    public Dictionary<string, string> FilterNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The entity client name of each entity type (whether one is emitted is <see cref="EntityClients"/>).</summary>
    public Dictionary<string, string> EntityClientNames { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> EntitySetClassNames { get; }

    public Dictionary<string, string> RestGroupClassNames { get; }

    public string ServiceClientName => Plan.Names.ServiceClientName;

    public string JsonMetadataName => Plan.Names.JsonMetadataName;

    public string? ConstraintsName => Plan.Names.ConstraintsName;

    /// <summary>The entity clients the plan gives, with what each offers (<see cref="ClientPlan.EntityClients"/>).</summary>
    public Dictionary<string, EntitySetCapabilities> EntityClients =>
        _entityClients ??= Plan.EntityClients.ToDictionary(client => client.EntityType, client => client.Capabilities, StringComparer.Ordinal);

    /// <summary>Whether the client checks anything: a parameter or a property declares a constraint.</summary>
    public bool HasConstraints => Plan.HasConstraints;

    /// <summary>
    /// OData classes know which properties the caller set, so request bodies carry exactly those (no <c>"Id":0</c>, a
    /// null that clears); OpenAPI models keep "null means absent", their optional lists staying null until set.
    /// </summary>
    public bool TracksSetProperties => Model.Style == ApiStyle.OData;

    /// <summary>Object types whose JSON carries a constraint somewhere (<see cref="ClientPlan.ConstrainedTypes"/>).</summary>
    public HashSet<string> ConstrainedTypes() => _constrainedTypes ??= new HashSet<string>(Plan.ConstrainedTypes, StringComparer.Ordinal);

    /// <summary>The member of the constraints class holding each constrained type's table.</summary>
    public Dictionary<string, string> ConstraintFieldNames() =>
        _constraintFieldNames ??= Plan.Names.ConstraintFields.ToNameMap();

    /// <summary>C# names of a type's declared properties, keyed by spec name.</summary>
    public Dictionary<string, string> PropertyNames(TypeModel type) => _memberNames[type.QualifiedName];

    /// <summary>C# names of an enum's members by service name, the unknown-value member under <see cref="ClientNamer.UnknownEnumMember"/>.</summary>
    public Dictionary<string, string> EnumMemberNames(TypeModel type) => _memberNames[type.QualifiedName];

    /// <summary>A filter surface's member names: operands by property spec name, casts by <see cref="ClientNamer.CastKey"/> and <see cref="ClientNamer.TypeTestKey"/>.</summary>
    public Dictionary<string, string> FilterMemberNames(TypeModel type) => _filterMemberNames[type.QualifiedName];

    /// <summary>The hint name of a spec type's file in <paramref name="folder"/>.</summary>
    public string HintName(TypeModel type, string folder)
    {
        var (_, name, prefix) = Names[type.QualifiedName];
        return FileHint(folder, prefix + name);
    }

    /// <summary>The hint name of a generated file: <c>{Client}/{folder}/{name}.g.cs</c>, every segment made safe for a file name.</summary>
    public string FileHint(string? folder, string name) =>
        CSharpText.HintNameSegment(Model.ClientName) + "/" + (folder is null ? string.Empty : folder + "/") + CSharpText.HintNameSegment(name) + ".g.cs";

    public string TypeFullName(string qualified) => "global::" + Names[qualified].Namespace + "." + Names[qualified].Name;

    public string FilterFullName(string qualified) => "global::" + Names[qualified].Namespace + "." + FilterNames[qualified];

    public string ConverterFullName(string qualified) => "global::" + Names[qualified].Namespace + "." + ConverterNames[qualified];

    public string EntityClientFullName(string qualified) => "global::" + Names[qualified].Namespace + "." + EntityClientNames[qualified];

    /// <summary>Type definitions stand for their underlying type.</summary>
    public string Underlying(string qualified) => Types.Underlying(qualified);

    /// <summary>Whether the type is an entity or complex type (a JSON object, not a value wrapped in <c>value</c>).</summary>
    public bool IsStructured(string qualified) =>
        TypesByQualifiedName.TryGetValue(qualified, out var type) && type.Kind is TypeKind.Entity or TypeKind.Complex;

    /// <summary>The type and its base types, nearest first.</summary>
    public IEnumerable<TypeModel> SelfAndAncestors(TypeModel type) => Types.SelfAndAncestors(type);

    public TypeModel? BaseOf(TypeModel type) => Types.BaseOf(type);

    /// <summary>Every property of a type, inherited ones included (nearest declaration first), with its C# name.</summary>
    public IEnumerable<NamedProperty> AllProperties(TypeModel type) =>
        SelfAndAncestors(type).SelectMany(declaring => declaring.Properties.Select(property => new NamedProperty(property, PropertyNames(declaring)[property.Name])));

    /// <summary>A property by its spec name, declared on the type or inherited.</summary>
    public NamedProperty? FindProperty(TypeModel type, string specName) =>
        AllProperties(type).FirstOrDefault(property => property.Model.Name == specName);

    /// <summary>The C# type of a property exactly as the class declares it.</summary>
    public string PropertyClrType(PropertyModel property) =>
        property.Kind == PropertyKind.Navigation
            ? property.Type.IsCollection
                ? "global::System.Collections.Generic.IList<" + TypeMapper.MapSingle(property.Type.QualifiedName, isNullable: false) + ">?"
                : TypeMapper.MapSingle(property.Type.QualifiedName, isNullable: true)
            : property.Type.IsCollection && property.IsOptional
                // An optional list stays null until set, so a request never sends [] the caller did not mean.
                ? TypeMapper.Map(property.Type) + "?"
                : TypeMapper.Map(property.Type);

    /// <summary>
    /// An OpenAPI <c>required</c> property becomes a C# <c>required</c> member where the consumer's compiler allows it, so
    /// a request object without it does not compile. Not for <c>readOnly</c> values (the service sets them) nor for a
    /// discriminator (the derived type's constructor sets it).
    /// </summary>
    public bool IsRequiredMember(TypeModel declaringType, PropertyModel property) =>
        Environment.HasRequiredMembers
        && Model.Style == ApiStyle.Rest
        && property.Kind == PropertyKind.Structural
        && !property.IsOptional
        && !property.IsComputed
        && property.Constant is null
        && !SelfAndAncestors(declaringType).Any(type => type.Discriminator == property.Name);

    /// <summary>A C# expression that formats <paramref name="value"/> (of the primitive or enum <paramref name="qualified"/>) as an OData literal.</summary>
    public string LiteralExpression(string qualified, string value)
    {
        qualified = Underlying(qualified);
        if (TypesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.Enum)
        {
            return EnumLiteral(qualified, value);
        }

        var method = PrimitiveTypes.Find(qualified)?.ODataLiteralMethodFor(Environment.HasDateOnly) ?? "Format";
        return $"{RuntimeNames.Querying}ODataLiteral.{method}({value})";
    }

    /// <summary>Whether a value of this type can be written as a URL literal (keys, function parameters).</summary>
    public bool HasLiteral(string qualified)
    {
        qualified = Underlying(qualified);
        return (TypesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.Enum)
            || PrimitiveTypes.Find(qualified)?.HasODataLiteral == true;
    }

    public string EnumLiteral(string qualified, string value) =>
        $"{RuntimeNames.Querying}ODataLiteral.FormatEnum({Literal(qualified)}, {ConverterFullName(qualified)}.Default.ToServiceName({value}){(Model.QualifiedEnumLiterals ? string.Empty : ", qualified: false")})";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => CSharpText.StringLiteral(value);

    /// <summary>The C# literal of a constant (its JSON text) as a value of <paramref name="type"/>.</summary>
    public static string ConstantLiteral(string json, TypeReference type)
    {
        var value = (System.Text.Json.Nodes.JsonValue)System.Text.Json.Nodes.JsonNode.Parse(json)!;
        if (value.TryGetValue<string>(out var text))
        {
            return Literal(text);
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return flag ? "true" : "false";
        }

        return PrimitiveTypes.Find(type.QualifiedName) switch
        {
            { ConstantParsesText: true } primitive => primitive.ClrType + ".Parse(" + Literal(json) + ")",
            { } primitive => json + primitive.ConstantSuffix,
            null => json,
        };
    }
}

/// <summary>A property with the C# name its declaring class gives it.</summary>
internal sealed record NamedProperty(PropertyModel Model, string CSharpName);
