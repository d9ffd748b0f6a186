using System;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Formatter.Deserialization;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UiPathClients.Emulator.Orchestrator.Concurrency;
using UiPathClients.Emulator.Orchestrator.Model;
using UiPathClients.Emulator.Orchestrator.Querying;
using UiPathClients.Emulator.Orchestrator.Routing;

namespace UiPathClients.Emulator.Orchestrator;

/// <summary>
/// The Orchestrator slice: ASP.NET Core OData over the bundled EDMX of the served version (cloud unless
/// <see cref="OrchestratorEmulatorOptions.OrchestratorVersion"/> names an on-premises one) with the emulator's controllers, behind
/// <see cref="OrchestratorMiddleware"/>. It serves every request the host's address mapping does not give to another slice.
/// </summary>
internal static class OrchestratorSlice
{
    /// <summary>Registers MVC with the emulator's (internal) controllers and the OData route component <c>odata</c>.</summary>
    public static IServiceCollection AddOrchestratorSlice(this IServiceCollection services, OrchestratorEmulatorOptions options)
    {
        var served = OrchestratorEdmModel.For(options.OrchestratorVersion);
        services.AddSingleton(served);
        services
            .AddControllers(mvc => mvc.Filters.Add<MaterializeQueryResultsFilter>())
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                parts.ApplicationParts.Add(new AssemblyPart(typeof(OrchestratorSlice).Assembly));
                // ASP.NET Core OData's own controller serves the service document and $metadata.
                parts.ApplicationParts.Add(new AssemblyPart(typeof(MetadataController).Assembly));
                parts.FeatureProviders.Add(new InternalControllerFeatureProvider());
                // After the hand-written controllers are found: a generic one for each set they leave unserved.
                parts.FeatureProviders.Add(new EntitySetControllers.Feature());
            })
            .AddOData(odata =>
            {
                // Orchestrator addresses entities as Set(key) only. Key-as-segment templates (Set/{key}) would also
                // route "Settings/Ns.GetLanguages()" of a string-keyed set to Get(key) instead of to the operation.
                odata.RouteOptions.EnableKeyAsSegment = false;
                odata
                    .EnableQueryFeatures(options.MaxTop)
                    .AddRouteComponents("odata", served.Model, routeServices => routeServices
                        .AddSingleton<ISearchBinder, ContainsSearchBinder>()
                        .AddSingleton<IETagHandler, EmulatorETags.HashETagHandler>()
                        .AddSingleton<ODataResourceDeserializer, RequestedClassResourceDeserializer>());
            });

        services.TryAddEnumerable(ServiceDescriptor.Transient<IApplicationModelProvider, EntitySetControllers.Names>());
        return services;
    }

    /// <summary>
    /// The slice's pipeline: token, job clock and folder, then the served version's <c>$metadata</c> and routing restricted
    /// to its described routes.
    /// </summary>
    public static IApplicationBuilder UseOrchestratorSlice(this IApplicationBuilder app)
    {
        var served = app.ApplicationServices.GetRequiredService<ServedOrchestratorModel>();
        return app
            .UseMiddleware<OrchestratorMiddleware>()
            .UseMiddleware<MetadataDocumentMiddleware>(served)
            .UseRouting()
            .UseMiddleware<DescribedRoutesMiddleware>(served.Model)
            .UseEndpoints(routes => routes.MapControllers());
    }

    /// <summary>Lets MVC see the emulator's controllers, which are internal: they are not part of its public API.</summary>
    private sealed class InternalControllerFeatureProvider : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.IsClass && !typeInfo.IsAbstract && !typeInfo.ContainsGenericParameters
            && typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(typeInfo)
            && typeInfo.Name.EndsWith("Controller", StringComparison.Ordinal);
    }
}
