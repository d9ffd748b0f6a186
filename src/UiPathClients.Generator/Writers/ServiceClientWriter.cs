using System.Collections.Generic;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// The service client (<c>OrchestratorClient</c>): one accessor per entity set and singleton, entity set
/// clients with the key indexer and collection-bound operations, entity clients with entity-bound operations.
/// </summary>
internal sealed class ServiceClientWriter
{
    private readonly EmitContext _context;

    private readonly ODataOperationWriter _operations;

    public ServiceClientWriter(EmitContext context)
    {
        _context = context;
        _operations = new ODataOperationWriter(context);
    }



    public IEnumerable<GeneratedFile> Write(CancellationToken cancellationToken)
    {
        var plans = _context.Plan.ODataClients;
        for (var index = 0; index < plans.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var client = plans[index];
            var names = _context.Plan.Names.ODataClients[index];
            switch (client.Kind)
            {
                case ODataClientKind.Service:
                    yield return new GeneratedFile(_context.FileHint(null, _context.ServiceClientName), ViewRenderer.RenderCodeFile(BuildServiceClientView(client, names)));
                    break;
                case ODataClientKind.EntitySet:
                    var set = _context.Model.EntitySets.First(candidate => candidate.Name == client.Name);
                    yield return new GeneratedFile(
                        _context.FileHint("EntitySets", _context.EntitySetClassNames[set.Name]),
                        ViewRenderer.RenderCodeFile(BuildEntitySetView(set, client, names)));
                    break;
                default:
                    var type = _context.TypesByQualifiedName[client.Name];
                    var (@namespace, _, prefix) = _context.Names[type.QualifiedName];
                    yield return new GeneratedFile(
                        _context.FileHint("EntityClients", prefix + _context.EntityClientNames[type.QualifiedName]),
                        ViewRenderer.RenderCodeFile(BuildEntityClientView(type, @namespace, _context.EntityClients[type.QualifiedName], client, names)));
                    break;
            }
        }
    }

    private CodeFileView BuildServiceClientView(ODataClientPlan client, ODataClientNames names)
    {
        var name = _context.ServiceClientName;
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line($"/// <summary>The service root relative to the base address when <see cref=\"{Client}ODataClientOptions.ServicePath\"/> is not set.</summary>")
                .Line($"public const string DefaultServicePath = {Literal(_context.Model.ServicePath)};")
                .ToMember(),
            new CodeLines()
                .Line("/// <summary>Creates the client.</summary>")
                .Line("/// <param name=\"httpClient\">The HTTP client: its base address is the service's (Orchestrator: <c>https://cloud.uipath.com/{org}/{tenant}/orchestrator_/</c>), its handlers authenticate.</param>")
                .Line("/// <param name=\"options\">Service path and page size; <see langword=\"null\"/> for the defaults.</param>")
                .Line($"public {name}(global::System.Net.Http.HttpClient httpClient, {Client}ODataClientOptions? options = null)")
                .Indent().Line($": this(new {Client}ODataConnection(httpClient, global::{_context.Model.Namespace}.{_context.JsonMetadataName}.Default, DefaultServicePath, options))").Outdent()
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
                .Line($"public {name} WithFolder({Http}FolderContext folder) => new {name}(Connection.WithFolder(folder));")
                .ToMember(),
        };

        for (var index = 0; index < client.Accessors.Count; index++)
        {
            var set = _context.Model.EntitySets.First(candidate => candidate.Name == client.Accessors[index]);
            var accessor = names.Accessors[index];
            var lines = new CodeLines().Lines(DocComment.Lines(set.Documentation));
            if (set.IsSingleton)
            {
                // A singleton is its own entity client (in _context.EntityClients by construction).
                var entityClient = _context.EntityClientFullName(set.EntityType);
                lines.Line($"public {entityClient} {accessor} => new {entityClient}(Connection, {Literal(set.Name)});");
            }
            else
            {
                var setClass = _context.Model.Namespace + "." + _context.EntitySetClassNames[set.Name];
                lines.Line($"public global::{setClass} {accessor} => new global::{setClass}(Connection);");
            }

            members.Add(lines.ToMember());
        }

        _operations.AddOperations(members, client.Operations, names.Operations, pathExpression: null, takesETag: false);

