using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Plan;

/// <summary>
/// Narrows a model to what an include-list (<see cref="SpecSelection"/>) chooses, before anything is planned: the chosen
/// entity sets and operations (OData) or tags and operations (OpenAPI), and the closure of the types they reach, so
/// every later step (names, filter surfaces, JSON metadata, clients) covers exactly those.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>OData: a named entity set keeps its entity type and, unless <c>Operations</c> is given too, the operations bound
/// to it; a named operation (every overload of the name, or an import's name) keeps the sets whose entity type it is
/// bound to, so that the client has a route to call it through.</item>
/// <item>OpenAPI: the operations of the named tags (an operation's group: its first tag, else its first path segment)
/// and the named operation ids, plus the operations their next-link paging calls.</item>
/// <item>Types: every type a kept set, operation, parameter, body or answer names, and from each type its base types, its
/// properties' types (navigation properties included: a navigation property stays, with its target type), its
/// discriminator's types and a union's alternatives. A type reached as a value also brings its derived types, which
/// can stand in its place in a payload; a type reached only as a base does not bring its other derived types.</item>
/// </list>
/// Names that match nothing are errors naming the closest candidate; what they would have chosen is simply left out.
/// </remarks>
internal sealed class ModelSelector
{
    private readonly ClientModel _model;
    private readonly ModelTypes _types;
    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics = [];

    private ModelSelector(ClientModel model, string filePath)
    {
        _model = model;
        _types = new ModelTypes(model);
        _filePath = filePath;
    }

    /// <summary>The model narrowed to <paramref name="selection"/>, and the names that matched nothing.</summary>
    public static (ClientModel Model, EquatableArray<DiagnosticInfo> Diagnostics) Select(ClientModel model, SpecSelection selection, string filePath)
    {
        if (selection.IsEverything)
        {
            return (model, EquatableArray<DiagnosticInfo>.Empty);
        }

        var selector = new ModelSelector(model, filePath);
        var selected = model.Style == ApiStyle.OData ? selector.SelectOData(selection) : selector.SelectRest(selection);
        return (selected, selector._diagnostics.ToEquatableArray());
    }

    private ClientModel SelectOData(SpecSelection selection)
    {
        NotApplicable(selection.Tags, "Tags", "an OData service has entity sets and operations; use EntitySets and Operations");

        var sets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in SpecSelection.Names(selection.EntitySets))
        {
            if (Match(name, _model.EntitySets.Select(set => set.Name), "EntitySets", "an entity set") is { } set)
            {
                sets.Add(set);
            }
        }

        var operations = new HashSet<int>();
        var imports = new HashSet<string>(StringComparer.Ordinal);
        var operationNames = _model.Operations.Select(operation => operation.Name).Concat(_model.OperationImports.Select(import => import.Name)).Distinct(StringComparer.Ordinal);
        foreach (var name in SpecSelection.Names(selection.Operations))
        {
            if (Match(name, operationNames, "Operations", "an action or function") is not { } matched)
            {
                continue;
            }

            foreach (var import in _model.OperationImports.Where(import => import.Name == matched))
            {
                imports.Add(import.Name);
                AddOperations(operations, index => _model.Operations[index].QualifiedName == import.Operation && !_model.Operations[index].IsBound);
            }

            AddOperations(operations, index => _model.Operations[index].Name == matched);
        }

        if (selection.Operations is null)
        {
            // Sets alone: what their clients offer, every operation bound to their entity types.
            var setTypes = SetTypes(sets);
            AddOperations(operations, index => _model.Operations[index].IsBound && BindingType(_model.Operations[index]) is { } binding && setTypes.Contains(binding));
        }

        // A bound operation is called through a set of its binding type (or a type related to it by inheritance).
        foreach (var index in operations.Where(index => _model.Operations[index].IsBound))
        {
            var related = Related(BindingType(_model.Operations[index]));
            foreach (var set in _model.EntitySets.Where(set => related.Contains(set.EntityType)))
            {
                sets.Add(set.Name);
            }
        }

