using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;

namespace UiPathClients.Generator.Naming;

/// <summary>
/// Gives every name in <see cref="ClientNames"/> in one pass, in a fixed order so each name is stable: spec types
/// first (a helper never renames a spec type), then the helpers generated per type, then the client-level classes;
/// then each class's members in one scope per class that holds everything the class has — inherited properties, the
/// class's own name and the members of <see cref="object"/> and of the runtime base class (<see cref="ReservedNames"/>).
/// </summary>
internal sealed class ClientNamer
{
    /// <summary>The key of the extra member REST enums get for values the client does not know.</summary>
    public const string UnknownEnumMember = "\0unknown";

    /// <summary>The key of a filter surface's cast to a derived type's surface (<c>AsX()</c>).</summary>
    public static string CastKey(string derivedType) => "\0as:" + derivedType;

    /// <summary>The key of a filter surface's type test for a derived type (<c>IsX()</c>).</summary>
    public static string TypeTestKey(string derivedType) => "\0is:" + derivedType;

    private readonly ClientModel _model;
    private readonly ModelTypes _types;
    private readonly Dictionary<string, (string Namespace, string Name, string HintPrefix)> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EquatableArray<NamePair>> _propertyNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameScope> _namespaceScopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (EquatableArray<NamePair> Members, NameScope Scope)> _filterMembers = new(StringComparer.Ordinal);
    private ICollection<string> _filterSurfaceTypes = Array.Empty<string>();

    private ClientNamer(ClientModel model, ModelTypes types)
    {
        _model = model;
        _types = types;
    }

    /// <summary>Names the client.</summary>
    /// <param name="model">The spec's model.</param>
    /// <param name="types">The model's type lookup.</param>
    /// <param name="filterSurfaceTypes">The types the plan gives a <c>$filter</c> surface.</param>
    /// <param name="constrainedTypes">The types with a constraint table, when the client checks constraints; <see langword="null"/> when it does not.</param>
    /// <param name="restGroups">The REST groups with their operations' answer and paging kinds, in emit order.</param>
    /// <param name="odataClients">The OData client classes with the members the service gives them.</param>
    public static ClientNames Name(
        ClientModel model,
        ModelTypes types,
        ICollection<string> filterSurfaceTypes,
        IReadOnlyList<string>? constrainedTypes,
        EquatableArray<RestGroupPlan> restGroups,
        EquatableArray<ODataClientPlan> odataClients) =>
        new ClientNamer(model, types).Name(filterSurfaceTypes, constrainedTypes, restGroups, odataClients);

    private ClientNames Name(ICollection<string> filterSurfaceTypes, IReadOnlyList<string>? constrainedTypes, EquatableArray<RestGroupPlan> restGroups, EquatableArray<ODataClientPlan> odataClients)
    {
        _filterSurfaceTypes = filterSurfaceTypes;
        var emitted = _model.Types.Where(type => type.Kind != TypeKind.TypeDefinition).ToList();
        NameSpecTypes(emitted);

        // Helper types claim their names after every spec type, so a spec type never gets renamed for them.
        var helpers = new Dictionary<string, (string? Converter, string? Filter, string? EntityClient)>(StringComparer.Ordinal);
        foreach (var type in emitted)
        {
            var (@namespace, name, _) = _typeNames[type.QualifiedName];
            var scope = ScopeOf(@namespace);
            helpers[type.QualifiedName] = type.Kind switch
            {
                TypeKind.Enum or TypeKind.Union => (scope.Claim(name + "JsonConverter"), null, null),
                TypeKind.Entity => (null, scope.Claim(name + "Filter"), scope.Claim(name + "Client")),
                TypeKind.Complex when filterSurfaceTypes.Contains(type.QualifiedName) => (null, scope.Claim(name + "Filter"), null),
                _ => (null, null, null),
            };
        }

        var clientScope = ScopeOf(_model.Namespace);
        var clientName = CSharpIdentifier.ToPascalCase(_model.ClientName);
        var serviceClientName = clientScope.Claim(clientName + "Client");
        var jsonMetadataName = clientScope.Claim(clientName + "JsonMetadata");
        var constraintsName = constrainedTypes is null ? null : clientScope.Claim(clientName + "Constraints");
        var entitySetClasses = _model.EntitySets
            .Where(set => !set.IsSingleton)
            .Select(set => new NamePair(set.Name, clientScope.Claim(CSharpIdentifier.ToPascalCase(set.Name) + "Collection")))
            .ToEquatableArray();

        // A group's class is {Group}Client; when that name is taken (the group Paging of the document Paging, whose root
        // client is PagingClient) it is {Group}Operations, never a numbered clash.
        var restGroupClasses = restGroups
            .Select(group => (Key: group.Key, Pascal: CSharpIdentifier.ToPascalCase(group.Key)))
            .Select(group => new NamePair(group.Key, clientScope.Claim(clientScope.IsTaken(group.Pascal + "Client") ? group.Pascal + "Operations" : group.Pascal + "Client")))
            .ToEquatableArray();

        var constraintFields = new List<NamePair>();
        if (constrainedTypes is not null)
        {
            var fieldScope = new NameScope(new[] { constraintsName! });
            constraintFields.AddRange(constrainedTypes.Select(type => new NamePair(type, fieldScope.Claim(_typeNames[type].Name))));
        }

        var types = emitted.Select(type =>
        {
            var (@namespace, name, hintPrefix) = _typeNames[type.QualifiedName];
            var (converter, filter, entityClient) = helpers[type.QualifiedName];
            var members = type.Kind == TypeKind.Enum ? EnumMemberNames(type, name) : PropertyNames(type);
            var filterMembers = filter is null ? EquatableArray<NamePair>.Empty : FilterMembers(type).Members;
            return new TypeNames(type.QualifiedName, @namespace, name, hintPrefix, converter, filter, entityClient, members, filterMembers);
        }).ToEquatableArray();

        var restMethods = restGroups.Select((group, index) => RestMethodNamer.Name(group, restGroupClasses[index].CSharpName)).ToEquatableArray();
        var setClasses = entitySetClasses.ToNameMap();
        var odataMembers = odataClients.Select(client => ODataMembers(client, client.Kind switch
        {
            ODataClientKind.Service => serviceClientName,
            ODataClientKind.EntitySet => setClasses[client.Name],
            _ => helpers[client.Name].EntityClient!,
        })).ToEquatableArray();
        return new ClientNames(
            types, serviceClientName, jsonMetadataName, constraintsName, entitySetClasses, restGroupClasses, constraintFields.ToEquatableArray(), restMethods, odataMembers);
    }

