using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// The service client (<c>OrchestratorClient</c>): one accessor per entity set and singleton, entity set
/// clients with the key indexer and collection-bound operations, entity clients with entity-bound operations.
/// </summary>
internal sealed partial class ClientEmitter
{
    private const string Client = "global::UiPathClients.Runtime.Client.";
    private const string Tasks = "global::System.Threading.Tasks.";
    private const string CancellationTokenParameter = "global::System.Threading.CancellationToken cancellationToken = default";

    private static readonly string[] EntitySetBaseMemberNames = ReservedNames.EntitySetBaseMembers;

    private static readonly string[] EntitySetOwnMemberNames = ReservedNames.EntitySetOwnMembers;

    private static readonly string[] EntityBaseMemberNames = ReservedNames.EntityBaseMembers;

    private static readonly string[] EntityOwnMemberNames = ReservedNames.EntityOwnMembers;

    /// <summary>Names the operation methods use for their own locals and parameters.</summary>
    private static readonly string[] OperationLocalNames = { "cancellationToken", "path", "writer", "WriteParameters", "ifMatch", "arguments", "aliases", "query" };

    private static readonly string[] ETagParameter = { "string? ifMatch = null" };

    private static readonly string[] ServiceClientMemberNames = ReservedNames.ServiceClientMembers;

    private Dictionary<string, EntitySetCapabilities>? _entityClients;

    /// <summary>The entity clients the plan gives, with what each offers (<see cref="ClientPlan.EntityClients"/>).</summary>
    private Dictionary<string, EntitySetCapabilities> EntityClients =>
        _entityClients ??= _plan.EntityClients.ToDictionary(client => client.EntityType, client => client.Capabilities, StringComparer.Ordinal);

    private IEnumerable<GeneratedFile> EmitServiceClient(CancellationToken cancellationToken)
    {
        if (_model.EntitySets.Count == 0 && _model.OperationImports.Count == 0)
        {
            yield break;
        }

        yield return new GeneratedFile(FileHint(null, _serviceClientName), TemplateRenderer.RenderCodeFile(BuildServiceClientView()));
        foreach (var set in _model.EntitySets.Where(set => !set.IsSingleton && _entityClientNames.ContainsKey(set.EntityType)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new GeneratedFile(
                FileHint("EntitySets", _entitySetClassNames[set.Name]),
                TemplateRenderer.RenderCodeFile(BuildEntitySetView(set)));
        }

        foreach (var type in _model.Types.Where(type => EntityClients.ContainsKey(type.QualifiedName)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (@namespace, _, prefix) = _names[type.QualifiedName];
            yield return new GeneratedFile(
                FileHint("EntityClients", prefix + _entityClientNames[type.QualifiedName]),
                TemplateRenderer.RenderCodeFile(BuildEntityClientView(type, @namespace, EntityClients[type.QualifiedName])));
        }
    }

    private CodeFileView BuildServiceClientView()
    {
        var name = _serviceClientName;
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line("/// <summary>The service root relative to the base address when <see cref=\"global::UiPathClients.Runtime.Client.ODataClientOptions.ServicePath\"/> is not set.</summary>")
                .Line($"public const string DefaultServicePath = {Literal(_model.ServicePath)};")
                .ToMember(),
            new CodeLines()
                .Line("/// <summary>Creates the client.</summary>")
                .Line("/// <param name=\"httpClient\">The HTTP client: its base address is the service's (Orchestrator: <c>https://cloud.uipath.com/{org}/{tenant}/orchestrator_/</c>), its handlers authenticate.</param>")
                .Line("/// <param name=\"options\">Service path and page size; <see langword=\"null\"/> for the defaults.</param>")
                .Line($"public {name}(global::System.Net.Http.HttpClient httpClient, {Client}ODataClientOptions? options = null)")
                .Indent().Line($": this(new {Client}ODataConnection(httpClient, global::{_model.Namespace}.{_jsonMetadataName}.Default, DefaultServicePath, options))").Outdent()
                .Open().Close()
                .ToMember(),
            new CodeLines()
                .Line("/// <summary>Creates the client over an existing connection (shared HTTP client, metadata and folder).</summary>")
                .Line($"public {name}({Client}ODataConnection connection)")
                .Open()
                .Line("Connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));")
                .Close()
                .ToMember(),
            new CodeLines()
                .Line("/// <summary>The connection every request goes through.</summary>")
                .Line($"public {Client}ODataConnection Connection {{ get; }}")
                .ToMember(),
            new CodeLines()
                .Line("/// <summary>")
                .Line("/// The same client with every request in <paramref name=\"folder\"/> (Orchestrator's <c>X-UIPATH-OrganizationUnitId</c>,")
                .Line("/// <c>X-UIPATH-FolderPath(-Encoded)</c> or <c>X-UIPATH-FolderKey</c>). This client is not changed, so concurrent calls never share a folder by accident.")
                .Line("/// </summary>")
                .Line($"public {name} WithFolder(global::UiPathClients.Runtime.Http.FolderContext folder) => new {name}(Connection.WithFolder(folder));")
                .ToMember(),
        };

        var scope = new NameScope(ServiceClientMemberNames.Concat(ObjectMemberNames).Concat(new[] { name }));
        foreach (var set in _model.EntitySets)
        {
            if (!_entityClientNames.ContainsKey(set.EntityType))
            {
                continue;
            }

            var accessor = scope.Claim(CSharpIdentifier.ToPascalCase(set.Name));
            var lines = new CodeLines().Lines(DocComment.Lines(set.Documentation));
            if (set.IsSingleton)
            {
                // A singleton is its own entity client (in EntityClients by construction).
                var entityClient = EntityClientFullName(set.EntityType);
                lines.Line($"public {entityClient} {accessor} => new {entityClient}(Connection, {Literal(set.Name)});");
            }
            else
            {
                var setClass = _model.Namespace + "." + _entitySetClassNames[set.Name];
                lines.Line($"public global::{setClass} {accessor} => new global::{setClass}(Connection);");
            }

            members.Add(lines.ToMember());
        }

        foreach (var import in _model.OperationImports)
        {
            var overloads = _model.Operations.Where(operation => operation.QualifiedName == import.Operation && !operation.IsBound).ToList();
            AddOperations(members, scope, overloads.Select(operation => (operation, Segment: import.Name, IsImport: true)), pathExpression: null, takesETag: false);
        }

        return new CodeFileView
        {
            Namespace = _model.Namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                $"/// The typed client of the <c>{DocComment.Escape(_model.ClientName)}</c> OData service: one property per entity set and singleton,",
                "/// one method per operation import. Cheap to create; share the <see cref=\"global::System.Net.Http.HttpClient\"/>.",
                "/// </summary>",
            },
            Declaration = $"public sealed partial class {name}",
            Members = members,
        };
    }

