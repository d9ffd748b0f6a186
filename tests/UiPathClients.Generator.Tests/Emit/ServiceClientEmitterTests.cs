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

    [Fact]
    public void Capabilities_restrictions_decide_which_requests_the_client_offers()
    {
        const string edmx = """
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="Order">
                    <Key><PropertyRef Name="Id" /></Key>
                    <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                    <NavigationProperty Name="Customer" Type="Shop.Customer" />
                  </EntityType>
                  <EntityType Name="Customer">
                    <Key><PropertyRef Name="Id" /></Key>
                    <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                  </EntityType>
                  <EntityType Name="Archive">
                    <Key><PropertyRef Name="Id" /></Key>
                    <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                  </EntityType>
                  <EntityContainer Name="Container">
                    <EntitySet Name="Orders" EntityType="Shop.Order">
                      <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false" /></Record></Annotation>
                      <Annotation Term="Org.OData.Capabilities.V1.UpdateRestrictions"><Record><PropertyValue Property="UpdateMethod" EnumMember="Org.OData.Capabilities.V1.HttpMethod/PUT" /></Record></Annotation>
                      <Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions"><Record><PropertyValue Property="Deletable" Bool="false" /></Record></Annotation>
                      <Annotation Term="Org.OData.Capabilities.V1.NavigationRestrictions"><Record><PropertyValue Property="Navigability" EnumMember="Org.OData.Capabilities.V1.NavigationType/None" /></Record></Annotation>
                    </EntitySet>
                    <EntitySet Name="Customers" EntityType="Shop.Customer">
                      <Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions"><Record><PropertyValue Property="ReadByKeyRestrictions"><Record><PropertyValue Property="Readable" Bool="false" /></Record></PropertyValue></Record></Annotation>
                    </EntitySet>
                    <EntitySet Name="Archives" EntityType="Shop.Archive">
                      <Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions"><Record><PropertyValue Property="Readable" Bool="false" /></Record></Annotation>
                      <Annotation Term="Org.OData.Capabilities.V1.IndexableByKey" Bool="false" />
                    </EntitySet>
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;
        var run = GeneratorHarness.Run(new[] { new Spec("Shop.edmx", edmx) });
        var orders = run.Sources["Shop/EntitySets/OrdersCollection.g.cs"];
        var order = run.Sources["Shop/EntityClients/OrderClient.g.cs"];
        var customers = run.Sources["Shop/EntitySets/CustomersCollection.g.cs"];
        var customer = run.Sources["Shop/EntityClients/CustomerClient.g.cs"];
        var archives = run.Sources["Shop/EntitySets/ArchivesCollection.g.cs"];

        // Orders: query, read by key, PUT only; no POST, PATCH, DELETE, nor the path through Customer.
        Assert.Contains("EntitySetClient<global::Consumer.Shop.Order, global::Consumer.Shop.OrderFilter>", orders, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateAsync", orders, StringComparison.Ordinal);
        Assert.Contains("this[int id]", orders, StringComparison.Ordinal);
        Assert.Contains(": global::UiPathClients.Runtime.Client.EntityClient<global::Consumer.Shop.Order,", order, StringComparison.Ordinal);
        Assert.Contains("UpdateAsync(", order, StringComparison.Ordinal);
        Assert.DoesNotContain("PatchAsync(", order, StringComparison.Ordinal);
        Assert.DoesNotContain("DeleteAsync(", order, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer =>", order, StringComparison.Ordinal);

        // Customers: everything but GET by key, so its entity client cannot read.
        Assert.Contains("CreateAsync(", customers, StringComparison.Ordinal);
        Assert.Contains(": global::UiPathClients.Runtime.Client.EntityClientBase<global::Consumer.Shop.Customer,", customer, StringComparison.Ordinal);
        Assert.Contains("UpdateAsync(", customer, StringComparison.Ordinal);
        Assert.Contains("PatchAsync(", customer, StringComparison.Ordinal);
        Assert.Contains("DeleteAsync(", customer, StringComparison.Ordinal);

        // Archives: neither queried nor addressed by key, so no indexer and no entity client at all.
        Assert.Contains(": global::UiPathClients.Runtime.Client.UnqueryableEntitySetClient<global::Consumer.Shop.Archive,", archives, StringComparison.Ordinal);
        Assert.DoesNotContain("this[", archives, StringComparison.Ordinal);
        Assert.False(run.Sources.ContainsKey("Shop/EntityClients/ArchiveClient.g.cs"));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Parameters_with_a_location_go_to_the_query_or_the_path_segment_instead_of_the_odata_place()
    {
        const string edmx = """
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Files" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="Bucket">
                    <Key><PropertyRef Name="Id" /></Key>
                    <Property Name="Id" Type="Edm.Int64" Nullable="false" />
                  </EntityType>
                  <Function Name="GetFiles" IsBound="true">
                    <Parameter Name="bindingParameter" Type="Files.Bucket" Nullable="false" />
                    <Parameter Name="directory" Type="Edm.String">
                      <Annotation Term="Org.OData.Core.V1.OptionalParameter" />
                      <Annotation Term="UiPathClients.V1.ParameterLocation" String="Query" />
                    </Parameter>
                    <ReturnType Type="Collection(Edm.String)" Nullable="false" />
                  </Function>
                  <Action Name="Restore" IsBound="true">
                    <Parameter Name="bindingParameter" Type="Collection(Files.Bucket)" Nullable="false" />
                    <Parameter Name="identifier" Type="Edm.Guid" Nullable="false">
                      <Annotation Term="UiPathClients.V1.ParameterLocation" String="Segment" />
                    </Parameter>
                    <Parameter Name="note" Type="Edm.String" />
                    <Parameter Name="force" Type="Edm.Boolean">
                      <Annotation Term="Org.OData.Core.V1.OptionalParameter" />
                      <Annotation Term="UiPathClients.V1.ParameterLocation" String="Query" />
                    </Parameter>
                  </Action>
                  <EntityContainer Name="Container">
                    <EntitySet Name="Buckets" EntityType="Files.Bucket" />
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;
        var run = GeneratorHarness.Run(new[] { new Spec("Files.edmx", edmx) });
        var bucket = run.Sources["Files/EntityClients/BucketClient.g.cs"];
        var buckets = run.Sources["Files/EntitySets/BucketsCollection.g.cs"];

        Assert.Contains("GetFilesAsync(string? directory = null,", bucket, StringComparison.Ordinal);
        Assert.Contains("Connection.AddQueryParameter(query, \"directory\", directory);", bucket, StringComparison.Ordinal);
        Assert.Contains("\"/Files.GetFiles\" + \"()\"", bucket, StringComparison.Ordinal);
        Assert.Contains("\"/Files.Restore\" + \"(\" + \"identifier=\"", buckets, StringComparison.Ordinal);
        Assert.Contains("Connection.WriteParameter(writer, \"note\", note);", buckets, StringComparison.Ordinal);
        Assert.DoesNotContain("WriteParameter(writer, \"identifier\"", buckets, StringComparison.Ordinal);
        Assert.DoesNotContain("WriteParameter(writer, \"force\"", buckets, StringComparison.Ordinal);
        Assert.Contains("Connection.AddQueryParameter(query, \"force\", force);", buckets, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }
}
