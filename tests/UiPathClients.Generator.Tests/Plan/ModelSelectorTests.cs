using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using UiPathClients.Generator.Readers;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Plan;

/// <summary>
/// Include-lists: the model narrowed to the chosen entity sets and operations (or tags and operation ids) and exactly the
/// closure of types they reach, checked on the bundled specs, and the errors for names that match nothing.
/// </summary>
public sealed class ModelSelectorTests
{
    private static readonly Lazy<ClientModel> Orchestrator = new(() => Read(TestPaths.BundledOrchestratorSpec, SpecKind.Edmx));
    private static readonly Lazy<ClientModel> CommunicationsMining = new(() => Read(TestPaths.BundledCommunicationsMiningSpec, SpecKind.OpenApiYaml));

    [Fact]
    public void Jobs_with_StartJobs_keeps_that_set_that_action_and_the_types_they_reach()
    {
        var (model, diagnostics) = Select(Orchestrator.Value, entitySets: "Jobs", operations: "StartJobs");

        Assert.Empty(diagnostics);
        Assert.Equal(["Jobs"], model.EntitySets.Select(set => set.Name));
        Assert.Equal(["StartJobs"], model.Operations.Select(operation => operation.Name));
        Assert.Empty(model.OperationImports);
        var types = model.Types.Select(type => type.QualifiedName).ToHashSet();
        Assert.Contains("UiPath.Server.Configuration.OData.JobDto", types);
        Assert.Contains("UiPath.Server.Configuration.OData.StartProcessDto", types);
        Assert.DoesNotContain("UiPath.Server.Configuration.OData.WebhookDto", types);
        Assert.True(model.Types.Count < Orchestrator.Value.Types.Count / 2, $"{model.Types.Count} of {Orchestrator.Value.Types.Count} types kept");
        AssertClosed(model);
    }

    [Fact]
    public void A_set_alone_keeps_every_operation_bound_to_it()
    {
        var (model, _) = Select(Orchestrator.Value, entitySets: "Jobs");

        var jobType = model.EntitySets.Single().EntityType;
        var expected = Orchestrator.Value.Operations.Where(operation => operation.IsBound && operation.Parameters[0].Type.QualifiedName == jobType).Select(operation => operation.Name);
        Assert.Equal(expected, model.Operations.Select(operation => operation.Name));
        Assert.Contains("StopJobs", model.Operations.Select(operation => operation.Name));
        AssertClosed(model);
    }

    [Fact]
    public void An_operation_alone_brings_the_set_it_is_called_through()
    {
        var (model, _) = Select(Orchestrator.Value, operations: "GetEventTypes;Ping");

        Assert.Equal(["Webhooks"], model.EntitySets.Select(set => set.Name));
        Assert.Equal(["GetEventTypes", "Ping"], model.Operations.Select(operation => operation.Name).Order(StringComparer.Ordinal));
        AssertClosed(model);
    }

