using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// Client-side constraint validation (opt-in: <c>RestConnection.ValidatesConstraints</c>). Parameters get their
/// constraints inline in the request builder; object bodies get a table per type (its members' constraints and those
/// of nested objects) in one generated <c>{Client}Constraints</c> class, which the runtime walks over the JSON body.
/// </summary>
internal sealed class ConstraintsWriter
{
    private readonly EmitContext _context;

    public ConstraintsWriter(EmitContext context) => _context = context;

    public IEnumerable<GeneratedFile> Write()
    {
        if (!_context.HasConstraints || _context.ConstrainedTypes().Count == 0)
        {
            yield break;
        }

        var members = new List<MemberView>();
        var types = _context.Model.Types.Where(type => _context.ConstrainedTypes().Contains(type.QualifiedName)).OrderBy(type => type.QualifiedName, System.StringComparer.Ordinal).ToList();
        var fields = _context.ConstraintFieldNames();
        foreach (var type in types)
        {
            var field = fields[type.QualifiedName];
            var lines = new CodeLines()
                .Line($"private static {Rest}RestConstraints? _{char.ToLowerInvariant(field[0])}{field.Substring(1)};")
                .Blank()
                .Line($"/// <summary>The constraints of <see cref=\"{_context.TypeFullName(type.QualifiedName)}\"/>'s members, by JSON name.</summary>")
                .Line($"public static {Rest}RestConstraints {field} => _{char.ToLowerInvariant(field[0])}{field.Substring(1)} ??= new {Rest}RestConstraints")
                .Open()
                .Line($"Properties = new global::System.Collections.Generic.Dictionary<string, global::System.Func<{Rest}RestConstraints>>")
                .Open();
            foreach (var property in _context.AllProperties(type))
            {
                var reference = property.Model.Type;
                var nested = !reference.IsMap && _context.ConstrainedTypes().Contains(reference.QualifiedName) ? $"{_context.ConstraintsName}.{fields[reference.QualifiedName]}" : null;
                var own = property.Model.Constraints;
                string? expression = null;
                if (reference.IsCollection && (own is not null || nested is not null))
                {
                    expression = ConstraintsLiteral(own, itemsExpression: nested);
                }
                else if (nested is not null)
                {
                    expression = nested;
                }
                else if (own is not null)
                {
                    expression = ConstraintsLiteral(own);
                }

                if (expression is not null)
                {
                    lines.Line($"[{Literal(property.Model.Name)}] = static () => {expression},");
                }
            }

            members.Add(lines.Close(",").Close(";").ToMember());
        }

        yield return new GeneratedFile(
            _context.FileHint(null, _context.ConstraintsName!),
            ViewRenderer.RenderCodeFile(new CodeFileView
            {
                Namespace = _context.Model.Namespace,
                GeneratorVersion = _context.GeneratorVersion,
                DocLines = new[]
                {
                    "/// <summary>",
                    "/// The value constraints the API description declares for its object types, checked before a body is sent when the",
                    $"/// connection's <see cref=\"{Rest}RestConnection.ValidatesConstraints\"/> is set.",
                    "/// </summary>",
                },
                Declaration = $"internal static class {_context.ConstraintsName}",
                Members = members,
            }));
    }

    /// <summary>A <c>new RestConstraints { … }</c> for <paramref name="constraints"/>; items' constraints from <paramref name="itemsExpression"/> when given.</summary>
    private static string ConstraintsLiteral(ConstraintsModel? constraints, string? itemsExpression = null)
    {
        var settings = new List<string>();
        if (constraints is not null)
        {
            Add(settings, "MinLength", constraints.MinLength?.ToString(CultureInfo.InvariantCulture));
            Add(settings, "MaxLength", constraints.MaxLength?.ToString(CultureInfo.InvariantCulture));
            Add(settings, "Pattern", constraints.Pattern is null ? null : Literal(constraints.Pattern));
            Add(settings, "Minimum", NumberLiteral(constraints.Minimum, "d"));
            Add(settings, "ExclusiveMinimum", constraints.ExclusiveMinimum && constraints.Minimum is not null ? "true" : null);
            Add(settings, "Maximum", NumberLiteral(constraints.Maximum, "d"));
            Add(settings, "ExclusiveMaximum", constraints.ExclusiveMaximum && constraints.Maximum is not null ? "true" : null);
            Add(settings, "MultipleOf", NumberLiteral(constraints.MultipleOf, "m"));
            Add(settings, "MinItems", constraints.MinItems?.ToString(CultureInfo.InvariantCulture));
            Add(settings, "MaxItems", constraints.MaxItems?.ToString(CultureInfo.InvariantCulture));
            Add(settings, "UniqueItems", constraints.UniqueItems ? "true" : null);
            if (itemsExpression is null && constraints.Items is { } items)
            {
                itemsExpression = ConstraintsLiteral(items);
            }
        }

        Add(settings, "Items", itemsExpression is null ? null : "static () => " + itemsExpression);
        return $"new {Rest}RestConstraints {{ {string.Join(", ", settings)} }}";

        static void Add(List<string> settings, string name, string? value)
        {
            if (value is not null)
            {
                settings.Add(name + " = " + value);
            }
        }
    }

    /// <summary>A number as the document spells it, as a C# literal with <paramref name="suffix"/>; null when it is no plain number.</summary>
    private static string? NumberLiteral(string? number, string suffix) =>
        number is not null && decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture) + suffix
            : null;

    /// <summary>The checks a request builder makes when the connection validates constraints; empty for none.</summary>
    internal List<string> ValidationLines(IEnumerable<(string Name, TypeReference Type, ConstraintsModel? Constraints)> arguments)
    {
        var checks = new List<string>();
        foreach (var (name, type, constraints) in arguments)
        {
            var nested = !type.IsMap && _context.ConstrainedTypes().Contains(type.QualifiedName) ? $"{_context.ConstraintsName}.{_context.ConstraintFieldNames()[type.QualifiedName]}" : null;
            string? expression = type.IsCollection && (constraints is not null || nested is not null)
                ? ConstraintsLiteral(constraints, nested is null ? null : "global::" + _context.Model.Namespace + "." + nested)
                : nested is not null ? "global::" + _context.Model.Namespace + "." + nested
                : constraints is not null ? ConstraintsLiteral(constraints)
                : null;
            if (expression is not null)
            {
                checks.Add($"Connection.Validate(nameof({name}), {name}, {expression});");
            }
        }

        return checks;
    }
}
