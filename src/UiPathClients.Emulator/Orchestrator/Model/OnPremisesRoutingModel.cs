using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using UiPathClients.Runtime.Metadata;

namespace UiPathClients.Emulator.Orchestrator.Model;

/// <summary>
/// Turns an on-premises version's EDMX into the model the emulator routes and serializes with, before it is read:
/// <list type="bullet">
/// <item>It takes out the properties the emulator cannot serve: one the cloud class of the same type lacks (2020.10's
/// <c>ReleaseDto.EnvironmentId</c>: classic folders are gone from the cloud), and one whose class member holds another
/// structured type (2019.10's <c>LicenseDto.Allowed</c> is a <c>LicenseFields</c>, the cloud's an untyped value). Such a
/// property is never written (the emulator has no value for it) and a query naming it is refused as naming an unknown
/// property. Key properties stay: a type whose key cannot be bound is left unbound instead, and only unimplemented
/// routes use it.</item>
/// <item>It lets every other non-key property be null. The emulator's data follows the cloud's nullability, and an older
/// version requires some values the cloud does not (2019.10's <c>RobotDto.ProvisionType</c>): a robot created without
/// one is written with null, which the version's client refuses clearly, rather than failing in the middle of the response.</item>
/// </list>
/// The served <c>$metadata</c> is the version's description as it is (<see cref="ServedOrchestratorModel.MetadataDocument"/>).
/// </summary>
internal static class OnPremisesRoutingModel
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    /// <summary>Adapts <paramref name="edmx"/> in place.</summary>
    public static void Adapt(XDocument edmx, IReadOnlyDictionary<string, Type> classes)
    {
        var enums = edmx.Descendants(Edm + "Schema")
            .SelectMany(schema => schema.Elements(Edm + "EnumType").Select(type => (string)schema.Attribute("Namespace")! + "." + (string)type.Attribute("Name")!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var schema in edmx.Descendants(Edm + "Schema"))
        {
            var schemaNamespace = (string)schema.Attribute("Namespace")!;
            foreach (var type in schema.Elements().Where(element => element.Name == Edm + "EntityType" || element.Name == Edm + "ComplexType"))
            {
                if (!classes.TryGetValue(schemaNamespace + "." + (string)type.Attribute("Name")!, out var clrType))
                {
                    continue;
                }

                var keys = type.Elements(Edm + "Key").Elements(Edm + "PropertyRef").Select(key => (string)key.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);
                var members = MembersByJsonName(clrType);
                foreach (var property in type.Elements().Where(element => element.Name == Edm + "Property" || element.Name == Edm + "NavigationProperty").ToList())
                {
                    var name = (string)property.Attribute("Name")!;
                    if (keys.Contains(name))
                    {
                        continue;
                    }

                    if (!CanHold(members.GetValueOrDefault(name), (string)property.Attribute("Type")!, classes, enums))
                    {
                        property.Remove();
                    }
                    else
                    {
                        property.Attribute("Nullable")?.Remove();
                    }
                }
            }
        }
    }

    /// <summary>The class's public properties by their JSON (OData) name, the most derived first.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> MembersByJsonName(Type clrType)
    {
        var members = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        for (var type = clrType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } json)
                {
                    members.TryAdd(json.Name, property);
                }
            }
        }

        return members;
    }

    /// <summary>
    /// Whether <paramref name="member"/> can hold a value of the EDM type <paramref name="edmType"/>: a primitive in a
    /// member that is not a generated class or enum, an enum in a generated enum (members are matched by name), a
    /// structured type in the class generated for that very type (or one derived from it).
    /// </summary>
    private static bool CanHold(PropertyInfo? member, string edmType, IReadOnlyDictionary<string, Type> classes, HashSet<string> enums)
    {
        if (member is null)
        {
            return false;
        }

        var elementName = edmType.StartsWith("Collection(", StringComparison.Ordinal) ? edmType["Collection(".Length..^1] : edmType;
        var memberType = ElementType(member.PropertyType);
        var memberOData = memberType.GetCustomAttribute<ODataTypeAttribute>();
        if (elementName.StartsWith("Edm.", StringComparison.Ordinal))
        {
            return memberOData is null;
        }

        if (enums.Contains(elementName))
        {
            // Enums are written by member name, so another enum with the same names serves (2019.10's RobotWithLicenseType
            // is the cloud's RobotType).
            return memberType.IsEnum;
        }

        // A structured type the cloud does not have at all: nothing the emulator holds is one.
        return classes.TryGetValue(elementName, out var declared) && declared.IsAssignableFrom(memberType);
    }

    /// <summary>The type a member holds one of: <c>T</c> of <c>T?</c>, of a collection of <c>T</c> or <c>T?</c>, of <c>T[]</c>.</summary>
    public static Type ElementType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element])
        {
            return Nullable.GetUnderlyingType(element) ?? element;
        }

        return type.IsArray ? type.GetElementType()! : type;
    }
}
