using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.EndToEnd.Tests.Routing;

/// <summary>
/// Every route of the bundled Orchestrator description, read with <see cref="CsdlReader"/> independently of the
/// emulator's own reading: each entity set with the methods its Capabilities annotations allow, <c>Set(key)</c>,
/// <c>Set/$count</c>, each bound operation on every set of its binding type (collection or entity), each operation
/// import. Each route comes with a minimal request: dummy keys and parameters of the right EDM types, placed where
/// the description says the service reads them (<c>UiPathClients.V1.ParameterLocation</c>).
/// </summary>
internal static class DescribedRouteCatalog
{
    private const string Capabilities = "Org.OData.Capabilities.V1.";
    private const string ParameterLocationTerm = "UiPathClients.V1.ParameterLocation";

    /// <summary>The model of the bundled (cloud) EDMX.</summary>
    public static IEdmModel Model { get; } = Load(TestPaths.BundledOrchestratorSpec);

    /// <summary>Every route of the cloud description, in the EDMX's order.</summary>
    public static IReadOnlyList<DescribedRoute> Routes { get; } = Enumerate(Model);

    /// <summary>Every route of the EDMX at <paramref name="edmxPath"/> (a bundled on-premises version), in its order.</summary>
    public static IReadOnlyList<DescribedRoute> Of(string edmxPath) => Enumerate(Load(edmxPath));

    private static IEdmModel Load(string edmxPath)
    {
        using var xml = XmlReader.Create(edmxPath);
        if (!CsdlReader.TryParse(xml, out var model, out var errors))
        {
            throw new InvalidOperationException($"{edmxPath} does not parse: " + string.Join("; ", errors.Select(error => error.ErrorMessage)));
        }

        return model;
    }

    private static List<DescribedRoute> Enumerate(IEdmModel model)
    {
        var routes = new List<DescribedRoute>();
        var sets = model.EntityContainer.EntitySets().ToList();
        foreach (var set in sets)
        {
            var annotations = model.FindVocabularyAnnotations(set).ToList();
            IEdmRecordExpression? Record(string term) =>
                annotations.FirstOrDefault(annotation => annotation.Term.FullName() == Capabilities + term)?.Value as IEdmRecordExpression;

            var read = Record("ReadRestrictions");
            var update = Record("UpdateRestrictions");
            var readable = Flag(read, "Readable") ?? true;
            var readableByKey = Flag(Property(read, "ReadByKeyRestrictions") as IEdmRecordExpression, "Readable") ?? readable;
            var indexable = annotations.FirstOrDefault(annotation => annotation.Term.FullName() == Capabilities + "IndexableByKey")?.Value is not IEdmBooleanConstantExpression { Value: false };
            var updatable = Flag(update, "Updatable") ?? true;
            var updateMethods = (Property(update, "UpdateMethod") as IEdmEnumMemberExpression)?.EnumMembers.Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
            var key = "(" + Literal(set.EntityType.Key().Single().Type) + ")";

            if (readable)
            {
                routes.Add(new(RouteKind.Set, set.Name, "GET", set.Name, null, null));
                routes.Add(new(RouteKind.Set, set.Name, "GET", set.Name + "/$count", null, null));
            }

            if (Flag(Record("InsertRestrictions"), "Insertable") ?? true)
            {
                routes.Add(new(RouteKind.Set, set.Name, "POST", set.Name, null, "{}"));
            }

            if (!indexable)
            {
                continue;
            }

            if (readableByKey)
            {
                routes.Add(new(RouteKind.Entity, set.Name, "GET", set.Name + key, null, null));
            }

            if (updatable && (updateMethods is null || updateMethods.Contains("PUT")))
            {
                routes.Add(new(RouteKind.Entity, set.Name, "PUT", set.Name + key, null, "{}"));
            }

            if (updatable && (updateMethods is null || updateMethods.Contains("PATCH")))
            {
                routes.Add(new(RouteKind.Entity, set.Name, "PATCH", set.Name + key, null, "{}"));
            }

            if (Flag(Record("DeleteRestrictions"), "Deletable") ?? true)
            {
                routes.Add(new(RouteKind.Entity, set.Name, "DELETE", set.Name + key, null, null));
            }
        }

        foreach (var operation in model.SchemaElements.OfType<IEdmOperation>().Where(operation => operation.IsBound))
        {
            var binding = operation.Parameters.First().Type;
            var onCollection = binding.IsCollection();
            var bindingType = onCollection ? binding.AsCollection().ElementType().Definition : binding.Definition;
            foreach (var set in sets.Where(set => set.EntityType == bindingType))
            {
                var target = onCollection ? set.Name : set.Name + "(" + Literal(set.EntityType.Key().Single().Type) + ")";
                routes.Add(Invocation(model, onCollection ? RouteKind.BoundToSet : RouteKind.BoundToEntity, set.Name, target + "/", operation, operation.Parameters.Skip(1)));
            }
        }

        foreach (var import in model.EntityContainer.OperationImports())
        {
            routes.Add(Invocation(model, RouteKind.Import, import.Name, string.Empty, import.Operation, import.Operation.Parameters) with { Path = import.Name + PathArguments(model, import.Operation, import.Operation.Parameters) });
        }

        return routes;
    }