    /// <summary>
    /// Type names are unique per namespace, compared ignoring case (they become hint names, which Roslyn and file systems
    /// compare ignoring case).
    /// </summary>
    private NameScope ScopeOf(string @namespace)
    {
        if (!_namespaceScopes.TryGetValue(@namespace, out var scope))
        {
            scope = new NameScope(comparer: StringComparer.OrdinalIgnoreCase);
            _namespaceScopes.Add(@namespace, scope);
        }

        return scope;
    }

    /// <summary>
    /// All types go into the client's namespace, except where two schemas declare the same name: then each of those types
    /// moves into a sub-namespace named after its schema (PascalCase segments), so nothing else moves when a spec gains a
    /// colliding type.
    /// </summary>
    private void NameSpecTypes(List<TypeModel> emitted)
    {
        var schemasByName = emitted
            .GroupBy(type => CSharpIdentifier.ToPascalCase(type.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Select(type => type.Namespace).Distinct().Count(), StringComparer.OrdinalIgnoreCase);
        bool InSubNamespace(TypeModel type) => schemasByName[CSharpIdentifier.ToPascalCase(type.Name)] > 1;

        foreach (var type in emitted.Where(type => !InSubNamespace(type)))
        {
            ClaimTypeName(type, null);
        }

        // Types claim their names before any namespace segment below theirs: the client's namespace first, then the schemas'
        // sub-namespaces, shorter first. Each segment claims its name in its parent namespace's scope when first met
        // (CS0101 if a type there had it), so a type named like a schema's segment keeps its name and the segment yields.
        var segmentPaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in emitted.Where(InSubNamespace).GroupBy(type => type.Namespace, StringComparer.Ordinal)
            .OrderBy(schema => CSharpIdentifier.ToPascalNamespaceSegments(schema.Key).Length))
        {
            var subNamespace = SubNamespaceOf(schema.Key, segmentPaths);
            foreach (var type in schema)
            {
                ClaimTypeName(type, subNamespace);
            }
        }
    }

    private string SubNamespaceOf(string schemaNamespace, Dictionary<string, string> segmentPaths)
    {
        var segments = CSharpIdentifier.ToPascalNamespaceSegments(schemaNamespace);
        var path = string.Empty;
        for (var count = 1; count <= segments.Length; count++)
        {
            var key = string.Join(".", segments, 0, count);
            if (!segmentPaths.TryGetValue(key, out var resolved))
            {
                var parent = path.Length == 0 ? _model.Namespace : _model.Namespace + "." + path;
                resolved = (path.Length == 0 ? string.Empty : path + ".") + ScopeOf(parent).Claim(segments[count - 1]);
                segmentPaths.Add(key, resolved);
            }

            path = resolved;
        }

        return path;
    }

