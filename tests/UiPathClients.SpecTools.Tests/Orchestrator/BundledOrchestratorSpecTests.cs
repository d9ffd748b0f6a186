using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using UiPathClients.SpecTools.Orchestrator;
using UiPathClients.Tests.Common;

namespace UiPathClients.SpecTools.Tests.Orchestrator;

/// <summary>
/// The bundled Orchestrator EDMX (specs/orchestrator/orchestrator.edmx): valid for Microsoft.OData.Edm,
/// complete against its source, and exactly what the converter produces today.
/// </summary>
public sealed class BundledOrchestratorSpecTests
{
    private const string Ns = "UiPath.Server.Configuration.OData";

    private static readonly Lazy<IEdmModel> Model = new(() => Load(RepositoryPaths.BundledOrchestratorSpec));

    private static readonly Lazy<JsonNode> Source = new(() => YamlJson.Load(RepositoryPaths.OrchestratorOpenApiSource));

    [Fact]
    public void Loads_in_CsdlReader_and_validates_without_errors()
    {
        using var xml = XmlReader.Create(RepositoryPaths.BundledOrchestratorSpec);
        Assert.True(CsdlReader.TryParse(xml, out var model, out var errors), string.Join("\n", errors ?? Array.Empty<EdmError>()));
        Assert.Empty(errors ?? Array.Empty<EdmError>());

        Assert.True(model.Validate(out var validationErrors), string.Join("\n", validationErrors.Take(20)));
        Assert.Empty(validationErrors);
    }

    [SharedCorpusFact]
    public void Every_odata_set_of_the_source_is_an_entity_set()
    {
        // The issue hoped for >= 60; the v20.0 description names 52 distinct /odata/<Set>s, and every one converts.
        var sourceSets = Source.Value["paths"]!.AsObject()
            .Select(pair => Regex.Match(pair.Key, @"^/odata/(\w+)"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var entitySets = Model.Value.EntityContainer.EntitySets().Select(set => set.Name);

        Assert.True(sourceSets.Count >= 50, $"{sourceSets.Count} sets in the source");
        Assert.Equal(sourceSets.Order(StringComparer.Ordinal), entitySets.Order(StringComparer.Ordinal));
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

        Assert.Equal(Ns + ".JobDto", jobs.EntityType.FullName());
        Assert.Equal("Id", key.Name);
        Assert.Equal("Edm.Int64", key.Type.FullName());
        Assert.False(key.Type.IsNullable);
    }

    [Fact]
    public void StartJobs_is_an_action_on_the_Jobs_collection_taking_startInfo()
    {
        var startJobs = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(Model.Value.FindDeclaredOperations(Ns + ".StartJobs")));

        Assert.True(startJobs.IsBound);
        Assert.Equal(2, startJobs.Parameters.Count());
        Assert.Equal("bindingParameter", startJobs.Parameters.ElementAt(0).Name);
        Assert.Equal("Collection(" + Ns + ".JobDto)", startJobs.Parameters.ElementAt(0).Type.FullName());
        var startInfo = startJobs.Parameters.ElementAt(1);
        Assert.Equal("startInfo", startInfo.Name);
        Assert.Equal(Ns + ".StartProcessDto", startInfo.Type.FullName());
        Assert.Equal(EdmTypeKind.Complex, startInfo.Type.Definition.TypeKind);
        Assert.Equal("Collection(" + Ns + ".JobDto)", startJobs.GetReturn().Type.FullName());
    }

    [Fact]
    public void GetEventTypes_is_a_function_on_the_Webhooks_collection_in_the_namespace_real_responses_show()
    {
        var getEventTypes = Assert.IsAssignableFrom<IEdmFunction>(Assert.Single(Model.Value.FindDeclaredOperations(Ns + ".GetEventTypes")));

        Assert.True(getEventTypes.IsBound);
        Assert.Equal("Collection(" + Ns + ".WebhookDto)", Assert.Single(getEventTypes.Parameters).Type.FullName());
        Assert.Equal("Collection(UiPath.Application.Dto.Webhooks.WebhookEventTypeDto)", getEventTypes.GetReturn().Type.FullName());
    }

    [Fact]
    public void Ping_is_an_action_on_one_webhook_returning_PingEventDto()
    {
        var ping = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(Model.Value.FindDeclaredOperations(Ns + ".Ping")));

        Assert.True(ping.IsBound);
        Assert.Equal(Ns + ".WebhookDto", Assert.Single(ping.Parameters).Type.FullName());
        Assert.Equal("UiPath.Webhooks.Dto.PingEventDto", ping.GetReturn().Type.FullName());
    }

