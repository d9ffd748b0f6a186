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
/// The bundled on-premises Orchestrator EDMX files (specs/orchestrator-2020.10, specs/orchestrator-2019.10), converted
/// from the Swagger 2.0 descriptions: valid for Microsoft.OData.Edm, complete against their source, the counts
/// specs/README.md states, and exactly what the converter produces today.
/// </summary>
public sealed class BundledOnPremisesOrchestratorSpecTests
{
    private const string Ns = "UiPath.Server.Configuration.OData";

    /// <summary>Figures per version, as specs/README.md states them.</summary>
    public sealed record Counts(int EntitySets, int EntityTypes, int ComplexTypes, int EnumTypes, int BoundActions, int BoundFunctions);

    private static readonly Dictionary<string, Counts> Expected = new(StringComparer.Ordinal)
    {
        ["2020.10"] = new(EntitySets: 47, EntityTypes: 51, ComplexTypes: 176, EnumTypes: 125, BoundActions: 71, BoundFunctions: 70),
        ["2019.10"] = new(EntitySets: 37, EntityTypes: 41, ComplexTypes: 139, EnumTypes: 122, BoundActions: 69, BoundFunctions: 56),
    };

    public static TheoryData<string> Versions() => new() { "2020.10", "2019.10" };

    [Theory]
    [MemberData(nameof(Versions))]
    public void Loads_in_CsdlReader_and_validates_without_errors(string version)
    {
        using var xml = XmlReader.Create(RepositoryPaths.BundledOrchestratorVersionSpec(version));
        Assert.True(CsdlReader.TryParse(xml, out var model, out var errors), string.Join("\n", errors ?? Array.Empty<EdmError>()));
        Assert.Empty(errors ?? Array.Empty<EdmError>());

        Assert.True(model.Validate(out var validationErrors), string.Join("\n", validationErrors.Take(20)));
        Assert.Empty(validationErrors);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Has_the_counts_the_README_states(string version)
    {
        var model = Load(version);
        var types = model.SchemaElements.OfType<IEdmSchemaType>().ToList();
        var bound = model.SchemaElements.OfType<IEdmOperation>().Where(operation => operation.IsBound).ToList();

        var actual = new Counts(
            model.EntityContainer.EntitySets().Count(),
            types.Count(type => type.TypeKind == EdmTypeKind.Entity),
            types.Count(type => type.TypeKind == EdmTypeKind.Complex),
            types.Count(type => type.TypeKind == EdmTypeKind.Enum),
            bound.Count(operation => operation.IsAction()),
            bound.Count(operation => operation.IsFunction()));

        Assert.Equal(Expected[version], actual);
        Assert.DoesNotContain(model.SchemaElements.OfType<IEdmOperation>(), operation => !operation.IsBound);
    }

    [SharedCorpusTheory]
    [MemberData(nameof(Versions))]
    public void Every_odata_set_of_the_source_is_an_entity_set_but_UserLoginAttempts(string version)
    {
        var sourceSets = Source(version)["paths"]!.AsObject()
            .Select(pair => Regex.Match(pair.Key, @"^/odata/(\w+)"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        // GET /odata/UserLoginAttempts({key}) answers a collection (one user's attempts), which no OData key lookup does.
        Assert.Contains("UserLoginAttempts", sourceSets);
        sourceSets.Remove("UserLoginAttempts");
        Assert.Equal(sourceSets.Order(StringComparer.Ordinal), Load(version).EntityContainer.EntitySets().Select(set => set.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Jobs_StartJobs_GetEventTypes_and_Ping_read_as_in_the_cloud_spec(string version)
    {
        var model = Load(version);

        var key = Assert.Single(model.EntityContainer.FindEntitySet("Jobs").EntityType.Key());
        Assert.Equal(("Id", "Edm.Int64"), (key.Name, key.Type.FullName()));

        // 2019.10 writes StartJobs' body inline ({startInfo: StartProcessDto}); 2020.10 names it JobsStartJobsParameters.
        var startJobs = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(model.FindDeclaredOperations(Ns + ".StartJobs")));
        Assert.Equal(new[] { "bindingParameter", "startInfo" }, startJobs.Parameters.Select(parameter => parameter.Name));
        Assert.Equal(Ns + ".StartProcessDto", startJobs.Parameters.ElementAt(1).Type.FullName());
        Assert.Equal("Collection(" + Ns + ".JobDto)", startJobs.GetReturn().Type.FullName());
        Assert.Null(model.FindDeclaredType(Ns + ".JobsStartJobsParameters"));

        // 2019.10's path is …/GetEventTypes(): the same function without parameters.
        var getEventTypes = Assert.IsAssignableFrom<IEdmFunction>(Assert.Single(model.FindDeclaredOperations(Ns + ".GetEventTypes")));
        Assert.Equal("Collection(" + Ns + ".WebhookDto)", Assert.Single(getEventTypes.Parameters).Type.FullName());
        Assert.Equal("Collection(UiPath.Application.Dto.Webhooks.WebhookEventTypeDto)", getEventTypes.GetReturn().Type.FullName());

        // 2019.10's key segment is ({Id}): the key is still the Int64 Id.
        var ping = Assert.IsAssignableFrom<IEdmAction>(Assert.Single(model.FindDeclaredOperations(Ns + ".Ping")));
        Assert.Equal(Ns + ".WebhookDto", Assert.Single(ping.Parameters).Type.FullName());
        Assert.Equal("UiPath.Webhooks.Dto.PingEventDto", ping.GetReturn().Type.FullName());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Gets_none_of_the_cloud_supplement(string version)
    {
        // Jobs/…GetByKey and Buckets/…GetByKey are evidence about today's cloud service, not about these servers.
        Assert.DoesNotContain(Load(version).FindDeclaredOperations(Ns + ".GetByKey"), operation => operation.Parameters.First().Type.FullName() is "Collection(" + Ns + ".JobDto)" or "Collection(" + Ns + ".BucketDto)");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Names_are_clean_and_the_servers_request_plumbing_is_not_a_type(string version)
    {
        var names = Load(version).SchemaElements.Select(element => element.Name).ToList();

        Assert.All(names, name => Assert.Matches("^[A-Za-z][A-Za-z0-9_]*$", name));
        Assert.DoesNotContain(names, name => name.StartsWith("ODataValueOf", StringComparison.Ordinal) || name.StartsWith("ODataResponse", StringComparison.Ordinal));
        Assert.DoesNotContain(names, name => name.StartsWith("ODataQuery", StringComparison.Ordinal) || name is "ODataPath" or "CancellationToken" or "IEdmModel");
    }

    [Fact]
    public void The_2019_10_bracket_names_read_as_later_descriptions_name_them()
    {
        var model = Load("2019.10");

        // ODataResponse[List[KeyValuePair[String,String]]] is a collection envelope, ODataResponse[Int64] a value envelope.
        var mappings = Assert.Single(model.FindDeclaredOperations(Ns + ".GetMachineNameToLicenseKeyMappings"));
        Assert.Equal("Collection(" + Ns + ".KeyValuePairOfStringString)", mappings.GetReturn().Type.FullName());
        Assert.Equal("Edm.Int64", Assert.Single(model.FindDeclaredOperations(Ns + ".GetUnreadCount")).GetReturn().Type.FullName());
        Assert.NotNull(model.FindDeclaredType(Ns + ".BulkItemDtoOfString"));
    }

    [SharedCorpusTheory]
    [MemberData(nameof(Versions))]
    public void Regenerating_from_the_real_description_reproduces_the_checked_in_file_exactly(string version)
    {
        var result = OrchestratorEdmxConverter.Convert(Source(version));

        // When this fails after a converter change, regenerate with the commands in specs/README.md.
        Assert.Equal(File.ReadAllText(RepositoryPaths.BundledOrchestratorVersionSpec(version)), result.Edmx);
        Assert.Equal(Expected[version].EntitySets, result.EntitySets);
        Assert.Equal(Expected[version].BoundActions + Expected[version].BoundFunctions, result.BoundOperations);
        Assert.Contains("set UserLoginAttempts: no path answers one of its entities", result.Summary, StringComparison.Ordinal);
    }

    private static JsonNode Source(string version) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.OrchestratorOnPremisesSource(version)))!;

    private static IEdmModel Load(string version)
    {
        using var xml = XmlReader.Create(RepositoryPaths.BundledOrchestratorVersionSpec(version));
        return CsdlReader.Parse(xml);
    }
}
