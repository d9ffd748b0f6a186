using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace UiPathClients.Emulator.Tool.Metadata;

/// <summary>
/// Writes a <c>$metadata</c> document in one stable form, so that downloading it again from an unchanged service gives
/// the same bytes and a changed service gives a diff of what changed: schemas by namespace; a schema's types,
/// operations and containers by kind then name; a container's sets, singletons and imports by kind then name;
/// navigation bindings by path; out-of-line annotations by target. Declaration order that means something stays:
/// properties and keys (the order of generated members), enum members, operation parameters (a function's signature).
/// Two-space indentation, LF line ends, UTF-8 without a byte order mark.
/// </summary>
internal static class EdmxNormalizer
{
    /// <summary>The normalized text of <paramref name="edmx"/>.</summary>
    /// <exception cref="XmlException">The text is not XML.</exception>
    public static string Normalize(string edmx)
    {
        var document = XDocument.Parse(edmx, LoadOptions.None);
        foreach (var dataServices in document.Descendants().Where(element => element.Name.LocalName == "DataServices"))
        {
            Sort(dataServices, element => (KindOrder(element), element.Attribute("Namespace")?.Value ?? string.Empty));
        }

        foreach (var schema in document.Descendants().Where(element => element.Name.LocalName == "Schema"))
        {
            Sort(schema, element => (KindOrder(element), NameOf(element)));
        }

        foreach (var container in document.Descendants().Where(element => element.Name.LocalName == "EntityContainer"))
        {
            Sort(container, element => (KindOrder(element), NameOf(element)));
        }

        foreach (var set in document.Descendants().Where(element => element.Name.LocalName is "EntitySet" or "Singleton"))
        {
            // Bindings first, by path; annotations after them in the order served.
            Sort(set, element => (element.Name.LocalName == "NavigationPropertyBinding" ? 0 : 1, element.Name.LocalName == "NavigationPropertyBinding" ? element.Attribute("Path")?.Value ?? string.Empty : string.Empty));
        }

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Declaration = new XDeclaration("1.0", "utf-8", null);
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reorders an element's child elements by <paramref name="key"/>; a stable sort, so equal keys keep the served order.</summary>
    private static void Sort(XElement parent, Func<XElement, (int, string)> key)
    {
        var children = parent.Elements().ToList();
        var sorted = children.OrderBy(key, Comparer).ToList();
        if (!children.SequenceEqual(sorted))
        {
            parent.ReplaceNodes(sorted);
        }
    }

    private static readonly System.Collections.Generic.Comparer<(int Kind, string Name)> Comparer =
        System.Collections.Generic.Comparer<(int Kind, string Name)>.Create((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Name, b.Name));

    /// <summary>The name an element is sorted by; overloads of an operation also by what their first parameter (the binding one) takes.</summary>
    private static string NameOf(XElement element)
    {
        var name = element.Attribute("Name")?.Value ?? element.Attribute("Target")?.Value ?? element.Attribute("Term")?.Value ?? string.Empty;
        return element.Name.LocalName is "Action" or "Function"
            && element.Elements().FirstOrDefault(child => child.Name.LocalName == "Parameter")?.Attribute("Type")?.Value is { } first
                ? name + "(" + first + ")"
                : name;
    }

    /// <summary>Where a kind of element goes among its siblings: declarations in CSDL's usual order, annotations last.</summary>
    private static int KindOrder(XElement element) => element.Name.LocalName switch
    {
        "Reference" => 0,
        "Schema" => 1,
        "EnumType" => 10,
        "TypeDefinition" => 11,
        "ComplexType" => 12,
        "EntityType" => 13,
        "Term" => 14,
        "Action" => 15,
        "Function" => 16,
        "EntityContainer" => 17,
        "EntitySet" => 20,
        "Singleton" => 21,
        "ActionImport" => 22,
        "FunctionImport" => 23,
        "Annotations" => 30,
        "Annotation" => 31,
        _ => 40,
    };
}
