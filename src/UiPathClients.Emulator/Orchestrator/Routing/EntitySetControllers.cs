using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using UiPathClients.Emulator.Orchestrator.Controllers;
using UiPathClients.Emulator.Orchestrator.Model;

namespace UiPathClients.Emulator.Orchestrator.Routing;

/// <summary>
/// Gives every entity set of the description a controller: the sets without a hand-written one get a closure of
/// <see cref="EntitySetController{TEntity, TKey}"/> over the set's generated class and key type. ASP.NET Core OData's
/// convention routing matches a controller to the entity set of the same name, so <see cref="Names"/> renames each
/// closure (its CLR name is <c>EntitySetController`2</c>) before OData reads the application model.
/// </summary>
internal static class EntitySetControllers
{
    private static readonly Lazy<IReadOnlyDictionary<Type, string>> Closures = new(() =>
        OrchestratorEdmModel.Instance.EntityContainer.EntitySets().ToDictionary(ClosureFor, set => set.Name));

    /// <summary>The entity set a closure of <see cref="EntitySetController{TEntity, TKey}"/> serves.</summary>
    public static string EntitySetOf(Type controller) =>
        Closures.Value.TryGetValue(controller, out var set) ? set : throw new InvalidOperationException($"{controller} serves no entity set.");

    private static Type ClosureFor(IEdmEntitySet set)
    {
        var entity = OrchestratorEdmModel.Instance.GetAnnotationValue<ClrTypeAnnotation>(set.EntityType)?.ClrType
            ?? throw new InvalidOperationException($"The entity type of {set.Name} has no generated class.");
        var key = set.EntityType.Key().Single().Type.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.Int64 => typeof(long),
            EdmPrimitiveTypeKind.Int32 => typeof(int),
            EdmPrimitiveTypeKind.String => typeof(string),
            EdmPrimitiveTypeKind.Guid => typeof(Guid),
            var other => throw new InvalidOperationException($"The key of {set.Name} is an Edm.{other}, which the emulator's tables do not support."),
        };
        return typeof(EntitySetController<,>).MakeGenericType(entity, key);
    }

    /// <summary>Adds a closure for each set that no controller in the application parts is named after.</summary>
    public sealed class Feature : IApplicationFeatureProvider<ControllerFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
        {
            var served = feature.Controllers.Select(controller => controller.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var (closure, set) in Closures.Value)
            {
                if (!served.Contains(set + "Controller"))
                {
                    feature.Controllers.Add(closure.GetTypeInfo());
                }
            }
        }
    }

    /// <summary>
    /// Names each closure after its set. Runs in the executing phase, after MVC's default provider made the controller
    /// models and before ASP.NET Core OData's provider builds its routes from them (in the executed phase).
    /// </summary>
    public sealed class Names : IApplicationModelProvider
    {
        public int Order => 0;

        public void OnProvidersExecuting(ApplicationModelProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            foreach (var controller in context.Result.Controllers)
            {
                if (Closures.Value.TryGetValue(controller.ControllerType.AsType(), out var set))
                {
                    controller.ControllerName = set;
                }
            }
        }

        public void OnProvidersExecuted(ApplicationModelProviderContext context)
        {
        }
    }
}
