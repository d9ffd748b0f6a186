using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using UiPathClients.SpecTools.Orchestrator;

namespace UiPathClients.SpecTools.Tests.Orchestrator;

/// <summary>
/// The bundled Orchestrator EDMX (specs/orchestrator/orchestrator.edmx): valid for Microsoft.OData.Edm,
/// complete against its source, and exactly what the converter produces today.
/// </summary>
public sealed class BundledOrchestratorSpecTests
{
    private const string OperationNamespace = "UiPath.Server.Configuration.OData";

    private static readonly Lazy<IEdmModel> Model = new(LoadBundled);

    [Fact]
    public void Loads_and_validates_in_CsdlReader_without_errors()
    {
        using var xml = XmlReader.Create(RepositoryPaths.BundledOrchestratorSpec);
        Assert.True(CsdlReader.TryParse(xml, out var model, out var errors), string.Join("\n", errors ?? Array.Empty<EdmError>()));

        Assert.True(model.Validate(out var validationErrors), string.Join("\n", validationErrors.Take(20)));
    }

    [Fact]
    public void Every_odata_set_of_the_source_is_an_entity_set()
    {
        // Every distinct /odata/<Set> name in the OpenAPI document; the source has 52, all of which convert.
        var sourceSets = Regex.Matches(File.ReadAllText(RepositoryPaths.OrchestratorOpenApiSource), @"^  /odata/(\w+)", RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var entitySets = Model.Value.EntityContainer.EntitySets().Select(set => set.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(52, sourceSets.Count);
        Assert.Equal(sourceSets.OrderBy(name => name, StringComparer.Ordinal), entitySets.OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void Holds_at_least_150_bound_operations()
    {
        var bound = Model.Value.SchemaElements.OfType<IEdmOperation>().Count(operation => operation.IsBound);

        Assert.True(bound >= 150, $"{bound} bound operations");
    }

    [Fact]
    public void Jobs_is_a_set_of_JobDto_keyed_by_Int64_Id()
    {
        var jobs = Model.Value.EntityContainer.FindEntitySet("Jobs");
        var key = Assert.Single(jobs.EntityType.Key());

        Assert.Equal(OperationNamespace + ".JobDto", jobs.EntityType.FullName());
        Assert.Equal("Id", key.Name);
        Assert.Equal("Edm.Int64", key.Type.FullName());
        Assert.False(key.Type.IsNullable);
    }

    [Fact]
    public void StartJobs_is_an_action_on_the_Jobs_collection_taking_startInfo()
    {
        var startJobs = Assert.Single(Model.Value.FindDeclaredOperations(OperationNamespace + ".StartJobs"));

        Assert.IsAssignableFrom<IEdmAction>(startJobs);
        Assert.True(startJobs.IsBound);
        Assert.Equal("Collection(" + OperationNamespace + ".JobDto)", startJobs.Parameters.ElementAt(0).Type.FullName());
        var startInfo = startJobs.Parameters.ElementAt(1);
        Assert.Equal("startInfo", startInfo.Name);
        Assert.Equal(OperationNamespace + ".StartProcessDto", startInfo.Type.FullName());
        Assert.Equal(EdmTypeKind.Complex, startInfo.Type.Definition.TypeKind);
        Assert.Equal("Collection(" + OperationNamespace + ".JobDto)", startJobs.GetReturn().Type.FullName());
    }

    [Fact]
    public void Webhook_operations_use_the_namespaces_real_responses_show()
    {
        var getEventTypes = Assert.Single(Model.Value.FindDeclaredOperations(OperationNamespace + ".GetEventTypes"));
        Assert.IsAssignableFrom<IEdmFunction>(getEventTypes);
        Assert.Equal("Collection(" + OperationNamespace + ".WebhookDto)", getEventTypes.Parameters.ElementAt(0).Type.FullName());
        Assert.Equal("Collection(UiPath.Application.Dto.Webhooks.WebhookEventTypeDto)", getEventTypes.GetReturn().Type.FullName());

        var ping = Assert.Single(Model.Value.FindDeclaredOperations(OperationNamespace + ".Ping"));
        Assert.IsAssignableFrom<IEdmAction>(ping);
        Assert.Equal(OperationNamespace + ".WebhookDto", ping.Parameters.ElementAt(0).Type.FullName());
        Assert.Equal("UiPath.Webhooks.Dto.PingEventDto", ping.GetReturn().Type.FullName());
    }

    [Fact]
    public void JobState_enum_takes_its_members_from_the_source()
    {
        var jobState = Assert.IsAssignableFrom<IEdmEnumType>(Model.Value.FindDeclaredType(OperationNamespace + ".JobState"));

        Assert.Equal(
            new[] { "Pending", "Running", "Stopping", "Terminating", "Faulted", "Successful", "Stopped", "Suspended", "Resumed" },
            jobState.Members.Select(member => member.Name));
        var state = Model.Value.FindDeclaredType(OperationNamespace + ".JobDto") as IEdmEntityType;
        Assert.Equal(jobState.FullName(), state!.FindProperty("State").Type.FullName());
    }

    [Fact]
    public void Release_and_webhook_dtos_are_entity_types()
    {
        foreach (var name in new[] { "ReleaseDto", "WebhookDto", "JobDto", "MachineDto" })
        {
            Assert.Equal(EdmTypeKind.Entity, Model.Value.FindDeclaredType(OperationNamespace + "." + name)?.TypeKind);
        }

        // Entity references inside DTOs are navigation, not values: JobDto.Machine comes back only with $expand.
        var job = (IEdmEntityType)Model.Value.FindDeclaredType(OperationNamespace + ".JobDto");
        Assert.IsAssignableFrom<IEdmNavigationProperty>(job.FindProperty("Machine"));
    }

    [Fact]
    public void Converter_reproduces_the_checked_in_file_exactly()
    {
        var result = OrchestratorEdmxConverter.Convert(UiPathClients.SpecTools.YamlJson.Load(RepositoryPaths.OrchestratorOpenApiSource));

        // Regenerate with the command in specs/README.md when this fails after a converter change.
        Assert.Equal(File.ReadAllText(RepositoryPaths.BundledOrchestratorSpec), result.Edmx);
        Assert.Equal(52, result.EntitySets);
    }

    private static IEdmModel LoadBundled()
    {
        using var xml = XmlReader.Create(RepositoryPaths.BundledOrchestratorSpec);
        return CsdlReader.Parse(xml);
    }
}

internal static class RepositoryPaths
{
    private static readonly string Root = FindRoot();

    public static string BundledOrchestratorSpec => Path.Combine(Root, "specs", "orchestrator", "orchestrator.edmx");

    /// <summary>The real OpenAPI document, beside the repository in ../shared (developer machines and CI alike).</summary>
    public static string OrchestratorOpenApiSource => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs-real", "uipath", "orchestrator-cloud-v20.0.uipathcli.openapi3.yaml"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
