using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>Schema types: entity and complex types with their properties, enumerations, type definitions, and the inheritance checks over them.</summary>
internal sealed partial class EdmxReader
{
    /// <summary>
    /// A type that (indirectly) derives from itself cannot be emitted, nor can a chain of base types the compiler would walk
    /// for ever; the base type is dropped where either happens, so every later walk up the hierarchy ends soon.
    /// </summary>
    private void BreakInheritanceCycles(List<TypeModel> types, List<(XElement Element, string Namespace, TypeKind Kind)> declarations)
    {
        Dictionary<string, XElement>? elements = null;
        InheritanceChains.Bound(types, (index, problem) =>
        {
            elements ??= declarations
                .GroupBy(declaration => declaration.Namespace + "." + (string?)declaration.Element.Attribute("Name"), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First().Element, StringComparer.Ordinal);
            var element = elements[types[index].QualifiedName];
            var position = _positions.Of(element.Attribute("BaseType") ?? (XObject)element);
            if (problem == BrokenInheritance.Cycle)
            {
                Report(DiagnosticDescriptors.InheritanceCycle, position, types[index].QualifiedName);
            }
            else
            {
                Report(DiagnosticDescriptors.InheritanceTooDeep, position, types[index].QualifiedName, SpecLimits.MaxInheritanceDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
    }

    /// <summary>
    /// A property that repeats one of a base type's would become a second C# member (<c>Id2</c>) for the JSON member the
    /// inherited one already reads; the base type's declaration is kept. Runs after <see cref="BreakInheritanceCycles"/>, so each walk up is short and ends.
    /// </summary>
    private void DropInheritedDuplicates(List<TypeModel> types, List<(XElement Element, string Namespace, TypeKind Kind)> declarations)
    {
        var byName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!byName.ContainsKey(type.QualifiedName))
            {
                byName.Add(type.QualifiedName, type);
            }
        }

        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var ancestor = BaseOf(type); ancestor is not null; ancestor = BaseOf(ancestor))
            {
                foreach (var property in ancestor.Properties)
                {
                    if (!inherited.ContainsKey(property.Name))
                    {
                        inherited.Add(property.Name, ancestor.QualifiedName);
                    }
                }
            }

            if (!type.Properties.Any(property => inherited.ContainsKey(property.Name)))
            {
                continue;
            }

            var element = declarations.First(declaration => declaration.Namespace + "." + (string?)declaration.Element.Attribute("Name") == type.QualifiedName).Element;
            foreach (var property in type.Properties.Where(property => inherited.ContainsKey(property.Name)))
            {
                var declared = element.Elements().FirstOrDefault(child => (string?)child.Attribute("Name") == property.Name) ?? element;
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(declared.Attribute("Name") ?? (XObject)declared), type.QualifiedName, property.Name, $"it repeats the property inherited from '{inherited[property.Name]}'");
            }

            types[i] = type with { Properties = type.Properties.Where(property => !inherited.ContainsKey(property.Name)).ToEquatableArray() };
            byName[type.QualifiedName] = types[i];
        }