    private void ClaimTypeName(TypeModel type, string? subNamespace)
    {
        var @namespace = subNamespace is null ? _model.Namespace : _model.Namespace + "." + subNamespace;
        var name = ScopeOf(@namespace).Claim(CSharpIdentifier.ToPascalCase(type.Name));
        _typeNames[type.QualifiedName] = (@namespace, name, subNamespace is null ? string.Empty : subNamespace + ".");
    }

    /// <summary>
    /// C# names of a type's declared properties, keyed by spec name. Names of inherited properties, the type's own name
    /// (CS0542), <c>AdditionalData</c>, members of <see cref="object"/> and, for a union, of <c>JsonUnion</c> are reserved first.
    /// </summary>
    private EquatableArray<NamePair> PropertyNames(TypeModel type)
    {
        if (_propertyNames.TryGetValue(type.QualifiedName, out var cached))
        {
            return cached;
        }

        var typeName = _typeNames[type.QualifiedName].Name;
        var reserved = new List<string>(ReservedNames.ObjectMembers) { typeName, ReservedNames.AdditionalData };
        if (type.Kind == TypeKind.Union)
        {
            reserved.AddRange(ReservedNames.UnionMembers);
        }

        // The reader breaks inheritance cycles, so this walk ends.
        for (var ancestor = _types.BaseOf(type); ancestor is not null; ancestor = _types.BaseOf(ancestor))
        {
            reserved.AddRange(PropertyNames(ancestor).Select(pair => pair.CSharpName));
        }

        var scope = new NameScope(reserved);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        // Spec names that are already valid PascalCase claim first, so of "id" and "Id" the latter keeps "Id".
        var ordered = type.Properties
            .Select(property => (property.Name, Preferred: CSharpIdentifier.ToPascalCase(property.Name)))
            .OrderBy(candidate => candidate.Preferred == candidate.Name ? 0 : 1);
        foreach (var (specName, preferred) in ordered)
        {
            if (!names.ContainsKey(specName))
            {
                var collidesWithReserved = preferred == typeName || Array.IndexOf(ReservedNames.ObjectMembers, preferred) >= 0;
                names.Add(specName, scope.Claim(collidesWithReserved ? preferred + "Value" : preferred));
            }
        }

        var pairs = type.Properties
            .Select(property => property.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(specName => new NamePair(specName, names[specName]))
            .ToEquatableArray();
        _propertyNames[type.QualifiedName] = pairs;
        return pairs;
    }

    /// <summary>
    /// An OData client class's members in one scope with its runtime base's and its own fixed members: the service
    /// client's accessors first, then the operation methods — those bound to this type or its bases before those reached
    /// through a cast, whose name, when taken (the same operation bound here too), names the cast like the filter surface
    /// does (<c>RunAsContosoOpsOperationAsync</c>) instead of a bare number — then the navigation properties.
    /// </summary>
    private ODataClientNames ODataMembers(ODataClientPlan client, string className)
    {
        var reserved = client.Kind switch
        {
            ODataClientKind.Service => ReservedNames.ServiceClientMembers,
            ODataClientKind.EntitySet => ReservedNames.EntitySetBaseMembers.Concat(ReservedNames.EntitySetOwnMembers),
            _ => ReservedNames.EntityBaseMembers.Concat(ReservedNames.EntityOwnMembers),
        };
        var scope = new NameScope(reserved.Concat(ReservedNames.ObjectMembers).Concat(new[] { className }));
        var accessors = client.Accessors.Select(set => scope.Claim(CSharpIdentifier.ToPascalCase(set))).ToEquatableArray();

        var bySegment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidate in client.Operations.Where(candidate => !candidate.IsCast(_model)).Concat(client.Operations.Where(candidate => candidate.IsCast(_model))))
        {
            if (bySegment.ContainsKey(candidate.Segment))
            {
                continue;
            }

            var operation = _model.Operations[candidate.OperationIndex];
            var preferred = CSharpIdentifier.ToPascalCase(operation.Name) + "Async";
            if (candidate.IsCast(_model) && scope.IsTaken(preferred) && _types.ByQualifiedName.TryGetValue(operation.Parameters[0].Type.QualifiedName, out var bindingType))
            {
                preferred = CSharpIdentifier.ToPascalCase(operation.Name) + "As" + CastName(bindingType) + "Async";
            }

            bySegment.Add(candidate.Segment, scope.Claim(preferred));
        }

        var navigations = client.Navigations
            .Select(navigation => scope.Claim(PropertyNames(_types.ByQualifiedName[navigation.DeclaringType]).First(pair => pair.SpecName == navigation.Property).CSharpName))
            .ToEquatableArray();
        return new ODataClientNames(accessors, client.Operations.Select(candidate => bySegment[candidate.Segment]).ToEquatableArray(), navigations);
    }

