using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Emit;

/// <summary>Filter surfaces: one class per entity and complex type whose properties are typed operands.</summary>
internal sealed partial class ClientEmitter
{
    private const string Querying = "global::UiPathClients.Runtime.Querying.";

    /// <summary>Every member name of each filter surface emitted so far (inherited ones included), by qualified type name.</summary>
    private readonly Dictionary<string, string[]> _surfaceMemberNames = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Members of <c>FilterSurface</c> besides those of <see cref="object"/>, which a surface property must not hide;
    /// <c>ReservedMemberNamesTests</c> keeps the list equal to them.
    /// </summary>
    private static readonly string[] SurfaceMemberNames = Naming.ReservedNames.FilterSurfaceMembers;

    private IEnumerable<GeneratedFile> EmitFilterSurfaces(CancellationToken cancellationToken)
    {
        foreach (var type in _model.Types.Where(type => _filterNames.ContainsKey(type.QualifiedName)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (@namespace, _, prefix) = _names[type.QualifiedName];
            var name = _filterNames[type.QualifiedName];
            yield return new GeneratedFile(
                FileHint("Filters", prefix + name),
                TemplateRenderer.RenderCodeFile(BuildFilterSurfaceView(type, @namespace, name)));
        }
    }

    private CodeFileView BuildFilterSurfaceView(TypeModel type, string @namespace, string name)
    {
        var members = new List<MemberView>();
        members.Add(new CodeLines()
            .Line("/// <summary>Creates the surface; <paramref name=\"prefix\"/> is empty for the queried entity, else the path to this value ending in '/'.</summary>")
            .Line($"public {name}(string prefix)")
            .Indent().Line(": base(prefix)").Outdent()
            .Open().Close()
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <inheritdoc />")
            .Line($"protected override {Querying}FilterSurface CreateAt(string prefix) => new {name}(prefix);")
            .ToMember());

        var propertyNames = PropertyNames(type);
        // One scope for the class and everything it inherits: FilterSurface's members, and what the base surfaces declare.
        var scope = new Naming.NameScope(SurfaceMemberNames.Concat(ObjectMemberNames).Concat(InheritedSurfaceMemberNames(type)));

        // One operand per line, without blank lines between: a surface is a list, documented only where the spec is.
        var operands = new CodeLines();
        foreach (var property in type.Properties)
        {
            var operand = SurfaceOperand(property.Type, "PathOf(" + Literal(property.Name) + ")");
            if (operand is null)
            {
                continue;
            }

            var propertyName = scope.Claim(propertyNames[property.Name]);
            operands
                .Lines(DocComment.Lines(property.Documentation))
                .Line($"public {operand.Value.Type} {propertyName} => {operand.Value.Create};");
        }

        if (!operands.IsEmpty)
        {
            members.Add(operands.ToMember());
        }

        // Casts claim after the properties (generated names yield to the spec's), each name once: two derived types with one
        // simple name from two schemas are told apart by their sub-namespace, so neither cast depends on the other's order.
        foreach (var derived in _types.DerivedOf(type).Where(candidate => _filterNames.ContainsKey(candidate.QualifiedName)))
        {
            var derivedFilter = FilterFullName(derived.QualifiedName);
            var castName = CastName(derived);
            members.Add(new CodeLines()
                .Line($"/// <summary>The properties of the derived type <c>{DocComment.Escape(derived.QualifiedName)}</c> (a type cast in the path).</summary>")
                .Line($"public {derivedFilter} {scope.Claim("As" + castName)}() => As({Literal(derived.QualifiedName)}, static prefix => new {derivedFilter}(prefix));")
                .ToMember());
            members.Add(new CodeLines()
                .Line($"/// <summary><c>isof({DocComment.Escape(derived.QualifiedName)})</c>: whether the value is of the derived type.</summary>")
                .Line($"public global::UiPathClients.Runtime.Querying.Filter {scope.Claim("Is" + castName)}() => IsOf({Literal(derived.QualifiedName)});")
                .ToMember());
        }

        _surfaceMemberNames[type.QualifiedName] = scope.Taken;

        var baseType = BaseOf(type);
        return new CodeFileView
        {
            Namespace = @namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                $"/// The typed <c>$filter</c> surface of <see cref=\"{TypeFullName(type.QualifiedName)}\"/>: each property is an operand whose",
                "/// operators and methods build the filter text, so a property the model lacks cannot compile.",
                "/// </summary>",
            },
            Declaration = $"public partial class {name} : {(baseType is not null && _filterNames.ContainsKey(baseType.QualifiedName) ? FilterFullName(baseType.QualifiedName) : Querying + "FilterSurface")}",
            Members = members,
        };
    }