        TypeModel? BaseOf(TypeModel type) => type.BaseType is not null && byName.TryGetValue(type.BaseType, out var baseType) ? baseType : null;
    }

    private static TypeKind? DeclarationKind(XElement element)
    {
        if (element.Name.Namespace != CsdlNames.Edm)
        {
            return null;
        }

        return element.Name.LocalName switch
        {
            "EntityType" => TypeKind.Entity,
            "ComplexType" => TypeKind.Complex,
            "EnumType" => TypeKind.Enum,
            "TypeDefinition" => TypeKind.TypeDefinition,
            _ => null,
        };
    }

    private TypeModel? ReadStructuredType(XElement element, string @namespace, TypeKind kind)
    {
        var name = (string)element.Attribute("Name")!;
        var qualifiedName = @namespace + "." + name;

        string? baseType = null;
        var baseTypeAttribute = element.Attribute("BaseType");
        if (baseTypeAttribute is not null)
        {
            var resolved = _resolver.ResolveAlias(baseTypeAttribute.Value.Trim());
            if (_resolver.KindOf(resolved) == kind)
            {
                baseType = resolved;
            }
            else
            {
                Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(baseTypeAttribute), $"The base type of '{qualifiedName}'", baseTypeAttribute.Value, "base type");
            }
        }

        var key = new List<string>();
        foreach (var propertyRef in element.Elements(CsdlNames.Edm + "Key").Elements(CsdlNames.Edm + "PropertyRef"))
        {
            var keyName = (string?)propertyRef.Attribute("Name");
            if (keyName is null)
            {
                ReportMissing(propertyRef, "PropertyRef", "Name");
            }
            else
            {
                key.Add(keyName);
            }
        }

        var properties = new List<PropertyModel>();
        foreach (var child in element.Elements())
        {
            var propertyKind = child.Name == CsdlNames.Edm + "Property" ? PropertyKind.Structural
                : child.Name == CsdlNames.Edm + "NavigationProperty" ? PropertyKind.Navigation
                : (PropertyKind?)null;
            if (propertyKind is null || ReadProperty(child, qualifiedName, propertyKind.Value) is not { } property)
            {
                continue;
            }

            // Two members of one name would not compile; CSDL forbids it, and the first is what a reader of the document sees.
            if (properties.Find(existing => existing.Name == property.Name) is { } first)
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(child.Attribute("Name")!), qualifiedName, property.Name, $"this {child.Name.LocalName} repeats the {(first.Kind == PropertyKind.Navigation ? "NavigationProperty" : "Property")} declared before it");
                continue;
            }

            properties.Add(property);
        }

        return new TypeModel(
            kind,
            @namespace,
            name,
            baseType,
            IsAbstract: ReadBoolean(element, "Abstract", false),
            IsOpen: ReadBoolean(element, "OpenType", false),
            HasStream: ReadBoolean(element, "HasStream", false),
            key.ToEquatableArray(),
            properties.ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            UnderlyingType: null,
            IsFlags: false,
            _annotations.Documentation(element, qualifiedName));
    }

    private PropertyModel? ReadProperty(XElement element, string declaringType, PropertyKind kind)
    {
        var name = (string?)element.Attribute("Name");
        if (name is null)
        {
            ReportMissing(element, element.Name.LocalName, "Name");
            return null;
        }

        var description = $"Property '{declaringType}/{name}'";
        var typeAttribute = element.Attribute("Type");
        if (typeAttribute is null)
        {
            ReportMissing(element, description, "Type");
            return null;
        }

        var isNullable = ReadBoolean(element, "Nullable", true);
        var type = ResolveType(typeAttribute, isNullable, description, "property");
        if (type is null)
        {
            return null;
        }

        // Edm.EntityType is the abstract "any entity" a vocabulary may point at.
        if (kind == PropertyKind.Navigation && _resolver.KindOf(type.QualifiedName) != TypeKind.Entity && type.QualifiedName != "Edm.EntityType")
        {
            Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(typeAttribute), description, typeAttribute.Value + " (not an entity type)", "navigation property");
            return null;
        }

        var target = declaringType + "/" + name;
        return new PropertyModel(
            kind,
            name,
            type,
            ContainsTarget: kind == PropertyKind.Navigation && ReadBoolean(element, "ContainsTarget", false),
            Partner: (string?)element.Attribute("Partner"),
            IsComputed: _annotations.IsTagged(element, target, CsdlNames.ComputedTerm),
            IsImmutable: _annotations.IsTagged(element, target, CsdlNames.ImmutableTerm),
            Permissions: _annotations.Permissions(element, target),
            _annotations.Documentation(element, target));
    }

    private TypeModel? ReadEnumType(XElement element, string @namespace)
    {
        var name = (string)element.Attribute("Name")!;
        var qualifiedName = @namespace + "." + name;

        var underlyingType = "Edm.Int32";
        var underlyingAttribute = element.Attribute("UnderlyingType");
        if (underlyingAttribute is not null)
        {
            var resolved = _resolver.ResolveAlias(underlyingAttribute.Value.Trim());
            if (EdmPrimitiveTypes.EnumUnderlyingTypes.Contains(resolved))
            {
                underlyingType = resolved;
            }
            else
            {
                ReportInvalidValue(underlyingAttribute, $"enum type '{qualifiedName}'", "Edm.Int32");
            }
        }

        var members = new List<EnumMemberModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        long? nextValue = 0;
        foreach (var member in element.Elements(CsdlNames.Edm + "Member"))
        {
            var memberName = (string?)member.Attribute("Name");
            if (memberName is null)
            {
                ReportMissing(member, $"A member of enum type '{qualifiedName}'", "Name");
                continue;
            }

            if (!memberNames.Add(memberName))
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(member.Attribute("Name")!), qualifiedName, memberName, "this Member repeats the Member declared before it");
                continue;
            }

            var valueAttribute = member.Attribute("Value");
            if (valueAttribute is null && nextValue is null)
            {
                ReportMissing(member, $"Member '{memberName}' of enum type '{qualifiedName}' comes after the largest Edm.Int64 value, so it has no position, and", "Value");
                continue;
            }

            var value = nextValue ?? 0;
            if (valueAttribute is not null && !long.TryParse(valueAttribute.Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value))
            {
                value = nextValue ?? 0;
                ReportInvalidValue(valueAttribute, $"enum member '{qualifiedName}/{memberName}'", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // CSDL: members without Value take their position, which is what nextValue tracks.
            nextValue = value == long.MaxValue ? null : value + 1;
            members.Add(new EnumMemberModel(memberName, value, _annotations.Documentation(member, qualifiedName + "/" + memberName)));
        }

        underlyingType = FittingUnderlyingType(element, qualifiedName, underlyingType, members);

        return TypeModel.Scalar(
            TypeKind.Enum,
            @namespace,
            name,
            underlyingType,
            members.ToEquatableArray(),
            ReadBoolean(element, "IsFlags", false),
            _annotations.Documentation(element, qualifiedName));
    }

    /// <summary>
    /// The declared underlying type when every member's value fits it; else (the C# enum would not compile) the narrowest
    /// signed type that holds them all, with a warning on the attribute — or on the first member out of range when the
    /// type was not declared.
    /// </summary>
    private string FittingUnderlyingType(XElement element, string qualifiedName, string underlyingType, List<EnumMemberModel> members)
    {
        var outOfRange = members.FirstOrDefault(member => !EdmPrimitiveTypes.FitsEnumUnderlyingType(underlyingType, member.Value));
        if (outOfRange is null)
        {
            return underlyingType;
        }

        var widened = EdmPrimitiveTypes.WidenEnumUnderlyingType(members.Min(member => member.Value), members.Max(member => member.Value));
        var reason = $"enum type '{qualifiedName}' (member '{outOfRange.Name}' = {outOfRange.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not fit it)";
        if (element.Attribute("UnderlyingType") is { } declared)
        {
            ReportInvalidValue(declared, reason, widened);
        }
        else
        {
            var memberElement = element.Elements(CsdlNames.Edm + "Member").First(candidate => (string?)candidate.Attribute("Name") == outOfRange.Name);
            Report(DiagnosticDescriptors.InvalidAttributeValue, _positions.Of(memberElement), "Value", $"enum member '{qualifiedName}/{outOfRange.Name}'", outOfRange.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), widened + " as the underlying type of the enum");
        }

        return widened;
    }

    private TypeModel? ReadTypeDefinition(XElement element, string @namespace)
    {
        var name = (string)element.Attribute("Name")!;
        var qualifiedName = @namespace + "." + name;
        var underlyingAttribute = element.Attribute("UnderlyingType");
        if (underlyingAttribute is null)
        {
            ReportMissing(element, $"Type definition '{qualifiedName}'", "UnderlyingType");
            return null;
        }

        var underlying = _resolver.ResolveAlias(underlyingAttribute.Value.Trim());
        if (!EdmPrimitiveTypes.IsPrimitive(underlying))
        {
            Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(underlyingAttribute), $"Type definition '{qualifiedName}'", underlyingAttribute.Value, "type definition");
            return null;
        }

        return TypeModel.Scalar(
            TypeKind.TypeDefinition,
            @namespace,
            name,
            underlying,
            EquatableArray<EnumMemberModel>.Empty,
            isFlags: false,
            _annotations.Documentation(element, qualifiedName));
    }
}