    [SharedCorpusFact]
    public void JobState_takes_its_members_from_the_x_ms_enum_of_JobDto_State()
    {
        var state = Source.Value["components"]!["schemas"]!["JobDto"]!["properties"]!["State"]!;
        Assert.Equal("JobDtoState", (string?)state["x-ms-enum"]!["name"]);
        var sourceMembers = state["enum"]!.AsArray().Select(member => (string)member!);

        var jobState = Assert.IsAssignableFrom<IEdmEnumType>(Model.Value.FindDeclaredType(Ns + ".JobState"));

        Assert.Equal(EdmPrimitiveTypeKind.Int32, jobState.UnderlyingType.PrimitiveKind);
        Assert.Equal(sourceMembers, jobState.Members.Select(member => member.Name));
        Assert.Equal(Enumerable.Range(0, jobState.Members.Count()).Select(value => (long)value), jobState.Members.Select(member => member.Value.Value));
        var job = (IEdmEntityType)Model.Value.FindDeclaredType(Ns + ".JobDto");
        Assert.Equal(jobState.FullName(), job.FindProperty("State").Type.FullName());
    }

    [Fact]
    public void Dtos_of_entity_sets_are_entity_types_and_refer_to_each_other_by_navigation()
    {
        foreach (var name in new[] { "ReleaseDto", "WebhookDto", "JobDto", "MachineDto" })
        {
            Assert.Equal(EdmTypeKind.Entity, Model.Value.FindDeclaredType(Ns + "." + name)?.TypeKind);
        }

        // JobDto.Machine is a MachineDto, an entity type: a relationship, present only with $expand.
        var job = (IEdmEntityType)Model.Value.FindDeclaredType(Ns + ".JobDto");
        var machine = Assert.IsAssignableFrom<IEdmNavigationProperty>(job.FindProperty("Machine"));
        Assert.True(machine.Type.IsNullable);
    }

    [Fact]
    public void Required_value_types_are_not_nullable_but_required_strings_are()
    {
        // Both are listed under `required` in the source; only the value type is declared non-null.
        var subscribed = (IEdmStructuredType)Model.Value.FindDeclaredType(Ns + ".AlertsSubscribedEventDto");
        Assert.False(subscribed.FindProperty("Timestamp").Type.IsNullable);
        Assert.True(subscribed.FindProperty("EventId").Type.IsNullable);
    }

    [Fact]
    public void Optional_function_parameters_are_marked_for_CsdlReader()
    {
        var getFiles = Assert.Single(Model.Value.FindDeclaredOperations(Ns + ".GetFiles"));

        Assert.All(getFiles.Parameters.Skip(1), parameter => Assert.IsAssignableFrom<IEdmOptionalParameter>(parameter));
        Assert.Equal(new[] { "directory", "recursive", "fileNameGlob" }, getFiles.Parameters.Skip(1).Select(parameter => parameter.Name));
    }

    [Fact]
    public void Names_are_clean_simple_identifiers()
    {
        var names = Model.Value.SchemaElements.Select(element => element.Name).ToList();

        Assert.All(names, name => Assert.Matches("^[A-Za-z][A-Za-z0-9_]*$", name));
        Assert.DoesNotContain(names, name => name.Contains("inline", StringComparison.OrdinalIgnoreCase));
        // Body wrappers and value envelopes are transport, not model.
        Assert.DoesNotContain("StartJobsRequest", names);
        Assert.DoesNotContain(names, name => name.StartsWith("ODataValueOf", StringComparison.Ordinal));
    }

    [SharedCorpusFact]
    public void Regenerating_from_the_real_spec_reproduces_the_checked_in_file_exactly()
    {
        var result = OrchestratorEdmxConverter.Convert(Source.Value);

        // When this fails after a converter change, regenerate with the command in specs/README.md.
        Assert.Equal(File.ReadAllText(RepositoryPaths.BundledOrchestratorSpec), result.Edmx);
        Assert.Equal(Model.Value.EntityContainer.EntitySets().Count(), result.EntitySets);
    }

    private static IEdmModel Load(string path)
    {
        using var xml = XmlReader.Create(path);
        return CsdlReader.Parse(xml);
    }
}
