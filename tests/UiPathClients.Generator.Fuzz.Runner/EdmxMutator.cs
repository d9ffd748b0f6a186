using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace UiPathClients.Generator.Fuzz;

/// <summary>Structure-aware mutations of an EDMX document, a slicer for big ones, and a writer that keeps every character.</summary>
internal static class EdmxMutator
{
    private static readonly string[] TypeLevel = { "EntityType", "ComplexType", "EnumType", "TypeDefinition", "Action", "Function", "Term" };

    private static readonly string[] WrongValues =
    {
        "Edm.Nonsense", "Collection(", "Collection(Edm.String", "maybe", "-1", "1e400", "abc", "2", "Edm.String", "", " ", "Self.Self",
        "Collection(Collection(Edm.Int32))", "max", "variable", "NaN", "Edm.Untyped", "Edm.EntityType", "Edm.PrimitiveType", "5.0",
    };

    private delegate string Mutation(XDocument document, Random random);

    private static readonly (string Name, Mutation Apply, int Weight)[] Mutations =
    {
        ("text", InjectText, 5),
        ("name", RenameName, 5),
        ("duplicate-name", DuplicateName, 4),
        ("wrong-type", WrongValue, 3),
        ("number", OddNumber, 3),
        ("delete", Delete, 2),
        ("base-type", BaseTypeCycle, 2),
        ("deep", DeepNesting, 1),
        ("move", MoveElement, 1),
    };

    public static XDocument Parse(string text) => XDocument.Parse(text, LoadOptions.None);

    /// <summary>Serializes without checking characters, so NUL or a lone surrogate reach the generator as they are.</summary>
    public static string Write(XDocument document)
    {
        try
        {
            return WriteUnchecked(document);
        }
        catch (ArgumentException)
        {
            // XmlWriter refuses a lone surrogate even unchecked; such text goes out as U+FFFD (the other hostile characters stay).
            foreach (var attribute in document.Descendants().SelectMany(element => element.Attributes()))
            {
                attribute.Value = WithoutLoneSurrogates(attribute.Value);
            }

            foreach (var text in document.DescendantNodes().OfType<XText>())
            {
                text.Value = WithoutLoneSurrogates(text.Value);
            }

            return WriteUnchecked(document);
        }
    }

