using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Emit;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>The resolver's dictionary entries and the factory method each one names.</summary>
internal sealed class JsonFactories
{
    private readonly HashSet<string> _usedNames = new(System.StringComparer.Ordinal);

    /// <summary>Each object type's property-list method name, by qualified name: a derived type's list calls its base's.</summary>
    private readonly Dictionary<string, string> _propertiesMethods = new(System.StringComparer.Ordinal);

    public CodeLines Entries { get; } = new();

    public List<MemberView> Methods { get; } = new();

    public void Add(string clrType, string expression) => Add(clrType, new List<string> { expression + ";" });

    /// <summary>Adds <c>[typeof(clrType)] = methodGroup</c>: a runtime factory that needs nothing but the options.</summary>
    public void AddMethodGroup(string clrType, string methodGroup) => Entries.Line($"[typeof({clrType})] = {methodGroup},");

    /// <summary>The name of the method listing the properties of the type named <paramref name="qualifiedName"/> (<c>global::A.B.JobDto</c> → <c>JobDtoProperties</c>), claimed on first use.</summary>
    public string PropertiesMethodOf(string qualifiedName, string clrType)
    {
        if (!_propertiesMethods.TryGetValue(qualifiedName, out var name))
        {
            name = Claim(clrType + "Properties");
            _propertiesMethods.Add(qualifiedName, name);
        }

        return name;
    }

    /// <summary>Adds <c>private static JsonPropertyInfo[] Name(options) =&gt; body</c>, the body starting on the signature's line.</summary>
    public void AddProperties(string name, List<string> body) =>
        Methods.Add(Method($"private static global::System.Text.Json.Serialization.Metadata.JsonPropertyInfo[] {name}({Options} options) =>", body, onSignatureLine: true));

    /// <summary>Adds <c>[typeof(clrType)] = Name</c> and <c>private static JsonTypeInfo Name(options) =&gt; body</c>.</summary>
    /// <param name="clrType">The type the metadata describes.</param>
    /// <param name="body">The method's expression, one line each.</param>
    /// <param name="onSignatureLine">Whether the expression starts on the signature's line (a line saved per object type).</param>
    public void Add(string clrType, List<string> body, bool onSignatureLine = false)
    {
        var name = UniqueName(clrType);
        Entries.Line($"[typeof({clrType})] = {name},");
        Methods.Add(Method($"private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo {name}({Options} options) =>", body, onSignatureLine));
    }

    /// <summary>The method: the signature, then the body on the same line or indented below it.</summary>
    private static MemberView Method(string signature, List<string> body, bool onSignatureLine)
    {
        var method = new CodeLines();
        if (onSignatureLine)
        {
            method.Line(signature + " " + body[0]).Lines(body.Skip(1));
        }
        else
        {
            method.Line(signature).Indent().Lines(body).Outdent();
        }

        return method.ToMember();
    }

    /// <summary><c>global::A.B.JobDto</c> → <c>JobDtoInfo</c>; <c>IList&lt;long?&gt;</c> → <c>IListOfLongNullableInfo</c>; <c>IDictionary&lt;string, int&gt;</c> → <c>IDictionaryOfStringOfIntInfo</c>.</summary>
    private string UniqueName(string clrType)
    {
        var text = clrType.Replace("global::System.Collections.Generic.", string.Empty);
        var builder = new System.Text.StringBuilder();
        foreach (var part in text.Replace("?", "Nullable").Replace("[]", "Array").Split('<', '>', ',', ' '))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var simple = part.Substring(part.LastIndexOf('.') + 1);
            builder.Append(builder.Length == 0 ? string.Empty : "Of").Append(char.ToUpperInvariant(simple[0])).Append(simple.Substring(1));
        }

        return Claim(builder.Append("Info").ToString());
    }

    /// <summary><paramref name="baseName"/>, or with a number appended when a method already has that name.</summary>
    private string Claim(string baseName)
    {
        var simple = baseName.Substring(baseName.LastIndexOf('.') + 1);
        baseName = char.ToUpperInvariant(simple[0]) + simple.Substring(1);
        var name = baseName;
        for (var suffix = 2; !_usedNames.Add(name); suffix++)
        {
            name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