        foreach (var import in _model.OperationImports.Where(import => !imports.Contains(import.Name)
            && _model.Operations.Select((operation, index) => (operation, index)).Any(candidate => candidate.operation.QualifiedName == import.Operation && operations.Contains(candidate.index) && !candidate.operation.IsBound)))
        {
            imports.Add(import.Name);
        }

        var closure = new TypeClosure(_types);
        foreach (var set in _model.EntitySets.Where(set => sets.Contains(set.Name)))
        {
            closure.AddValue(set.EntityType);
        }

        foreach (var index in operations)
        {
            var operation = _model.Operations[index];
            foreach (var parameter in operation.Parameters)
            {
                closure.AddValue(parameter.Type.QualifiedName);
            }

            closure.AddValue(operation.ReturnType?.QualifiedName);
        }

        return _model with
        {
            Types = _model.Types.Where(type => closure.Contains(type.QualifiedName)).ToEquatableArray(),
            EntitySets = _model.EntitySets
                .Where(set => sets.Contains(set.Name))
                .Select(set => set with { NavigationBindings = set.NavigationBindings.Where(binding => sets.Contains(binding.Target)).ToEquatableArray() })
                .ToEquatableArray(),
            Operations = _model.Operations.Where((_, index) => operations.Contains(index)).ToEquatableArray(),
            OperationImports = _model.OperationImports.Where(import => imports.Contains(import.Name)).ToEquatableArray(),
        };
    }

    private ClientModel SelectRest(SpecSelection selection)
    {
        NotApplicable(selection.EntitySets, "EntitySets", "an OpenAPI description has operations grouped by tag; use Tags and Operations");

        var kept = new HashSet<RestOperationModel>();
        foreach (var name in SpecSelection.Names(selection.Tags))
        {
            if (Match(name, _model.RestOperations.Select(operation => operation.Group), "Tags", "a tag") is { } tag)
            {
                kept.UnionWith(_model.RestOperations.Where(operation => string.Equals(operation.Group, tag, StringComparison.Ordinal)));
            }
        }

        foreach (var name in SpecSelection.Names(selection.Operations))
        {
            if (Match(name, _model.RestOperations.Select(operation => operation.Name), "Operations", "an operation id") is { } id)
            {
                kept.UnionWith(_model.RestOperations.Where(operation => string.Equals(operation.Name, id, StringComparison.Ordinal)));
            }
        }

        // A pager calls its next-page operation.
        var pending = new Queue<RestOperationModel>(kept);
        while (pending.Count > 0)
        {
            if (pending.Dequeue().Paging?.NextOperationName is { } next)
            {
                foreach (var operation in _model.RestOperations.Where(operation => operation.Name == next && kept.Add(operation)))
                {
                    pending.Enqueue(operation);
                }
            }
        }

        var closure = new TypeClosure(_types);
        foreach (var operation in kept)
        {
            foreach (var parameter in operation.Parameters.Concat(operation.Body?.Fields ?? EquatableArray<RestParameterModel>.Empty))
            {
                closure.AddValue(parameter.Type.QualifiedName);
            }

            closure.AddValue(operation.Body?.Type?.QualifiedName);
            foreach (var response in operation.OtherSuccesses.Concat(operation.Errors).Concat(operation.Success is { } success ? [success] : []))
            {
                closure.AddValue(response.Type?.QualifiedName);
            }
        }

        return _model with
        {
            Types = _model.Types.Where(type => closure.Contains(type.QualifiedName)).ToEquatableArray(),
            RestOperations = _model.RestOperations.Where(kept.Contains).ToEquatableArray(),
        };
    }

    private void AddOperations(HashSet<int> operations, Func<int, bool> predicate)
    {
        for (var index = 0; index < _model.Operations.Count; index++)
        {
            if (predicate(index))
            {
                operations.Add(index);
            }
        }
    }

    private HashSet<string> SetTypes(HashSet<string> sets) =>
        new(_model.EntitySets.Where(set => sets.Contains(set.Name)).SelectMany(set => Related(set.EntityType)), StringComparer.Ordinal);

    /// <summary>A type, its base types and its derived types: the binding types through which one set reaches an operation.</summary>
    private HashSet<string> Related(string? qualifiedName)
    {
        var related = new HashSet<string>(StringComparer.Ordinal);
        if (qualifiedName is null || !_types.ByQualifiedName.TryGetValue(qualifiedName, out var type))
        {
            return related;
        }

        foreach (var ancestor in _types.SelfAndAncestors(type))
        {
            related.Add(ancestor.QualifiedName);
        }

        var derived = new Queue<TypeModel>(_types.DerivedOf(type));
        while (derived.Count > 0)
        {
            var next = derived.Dequeue();
            if (related.Add(next.QualifiedName))
            {
                foreach (var further in _types.DerivedOf(next))
                {
                    derived.Enqueue(further);
                }
            }
        }

        return related;
    }

    private static string? BindingType(OperationModel operation) =>
        operation.IsBound && operation.Parameters.Count > 0 ? operation.Parameters[0].Type.QualifiedName : null;

    /// <summary>The candidate <paramref name="name"/> means: exact first, else the one that differs only in case; else an error with the closest.</summary>
    private string? Match(string name, IEnumerable<string> candidates, string metadata, string what)
    {
        var all = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (all.Contains(name))
        {
            return name;
        }

        var ignoringCase = all.Where(candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (ignoringCase.Count == 1)
        {
            return ignoringCase[0];
        }

        var closest = NameDistance.Closest(name, all);
        _diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.UnknownSelectedName,
            SpecPosition.StartOf(_filePath),
            name,
            metadata,
            what,
            _model.ClientName,
            closest is null ? string.Empty : $" (did you mean '{closest}'?)"));
        return null;
    }

    private void NotApplicable(string? value, string metadata, string why)
    {
        if (value is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelectionNotApplicable, SpecPosition.StartOf(_filePath), metadata, _model.ClientName, why));
        }
    }

    /// <summary>The types reached from the roots, walked without recursion.</summary>
    private sealed class TypeClosure(ModelTypes types)
    {
        private readonly HashSet<string> _reached = new(StringComparer.Ordinal);
        private readonly HashSet<string> _asValue = new(StringComparer.Ordinal);

        public bool Contains(string qualifiedName) => _reached.Contains(qualifiedName);

        /// <summary>Adds a type a value is declared as (with its derived types), and everything it reaches.</summary>
        public void AddValue(string? qualifiedName)
        {
            var pending = new Stack<(string Name, bool AsValue)>();
            pending.Push((qualifiedName ?? string.Empty, true));
            while (pending.Count > 0)
            {
                var (name, asValue) = pending.Pop();
                if (!types.ByQualifiedName.TryGetValue(name, out var type))
                {
                    continue; // A primitive, or a name the reader already reported.
                }

                var firstTime = _reached.Add(name);
                if (asValue && _asValue.Add(name))
                {
                    foreach (var derived in types.DerivedOf(type))
                    {
                        pending.Push((derived.QualifiedName, true));
                    }
                }

                if (!firstTime)
                {
                    continue;
                }

                if (type.BaseType is { } baseType)
                {
                    pending.Push((baseType, false));
                }

                if (type.Kind == TypeKind.TypeDefinition && type.UnderlyingType is { } underlying)
                {
                    pending.Push((underlying, true));
                }

                foreach (var property in type.Properties)
                {
                    pending.Push((property.Type.QualifiedName, true));
                }

                foreach (var value in type.DiscriminatorValues)
                {
                    pending.Push((value.Type, true));
                }
            }
        }
    }
}
