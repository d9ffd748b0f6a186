using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Readers;

namespace UiPathClients.Generator.Plan;

/// <summary>The pipeline step from a spec's model to its <see cref="ClientPlan"/>: what is generated, then its names.</summary>
internal sealed class ClientPlanner
{
    private readonly ClientModel _model;
    private readonly ModelTypes _types;
    private ILookup<string, int>? _operationsByBinding;

    private ClientPlanner(ClientModel model)
    {
        _model = model;
        _types = new ModelTypes(model);
    }

    /// <summary>
    /// The pipeline step: the plan of a spec narrowed to what its include-lists choose (<see cref="ModelSelector"/>), or
    /// none when the spec could not be read.
    /// </summary>
    public static SpecPlan Plan(SpecModel spec, SpecSelection selection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (spec.Model is null)
        {
            return new SpecPlan(spec.FilePath, null);
        }

        var (model, diagnostics) = ModelSelector.Select(spec.Model, selection, spec.FilePath);
        return new SpecPlan(spec.FilePath, Plan(model), diagnostics);
    }

    /// <summary>The selection the pipeline collected for <paramref name="filePath"/>; the whole spec when there is none.</summary>
    public static SpecSelection SelectionOf(string filePath, EquatableArray<SpecFileSelection> selections)
    {
        foreach (var entry in selections)
        {
            if (string.Equals(entry.FilePath, filePath, StringComparison.Ordinal))
            {
                return entry.Selection;
            }
        }

        return SpecSelection.Everything;
    }

    /// <summary>The plan of a model.</summary>
    public static ClientPlan Plan(ClientModel model) => new ClientPlanner(model).Plan();

    private ClientPlan Plan()
    {
        var filterSurfaceTypes = FilterSurfaceTypes();
        var constrainedTypes = ConstrainedTypes();
        var hasConstraints = _model.Style == ApiStyle.Rest
            && (constrainedTypes.Count > 0 || _model.RestOperations.Any(operation => operation.Parameters.Any(parameter => parameter.Constraints is not null)));
        var convention = ServiceConvention.For(_model, _types);
        var restGroups = _model.RestOperations
            .GroupBy(operation => CSharpIdentifier.ToPascalCase(operation.Group), StringComparer.OrdinalIgnoreCase)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new RestGroupPlan(
                group.Key,
                group.Select(operation => RestOperation(operation, convention)).ToEquatableArray(),
                convention.StreamLoops(group.ToList()).ToEquatableArray()))
            .ToEquatableArray();