    private CodeFileView BuildEntitySetView(EntitySetModel set)
    {
        var name = _entitySetClassNames[set.Name];
        var entity = _typesByQualifiedName[set.EntityType];
        var entityFull = TypeFullName(entity.QualifiedName);
        var filter = FilterFullName(entity.QualifiedName);
        var capabilities = set.Capabilities;
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line("/// <summary>Creates the set client.</summary>")
                .Line($"public {name}({Client}ODataConnection connection)")
                .Indent().Line(capabilities.Queryable
                    ? $": base(connection, {Literal(set.Name)}, new {filter}(string.Empty))"
                    : $": base(connection, {Literal(set.Name)})").Outdent()
                .Open().Close()
                .ToMember(),
        };

        if (capabilities.Insertable)
        {
            members.Add(new CodeLines()
                .Line($"/// <summary>Creates an entity: <c>POST {DocComment.Escape(set.Name)}</c> with <c>Prefer: return=representation</c>. The body carries exactly the properties set on <paramref name=\"entity\"/>, so the service computes the key and its defaults.</summary>")
                .Line("/// <param name=\"entity\">The entity to create.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the call.</param>")
                .Line("/// <returns>The entity as the service stored it (with its key and computed properties), never <paramref name=\"entity\"/> itself.</returns>")
                .Line($"public {Tasks}Task<{entityFull}> CreateAsync({entityFull} entity, {CancellationTokenParameter}) => CreateEntityAsync(entity, cancellationToken);")
                .ToMember());
        }

        var indexer = capabilities.IndexableByKey ? KeyIndexer(entity) : null;
        if (indexer is not null)
        {
            members.Add(indexer);
        }

