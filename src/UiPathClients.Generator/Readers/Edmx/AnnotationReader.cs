using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>
/// Reads the Core vocabulary annotations the generator uses, whether written inline on an element
/// or in a schema-level <c>&lt;Annotations Target="..."&gt;</c> block. Inline annotations win.
/// Annotations with a <c>Qualifier</c> are ignored: they apply to a specific audience or variant.
/// </summary>
internal sealed class AnnotationReader
{
    private static readonly char[] FlagSeparators = { ' ', ',' };

    private readonly TypeNameResolver _resolver;
    private readonly Dictionary<string, List<XElement>> _externalByTarget = new(StringComparer.Ordinal);

    public AnnotationReader(TypeNameResolver resolver) => _resolver = resolver;

    public void AddExternal(XElement annotations)
    {
        var target = (string?)annotations.Attribute("Target");
        if (target is null || annotations.Attribute("Qualifier") is not null)
        {
            return;
        }

        var key = _resolver.ResolveTarget(target);
        if (!_externalByTarget.TryGetValue(key, out var list))
        {
            list = new List<XElement>();
            _externalByTarget.Add(key, list);
        }

        list.AddRange(annotations.Elements(CsdlNames.Edm + "Annotation"));
    }

    public Documentation Documentation(XElement element, string target)
    {
        var description = FindString(element, target, CsdlNames.DescriptionTerm);
        var longDescription = FindString(element, target, CsdlNames.LongDescriptionTerm);
        return description is null && longDescription is null
            ? Model.Documentation.None
            : new Documentation(description, longDescription);
    }

    /// <summary>Reads a tagging term such as Core.Computed: present means true unless it says <c>Bool="false"</c>.</summary>
    public bool IsTagged(XElement element, string target, string term)
    {
        var annotation = Find(element, target, term);
        if (annotation is null)
        {
            return false;
        }

        var value = (string?)annotation.Attribute("Bool") ?? annotation.Element(CsdlNames.Edm + "Bool")?.Value;
        return value is null || !value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads Core.Permissions as member names, e.g. <c>Read</c> or <c>Read,Write</c>.</summary>
    public string? Permissions(XElement element, string target)
    {
        var annotation = Find(element, target, CsdlNames.PermissionsTerm);
        var value = annotation is null
            ? null
            : (string?)annotation.Attribute("EnumMember") ?? annotation.Element(CsdlNames.Edm + "EnumMember")?.Value;
        if (value is null)
        {
            return null;
        }

        // 4.0 separates flag members with spaces, 4.01 also allows commas: "Core.Permission/Read Core.Permission/Write".
        var members = value
            .Split(FlagSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Select(member => member.Substring(member.LastIndexOf('/') + 1));
        return string.Join(",", members);
    }

    /// <summary>
    /// Reads the Capabilities restrictions of an entity set or singleton. Only the set-wide properties count
    /// (<c>Readable</c>, <c>ReadByKeyRestrictions/Readable</c>, <c>Insertable</c>, <c>Updatable</c>,
    /// <c>UpdateMethod</c>, <c>Deletable</c>, <c>Navigability</c>); per-property restrictions are not modelled.
    /// </summary>
    public EntitySetCapabilities Capabilities(XElement element, string target)
    {
        var read = Find(element, target, CsdlNames.ReadRestrictionsTerm)?.Element(CsdlNames.Edm + "Record");
        var update = Find(element, target, CsdlNames.UpdateRestrictionsTerm)?.Element(CsdlNames.Edm + "Record");
        var updatable = BoolProperty(update, "Updatable") ?? true;
        var updateMethods = EnumProperty(update, "UpdateMethod");
        var navigability = EnumProperty(Find(element, target, CsdlNames.NavigationRestrictionsTerm)?.Element(CsdlNames.Edm + "Record"), "Navigability");
        return new EntitySetCapabilities(
            Queryable: BoolProperty(read, "Readable") ?? true,
            ReadableByKey: BoolProperty(RecordProperty(read, "ReadByKeyRestrictions"), "Readable") ?? BoolProperty(read, "Readable") ?? true,
            IndexableByKey: Find(element, target, CsdlNames.IndexableByKeyTerm) is null || IsTagged(element, target, CsdlNames.IndexableByKeyTerm),
            Insertable: BoolProperty(Find(element, target, CsdlNames.InsertRestrictionsTerm)?.Element(CsdlNames.Edm + "Record"), "Insertable") ?? true,
            Replaceable: updatable && (updateMethods is null || updateMethods.Contains("PUT")),
            Patchable: updatable && (updateMethods is null || updateMethods.Contains("PATCH")),
            Deletable: BoolProperty(Find(element, target, CsdlNames.DeleteRestrictionsTerm)?.Element(CsdlNames.Edm + "Record"), "Deletable") ?? true,
            Navigable: navigability is null || !navigability.Contains("None"));
    }

    private static XElement? PropertyValue(XElement? record, string property) =>
        record?.Elements(CsdlNames.Edm + "PropertyValue").FirstOrDefault(value => (string?)value.Attribute("Property") == property);

    private static XElement? RecordProperty(XElement? record, string property) => PropertyValue(record, property)?.Element(CsdlNames.Edm + "Record");

    private static bool? BoolProperty(XElement? record, string property)
    {
        var value = PropertyValue(record, property);
        var text = value is null ? null : (string?)value.Attribute("Bool") ?? value.Element(CsdlNames.Edm + "Bool")?.Value;
        return text is null ? null : !text.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The members of an enum-valued record property, e.g. <c>{ "PATCH", "PUT" }</c>.</summary>
    private static HashSet<string>? EnumProperty(XElement? record, string property)
    {
        var value = PropertyValue(record, property);
        var text = value is null ? null : (string?)value.Attribute("EnumMember") ?? value.Element(CsdlNames.Edm + "EnumMember")?.Value;
        return text is null
            ? null
            : new HashSet<string>(
                text.Split(FlagSeparators, StringSplitOptions.RemoveEmptyEntries).Select(member => member.Substring(member.LastIndexOf('/') + 1)),
                StringComparer.Ordinal);
    }

    /// <summary>Reads the <c>UiPathClients.V1.ParameterLocation</c> of an operation parameter; OData's place when absent or unknown.</summary>
    public ODataParameterLocation ParameterLocation(XElement element, string target) =>
        FindString(element, target, CsdlNames.ParameterLocationTerm)?.Trim() switch
        {
            "Query" => ODataParameterLocation.Query,
            "Segment" => ODataParameterLocation.Segment,
            _ => ODataParameterLocation.OData,
        };

    private string? FindString(XElement element, string target, string term)
    {
        var annotation = Find(element, target, term);
        return annotation is null
            ? null
            : (string?)annotation.Attribute("String") ?? annotation.Element(CsdlNames.Edm + "String")?.Value;
    }

    private XElement? Find(XElement element, string target, string term)
    {
        foreach (var annotation in element.Elements(CsdlNames.Edm + "Annotation"))
        {
            if (Matches(annotation, term))
            {
                return annotation;
            }
        }

        if (_externalByTarget.TryGetValue(target, out var external))
        {
            foreach (var annotation in external)
            {
                if (Matches(annotation, term))
                {
                    return annotation;
                }
            }
        }

        return null;
    }

    private bool Matches(XElement annotation, string term)
    {
        var written = (string?)annotation.Attribute("Term");
        return written is not null
            && annotation.Attribute("Qualifier") is null
            && string.Equals(_resolver.ResolveAlias(written), term, StringComparison.Ordinal);
    }
}
