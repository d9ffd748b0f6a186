using System;
using System.IO;
using System.Linq;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>Per-spec options of the service client and how its operations are addressed.</summary>
public sealed class ServiceClientEmitterTests
{
    private static Spec Operations(string? servicePath = null, string? enumLiterals = null) =>
        new(Path.Combine(TestPaths.FeatureSpecsDirectory, "Operations.edmx"), File.ReadAllText(Path.Combine(TestPaths.FeatureSpecsDirectory, "Operations.edmx")), ServicePath: servicePath, EnumLiterals: enumLiterals);

    [Theory]
    [InlineData(null, "\"\"")]
    [InlineData("odata", "\"odata/\"")]
    [InlineData("/api/odata/", "\"api/odata/\"")]
    public void ServicePath_metadata_becomes_the_default_service_root(string? servicePath, string expected)
    {
        var run = GeneratorHarness.Run(new[] { Operations(servicePath) });

        Assert.Contains($"public const string DefaultServicePath = {expected};", run.Sources["Operations/OperationsClient.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_literals_are_qualified_unless_the_spec_asks_for_the_plain_form()
    {
        var qualified = GeneratorHarness.Run(new[] { Operations() }).Sources["Operations/Filters/TaskFilter.g.cs"];
        var plain = GeneratorHarness.Run(new[] { Operations(enumLiterals: "Plain") }).Sources["Operations/Filters/TaskFilter.g.cs"];

        Assert.DoesNotContain("qualified: false", qualified, StringComparison.Ordinal);
        Assert.Contains("qualified: false", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enum_literal_style_is_a_warning_and_falls_back_to_qualified()
    {
        var run = GeneratorHarness.Run(new[] { Operations(enumLiterals: "Shouting") });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("UIPC0006", diagnostic.Id);
        Assert.Contains("'Shouting'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("qualified: false", run.Sources["Operations/Filters/TaskFilter.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_land_on_the_client_their_binding_addresses()
    {
        var run = GeneratorHarness.Run(new[] { Operations() });
        var tasks = run.Sources["Operations/EntitySets/TasksCollection.g.cs"];
        var task = run.Sources["Operations/EntityClients/TaskClient.g.cs"];
        var client = run.Sources["Operations/OperationsClient.g.cs"];

        Assert.Contains("ScheduleAsync(", tasks, StringComparison.Ordinal);
        Assert.Contains("\"/Features.Operations.Schedule\"", tasks, StringComparison.Ordinal);
        Assert.Contains("CompleteAsync(", task, StringComparison.Ordinal);
        Assert.DoesNotContain("CompleteAsync(", tasks, StringComparison.Ordinal);
        // An operation bound to a derived type goes through a cast segment.
        Assert.Contains("\"/Features.Operations.ReviewTask/Features.Operations.Approve\"", task, StringComparison.Ordinal);
        // Overloads share one name.
        Assert.Equal(2, tasks.Split(new[] { "FindAsync(" }, StringSplitOptions.None).Length - 1);
        // Complex and collection function parameters travel as aliases.
        Assert.Contains("\"window=@window\"", tasks, StringComparison.Ordinal);
        Assert.Contains("\"@ids=\"", tasks, StringComparison.Ordinal);
        // Unbound imports are methods of the service client, addressed from the service root.
        Assert.Contains("ServerTimeAsync(", client, StringComparison.Ordinal);
        Assert.Contains("ResetAllAsync(bool confirm", client, StringComparison.Ordinal);
        Assert.Contains("public global::Consumer.Operations.PersonClient Me =>", client, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }
    [Fact]
    public void Optional_parameters_are_nullable_trailing_and_left_out_when_null()
    {
        var run = GeneratorHarness.Run(new[] { Operations() });
        var task = run.Sources["Operations/EntityClients/TaskClient.g.cs"];

        // Inline, overload-targeted and all-overload Core.OptionalParameter; a non-nullable optional value still takes null.
        Assert.Contains("EstimateAsync(decimal factor, decimal? rate = null, string? label = null, global::Consumer.Operations.Window? window = null, string? ifMatch = null,", task, StringComparison.Ordinal);
        Assert.Contains("if (rate is { } rateValue)", task, StringComparison.Ordinal);
        Assert.Contains("if (label is not null)", task, StringComparison.Ordinal);
        Assert.DoesNotContain("\"rate=\" + global::UiPathClients.Runtime.Querying.ODataLiteral.Null", task, StringComparison.Ordinal);
        // An action leaves an optional parameter out of its body.
        Assert.Contains("if (priority is not null)", task, StringComparison.Ordinal);
        Assert.Contains("RescheduleAsync(global::Consumer.Operations.Window window, global::Consumer.Operations.Priority? priority = null,", task, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Operations_bound_to_one_entity_take_its_etag_and_collection_bound_ones_do_not()
    {
        var run = GeneratorHarness.Run(new[] { Operations() });
        var task = run.Sources["Operations/EntityClients/TaskClient.g.cs"];
        var tasks = run.Sources["Operations/EntitySets/TasksCollection.g.cs"];
        var client = run.Sources["Operations/OperationsClient.g.cs"];

        Assert.Contains("CompleteAsync(string? ifMatch = null, global::System.Threading.CancellationToken cancellationToken = default)", task, StringComparison.Ordinal);
        Assert.Contains("Connection.InvokeAsync(path, static writer => { }, ifMatch, cancellationToken);", task, StringComparison.Ordinal);
        Assert.DoesNotContain("ifMatch", tasks, StringComparison.Ordinal);
        Assert.DoesNotContain("ifMatch", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Navigation_properties_lead_from_an_entity_client_to_its_related_entities()
    {
        var run = GeneratorHarness.Run(new[] { Operations() });
        var task = run.Sources["Operations/EntityClients/TaskClient.g.cs"];
        var review = run.Sources["Operations/EntityClients/ReviewTaskClient.g.cs"];

        Assert.Contains("NavigationCollectionClient<global::Consumer.Operations.Task, global::Consumer.Operations.TaskFilter> Subtasks => ", task, StringComparison.Ordinal);
        Assert.Contains("(Connection, Path + \"/Subtasks\", new global::Consumer.Operations.TaskFilter(string.Empty));", task, StringComparison.Ordinal);
        Assert.Contains("public global::Consumer.Operations.PersonClient Owner => new global::Consumer.Operations.PersonClient(Connection, Path + \"/Owner\");", task, StringComparison.Ordinal);
        // Inherited navigation properties too.
        Assert.Contains("PersonClient Owner =>", review, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }
}