    /// <summary>
    /// A filter surface's member names, and its scope (its own names inside its base surface's, down to
    /// <c>FilterSurface</c>'s and <see cref="object"/>'s) for the surfaces derived from it. Properties claim first (generated names yield to the
    /// spec's), then the casts, each once: two derived types with one simple name from two schemas are told apart by their
    /// sub-namespace (<see cref="CastName"/>), so neither cast depends on the other's order.
    /// </summary>
    private (EquatableArray<NamePair> Members, NameScope Scope) FilterMembers(TypeModel type)
    {
        if (_filterMembers.TryGetValue(type.QualifiedName, out var cached))
        {
            return cached;
        }

        // A base with many derived types (Graph's entity: 1,500 casts) would make copying its names quadratic.
        var scope = _types.BaseOf(type) is { } baseType && _filterSurfaceTypes.Contains(baseType.QualifiedName)
            ? new NameScope(FilterMembers(baseType).Scope)
            : new NameScope(ReservedNames.FilterSurfaceMembers.Concat(ReservedNames.ObjectMembers));
        var propertyNames = PropertyNames(type).ToNameMap();
        var members = new List<NamePair>();
        foreach (var property in type.Properties.Where(property => HasFilterOperand(property.Type.QualifiedName)))
        {
            members.Add(new NamePair(property.Name, scope.Claim(propertyNames[property.Name])));
        }

        foreach (var derived in _types.DerivedOf(type).Where(candidate => _filterSurfaceTypes.Contains(candidate.QualifiedName)))
        {
            var castName = CastName(derived);
            members.Add(new NamePair(CastKey(derived.QualifiedName), scope.Claim("As" + castName)));
            members.Add(new NamePair(TypeTestKey(derived.QualifiedName), scope.Claim("Is" + castName)));
        }

        var named = (members.ToEquatableArray(), scope);
        _filterMembers[type.QualifiedName] = named;
        return named;
    }

    /// <summary>
    /// Whether a value of the type is a filter operand: another surface, an enum, or a primitive with operators worth
    /// typing (for a collection, its items). Type definitions stand for their underlying type.
    /// </summary>
    private bool HasFilterOperand(string qualified)
    {
        qualified = _types.Underlying(qualified);
        return _filterSurfaceTypes.Contains(qualified)
            || (_types.ByQualifiedName.TryGetValue(qualified, out var type) && type.Kind == TypeKind.Enum)
            || PrimitiveTypes.Find(qualified) is { FilterOperand: not FilterOperandKind.None };
    }

    /// <summary>
    /// The part of a cast's method names after <c>As</c>/<c>Is</c>: the derived type's C# name, preceded by its sub-namespace
    /// when it has one (a type whose simple name another schema shares: <c>AsContosoBillingOperation</c>).
    /// </summary>
    private string CastName(TypeModel derived)
    {
        var (_, name, prefix) = _typeNames[derived.QualifiedName];
        return prefix.Replace(".", string.Empty) + name;
    }

    /// <summary>
    /// C# names of an enum's members by service name: the spec's own C# name (<c>x-enum-varnames</c>, <c>x-ms-enum</c>)
    /// when it gives one, else the service name in PascalCase; then the unknown-value member, named last (only REST enums
    /// emit it). An extensible enum is a struct: a name its own members or the struct have (CS0542) gets <c>Value</c>
    /// appended, as a property named like a member of <see cref="object"/> does.
    /// </summary>
    private static EquatableArray<NamePair> EnumMemberNames(TypeModel type, string typeName)
    {
        var memberReserved = type.IsExtensible
            ? new HashSet<string>(ReservedNames.ExtensibleEnumMembers, StringComparer.Ordinal) { typeName }
            : new HashSet<string>(StringComparer.Ordinal);
        var scope = new NameScope(ReservedNames.EnumMembers.Concat(memberReserved));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        // As for properties, names the spec gives as C# (x-enum-varnames) or already spells as C# claim first: of "active"
        // and "Active" the latter keeps "Active".
        var ordered = type.Members
            .Select(member => (member.Name, Preferred: CSharpIdentifier.ToPascalCase(member.CSharpName ?? member.Name), IsExplicit: member.CSharpName is not null))
            .OrderBy(candidate => candidate.IsExplicit || candidate.Preferred == candidate.Name ? 0 : 1);
        foreach (var (serviceName, preferred, _) in ordered)
        {
            if (!names.ContainsKey(serviceName))
            {
                names.Add(serviceName, scope.Claim(memberReserved.Contains(preferred) ? preferred + "Value" : preferred));
            }
        }

        return type.Members
            .Select(member => member.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(serviceName => new NamePair(serviceName, names[serviceName]))
            .Append(new NamePair(UnknownEnumMember, scope.Claim("Unknown")))
            .ToEquatableArray();
    }
}
