using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace UiPathClients.SpecTools.Orchestrator;

// Facts about the live service that the public description does not state but UiPath's own public SDKs
// depend on. Each entry is a fact only (a path, a parameter, a type); its evidence is listed in
// specs/README.md. Entries whose set or schema the source lacks are ignored, so other documents convert
// unchanged.
internal sealed partial class OrchestratorEdmxConverter
{
    /// <summary>
    /// Properties the live service returns only under <c>$expand</c>: navigation properties, although the
    /// description gives them an ordinary object schema. Their target schemas become entity types (keyed by
    /// <c>Id</c>), so every property of that schema is a navigation.
    /// </summary>
    private static readonly (string Owner, string Property)[] KnownNavigations =
    {
        ("JobDto", "Robot"),
        ("JobDto", "Release"),
        ("SessionDto", "Robot"),
        ("RobotWithLicenseDto", "License"),
    };

    /// <summary>A function bound to a set's collection that the live service serves beyond the description.</summary>
    private sealed record SupplementalFunction(string Set, string Name, string Parameter, string ParameterType, string ReturnsElementOf);

    private static readonly SupplementalFunction[] SupplementalFunctions =
    {
        // GET /odata/Jobs/UiPath.Server.Configuration.OData.GetByKey(identifier=<guid>): the job by its Key.
        new("Jobs", "GetByKey", "identifier", "Edm.Guid", "Jobs"),

        // GET /odata/Buckets/UiPath.Server.Configuration.OData.GetByKey(identifier='<key>'): a string literal.
        new("Buckets", "GetByKey", "identifier", "Edm.String", "Buckets"),
    };

    /// <summary>Makes the targets of <see cref="KnownNavigations"/> entity types keyed by <c>Id</c>.</summary>
    private void MarkKnownNavigationTargets()
    {
        foreach (var (owner, property) in KnownNavigations)
        {
            if (_schemas[owner] is not JsonObject ownerSchema)
            {
                continue;
            }

            var propertySchema = OwnProperties(ownerSchema).FirstOrDefault(pair => pair.Name == property).Property;
            var target = RefName(propertySchema) ?? (propertySchema?["allOf"] is JsonArray { Count: 1 } single ? RefName(single[0]) : null);
            if (target is null || _schemas[target] is not JsonObject targetSchema)
            {
                throw new FormatException($"Known navigation {owner}/{property} does not refer to a named schema.");
            }

            if (_entitySchemas.Contains(target))
            {
                continue;
            }

            if (!OwnProperties(targetSchema).Any(pair => pair.Name == "Id") || BaseSchemaName(targetSchema) is not null)
            {
                throw new FormatException($"Known navigation target {target} has no Id of its own to be keyed by.");
            }

            _entityKeys[target] = "Id";
            _entitySchemas.Add(target);
        }
    }

    /// <summary>
    /// An operation-only set (no collection or key GET) whose derived element type is already another
    /// set's would share that set's bindings: <c>Queues</c> and <c>QueueItems</c> both answer
    /// <c>QueueItemDto</c>, yet each has its own operations. Such a set gets an entity type of its own,
    /// <c>&lt;Set&gt;Entity</c>, holding only its key, so that an operation is reachable exactly where
    /// the source has its path.
    /// </summary>
    private void SeparateSharedOperationOnlySets(ISet<string> operationOnlySets)
    {
        foreach (var set in operationOnlySets.OrderBy(name => name, StringComparer.Ordinal))
        {
            var element = _setElementTypes[set];
            var sharedWith = _setElementTypes.Where(pair => pair.Key != set && pair.Value == element).Select(pair => pair.Key).ToList();
            if (sharedWith.Count == 0)
            {
                continue;
            }

            if (sharedWith.All(operationOnlySets.Contains))
            {
                throw new FormatException($"Operation-only sets {set} and {string.Join(", ", sharedWith)} share {element} with no readable set.");
            }

            var name = set + "Entity";
            if (_schemas.ContainsKey(name))
            {
                throw new FormatException($"The entity type name {name} for set {set} is taken by a schema.");
            }

            var keyType = _setKeyTypes.GetValueOrDefault(set, "integer");
            _schemas[name] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("Id"),
                ["properties"] = new JsonObject
                {
                    ["Id"] = keyType == "integer"
                        ? new JsonObject { ["type"] = "integer", ["format"] = "int64" }
                        : new JsonObject { ["type"] = "string" },
                },
            };
            _setElementTypes[set] = name;
        }
    }

    /// <summary>The <see cref="SupplementalFunctions"/> whose set the source has.</summary>
    private IEnumerable<(string Namespace, OperationDraft Operation)> SupplementalOperations()
    {
        foreach (var function in SupplementalFunctions)
        {
            if (!_setElementTypes.TryGetValue(function.Set, out var bindingElement) || !_setElementTypes.TryGetValue(function.ReturnsElementOf, out var returned))
            {
                continue;
            }

            var element = EnsureSchemaType(bindingElement);
            yield return (ServiceNamespace, new OperationDraft(
                IsAction: false,
                function.Name,
                $"Collection({element})",
                new[] { new ParameterDraft(function.Parameter, function.ParameterType, IsNullable: false) },
                EnsureSchemaType(returned)));
        }
    }
}