    /// <summary>
    /// Every member name the base surface of <paramref name="type"/> has, its own and inherited (properties, casts and
    /// <c>FilterSurface</c>'s), which this surface must not hide. Surfaces are emitted in model order, so a base emitted
    /// later is named here first; naming is deterministic, so its own emission names it the same way.
    /// </summary>
    private string[] InheritedSurfaceMemberNames(TypeModel type)
    {
        if (BaseOf(type) is not { } baseType || !_filterNames.TryGetValue(baseType.QualifiedName, out var baseFilter))
        {
            return System.Array.Empty<string>();
        }

        if (!_surfaceMemberNames.TryGetValue(baseType.QualifiedName, out var names))
        {
            BuildFilterSurfaceView(baseType, _names[baseType.QualifiedName].Namespace, baseFilter);
            names = _surfaceMemberNames[baseType.QualifiedName];
        }

        return names;
    }

    /// <summary>
    /// The part of a cast's method names after <c>As</c>/<c>Is</c>: the derived type's C# name, preceded by its sub-namespace
    /// when it has one (a type whose simple name another schema shares: <c>AsContosoBillingOperation</c>).
    /// </summary>
    private string CastName(TypeModel derived)
    {
        var (_, name, prefix) = _names[derived.QualifiedName];
        return prefix.Replace(".", string.Empty) + name;
    }

    /// <summary>The operand type and its construction for a value of <paramref name="type"/> at <paramref name="path"/> (a C# string expression).</summary>
    private (string Type, string Create)? SurfaceOperand(TypeReference type, string path)
    {
        if (type.IsCollection)
        {
            var item = SurfaceOperand(type with { IsCollection = false }, "variable");
            return item is null
                ? null
                : ($"{Querying}CollectionOperand<{item.Value.Type}>", $"new {Querying}CollectionOperand<{item.Value.Type}>({path}, static variable => {item.Value.Create})");
        }

        var qualified = Underlying(type.QualifiedName);
        if (_filterNames.ContainsKey(qualified))
        {
            var filter = FilterFullName(qualified);
            return (filter, $"new {filter}({path} + \"/\")");
        }

        if (_typesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.Enum)
        {
            var enumType = TypeFullName(qualified);
            var operandType = $"{Querying}EnumOperand<{enumType}>";
            return (operandType, $"new {operandType}({path}, static value => {EnumLiteral(qualified, "value")})");
        }

        if (PrimitiveTypes.Find(qualified) is not { } primitive)
        {
            return null;
        }

        var clrType = primitive.ClrTypeFor(_environment.HasDateOnly);
        return primitive.FilterOperand switch
        {
            FilterOperandKind.String or FilterOperandKind.Boolean or FilterOperandKind.DateTimeOffset =>
                ($"{Querying}{primitive.FilterOperand}Operand", $"new {Querying}{primitive.FilterOperand}Operand({path})"),
            FilterOperandKind.Number => ($"{Querying}NumberOperand<{clrType}>", $"new {Querying}NumberOperand<{clrType}>({path})"),
            FilterOperandKind.Comparable => ($"{Querying}ComparableOperand<{clrType}>",
                $"new {Querying}ComparableOperand<{clrType}>({path}, static value => {LiteralExpression(qualified, "value")})"),
            _ => null,
        };
    }

    /// <summary>A C# expression that formats <paramref name="value"/> (of the primitive or enum <paramref name="qualified"/>) as an OData literal.</summary>
    private string LiteralExpression(string qualified, string value)
    {
        qualified = Underlying(qualified);
        if (_typesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.Enum)
        {
            return EnumLiteral(qualified, value);
        }

        var method = PrimitiveTypes.Find(qualified)?.ODataLiteralMethodFor(_environment.HasDateOnly) ?? "Format";
        return $"global::UiPathClients.Runtime.Querying.ODataLiteral.{method}({value})";
    }

    /// <summary>Whether a value of this type can be written as a URL literal (keys, function parameters).</summary>
    private bool HasLiteral(string qualified)
    {
        qualified = Underlying(qualified);
        return (_typesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.Enum)
            || PrimitiveTypes.Find(qualified)?.HasODataLiteral == true;
    }

    private string EnumLiteral(string qualified, string value) =>
        $"global::UiPathClients.Runtime.Querying.ODataLiteral.FormatEnum({Literal(qualified)}, {ConverterFullName(qualified)}.Default.ToServiceName({value}){(_model.QualifiedEnumLiterals ? string.Empty : ", qualified: false")})";

    /// <summary>Type definitions stand for their underlying type.</summary>
    private string Underlying(string qualified) =>
        _typesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.TypeDefinition && declared.UnderlyingType is not null
            ? declared.UnderlyingType
            : qualified;

    private string TypeFullName(string qualified) => "global::" + _names[qualified].Namespace + "." + _names[qualified].Name;

    private string FilterFullName(string qualified) => "global::" + _names[qualified].Namespace + "." + _filterNames[qualified];

    private string ConverterFullName(string qualified) => "global::" + _names[qualified].Namespace + "." + _enumConverterNames[qualified];
}