    /// <summary>A bound operation's route: function arguments in the path, action arguments in the body, unless the description places them elsewhere.</summary>
    private static DescribedRoute Invocation(IEdmModel model, RouteKind kind, string owner, string prefix, IEdmOperation operation, IEnumerable<IEdmOperationParameter> parameters)
    {
        var list = parameters.ToList();
        var query = list.Where(parameter => Location(model, parameter) == "Query").ToList();
        var body = operation.IsAction() ? list.Where(parameter => Location(model, parameter) is null).ToList() : [];
        var path = prefix + operation.FullName() + PathArguments(model, operation, list);
        if (query.Count > 0)
        {
            path += "?" + string.Join("&", query.Select(parameter => parameter.Name + "=" + Uri.EscapeDataString(QueryValue(parameter.Type))));
        }

        return new(kind, owner, operation.IsAction() ? "POST" : "GET", path, operation.FullName(), operation.IsAction() ? Body(body) : null);
    }

    private static string PathArguments(IEdmModel model, IEdmOperation operation, IEnumerable<IEdmOperationParameter> parameters)
    {
        var inPath = parameters.Where(parameter => operation.IsAction() ? Location(model, parameter) == "Segment" : Location(model, parameter) != "Query").ToList();
        if (operation.IsAction() && inPath.Count == 0)
        {
            return string.Empty;
        }

        return "(" + string.Join(",", inPath.Select(parameter => parameter.Name + "=" + Literal(parameter.Type))) + ")";
    }

    /// <summary>A plain query-string value (the service reads these parameters as ASP.NET query values, one value for a collection).</summary>
    private static string QueryValue(IEdmTypeReference type) =>
        Literal(type.IsCollection() ? type.AsCollection().ElementType() : type, inQueryString: true);

    private static string? Location(IEdmModel model, IEdmOperationParameter parameter) =>
        (model.FindVocabularyAnnotations(parameter).FirstOrDefault(annotation => annotation.Term.FullName() == ParameterLocationTerm)?.Value as IEdmStringConstantExpression)?.Value;

    /// <summary>A JSON body naming every body parameter with a dummy value of its type (an empty object for a complex one).</summary>
    private static string Body(IReadOnlyList<IEdmOperationParameter> parameters)
    {
        var json = new StringBuilder("{");
        foreach (var parameter in parameters)
        {
            json.Append(json.Length > 1 ? "," : string.Empty).Append('"').Append(parameter.Name).Append("\":").Append(JsonValue(parameter.Type));
        }

        return json.Append('}').ToString();
    }

    private static string JsonValue(IEdmTypeReference type)
    {
        if (type.IsCollection())
        {
            return "[]";
        }

        if (type.IsEnum())
        {
            return "\"" + type.AsEnum().EnumDefinition().Members.First().Name + "\"";
        }

        if (!type.IsPrimitive())
        {
            return "{}";
        }

        return type.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.String or EdmPrimitiveTypeKind.Guid or EdmPrimitiveTypeKind.DateTimeOffset => "\"" + Literal(type, inQueryString: true) + "\"",
            _ => Literal(type, inQueryString: true),
        };
    }

    /// <summary>A URL literal of an EDM type: quoted strings, unquoted GUIDs and numbers, qualified enum members, JSON arrays for collections.</summary>
    private static string Literal(IEdmTypeReference type, bool inQueryString = false)
    {
        if (type.IsCollection())
        {
            var element = type.AsCollection().ElementType();
            return Uri.EscapeDataString("[" + (element.IsString() ? "\"x\"" : Literal(element)) + "]");
        }

        if (type.IsEnum())
        {
            var member = type.AsEnum().EnumDefinition().Members.First().Name;
            return inQueryString ? member : type.FullName() + "'" + member + "'";
        }

        if (!type.IsPrimitive())
        {
            throw new InvalidOperationException($"No literal for the structured type {type.FullName()}.");
        }

        return type.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.String => inQueryString ? "no-such-thing" : "'no-such-thing'",
            EdmPrimitiveTypeKind.Guid => "6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            EdmPrimitiveTypeKind.Int64 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Byte => "424242",
            EdmPrimitiveTypeKind.Boolean => "true",
            EdmPrimitiveTypeKind.DateTimeOffset => "2026-01-01T00:00:00Z",
            EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Decimal => 1.5.ToString(CultureInfo.InvariantCulture),
            var other => throw new InvalidOperationException($"No dummy literal for Edm.{other}."),
        };
    }

    private static IEdmExpression? Property(IEdmRecordExpression? record, string name) =>
        record?.Properties.FirstOrDefault(property => property.Name == name)?.Value;

    private static bool? Flag(IEdmRecordExpression? record, string name) =>
        Property(record, name) is IEdmBooleanConstantExpression constant ? constant.Value : null;
}

/// <summary>What a described route addresses.</summary>
internal enum RouteKind
{
    /// <summary><c>Set</c> and <c>Set/$count</c>.</summary>
    Set,

    /// <summary><c>Set(key)</c>.</summary>
    Entity,

    /// <summary>A bound operation on <c>Set</c>.</summary>
    BoundToSet,

    /// <summary>A bound operation on <c>Set(key)</c>.</summary>
    BoundToEntity,

    /// <summary>An operation import.</summary>
    Import,
}

/// <summary>One route of the description and the minimal request the tests send it.</summary>
/// <param name="Kind">What it addresses.</param>
/// <param name="Owner">The entity set (or import) it belongs to.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query under <c>odata/</c>, with dummy keys and arguments.</param>
/// <param name="Operation">The qualified operation it invokes, if any.</param>
/// <param name="Body">The JSON body to send, if any.</param>
internal sealed record DescribedRoute(RouteKind Kind, string Owner, string Method, string Path, string? Operation, string? Body)
{
    /// <summary><c>Set/Ns.Op</c> or <c>Set(key)/Ns.Op</c>, without arguments, for a route that invokes an operation; null otherwise.</summary>
    public string? OperationRoute => Operation is null ? null : Owner + (Kind == RouteKind.BoundToEntity ? "(key)" : string.Empty) + "/" + Operation;

    public override string ToString() => Method + " " + Path;
}
