using System.Collections.Generic;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using static UiPathClients.Generator.Emit.EmitContext;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// Extensible enums (AutoRest's <c>x-ms-enum</c> with <c>modelAsString: true</c>): a readonly struct over the string
/// the service sent, with one static property per known value. Unlike a C# enum it keeps a value this client does not
/// know (a <c>pinkish-gray</c> goblin shark read and written back is still <c>pinkish-gray</c>), so nothing is lost.
/// </summary>
internal sealed class ExtensibleEnumWriter
{
    private readonly EmitContext _context;

    public ExtensibleEnumWriter(EmitContext context) => _context = context;

    public IEnumerable<GeneratedFile> Write(TypeModel type)
    {
        var (@namespace, name, prefix) = _context.Names[type.QualifiedName];
        var full = _context.TypeFullName(type.QualifiedName);
        var converter = _context.ConverterNames[type.QualifiedName];
        var memberNames = _context.EnumMemberNames(type);
        var members = new List<MemberView>();
        var emitted = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in type.Members)
        {
            if (!emitted.Add(member.Name))
            {
                continue;
            }

            var memberName = memberNames[member.Name];
            members.Add(new CodeLines()
                .Lines(DocComment.Lines(member.Documentation))
                .Line($"public static {full} {memberName} {{ get; }} = new {full}({Literal(member.Name)});")
                .ToMember());
        }

        members.Add(new CodeLines()
            .Line("private readonly string? _value;")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <summary>A value as the service spells it, known to this client or not.</summary>")
            .Line("/// <param name=\"value\">The service's spelling.</param>")
            .Line($"public {name}(string value)")
            .Open()
            .Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));")
            .Close()
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <summary>The value as the service spells it.</summary>")
            .Line("public string Value => _value ?? string.Empty;")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <summary>Compares the service's spellings exactly (ordinal, case-sensitive: the service may tell <c>RED</c> from <c>red</c>).</summary>")
            .Line($"public static bool operator ==({full} left, {full} right) => left.Equals(right);")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <summary>Whether the spellings differ.</summary>")
            .Line($"public static bool operator !=({full} left, {full} right) => !left.Equals(right);")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <summary>The value with this spelling.</summary>")
            .Line($"public static implicit operator {full}(string value) => new {full}(value);")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <inheritdoc />")
            .Line($"public bool Equals({full} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <inheritdoc />")
            .Line($"public override bool Equals(object? obj) => obj is {full} other && Equals(other);")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <inheritdoc />")
            .Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);")
            .ToMember());
        members.Add(new CodeLines()
            .Line("/// <inheritdoc />")
            .Line("public override string ToString() => Value;")
            .ToMember());

        yield return new GeneratedFile(
            _context.HintName(type, "Enums"),
            ViewRenderer.RenderCodeFile(new CodeFileView
            {
                Namespace = @namespace,
                GeneratorVersion = _context.GeneratorVersion,
                DocLines = DocComment.Lines(
                    type.Documentation,
                    new List<string> { "Extensible: the service may send values not listed here; they are kept as sent and written back unchanged." }),
                Attributes = new[] { "global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + @namespace + "." + converter + "))" },
                Declaration = $"public readonly partial struct {name} : global::System.IEquatable<{full}>",
                Members = members,
            }));

        var body = new CodeLines()
            .Line("/// <summary>The shared instance (the converter is stateless).</summary>")
            .Line($"public static global::{@namespace}.{converter} Default {{ get; }} = new global::{@namespace}.{converter}();")
            .Blank()
            .Line("/// <inheritdoc />")
            .Line($"public override {full} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>")
            .Indent()
            .Line("reader.TokenType == global::System.Text.Json.JsonTokenType.String")
            .Indent()
            .Line($"? new {full}(reader.GetString()!)")
            .Line($": throw new global::System.Text.Json.JsonException(\"Expected a {name} value as a JSON string, found \" + reader.TokenType + \".\");")
            .Outdent()
            .Outdent()
            .Blank()
            .Line("/// <inheritdoc />")
            .Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {full} value, global::System.Text.Json.JsonSerializerOptions options) =>")
            .Indent()
            .Line("writer.WriteStringValue(value.Value);")
            .Outdent();
        yield return new GeneratedFile(
            _context.FileHint("Enums", prefix + converter),
            ViewRenderer.RenderCodeFile(new CodeFileView
            {
                Namespace = @namespace,
                GeneratorVersion = _context.GeneratorVersion,
                DocLines = new[] { "/// <summary>", $"/// Reads and writes <see cref=\"{full}\"/> as the JSON string the service uses, known or not.", "/// </summary>" },
                Declaration = $"public sealed class {converter} : global::System.Text.Json.Serialization.JsonConverter<{full}>",
                Members = new[] { body.ToMember() },
            }));
    }
}