        var scope = new NameScope(EntitySetBaseMemberNames.Concat(EntitySetOwnMemberNames).Concat(ObjectMemberNames).Concat(new[] { name }));
        AddOperations(members, scope, BoundOperations(entity, collection: true), pathExpression: "Path", takesETag: false);
        var offers = string.Join(", ", new[]
        {
            capabilities.Queryable ? "query it (<c>Where</c>, <c>OrderBy</c>, <c>await foreach</c>)" : null,
            capabilities.Insertable ? "create" : null,
            indexer is not null ? "address by key" : null,
            "call its operations",
        }.Where(part => part is not null));
        return new CodeFileView
        {
            Namespace = _model.Namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = DocComment.Lines(set.Documentation, $"The <c>{DocComment.Escape(set.Name)}</c> entity set: {offers}."),
            Declaration = capabilities.Queryable
                ? $"public sealed partial class {name} : {Client}EntitySetClient<{entityFull}, {filter}>"
                : $"public sealed partial class {name} : {Client}UnqueryableEntitySetClient<{entityFull}, {filter}>",
            Members = members,
        };
    }

    private CodeFileView BuildEntityClientView(TypeModel entity, string @namespace, EntitySetCapabilities capabilities)
    {
        var name = _entityClientNames[entity.QualifiedName];
        var entityFull = TypeFullName(entity.QualifiedName);
        var filter = FilterFullName(entity.QualifiedName);
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line("/// <summary>Creates the client of the entity at <paramref name=\"path\"/> (relative to the service root), e.g. <c>Webhooks(11)</c>.</summary>")
                .Line($"public {name}({Client}ODataConnection connection, string path)")
                .Indent().Line($": base(connection, path, new {filter}(string.Empty))").Outdent()
                .Open().Close()
                .ToMember(),
        };

        if (capabilities.Replaceable)
        {
            members.Add(new CodeLines()
                .Line("/// <summary>")
                .Line("/// Replaces the entity: <c>PUT</c> with <c>Prefer: return=representation</c>. The body carries every property read into")
                .Line("/// <paramref name=\"entity\"/> (except those the service computes) and every property set on it, so a property set to")
                .Line("/// <see langword=\"null\"/> is cleared. An <c>@odata.etag</c> read with <paramref name=\"entity\"/> is sent as <c>If-Match</c>.")
                .Line("/// </summary>")
                .Line("/// <param name=\"entity\">The entity as it should be stored.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the call.</param>")
                .Line("/// <returns>The entity as the service stored it, a new object: the answer's body, or the entity read again when the service answers 204.</returns>")
                .Line("/// <exception cref=\"global::UiPathClients.Runtime.Errors.ODataConcurrencyException\">The entity changed since it was read (HTTP 412).</exception>")
                .Line($"public {Tasks}Task<{entityFull}> UpdateAsync({entityFull} entity, {CancellationTokenParameter}) => ReplaceEntityAsync(entity, cancellationToken);")
                .ToMember());
        }

        if (capabilities.Patchable)
        {
            members.Add(new CodeLines()
                .Line("/// <summary>Changes only the properties set on <paramref name=\"changes\"/>: <c>PATCH</c> with just those.</summary>")
                .Line("/// <param name=\"changes\">Builds the changes, e.g. <c>d => d.Set(w => w.Url, \"https://…\")</c>.</param>")
                .Line("/// <param name=\"ifMatch\">An ETag to send as <c>If-Match</c>, if any.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the call.</param>")
                .Line("/// <exception cref=\"global::UiPathClients.Runtime.Errors.ODataConcurrencyException\">The ETag is stale (HTTP 412).</exception>")
                .Line($"public {Tasks}Task PatchAsync(global::System.Func<{Client}ODataDelta<{filter}>, {Client}ODataDelta<{filter}>> changes, string? ifMatch = null, {CancellationTokenParameter}) => PatchEntityAsync(changes, ifMatch, cancellationToken);")
                .ToMember());
        }

        if (capabilities.Deletable)
        {
            members.Add(new CodeLines()
                .Line("/// <summary>Deletes the entity: <c>DELETE</c>.</summary>")
                .Line("/// <param name=\"ifMatch\">An ETag to send as <c>If-Match</c>, if any.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the call.</param>")
                .Line("/// <exception cref=\"global::UiPathClients.Runtime.Errors.ODataConcurrencyException\">The ETag is stale (HTTP 412).</exception>")
                .Line($"public {Tasks}Task DeleteAsync(string? ifMatch = null, {CancellationTokenParameter}) => DeleteEntityAsync(ifMatch, cancellationToken);")
                .ToMember());
        }

        var scope = new NameScope(EntityBaseMemberNames.Concat(EntityOwnMemberNames).Concat(ObjectMemberNames).Concat(new[] { name }));
        AddOperations(members, scope, BoundOperations(entity, collection: false), pathExpression: "Path", takesETag: true);
        if (capabilities.Navigable)
        {
            AddNavigations(members, scope, entity);
        }

        var offers = string.Join(", ", new[]
        {
            capabilities.ReadableByKey ? "read (with <c>Select</c>/<c>Expand</c>)" : null,
            capabilities.Replaceable ? "replace" : null,
            capabilities.Patchable ? "patch" : null,
            capabilities.Deletable ? "delete" : null,
            "call the operations bound to it",
            capabilities.Navigable ? "follow its navigation properties" : null,
        }.Where(part => part is not null));
        return new CodeFileView
        {
            Namespace = @namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = new[]
            {
                $"/// <summary>One <see cref=\"{entityFull}\"/> addressed by key or a singleton, as the service allows: {offers}.</summary>",
            },
            Declaration = capabilities.ReadableByKey
                ? $"public sealed partial class {name} : {Client}EntityClient<{entityFull}, {filter}>"
                : $"public sealed partial class {name} : {Client}EntityClientBase<{entityFull}, {filter}>",
            Members = members,
        };
    }

    private MemberView? KeyIndexer(TypeModel entity)
    {
        var keyOwner = entity;
        while (keyOwner.Key.Count == 0 && BaseOf(keyOwner) is { } ancestor)
        {
            keyOwner = ancestor;
        }

        var keyProperties = new List<(PropertyModel Property, string Parameter)>();
        var parameterScope = new NameScope();
        foreach (var keyName in keyOwner.Key)
        {
            var property = keyOwner.Properties.FirstOrDefault(candidate => candidate.Name == keyName);
            if (property is null || property.Type.IsCollection || !HasLiteral(property.Type.QualifiedName))
            {
                // Key paths into complex properties are rare and not addressable by a simple indexer.
                return null;
            }

            keyProperties.Add((property, CSharpIdentifier.EscapeKeyword(parameterScope.Claim(CSharpIdentifier.ToCamelCase(property.Name)))));
        }

        if (keyProperties.Count == 0)
        {
            return null;
        }

        var parameters = string.Join(", ", keyProperties.Select(key => _typeMapper.MapSingle(key.Property.Type.QualifiedName, isNullable: false) + " " + key.Parameter));
        var segment = keyProperties.Count == 1
            ? $"global::UiPathClients.Runtime.Querying.ODataKey.Segment({LiteralExpression(keyProperties[0].Property.Type.QualifiedName, keyProperties[0].Parameter)})"
            : "global::UiPathClients.Runtime.Querying.ODataKey.Segment(new[] { " + string.Join(", ", keyProperties.Select(key =>
                $"new global::System.Collections.Generic.KeyValuePair<string, string>({Literal(key.Property.Name)}, {LiteralExpression(key.Property.Type.QualifiedName, key.Parameter)})")) + " })";
        var lines = new CodeLines()
            .Line($"/// <summary>The entity with this key: <c>{DocComment.Escape(string.Join(", ", keyProperties.Select(key => key.Property.Name)))}</c>.</summary>");
        lines.Line($"public {EntityClientFullName(entity.QualifiedName)} this[{parameters}] => new {EntityClientFullName(entity.QualifiedName)}(Connection, Path + {segment});");
        return lines.ToMember();
    }

    /// <summary>
    /// Operations whose binding parameter is this entity type (or a collection of it), one of its base
    /// types, or a derived type — the last reached through a type-cast segment.
    /// </summary>
    private IEnumerable<(OperationModel Operation, string Segment, bool IsImport)> BoundOperations(TypeModel entity, bool collection)
    {
        foreach (var operation in _model.Operations.Where(operation => operation.IsBound && operation.Parameters.Count > 0))
        {
            var binding = operation.Parameters[0].Type;
            if (binding.IsCollection != collection || !_typesByQualifiedName.TryGetValue(binding.QualifiedName, out var bindingType))
            {
                continue;
            }

            if (IsSameOrDerived(entity, bindingType.QualifiedName))
            {
                yield return (operation, operation.QualifiedName, false);
            }
            else if (IsSameOrDerived(bindingType, entity.QualifiedName))
            {
                yield return (operation, bindingType.QualifiedName + "/" + operation.QualifiedName, false);
            }
        }
    }

    private bool IsSameOrDerived(TypeModel type, string ancestor) =>
        SelfAndAncestors(type).Any(current => current.QualifiedName == ancestor);

    /// <summary>
    /// One method per operation overload. Overloads of one operation share a method name; overloads
    /// that would have the same C# parameter types (they differ only in binding) are emitted once.
    /// </summary>
    /// <param name="members">Where the methods go.</param>
    /// <param name="scope">The class's member names.</param>
    /// <param name="operations">The operations with their path segment (qualified name, or cast + qualified name, or import name).</param>
    /// <param name="pathExpression">The C# expression of the binding path (<c>Path</c>), or <see langword="null"/> for imports (service root).</param>
    /// <param name="takesETag">Bound to one entity: the methods take the entity's ETag for <c>If-Match</c>, which services that version the entity may require.</param>
    private void AddOperations(List<MemberView> members, NameScope scope, IEnumerable<(OperationModel Operation, string Segment, bool IsImport)> operations, string? pathExpression, bool takesETag)
    {
        var callable = operations.Where(candidate => candidate.Operation.Kind != OperationKind.Function || candidate.Operation.ReturnType is not null).ToList();
        var methodNames = OperationMethodNames(scope, callable);
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (operation, segment, isImport) in callable)
        {
            var parameters = operation.Parameters.Skip(operation.IsBound ? 1 : 0).ToList();
            var methodName = methodNames[segment];

            var parameterScope = new NameScope(OperationLocalNames);
            var csharpParameters = parameters
                .Select(parameter => (Model: parameter, Name: CSharpIdentifier.EscapeKeyword(parameterScope.Claim(CSharpIdentifier.ToCamelCase(parameter.Name))), Type: ParameterType(parameter)))
                .ToList();
            if (!signatures.Add(methodName + "(" + string.Join(",", csharpParameters.Select(parameter => parameter.Type)) + ")"))
            {
                continue;
            }

            members.Add(BuildOperationMethod(operation, segment, isImport, pathExpression, methodName, csharpParameters, takesETag));
        }
    }

    /// <summary>
    /// Method names by path segment: the operations bound to this type (or its bases) first, then those bound to a derived
    /// type through a cast. A cast's method whose name is taken (the same operation name bound to this type too) names the
    /// cast like the filter surface does (<c>RunAsContosoOpsOperationAsync</c>) instead of a bare number.
    /// </summary>
    private Dictionary<string, string> OperationMethodNames(NameScope scope, List<(OperationModel Operation, string Segment, bool IsImport)> operations)
    {
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        bool IsCast((OperationModel Operation, string Segment, bool IsImport) candidate) =>
            !candidate.IsImport && candidate.Segment != candidate.Operation.QualifiedName;
        foreach (var candidate in operations.Where(candidate => !IsCast(candidate)).Concat(operations.Where(IsCast)))
        {
            if (methodNames.ContainsKey(candidate.Segment))
            {
                continue;
            }

            var operationName = CSharpIdentifier.ToPascalCase(candidate.Operation.Name);
            var preferred = operationName + "Async";
            if (IsCast(candidate) && scope.IsTaken(preferred) && _typesByQualifiedName.TryGetValue(candidate.Operation.Parameters[0].Type.QualifiedName, out var bindingType))
            {
                preferred = operationName + "As" + CastName(bindingType) + "Async";
            }

            methodNames.Add(candidate.Segment, scope.Claim(preferred));
        }

        return methodNames;
    }

    private MemberView BuildOperationMethod(
        OperationModel operation,
        string segment,
        bool isImport,
        string? pathExpression,
        string methodName,
        List<(ParameterModel Model, string Name, string Type)> parameters,
        bool takesETag)
    {
        var isAction = operation.Kind == OperationKind.Action;
        var verb = isAction ? "POST" : "GET";
        var lines = new CodeLines().Lines(DocComment.Lines(
            operation.Documentation,
            $"{(isAction ? "Action" : "Function")} <c>{DocComment.Escape(operation.QualifiedName)}</c>: <c>{verb} …/{DocComment.Escape(segment)}{(isAction ? string.Empty : "(…)")}</c>."));
        foreach (var parameter in parameters.Where(parameter => parameter.Model.IsOptional))
        {
            lines.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">Optional: left out of the request when null, so the service applies its default.</param>");
        }

        if (takesETag)
        {
            lines.Line("/// <param name=\"ifMatch\">The entity's ETag (<c>GetETag()</c> of the entity read) sent as <c>If-Match</c>; services that version the entity may require it (428) and refuse a stale one (412).</param>");
        }

        lines.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        var returnType = operation.ReturnType;
        string resultType;
        if (returnType is null)
        {
            resultType = Tasks + "Task";
        }
        else if (returnType.IsCollection)
        {
            resultType = $"{Tasks}Task<global::System.Collections.Generic.IReadOnlyList<{ResultItemType(returnType)}>>";
        }
        else
        {
            resultType = $"{Tasks}Task<{_typeMapper.MapSingle(returnType.QualifiedName, returnType.IsNullable)}>";
        }

        // Optional parameters default to null only where no required one follows (CSDL puts them last; C# needs them last).
        var firstTrailingOptional = parameters.Count;
        while (firstTrailingOptional > 0 && parameters[firstTrailingOptional - 1].Model.IsOptional)
        {
            firstTrailingOptional--;
        }

        var signature = string.Join(", ", parameters
            .Select((parameter, index) => parameter.Type + " " + parameter.Name + (index >= firstTrailingOptional ? " = null" : string.Empty))
            .Concat(takesETag ? ETagParameter : Array.Empty<string>())
            .Concat(new[] { CancellationTokenParameter }));
        lines.Line($"public {resultType} {methodName}({signature})").Open();
        foreach (var parameter in parameters.Where(parameter => !parameter.Model.IsOptional && !parameter.Model.Type.IsNullable && !parameter.Model.Type.IsCollection && _typeMapper.IsReferenceType(parameter.Model.Type.QualifiedName)))
        {
            lines.Line($"if ({parameter.Name} is null)").Open()
                .Line($"throw new global::System.ArgumentNullException(nameof({parameter.Name}));")
                .Close().Blank();
        }

        var target = pathExpression is null ? Literal(segment) : $"{pathExpression} + {Literal("/" + segment)}";

        // Where each parameter goes: a function's in its path segment, an action's in its body, unless the spec says
        // the service reads it from the query or (for an action) from the path segment.
        var pathParameters = parameters.Where(parameter => isAction ? parameter.Model.Location == ODataParameterLocation.Segment : parameter.Model.Location != ODataParameterLocation.Query).ToList();
        var queryParameters = parameters.Where(parameter => parameter.Model.Location == ODataParameterLocation.Query).ToList();
        var bodyParameters = isAction ? parameters.Where(parameter => parameter.Model.Location == ODataParameterLocation.OData).ToList() : new();
        if (isAction && pathParameters.Count == 0)
        {
            lines.Line($"var path = {target};");
        }
        else if (pathParameters.Any(parameter => parameter.Model.IsOptional))
        {
            EmitFunctionPathWithOptionalParameters(lines, target, pathParameters);
        }
        else
        {
            EmitInlinePath(lines, target, pathParameters);
        }

        if (queryParameters.Count > 0)
        {
            lines.Line("var query = new global::System.Collections.Generic.List<string>();");
            foreach (var parameter in queryParameters)
            {
                lines.Line($"Connection.AddQueryParameter(query, {Literal(parameter.Model.Name)}, {parameter.Name});");
            }

            lines.Line($"path = {Client}ODataConnection.AppendQuery(path, query);");
        }

        string writer;
        if (isAction)
        {
            writer = bodyParameters.Count == 0 ? "static writer => { }" : "WriteParameters";
            if (bodyParameters.Count > 0)
            {
                lines.Line("void WriteParameters(global::System.Text.Json.Utf8JsonWriter writer)").Open();
                foreach (var parameter in bodyParameters)
                {
                    var write = $"Connection.WriteParameter(writer, {Literal(parameter.Model.Name)}, {parameter.Name});";
                    if (parameter.Model.IsOptional)
                    {
                        // An optional parameter left out of the body takes the service's default; null would be a value.
                        lines.Line($"if ({parameter.Name} is not null)").Open().Line(write).Close();
                    }
                    else
                    {
                        lines.Line(write);
                    }
                }

                lines.Close().Blank();
            }
        }
        else
        {
            writer = "null";
        }

        var method = isAction ? "global::System.Net.Http.HttpMethod.Post" : "global::System.Net.Http.HttpMethod.Get";
        var eTag = takesETag ? "ifMatch, " : string.Empty;
        if (returnType is null)
        {
            lines.Line($"return Connection.InvokeAsync(path, {writer}, {eTag}cancellationToken);");
        }
        else if (returnType.IsCollection)
        {
            lines.Line($"return Connection.InvokeCollectionAsync<{ResultItemType(returnType)}>({method}, path, {writer}, {eTag}cancellationToken);");
        }
        else
        {
            var unwrap = !IsStructured(Underlying(returnType.QualifiedName));
            lines.Line($"return Connection.InvokeAsync<{_typeMapper.MapSingle(returnType.QualifiedName, returnType.IsNullable)}>({method}, path, {writer}, unwrapValue: {(unwrap ? "true" : "false")}, allowNull: {(returnType.IsNullable ? "true" : "false")}, {eTag}cancellationToken);");
        }

        return lines.Close().ToMember();
    }

    /// <summary>The path of an operation whose URL parameters are all required: <c>Op(a=1,b='x')</c>, complex values as aliases.</summary>
    private void EmitInlinePath(CodeLines lines, string target, List<(ParameterModel Model, string Name, string Type)> parameters)
    {
        var inline = new List<string>();
        var aliases = new List<string>();
        foreach (var parameter in parameters)
        {
            var name = parameter.Model.Name;
            if (!parameter.Model.Type.IsCollection && HasLiteral(parameter.Model.Type.QualifiedName))
            {
                var local = parameter.Name.TrimStart('@') + "Value";
                var literal = parameter.Model.Type.IsNullable && !_typeMapper.IsReferenceType(parameter.Model.Type.QualifiedName)
                    ? $"({parameter.Name} is {{ }} {local} ? {LiteralExpression(parameter.Model.Type.QualifiedName, local)} : global::UiPathClients.Runtime.Querying.ODataLiteral.Null)"
                    : LiteralExpression(parameter.Model.Type.QualifiedName, parameter.Name);
                inline.Add($"{Literal(name + "=")} + global::UiPathClients.Runtime.Querying.ODataKey.EscapeForPath({literal})");
            }
            else
            {
                // Complex and collection values go as parameter aliases: Fn(p=@p)?@p={json}.
                inline.Add(Literal(name + "=@" + name));
                aliases.Add($"{Literal("@" + name + "=")} + global::System.Uri.EscapeDataString(Connection.ToJson({parameter.Name}))");
            }
        }

        var call = inline.Count == 0 ? "\"()\"" : "\"(\" + " + string.Join(" + \",\" + ", inline) + " + \")\"";
        var query = aliases.Count == 0 ? string.Empty : " + \"?\" + " + string.Join(" + \"&\" + ", aliases);
        lines.Line($"var path = {target} + {call}{query};");
    }

    /// <summary>
    /// A function path whose optional parameters are left out when null (the service then applies its default; <c>p=null</c>
    /// would be a value the service may refuse): the arguments are collected at run time.
    /// </summary>
    private void EmitFunctionPathWithOptionalParameters(CodeLines lines, string target, List<(ParameterModel Model, string Name, string Type)> parameters)
    {
        const string Literals = "global::UiPathClients.Runtime.Querying.";
        var hasAliases = parameters.Any(parameter => parameter.Model.Type.IsCollection || !HasLiteral(parameter.Model.Type.QualifiedName));
        lines.Line("var arguments = new global::System.Collections.Generic.List<string>();");
        if (hasAliases)
        {
            lines.Line("var aliases = new global::System.Collections.Generic.List<string>();");
        }

        foreach (var parameter in parameters)
        {
            var name = parameter.Model.Name;
            var isValueType = !parameter.Model.Type.IsCollection && !_typeMapper.IsReferenceType(parameter.Model.Type.QualifiedName);
            var local = parameter.Name.TrimStart('@') + "Value";
            var nullable = parameter.Model.IsOptional || parameter.Model.Type.IsNullable;
            var value = nullable && isValueType ? local : parameter.Name;
            var statements = new List<string>();
            if (!parameter.Model.Type.IsCollection && HasLiteral(parameter.Model.Type.QualifiedName))
            {
                statements.Add($"arguments.Add({Literal(name + "=")} + {Literals}ODataKey.EscapeForPath({LiteralExpression(parameter.Model.Type.QualifiedName, value)}));");
            }
            else
            {
                statements.Add($"arguments.Add({Literal(name + "=@" + name)});");
                statements.Add($"aliases.Add({Literal("@" + name + "=")} + global::System.Uri.EscapeDataString(Connection.ToJson({parameter.Name})));");
            }

            if (parameter.Model.IsOptional)
            {
                lines.Line(isValueType ? $"if ({parameter.Name} is {{ }} {local})" : $"if ({parameter.Name} is not null)").Open();
                foreach (var statement in statements)
                {
                    lines.Line(statement);
                }

                lines.Close().Blank();
            }
            else if (nullable && isValueType)
            {
                lines.Line($"if ({parameter.Name} is {{ }} {local})").Open().Line(statements[0]).Close()
                    .Line("else").Open().Line($"arguments.Add({Literal(name + "=")} + {Literals}ODataLiteral.Null);").Close().Blank();
            }
            else
            {
                foreach (var statement in statements)
                {
                    lines.Line(statement);
                }
            }
        }

        var query = hasAliases ? " + (aliases.Count == 0 ? string.Empty : \"?\" + string.Join(\"&\", aliases))" : string.Empty;
        lines.Line($"var path = {target} + \"(\" + string.Join(\",\", arguments) + \")\"{query};");
    }

    /// <summary>
    /// The entities the entity's navigation properties lead to, as clients at <c>{entity}/{navigation}</c>: a collection is queried
    /// like a set (<c>client.Authors[1].Books.Where(…)</c>), a single entity read, changed and expanded like one addressed by key.
    /// </summary>
    private void AddNavigations(List<MemberView> members, NameScope scope, TypeModel entity)
    {
        foreach (var navigation in AllProperties(entity).Where(property => property.Model.Kind == PropertyKind.Navigation))
        {
            var target = navigation.Model.Type.QualifiedName;
            if (!_typesByQualifiedName.TryGetValue(target, out var targetType) || targetType.Kind != TypeKind.Entity || !_filterNames.ContainsKey(target))
            {
                continue;
            }

            string type;
            string create;
            var segment = Literal("/" + navigation.Model.Name);
            if (navigation.Model.Type.IsCollection)
            {
                type = $"{Client}NavigationCollectionClient<{TypeFullName(target)}, {FilterFullName(target)}>";
                create = $"new {type}(Connection, Path + {segment}, new {FilterFullName(target)}(string.Empty))";
            }
            else if (EntityClients.ContainsKey(target))
            {
                type = EntityClientFullName(target);
                create = $"new {type}(Connection, Path + {segment})";
            }
            else
            {
                continue;
            }

            var name = scope.Claim(navigation.CSharpName);
            members.Add(new CodeLines()
                .Lines(DocComment.Lines(
                    navigation.Model.Documentation,
                    $"The {(navigation.Model.Type.IsCollection ? "entities" : "entity")} of the <c>{DocComment.Escape(navigation.Model.Name)}</c> navigation property: <c>…/{DocComment.Escape(navigation.Model.Name)}</c>."))
                .Line($"public {type} {name} => {create};")
                .ToMember());
        }
    }

    /// <summary>An optional parameter is nullable whatever the spec says: null is how a caller leaves it out.</summary>
    private string ParameterType(ParameterModel parameter)
    {
        if (!parameter.IsOptional)
        {
            return _typeMapper.Map(parameter.Type);
        }

        return parameter.Type.IsCollection
            ? _typeMapper.Map(parameter.Type) + "?"
            : _typeMapper.Map(parameter.Type with { IsNullable = true });
    }

    /// <summary>Items of a collection result: structured items are never null; primitive items follow the spec.</summary>
    private string ResultItemType(TypeReference returnType) =>
        _typeMapper.MapSingle(returnType.QualifiedName, returnType.IsNullable && !_typeMapper.IsReferenceType(returnType.QualifiedName) && !IsStructured(returnType.QualifiedName));

    /// <summary>Whether the type is an entity or complex type (a JSON object, not a value wrapped in <c>value</c>).</summary>
    private bool IsStructured(string qualified) =>
        _typesByQualifiedName.TryGetValue(qualified, out var type) && type.Kind is TypeKind.Entity or TypeKind.Complex;

    private string EntityClientFullName(string qualified) => "global::" + _names[qualified].Namespace + "." + _entityClientNames[qualified];
}
