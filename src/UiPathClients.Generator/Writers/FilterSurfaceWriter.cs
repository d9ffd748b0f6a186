using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>Filter surfaces: one class per entity and complex type whose properties are typed operands.</summary>
internal sealed class FilterSurfaceWriter
{
    private readonly EmitContext _context;

    public FilterSurfaceWriter(EmitContext context) => _context = context;

    public IEnumerable<GeneratedFile> Write(CancellationToken cancellationToken)
    {
        foreach (var type in _context.Model.Types.Where(type => _context.FilterNames.ContainsKey(type.QualifiedName)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (@namespace, _, prefix) = _context.Names[type.QualifiedName];
            var name = _context.FilterNames[type.QualifiedName];
            yield return new GeneratedFile(
                _context.FileHint("Filters", prefix + name),
                ViewRenderer.RenderCodeFile(BuildFilterSurfaceView(type, @namespace, name)));
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

        var memberNames = _context.FilterMemberNames(type);

        // One operand per line, without blank lines between: a surface is a list, documented only where the spec is.
        var operands = new CodeLines();
        foreach (var property in type.Properties)
        {
            if (!memberNames.TryGetValue(property.Name, out var propertyName))
            {
                continue;
            }

            var operand = SurfaceOperand(property.Type, "PathOf(" + Literal(property.Name) + ")")
                ?? throw new InvalidOperationException($"The plan names a filter operand for '{type.QualifiedName}.{property.Name}', which has none.");
            operands
                .Lines(DocComment.Lines(property.Documentation))
                .Line($"public {operand.Type} {propertyName} => {operand.Create};");
        }

        if (!operands.IsEmpty)
        {
            members.Add(operands.ToMember());
        }

        foreach (var derived in _context.Types.DerivedOf(type).Where(candidate => _context.FilterNames.ContainsKey(candidate.QualifiedName)))
        {
            var derivedFilter = _context.FilterFullName(derived.QualifiedName);
            members.Add(new CodeLines()
                .Line($"/// <summary>The properties of the derived type <c>{DocComment.Escape(derived.QualifiedName)}</c> (a type cast in the path).</summary>")
                .Line($"public {derivedFilter} {memberNames[ClientNamer.CastKey(derived.QualifiedName)]}() => As({Literal(derived.QualifiedName)}, static prefix => new {derivedFilter}(prefix));")
                .ToMember());
            members.Add(new CodeLines()
                .Line($"/// <summary><c>isof({DocComment.Escape(derived.QualifiedName)})</c>: whether the value is of the derived type.</summary>")
                .Line($"public {Querying}Filter {memberNames[ClientNamer.TypeTestKey(derived.QualifiedName)]}() => IsOf({Literal(derived.QualifiedName)});")
                .ToMember());
        }

        var baseType = _context.BaseOf(type);
        return new CodeFileView
        {
            Namespace = @namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                $"/// The typed <c>$filter</c> surface of <see cref=\"{_context.TypeFullName(type.QualifiedName)}\"/>: each property is an operand whose",
                "/// operators and methods build the filter text, so a property the model lacks cannot compile.",
                "/// </summary>",
            },
            Declaration = $"public partial class {name} : {(baseType is not null && _context.FilterNames.ContainsKey(baseType.QualifiedName) ? _context.FilterFullName(baseType.QualifiedName) : Querying + "FilterSurface")}",
            Members = members,
        };
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

        var qualified = _context.Underlying(type.QualifiedName);
        if (_context.FilterNames.ContainsKey(qualified))
        {
            var filter = _context.FilterFullName(qualified);
            return (filter, $"new {filter}({path} + \"/\")");
        }

        if (_context.TypesByQualifiedName.TryGetValue(qualified, out var declared) && declared.Kind == TypeKind.Enum)
        {
            var enumType = _context.TypeFullName(qualified);
            var operandType = $"{Querying}EnumOperand<{enumType}>";
            return (operandType, $"new {operandType}({path}, static value => {_context.EnumLiteral(qualified, "value")})");
        }

        if (PrimitiveTypes.Find(qualified) is not { } primitive)
        {
            return null;
        }

        var clrType = primitive.ClrTypeFor(_context.Environment.HasDateOnly);
        return primitive.FilterOperand switch
        {
            FilterOperandKind.String or FilterOperandKind.Boolean or FilterOperandKind.DateTimeOffset =>
                ($"{Querying}{primitive.FilterOperand}Operand", $"new {Querying}{primitive.FilterOperand}Operand({path})"),
            FilterOperandKind.Number => ($"{Querying}NumberOperand<{clrType}>", $"new {Querying}NumberOperand<{clrType}>({path})"),
            FilterOperandKind.Comparable => ($"{Querying}ComparableOperand<{clrType}>",
                $"new {Querying}ComparableOperand<{clrType}>({path}, static value => {_context.LiteralExpression(qualified, "value")})"),
            _ => null,
        };
    }
}