        return new CodeFileView
        {
            Namespace = _context.Model.Namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                $"/// The typed client of the <c>{DocComment.Escape(_context.Model.ClientName)}</c> OData service: one property per entity set and singleton,",
                "/// one method per operation import. Cheap to create; share the <see cref=\"global::System.Net.Http.HttpClient\"/>.",
                "/// </summary>",
            },
            Declaration = $"public sealed partial class {name}",
            Members = members,
        };
    }

    private CodeFileView BuildEntitySetView(EntitySetModel set, ODataClientPlan client, ODataClientNames names)
    {
        var name = _context.EntitySetClassNames[set.Name];
        var entity = _context.TypesByQualifiedName[set.EntityType];
        var entityFull = _context.TypeFullName(entity.QualifiedName);
        var filter = _context.FilterFullName(entity.QualifiedName);
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

        _operations.AddOperations(members, client.Operations, names.Operations, pathExpression: "Path", takesETag: false);
        var offers = string.Join(", ", new[]
        {
            capabilities.Queryable ? "query it (<c>Where</c>, <c>OrderBy</c>, <c>await foreach</c>)" : null,
            capabilities.Insertable ? "create" : null,
            indexer is not null ? "address by key" : null,
            "call its operations",
        }.Where(part => part is not null));
        return new CodeFileView
        {
            Namespace = _context.Model.Namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = DocComment.Lines(set.Documentation, $"The <c>{DocComment.Escape(set.Name)}</c> entity set: {offers}."),
            Declaration = capabilities.Queryable
                ? $"public sealed partial class {name} : {Client}EntitySetClient<{entityFull}, {filter}>"
                : $"public sealed partial class {name} : {Client}UnqueryableEntitySetClient<{entityFull}, {filter}>",
            Members = members,
        };
    }

    private CodeFileView BuildEntityClientView(TypeModel entity, string @namespace, EntitySetCapabilities capabilities, ODataClientPlan client, ODataClientNames names)
    {
        var name = _context.EntityClientNames[entity.QualifiedName];
        var entityFull = _context.TypeFullName(entity.QualifiedName);
        var filter = _context.FilterFullName(entity.QualifiedName);
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
                .Line($"/// <exception cref=\"{Errors}ODataConcurrencyException\">The entity changed since it was read (HTTP 412).</exception>")
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
                .Line($"/// <exception cref=\"{Errors}ODataConcurrencyException\">The ETag is stale (HTTP 412).</exception>")
                .Line($"public {Tasks}Task PatchAsync(global::System.Func<{Client}ODataDelta<{filter}>, {Client}ODataDelta<{filter}>> changes, string? ifMatch = null, {CancellationTokenParameter}) => PatchEntityAsync(changes, ifMatch, cancellationToken);")
                .ToMember());
        }

        if (capabilities.Deletable)
        {
            members.Add(new CodeLines()
                .Line("/// <summary>Deletes the entity: <c>DELETE</c>.</summary>")
                .Line("/// <param name=\"ifMatch\">An ETag to send as <c>If-Match</c>, if any.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels the call.</param>")
                .Line($"/// <exception cref=\"{Errors}ODataConcurrencyException\">The ETag is stale (HTTP 412).</exception>")
                .Line($"public {Tasks}Task DeleteAsync(string? ifMatch = null, {CancellationTokenParameter}) => DeleteEntityAsync(ifMatch, cancellationToken);")
                .ToMember());
        }

        _operations.AddOperations(members, client.Operations, names.Operations, pathExpression: "Path", takesETag: true);
        AddNavigations(members, client.Navigations, names.Navigations);

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
            GeneratorVersion = _context.GeneratorVersion,
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
        while (keyOwner.Key.Count == 0 && _context.BaseOf(keyOwner) is { } ancestor)
        {
            keyOwner = ancestor;
        }

        var keyProperties = new List<(PropertyModel Property, string Parameter)>();
        var parameterScope = new NameScope();
        foreach (var keyName in keyOwner.Key)
        {
            var property = keyOwner.Properties.FirstOrDefault(candidate => candidate.Name == keyName);
            if (property is null || property.Type.IsCollection || !_context.HasLiteral(property.Type.QualifiedName))
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

        var parameters = string.Join(", ", keyProperties.Select(key => _context.TypeMapper.MapSingle(key.Property.Type.QualifiedName, isNullable: false) + " " + key.Parameter));
        var segment = keyProperties.Count == 1
            ? $"{Querying}ODataKey.Segment({_context.LiteralExpression(keyProperties[0].Property.Type.QualifiedName, keyProperties[0].Parameter)})"
            : Querying + "ODataKey.Segment(new[] { " + string.Join(", ", keyProperties.Select(key =>
                $"new global::System.Collections.Generic.KeyValuePair<string, string>({Literal(key.Property.Name)}, {_context.LiteralExpression(key.Property.Type.QualifiedName, key.Parameter)})")) + " })";
        var lines = new CodeLines()
            .Line($"/// <summary>The entity with this key: <c>{DocComment.Escape(string.Join(", ", keyProperties.Select(key => key.Property.Name)))}</c>.</summary>");
        lines.Line($"public {_context.EntityClientFullName(entity.QualifiedName)} this[{parameters}] => new {_context.EntityClientFullName(entity.QualifiedName)}(Connection, Path + {segment});");
        return lines.ToMember();
    }

    /// <summary>
    /// The entities the entity's navigation properties lead to, as clients at <c>{entity}/{navigation}</c>: a collection is queried
    /// like a set (<c>client.Authors[1].Books.Where(…)</c>), a single entity read, changed and expanded like one addressed by key.
    /// </summary>
    private void AddNavigations(List<MemberView> members, EquatableArray<ODataNavigationPlan> navigations, EquatableArray<string> names)
    {
        for (var index = 0; index < navigations.Count; index++)
        {
            var navigation = _context.TypesByQualifiedName[navigations[index].DeclaringType].Properties.First(property => property.Name == navigations[index].Property);
            var target = navigation.Type.QualifiedName;
            var segment = Literal("/" + navigation.Name);
            string type;
            string create;
            if (navigation.Type.IsCollection)
            {
                type = $"{Client}NavigationCollectionClient<{_context.TypeFullName(target)}, {_context.FilterFullName(target)}>";
                create = $"new {type}(Connection, Path + {segment}, new {_context.FilterFullName(target)}(string.Empty))";
            }
            else
            {
                type = _context.EntityClientFullName(target);
                create = $"new {type}(Connection, Path + {segment})";
            }

            members.Add(new CodeLines()
                .Lines(DocComment.Lines(
                    navigation.Documentation,
                    $"The {(navigation.Type.IsCollection ? "entities" : "entity")} of the <c>{DocComment.Escape(navigation.Name)}</c> navigation property: <c>…/{DocComment.Escape(navigation.Name)}</c>."))
                .Line($"public {type} {names[index]} => {create};")
                .ToMember());
        }
    }
}