    private static string WriteUnchecked(XDocument document)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { CheckCharacters = false, Indent = true, OmitXmlDeclaration = false }))
        {
            document.Save(writer);
        }

        return builder.ToString();
    }

    private static string WithoutLoneSurrogates(string text)
    {
        var characters = text.ToCharArray();
        for (var i = 0; i < characters.Length; i++)
        {
            if (char.IsHighSurrogate(characters[i]) && i + 1 < characters.Length && char.IsLowSurrogate(characters[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(characters[i]))
            {
                characters[i] = '\uFFFD';
            }
        }

        return new string(characters);
    }

    public static string Mutate(XDocument document, Random random)
    {
        var total = Mutations.Sum(mutation => mutation.Weight);
        var pick = random.Next(total);
        foreach (var (name, apply, weight) in Mutations)
        {
            if (pick < weight)
            {
                return name + ": " + apply(document, random);
            }

            pick -= weight;
        }

        throw new InvalidOperationException("unreachable");
    }

    private static string Where(XElement element)
    {
        var name = element.Attribute("Name")?.Value ?? element.Attribute("Term")?.Value ?? element.Attribute("Target")?.Value;
        return name is null ? element.Name.LocalName : $"{element.Name.LocalName} '{OpenApiMutator.Shorten(name)}'";
    }

    private static List<XElement> Elements(XDocument document, params string[] localNames) =>
        document.Descendants().Where(element => localNames.Length == 0 || localNames.Contains(element.Name.LocalName)).ToList();

    /// <summary>Hostile text in names, namespaces, descriptions, annotation strings and enum values.</summary>
    private static string InjectText(XDocument document, Random random)
    {
        var attributes = document.Descendants().SelectMany(element => element.Attributes())
            .Where(attribute => !attribute.IsNamespaceDeclaration && attribute.Name.LocalName is "Name" or "Namespace" or "Alias" or "String" or "Value" or "Term" or "Target" or "EntitySetPath" or "Path")
            .ToList();
        var texts = document.Descendants().Where(element => element.Name.LocalName is "String" or "LongDescription" or "Summary" && !element.HasElements).ToList();
        if (texts.Count > 0 && random.Next(3) == 0)
        {
            var element = random.Pick(texts);
            var (textLabel, hostileText) = Hostile.Text(random, element.Value);
            element.Value = hostileText;
            return $"{textLabel} in <{element.Name.LocalName}> under {Where(element.Parent!)}";
        }

        if (attributes.Count == 0)
        {
            return "no text field";
        }

        var attribute = random.Pick(attributes);
        var (label, hostile) = Hostile.Text(random, attribute.Value);
        var where = $"{attribute.Name.LocalName} of {Where(attribute.Parent!)}";
        RenameEverywhere(document, attribute, hostile);
        return $"{label} in {where}";
    }

    /// <summary>Sets a Name (or Namespace) and, for types and namespaces, every reference to it, so the rename is not just a broken reference.</summary>
    private static void RenameEverywhere(XDocument document, XAttribute attribute, string newValue)
    {
        var element = attribute.Parent!;
        var oldValue = attribute.Value;
        attribute.Value = newValue;
        string? oldQualified = null, newQualified = null;
        if (attribute.Name.LocalName == "Namespace" && element.Name.LocalName == "Schema")
        {
            (oldQualified, newQualified) = (oldValue + ".", newValue + ".");
        }
        else if (attribute.Name.LocalName == "Name" && TypeLevel.Contains(element.Name.LocalName) && element.Parent?.Attribute("Namespace")?.Value is { } ns)
        {
            (oldQualified, newQualified) = (ns + "." + oldValue, ns + "." + newValue);
        }

        if (oldQualified is null)
        {
            return;
        }

        foreach (var reference in document.Descendants().SelectMany(e => e.Attributes())
                     .Where(a => a != attribute && a.Name.LocalName is "Type" or "BaseType" or "EntityType" or "UnderlyingType" or "Action" or "Function" or "Term" or "Target"))
        {
            var value = reference.Value;
            var bare = value.StartsWith("Collection(", StringComparison.Ordinal) ? value.Substring(11).TrimEnd(')') : value;
            var matches = oldQualified.EndsWith('.') ? bare.StartsWith(oldQualified, StringComparison.Ordinal) : bare == oldQualified || bare.StartsWith(oldQualified + "/", StringComparison.Ordinal);
            if (matches)
            {
                reference.Value = value.Replace(oldQualified, newQualified!, StringComparison.Ordinal);
            }
        }
    }

    private static string RenameName(XDocument document, Random random)
    {
        var named = document.Descendants().Where(element => element.Attribute("Name") is not null).ToList();
        if (named.Count == 0)
        {
            return "no names";
        }

        var element = random.Pick(named);
        var (label, name) = random.Pick(Hostile.Names);
        var where = Where(element);
        RenameEverywhere(document, element.Attribute("Name")!, name);
        return $"{label} for {where}";
    }

    /// <summary>A property, navigation property, enum member, parameter or type declared twice (exactly, or by case).</summary>
    private static string DuplicateName(XDocument document, Random random)
    {
        var candidates = Elements(document, "Property", "NavigationProperty", "Member", "Parameter", "EntityType", "ComplexType", "EnumType", "EntitySet", "Action", "Function");
        if (candidates.Count == 0)
        {
            return "no members";
        }

        var element = random.Pick(candidates);
        var twin = new XElement(element);
        var name = element.Attribute("Name")?.Value ?? string.Empty;
        var twinName = random.Next(3) switch
        {
            0 => name,
            1 => name.ToUpperInvariant() == name ? name.ToLowerInvariant() : name.ToUpperInvariant(),
            _ => name + "_",
        };
        twin.SetAttributeValue("Name", twinName);
        element.AddAfterSelf(twin);
        return $"{Where(element)} and '{twinName}' side by side";
    }

    private static string WrongValue(XDocument document, Random random)
    {
        var attributes = document.Descendants().SelectMany(element => element.Attributes()).Where(attribute => !attribute.IsNamespaceDeclaration).ToList();
        var attribute = random.Pick(attributes);
        var value = random.Pick(WrongValues);
        var where = $"{attribute.Name.LocalName} of {Where(attribute.Parent!)}";
        attribute.Value = value;
        return $"'{value}' as {where}";
    }

    /// <summary>Enum member values that overflow the underlying type, odd facet numbers, odd defaults.</summary>
    private static string OddNumber(XDocument document, Random random)
    {
        var number = random.Pick(Hostile.Numbers);
        var enums = Elements(document, "EnumType").Where(element => element.Elements().Any(child => child.Name.LocalName == "Member")).ToList();
        if (enums.Count > 0 && random.Next(3) != 0)
        {
            var enumType = random.Pick(enums);
            if (random.Next(2) == 0)
            {
                enumType.SetAttributeValue("UnderlyingType", random.Pick(new[] { "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64" }));
            }

            var member = random.Pick(enumType.Elements().Where(child => child.Name.LocalName == "Member").ToList());
            member.SetAttributeValue("Value", number);
            return $"Value {number} for {Where(member)} of {Where(enumType)} ({enumType.Attribute("UnderlyingType")?.Value ?? "Edm.Int32"})";
        }

        var facets = document.Descendants().SelectMany(element => element.Attributes())
            .Where(attribute => attribute.Name.LocalName is "MaxLength" or "Precision" or "Scale" or "SRID" or "DefaultValue" or "Int" or "Decimal" or "Float").ToList();
        if (facets.Count == 0)
        {
            return "no numbers";
        }

        var facet = random.Pick(facets);
        var where = $"{facet.Name.LocalName} of {Where(facet.Parent!)}";
        facet.Value = number;
        return $"{number} as {where}";
    }

    private static string Delete(XDocument document, Random random)
    {
        var nodes = document.Root!.Descendants().ToList();
        if (random.Next(2) == 0 && nodes.Count > 0)
        {
            var element = random.Pick(nodes);
            var where = Where(element);
            element.Remove();
            return where;
        }

        var attributes = document.Descendants().SelectMany(element => element.Attributes()).Where(attribute => !attribute.IsNamespaceDeclaration).ToList();
        var attribute = random.Pick(attributes);
        var at = $"{attribute.Name.LocalName} of {Where(attribute.Parent!)}";
        attribute.Remove();
        return at;
    }

    /// <summary>A type deriving from itself, or a cycle through two or three types.</summary>
    private static string BaseTypeCycle(XDocument document, Random random)
    {
        var types = Elements(document, "EntityType", "ComplexType").Where(element => element.Parent?.Attribute("Namespace") is not null).ToList();
        if (types.Count == 0)
        {
            return "no structured types";
        }

        var kind = random.Pick(types).Name.LocalName;
        var chain = types.Where(type => type.Name.LocalName == kind).OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
        for (var i = 0; i < chain.Count; i++)
        {
            var next = chain[(i + 1) % chain.Count];
            chain[i].SetAttributeValue("BaseType", next.Parent!.Attribute("Namespace")!.Value + "." + next.Attribute("Name")?.Value);
        }

        return "cycle " + string.Join(" -> ", chain.Append(chain[0]).Select(Where));
    }

    /// <summary>Deeply nested annotation records or collections inside an element.</summary>
    private static string DeepNesting(XDocument document, Random random)
    {
        var hosts = Elements(document, "EntityType", "ComplexType", "Property", "Schema");
        var host = random.Pick(hosts);
        var depth = random.Pick(new[] { 100, 1000, 5000 });
        XNamespace edm = host.Name.Namespace;
        XElement inner = new XElement(edm + "String", "leaf");
        for (var level = 0; level < depth; level++)
        {
            inner = random.Next(2) == 0
                ? new XElement(edm + "Record", new XElement(edm + "PropertyValue", new XAttribute("Property", "p"), inner))
                : new XElement(edm + "Collection", inner);
        }

        host.Add(new XElement(edm + "Annotation", new XAttribute("Term", "Org.OData.Core.V1.Description"), inner));
        return $"annotation {depth} levels deep in {Where(host)}";
    }

    /// <summary>An element where the schema does not allow it (a Property in a Schema, a Member in an EntityType…).</summary>
    private static string MoveElement(XDocument document, Random random)
    {
        var all = document.Root!.Descendants().ToList();
        var element = random.Pick(all);
        var target = random.Pick(all);
        if (target == element || element.DescendantsAndSelf().Contains(target))
        {
            return "no move";
        }

        var where = $"{Where(element)} into {Where(target)}";
        element.Remove();
        target.Add(element);
        return where;
    }

    /// <summary>
    /// A small document cut from a big one: a few random types or operations per document and every type they
    /// reference (by namespace or alias), with the container keeping only sets and imports of what is left.
    /// </summary>
    public static string Slice(XDocument document, Random random)
    {
        var schemas = Elements(document, "Schema");
        var byQualifiedName = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);
        var typeLevel = new List<XElement>();
        foreach (var schema in schemas)
        {
            foreach (var element in schema.Elements().Where(e => TypeLevel.Contains(e.Name.LocalName)))
            {
                typeLevel.Add(element);
                foreach (var prefix in new[] { schema.Attribute("Namespace")?.Value, schema.Attribute("Alias")?.Value }.Where(p => p is not null))
                {
                    var key = prefix + "." + element.Attribute("Name")?.Value;
                    if (!byQualifiedName.TryGetValue(key, out var list))
                    {
                        byQualifiedName[key] = list = new List<XElement>();
                    }

                    list.Add(element);
                }
            }

            // Out-of-line annotations are most of a big document (Graph); the slice drops them.
            foreach (var annotations in schema.Elements().Where(e => e.Name.LocalName == "Annotations").ToList())
            {
                annotations.Remove();
            }
        }

        var kept = new HashSet<XElement>(typeLevel.Where(e => e.Name.LocalName != "Term").OrderBy(_ => random.Next()).Take(1 + random.Next(5)));
        var pending = new Stack<XElement>(kept);
        while (pending.Count > 0)
        {
            foreach (var value in pending.Pop().DescendantsAndSelf().SelectMany(e => e.Attributes()).Select(a => a.Value))
            {
                var bare = value.StartsWith("Collection(", StringComparison.Ordinal) ? value.Substring(11).TrimEnd(')') : value;
                if (byQualifiedName.TryGetValue(bare, out var targets))
                {
                    foreach (var target in targets.Where(kept.Add))
                    {
                        pending.Push(target);
                    }
                }
            }
        }

        foreach (var element in typeLevel.Where(e => !kept.Contains(e)))
        {
            element.Remove();
        }

        string Bare(string? value) => value is null ? string.Empty : value.StartsWith("Collection(", StringComparison.Ordinal) ? value.Substring(11).TrimEnd(')') : value;
        var keptNames = new HashSet<string>(byQualifiedName.Where(pair => pair.Value.Any(kept.Contains)).Select(pair => pair.Key), StringComparer.Ordinal);
        var keptSets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in Elements(document, "EntityContainer").SelectMany(container => container.Elements()).ToList())
        {
            var refersTo = child.Attribute("EntityType")?.Value ?? child.Attribute("Type")?.Value ?? child.Attribute("Action")?.Value ?? child.Attribute("Function")?.Value;
            if (refersTo is not null && keptNames.Contains(Bare(refersTo)))
            {
                keptSets.Add(child.Attribute("Name")?.Value ?? string.Empty);
            }
            else
            {
                child.Remove();
            }
        }

        foreach (var binding in Elements(document, "NavigationPropertyBinding").Where(b => !keptSets.Contains((b.Attribute("Target")?.Value ?? string.Empty).Split('/').Last())).ToList())
        {
            binding.Remove();
        }

        return $"slice of {kept.Count} types and operations";
    }
}