        var entityClients = EntityClients();
        var odataClients = _model.Style == ApiStyle.OData ? ODataClients(entityClients) : EquatableArray<ODataClientPlan>.Empty;
        var names = ClientNamer.Name(_model, _types, filterSurfaceTypes, hasConstraints ? constrainedTypes : null, restGroups, odataClients);
        return new ClientPlan(
            _model,
            names,
            _model.Types.Where(type => filterSurfaceTypes.Contains(type.QualifiedName)).Select(type => type.QualifiedName).ToEquatableArray(),
            entityClients,
            constrainedTypes.ToEquatableArray(),
            hasConstraints,
            restGroups,
            convention.ResponseCheck,
            odataClients);
    }

    /// <summary>
    /// The OData client classes and what each offers: the service client (when the container has anything), a class per
    /// entity set, a client per entity type a caller can reach as one entity.
    /// </summary>
    private EquatableArray<ODataClientPlan> ODataClients(EquatableArray<EntityClientPlan> entityClients)
    {
        var clients = new List<ODataClientPlan>();
        if (_model.EntitySets.Count > 0 || _model.OperationImports.Count > 0)
        {
            var imports = _model.OperationImports.SelectMany(import => _model.Operations
                .Select((operation, index) => (Operation: operation, Index: index))
                .Where(candidate => candidate.Operation.QualifiedName == import.Operation && !candidate.Operation.IsBound)
                .Select(candidate => new ODataOperationPlan(candidate.Index, import.Name, IsImport: true)));
            clients.Add(new ODataClientPlan(
                ODataClientKind.Service,
                string.Empty,
                _model.EntitySets.Where(set => IsEntity(set.EntityType)).Select(set => set.Name).ToEquatableArray(),
                Callable(imports),
                EquatableArray<ODataNavigationPlan>.Empty));
        }

        foreach (var set in _model.EntitySets.Where(set => !set.IsSingleton && IsEntity(set.EntityType)))
        {
            var operations = Callable(BoundOperations(_types.ByQualifiedName[set.EntityType], collection: true));
            clients.Add(new ODataClientPlan(ODataClientKind.EntitySet, set.Name, EquatableArray<string>.Empty, operations, EquatableArray<ODataNavigationPlan>.Empty));
        }

        var reachable = new HashSet<string>(entityClients.Select(client => client.EntityType), StringComparer.Ordinal);
        foreach (var client in entityClients)
        {
            var entity = _types.ByQualifiedName[client.EntityType];
            var navigations = client.Capabilities.Navigable ? Navigations(entity, reachable) : EquatableArray<ODataNavigationPlan>.Empty;
            clients.Add(new ODataClientPlan(ODataClientKind.Entity, entity.QualifiedName, EquatableArray<string>.Empty, Callable(BoundOperations(entity, collection: false)), navigations));
        }

        return clients.ToEquatableArray();
    }

    private bool IsEntity(string type) => _types.ByQualifiedName.TryGetValue(type, out var found) && found.Kind == TypeKind.Entity;

    /// <summary>Functions without a return type have no response to give, so no method calls them.</summary>
    private EquatableArray<ODataOperationPlan> Callable(IEnumerable<ODataOperationPlan> operations) =>
        operations
            .Where(candidate => _model.Operations[candidate.OperationIndex] is var operation && (operation.Kind != OperationKind.Function || operation.ReturnType is not null))
            .ToEquatableArray();

    /// <summary>
    /// Operations whose binding parameter is this entity type (or a collection of it), one of its base types, or a derived
    /// type — the last reached through a type-cast segment — in model order. Looked up by binding type, so a large
    /// service does not match every entity client against every operation.
    /// </summary>
    private IEnumerable<ODataOperationPlan> BoundOperations(TypeModel entity, bool collection)
    {
        _operationsByBinding ??= _model.Operations
            .Select((operation, index) => (Operation: operation, Index: index))
            .Where(candidate => candidate.Operation.IsBound && candidate.Operation.Parameters.Count > 0 && _types.ByQualifiedName.ContainsKey(candidate.Operation.Parameters[0].Type.QualifiedName))
            .ToLookup(candidate => candidate.Operation.Parameters[0].Type.QualifiedName, candidate => candidate.Index, StringComparer.Ordinal);

        var direct = _types.SelfAndAncestors(entity).SelectMany(type => _operationsByBinding[type.QualifiedName]);
        var throughCast = Descendants(entity).SelectMany(type => _operationsByBinding[type.QualifiedName]);
        return direct.Select(index => (Index: index, IsCast: false))
            .Concat(throughCast.Select(index => (Index: index, IsCast: true)))
            .Where(candidate => _model.Operations[candidate.Index].Parameters[0].Type.IsCollection == collection)
            .OrderBy(candidate => candidate.Index)
            .Select(candidate =>
            {
                var operation = _model.Operations[candidate.Index];
                return new ODataOperationPlan(
                    candidate.Index,
                    candidate.IsCast ? operation.Parameters[0].Type.QualifiedName + "/" + operation.QualifiedName : operation.QualifiedName,
                    IsImport: false);
            });
    }

    /// <summary>The types deriving from <paramref name="type"/>, directly or not (the reader breaks inheritance cycles).</summary>
    private IEnumerable<TypeModel> Descendants(TypeModel type)
    {
        var pending = new Stack<TypeModel>(_types.DerivedOf(type));
        while (pending.Count > 0)
        {
            var derived = pending.Pop();
            yield return derived;
            foreach (var next in _types.DerivedOf(derived))
            {
                pending.Push(next);
            }
        }
    }

    /// <summary>
    /// The navigation properties of an entity (inherited ones included) that lead to a client: a collection of entities is
    /// queried like a set; a single entity needs an entity client of its own.
    /// </summary>
    private EquatableArray<ODataNavigationPlan> Navigations(TypeModel entity, HashSet<string> reachable) =>
        _types.SelfAndAncestors(entity)
            .SelectMany(declaring => declaring.Properties.Select(property => (Declaring: declaring, Property: property)))
            .Where(pair => pair.Property.Kind == PropertyKind.Navigation
                && _types.ByQualifiedName.TryGetValue(pair.Property.Type.QualifiedName, out var target)
                && target.Kind == TypeKind.Entity
                && (pair.Property.Type.IsCollection || reachable.Contains(target.QualifiedName)))
            .Select(pair => new ODataNavigationPlan(pair.Declaring.QualifiedName, pair.Property.Name, pair.Property.Type.IsCollection))
            .ToEquatableArray();

    /// <summary>
    /// The types a <c>$filter</c> can reach: every entity type, the types of their properties (at any depth, in collections
    /// too), and the base and derived types of those (a surface derives from its base's, and offers casts to its derived
    /// types). A complex type only some request or response uses gets none, so a large service does not compile hundreds
    /// of surfaces nothing can call. REST clients have no filter surfaces at all.
    /// </summary>
    private HashSet<string> FilterSurfaceTypes()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        if (_model.Style != ApiStyle.OData)
        {
            return reached;
        }

        var pending = new Stack<TypeModel>(_model.Types.Where(type => type.Kind == TypeKind.Entity));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!reached.Add(type.QualifiedName))
            {
                continue;
            }

            var next = type.Properties
                .Select(property => _types.ByQualifiedName.TryGetValue(_types.Underlying(property.Type.QualifiedName), out var target) ? target : null)
                .Concat(_types.DerivedOf(type))
                .Append(_types.BaseOf(type));
            foreach (var candidate in next)
            {
                if (candidate is { Kind: TypeKind.Entity or TypeKind.Complex } && !reached.Contains(candidate.QualifiedName))
                {
                    pending.Push(candidate);
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// The entity clients a caller can reach, and what each offers: the entity types of singletons and of sets whose
    /// entities are addressed by key, then the entity types their single-valued navigation properties lead to where
    /// the service allows navigation. A type several sets share offers what any of them accepts; a type reached only
    /// through navigation offers what its own sets accept, or everything when it has none. Unreachable entity types
    /// get no client: it could only call routes the service does not describe.
    /// </summary>
    private EquatableArray<EntityClientPlan> EntityClients()
    {
        EntitySetCapabilities? SetsOf(string type) => _model.EntitySets
            .Where(set => set.EntityType == type)
            .Select(set => set.Capabilities)
            .Aggregate((EntitySetCapabilities?)null, (union, capabilities) => union is null ? capabilities : union.Union(capabilities));

        var found = new Dictionary<string, EntitySetCapabilities>(StringComparer.Ordinal);
        foreach (var set in _model.EntitySets.Where(set => IsEntity(set.EntityType) && (set.IsSingleton || set.Capabilities.IndexableByKey)))
        {
            found[set.EntityType] = found.TryGetValue(set.EntityType, out var known) ? known.Union(set.Capabilities) : set.Capabilities;
        }

        var pending = new Queue<string>(found.Keys.OrderBy(name => name, StringComparer.Ordinal));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!found[type].Navigable)
            {
                continue;
            }

            foreach (var navigation in _types.AllProperties(_types.ByQualifiedName[type]).Where(property => property.Kind == PropertyKind.Navigation && !property.Type.IsCollection))
            {
                var target = navigation.Type.QualifiedName;
                if (IsEntity(target) && !found.ContainsKey(target))
                {
                    found[target] = SetsOf(target) ?? EntitySetCapabilities.Unrestricted;
                    pending.Enqueue(target);
                }
            }
        }

        return _model.Types
            .Where(type => found.ContainsKey(type.QualifiedName))
            .Select(type => new EntityClientPlan(type.QualifiedName, found[type.QualifiedName]))
            .ToEquatableArray();
    }

    /// <summary>Object types whose JSON carries a constraint somewhere: in a member of their own or an inherited one, or in a nested object.</summary>
    private List<string> ConstrainedTypes()
    {
        if (_model.Style != ApiStyle.Rest)
        {
            return new List<string>();
        }

        var objects = _model.Types.Where(type => type.Kind is TypeKind.Complex or TypeKind.Entity).ToList();
        var constrained = new HashSet<string>(
            objects.Where(type => _types.AllProperties(type).Any(property => property.Constraints is not null)).Select(type => type.QualifiedName),
            StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var type in objects.Where(type => !constrained.Contains(type.QualifiedName)))
            {
                if (_types.AllProperties(type).Any(property => !property.Type.IsMap && constrained.Contains(property.Type.QualifiedName)))
                {
                    changed |= constrained.Add(type.QualifiedName);
                }
            }
        }

        return constrained.OrderBy(name => name, StringComparer.Ordinal).ToList();
    }

    /// <summary>A REST operation's answer and paging kinds, and the convention's answers they rest on.</summary>
    private RestOperationPlan RestOperation(RestOperationModel operation, IServiceConvention convention)
    {
        var success = operation.Success;
        var envelope = convention.Envelope(operation);
        var answer = success?.Encoding switch
        {
            BodyEncoding.Binary => RestAnswerKind.Stream,
            BodyEncoding.Text => RestAnswerKind.Text,
            _ when success?.Type is null => operation.Method == "HEAD" && operation.ExpectedStatuses.Contains(404) ? RestAnswerKind.ExistenceCheck : RestAnswerKind.None,
            _ when envelope is not null => RestAnswerKind.Envelope,
            _ => RestAnswerKind.Json,
        };

        var continuation = convention.ContinuationPaging(operation);
        var paging = continuation is not null ? RestPagingKind.Continuation
            : answer != RestAnswerKind.Stream && operation.Paging is { } pageable && PagesByNextLink(operation, pageable) ? RestPagingKind.NextLink
            : RestPagingKind.None;
        return new RestOperationPlan(operation, answer, answer == RestAnswerKind.Envelope ? envelope : null, paging, continuation);
    }

    /// <summary>
    /// <c>x-ms-pageable</c> holds when the success body is an object with the items (<c>itemName</c>) as a list and, unless
    /// <c>nextLinkName</c> is null, the next page's link as a string; otherwise the operation gets no pager.
    /// </summary>
    private bool PagesByNextLink(RestOperationModel operation, RestPagingModel paging) =>
        _types.ObjectType(operation.Success?.Type) is { } page
        && _types.FindProperty(page, paging.ItemName) is { Type.IsCollection: true }
        && (paging.NextLinkName is not { } nextLink || _types.FindProperty(page, nextLink) is { Type: { QualifiedName: "Edm.String", IsCollection: false } });
}