    [Fact]
    public void A_name_in_another_case_means_the_spec_s_name()
    {
        var (model, diagnostics) = Select(Orchestrator.Value, entitySets: "jobs, releases");

        Assert.Empty(diagnostics);
        Assert.Equal(["Jobs", "Releases"], model.EntitySets.Select(set => set.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_that_matches_nothing_is_an_error_with_the_closest_name_and_the_rest_is_generated()
    {
        var (model, diagnostics) = Select(Orchestrator.Value, entitySets: "Jobz;Releases", operations: "StartJob;NoSuchThingAtAll");

        Assert.Equal(["Releases"], model.EntitySets.Select(set => set.Name));
        var messages = diagnostics.Select(diagnostic => diagnostic.ToDiagnostic()).ToList();
        Assert.All(messages, diagnostic =>
        {
            Assert.Equal("UIPC0017", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(TestPaths.BundledOrchestratorSpec, diagnostic.Location.GetLineSpan().Path);
        });
        Assert.Equal(
            [
                "'Jobz' in EntitySets is not an entity set of Orchestrator (did you mean 'Jobs'?); it is left out of the generated client",
                "'StartJob' in Operations is not an action or function of Orchestrator (did you mean 'StartJobs'?); it is left out of the generated client",
                "'NoSuchThingAtAll' in Operations is not an action or function of Orchestrator; it is left out of the generated client",
            ],
            messages.Select(diagnostic => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Tags_on_an_OData_spec_and_EntitySets_on_an_OpenAPI_spec_are_warned_about()
    {
        var (_, odata) = Select(Orchestrator.Value, entitySets: "Jobs", tags: "Jobs");
        var (_, rest) = Select(CommunicationsMining.Value, entitySets: "Datasets", operations: CommunicationsMining.Value.RestOperations[0].Name);

        Assert.Equal("UIPC0018", Assert.Single(odata).DescriptorId);
        Assert.Equal("UIPC0018", Assert.Single(rest).DescriptorId);
    }

    [Fact]
    public void OpenAPI_tags_and_operation_ids_keep_those_operations_and_the_schemas_they_reach()
    {
        var full = CommunicationsMining.Value;
        var group = full.RestOperations[0].Group;
        var other = full.RestOperations.First(operation => operation.Group != group);

        var (model, diagnostics) = Select(full, tags: group, operations: other.Name);

        Assert.Empty(diagnostics);
        var expected = full.RestOperations.Where(operation => operation.Group == group || operation.Name == other.Name).Select(operation => operation.Name);
        Assert.Equal(expected, model.RestOperations.Select(operation => operation.Name));
        Assert.True(model.Types.Count < full.Types.Count, $"{model.Types.Count} of {full.Types.Count} schemas kept");
        AssertClosed(model);
        var reached = model.RestOperations
            .SelectMany(operation => operation.Parameters.Select(parameter => parameter.Type.QualifiedName)
                .Append(operation.Body?.Type?.QualifiedName)
                .Concat(operation.Errors.Append(operation.Success).Select(response => response?.Type?.QualifiedName)))
            .Where(name => name is not null && full.Types.Any(type => type.QualifiedName == name));
        Assert.All(reached, name => Assert.Contains(model.Types, type => type.QualifiedName == name));
    }

    [Fact]
    public void No_list_is_the_whole_model()
    {
        var (model, diagnostics) = Select(Orchestrator.Value);

        Assert.Same(Orchestrator.Value, model);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_same_lists_give_an_equal_model_and_plan()
    {
        var first = ClientPlanner.Plan(new SpecModel("orchestrator.edmx", Orchestrator.Value), new SpecSelection("Jobs;Releases", "StartJobs", null), CancellationToken.None);
        var second = ClientPlanner.Plan(new SpecModel("orchestrator.edmx", Orchestrator.Value), new SpecSelection("Releases; Jobs", "StartJobs", null), CancellationToken.None);

        Assert.Equal(first, second);
    }

    /// <summary>Every type a kept type names is kept too: the generated code has no dangling reference.</summary>
    private static void AssertClosed(ClientModel model)
    {
        var kept = model.Types.Select(type => type.QualifiedName).ToHashSet();
        var all = Orchestrator.Value.Types.Concat(CommunicationsMining.Value.Types).Select(type => type.QualifiedName).ToHashSet();
        foreach (var type in model.Types)
        {
            var named = type.Properties.Select(property => property.Type.QualifiedName)
                .Concat(type.DiscriminatorValues.Select(value => value.Type))
                .Append(type.BaseType)
                .Where(name => name is not null && all.Contains(name));
            Assert.All(named, name => Assert.True(kept.Contains(name!), $"{type.QualifiedName} names {name}, which was left out"));
        }

        foreach (var set in model.EntitySets)
        {
            Assert.Contains(set.EntityType, kept);
            Assert.All(set.NavigationBindings, binding => Assert.Contains(model.EntitySets, other => other.Name == binding.Target));
        }

        foreach (var operation in model.Operations)
        {
            Assert.All(
                operation.Parameters.Select(parameter => parameter.Type.QualifiedName).Append(operation.ReturnType?.QualifiedName).Where(name => name is not null && all.Contains(name)),
                name => Assert.Contains(name!, kept));
        }
    }

    private static (ClientModel Model, IReadOnlyList<UiPathClients.Generator.Diagnostics.DiagnosticInfo> Diagnostics) Select(ClientModel model, string? entitySets = null, string? operations = null, string? tags = null)
    {
        var path = model.Style == ApiStyle.OData ? TestPaths.BundledOrchestratorSpec : TestPaths.BundledCommunicationsMiningSpec;
        var (selected, diagnostics) = ModelSelector.Select(model, new SpecSelection(entitySets, operations, tags), path);
        return (selected, diagnostics.ToList());
    }

    private static ClientModel Read(string path, SpecKind kind)
    {
        var read = SpecReader.Read(new SpecFile(path, kind, File.ReadAllText(path), new SpecOptions(kind == SpecKind.Edmx ? "Orchestrator" : "CommunicationsMining", "Consumer", null)), CancellationToken.None);
        return read.Model ?? throw new InvalidOperationException(path + " did not read");
    }
}
