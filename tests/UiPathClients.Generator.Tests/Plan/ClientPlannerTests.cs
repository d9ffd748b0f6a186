using System;
using System.Linq;
using System.Threading;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;
using UiPathClients.Generator.Readers;

namespace UiPathClients.Generator.Tests.Plan;

/// <summary>
/// The plan step decides what is generated and every cross-file name once. These tests pin the properties the pipeline
/// relies on: a plan is a value (equal input, equal plan — the step caches on it), names are stable when a spec grows,
/// and the plan says what exists rather than leaving writers to rediscover it.
/// </summary>
public sealed class ClientPlannerTests
{
    private const string Shop = """
        <?xml version="1.0" encoding="utf-8"?>
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="Shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
              <EntityType Name="Order">
                <Key><PropertyRef Name="Id" /></Key>
                <Property Name="Id" Type="Edm.Int32" Nullable="false" />
                <Property Name="id" Type="Edm.String" />
                <Property Name="Order" Type="Edm.String" />
                <Property Name="Address" Type="Shop.Address" />
                <NavigationProperty Name="Customer" Type="Shop.Customer" />
              </EntityType>
              <EntityType Name="Customer">
                <Key><PropertyRef Name="Id" /></Key>
                <Property Name="Id" Type="Edm.Int32" Nullable="false" />
              </EntityType>
              <ComplexType Name="Address"><Property Name="City" Type="Edm.String" /></ComplexType>
              <ComplexType Name="Receipt"><Property Name="Total" Type="Edm.Decimal" /></ComplexType>
              <EnumType Name="Status"><Member Name="open" Value="0" /><Member Name="Open" Value="1" /></EnumType>
              <EntityContainer Name="Container"><EntitySet Name="Orders" EntityType="Shop.Order" /></EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """;

    [Fact]
    public void Planning_the_same_model_twice_gives_equal_plans()
    {
        Assert.Equal(PlanOf(Shop), PlanOf(Shop));
    }

    [Fact]
    public void A_type_added_to_the_spec_renames_nothing_that_existed()
    {
        var before = PlanOf(Shop).Names;
        // Declared before Receipt, so model order shifts; names are claimed per scope, not by position, so nothing moves.
        var grown = PlanOf(Shop.Replace(
            "<ComplexType Name=\"Receipt\">",
            "<ComplexType Name=\"Invoice\"><Property Name=\"Number\" Type=\"Edm.String\" /></ComplexType><ComplexType Name=\"Receipt\">",
            StringComparison.Ordinal)).Names;

        foreach (var type in before.Types)
        {
            Assert.Equal(type, grown.Types.Single(candidate => candidate.QualifiedName == type.QualifiedName));
        }

        Assert.Equal(before.ServiceClientName, grown.ServiceClientName);
        Assert.Equal(before.EntitySetClasses, grown.EntitySetClasses);
    }

    [Fact]
    public void Properties_are_named_once_per_class_scope()
    {
        var order = PlanOf(Shop).Names.Types.Single(type => type.QualifiedName == "Shop.Order");

        // "Id" is already C# and claims first; "id" yields; a property named like its class takes "Value".
        Assert.Equal(
            new[] { new NamePair("Id", "Id"), new NamePair("id", "Id2"), new NamePair("Order", "OrderValue"), new NamePair("Address", "Address"), new NamePair("Customer", "Customer") },
            order.Members.ToArray());
        Assert.Equal("OrderFilter", order.FilterName);
        Assert.Equal("OrderClient", order.EntityClientName);
    }

    [Fact]
    public void Enum_members_differing_only_by_case_get_distinct_names_and_an_unknown_member_last()
    {
        var status = PlanOf(Shop).Names.Types.Single(type => type.QualifiedName == "Shop.Status");

        Assert.Equal(
            new[] { new NamePair("open", "Open2"), new NamePair("Open", "Open"), new NamePair(ClientNamer.UnknownEnumMember, "Unknown") },
            status.Members.ToArray());
        Assert.Equal("StatusJsonConverter", status.ConverterName);
    }

    [Fact]
    public void Only_types_a_filter_can_reach_get_a_surface_and_only_reachable_entities_a_client()
    {
        var plan = PlanOf(Shop);

        // Receipt is used by nothing an entity reaches: no surface (a $filter could never name it).
        Assert.Equal(new[] { "Shop.Order", "Shop.Customer", "Shop.Address" }, plan.FilterSurfaceTypes.OrderBy(name => name == "Shop.Address").ToArray());
        Assert.Null(plan.Names.Types.Single(type => type.QualifiedName == "Shop.Receipt").FilterName);

        // Customer is in no set but Orders(1)/Customer reaches it, so it has a client with every capability.
        Assert.Equal(new[] { "Shop.Order", "Shop.Customer" }, plan.EntityClients.Select(client => client.EntityType).ToArray());
    }

    [Fact]
    public void OData_client_classes_get_their_accessors_operations_and_navigations_in_the_plan()
    {
        var withOperations = Shop
            .Replace(
                "<EntityContainer Name=\"Container\">",
                """
                <Action Name="Ship" IsBound="true"><Parameter Name="order" Type="Shop.Order" /></Action>
                <Function Name="Count" IsBound="true"><Parameter Name="orders" Type="Collection(Shop.Order)" /><ReturnType Type="Edm.Int32" /></Function>
                <Function Name="Silent" IsBound="true"><Parameter Name="orders" Type="Collection(Shop.Order)" /></Function>
                <Function Name="Ping"><ReturnType Type="Edm.String" /></Function>
                <EntityContainer Name="Container"><FunctionImport Name="Ping" Function="Shop.Ping" /><Singleton Name="Where" Type="Shop.Customer" />
                """,
                StringComparison.Ordinal)
            .Replace("<EntityContainer Name=\"Container\"><EntitySet", "<EntitySet", StringComparison.Ordinal);

        var plan = PlanOf(withOperations);

        Assert.Equal(
            new[] { (ODataClientKind.Service, ""), (ODataClientKind.EntitySet, "Orders"), (ODataClientKind.Entity, "Shop.Order"), (ODataClientKind.Entity, "Shop.Customer") },
            plan.ODataClients.Select(client => (client.Kind, client.Name)).ToArray());
        var names = plan.ODataClients.Zip(plan.Names.ODataClients, (client, clientNames) => (client, clientNames)).ToDictionary(pair => pair.client.Name, pair => pair.clientNames);

        // The service client names its accessors and the import in one scope: a singleton called "Where" keeps its name there.
        Assert.Equal(new[] { "Where", "Orders" }, names[""].Accessors.OrderBy(name => name, StringComparer.Ordinal).Reverse().ToArray());
        Assert.Equal(new[] { "PingAsync" }, names[""].Operations.ToArray());
        // A function without a return type has no method; the one bound to the collection lands on the set's class, where
        // the runtime base's own CountAsync (the $count query) is reserved, so the operation does not hide it.
        Assert.Equal(new[] { "CountAsync2" }, names["Orders"].Operations.ToArray());
        Assert.Equal(new[] { "ShipAsync" }, names["Shop.Order"].Operations.ToArray());
        // Orders(1)/Customer leads to the Customer client, named in the Order client's scope.
        Assert.Equal(new ODataNavigationPlan("Shop.Order", "Customer", IsCollection: false), Assert.Single(plan.ODataClients.Single(client => client.Name == "Shop.Order").Navigations));
        Assert.Equal(new[] { "Customer" }, names["Shop.Order"].Navigations.ToArray());
    }

    [Fact]
    public void The_convention_annotates_each_rest_operation_in_the_plan()
    {
        const string Mining = """
            openapi: 3.0.3
            info: { title: Mining, version: '1' }
            paths:
              /api/v1/datasets/{owner}:
                get:
                  operationId: getDataset
                  parameters:
                    - { name: owner, in: path, required: true, schema: { type: string } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/DatasetAnswer' } } } }
            components:
              schemas:
                DatasetAnswer:
                  type: object
                  properties:
                    status: { type: string }
                    dataset: { type: object, properties: { name: { type: string } } }
            """;

        var annotated = PlanOf(Mining, SpecKind.OpenApiYaml, conventions: "CommunicationsMining");
        var plain = PlanOf(Mining, SpecKind.OpenApiYaml);

        var group = Assert.Single(annotated.RestGroups);
        Assert.Equal("Datasets", group.Key);
        Assert.Equal("dataset", Assert.Single(group.Operations).Envelope?.PayloadJsonName);
        Assert.Equal(ResponseCheck.CommunicationsMiningEnvelope, annotated.ResponseCheck);
        Assert.Null(Assert.Single(Assert.Single(plain.RestGroups).Operations).Envelope);
        Assert.Equal(ResponseCheck.StatusCode, plain.ResponseCheck);
        Assert.Equal(new[] { new NamePair("Datasets", "DatasetsClient") }, annotated.Names.RestGroupClasses.ToArray());
    }

    [Fact]
    public void Rest_operations_get_their_answer_and_paging_kinds_and_their_method_names_in_the_plan()
    {
        const string Items = """
            openapi: 3.0.3
            info: { title: Items, version: '1' }
            paths:
              /items:
                get:
                  operationId: Items_List
                  x-ms-pageable: { nextLinkName: nextLink }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ItemPage' } } } }
              /items/{id}:
                parameters:
                  - { name: id, in: path, required: true, schema: { type: string } }
                head:
                  operationId: Items_Exists
                  responses: { '200': { description: there }, '404': { description: missing } }
                get:
                  operationId: Items_GetNote
                  responses: { '200': { description: ok, content: { text/plain: { schema: { type: string } } } } }
              /items/{id}/content:
                parameters:
                  - { name: id, in: path, required: true, schema: { type: string } }
                get:
                  operationId: Items_Download
                  responses: { '200': { description: ok, content: { application/octet-stream: { schema: { type: string, format: binary } } } } }
            components:
              schemas:
                Item: { type: object, properties: { name: { type: string } } }
                ItemPage:
                  type: object
                  properties:
                    value: { type: array, items: { $ref: '#/components/schemas/Item' } }
                    nextLink: { type: string }
            """;

        var plan = PlanOf(Items, SpecKind.OpenApiYaml);

        var group = Assert.Single(plan.RestGroups);
        var kinds = group.Operations.ToDictionary(operation => operation.Operation.Name, operation => (operation.Answer, operation.Paging));
        Assert.Equal((RestAnswerKind.Json, RestPagingKind.NextLink), kinds["Items_List"]);
        Assert.Equal((RestAnswerKind.ExistenceCheck, RestPagingKind.None), kinds["Items_Exists"]);
        Assert.Equal((RestAnswerKind.Text, RestPagingKind.None), kinds["Items_GetNote"]);
        Assert.Equal((RestAnswerKind.Stream, RestPagingKind.None), kinds["Items_Download"]);

        // One scope per group class; the group's noun is dropped from the operation names.
        var names = Assert.Single(plan.Names.RestGroups).Methods
            .Zip(group.Operations, (methods, operation) => (operation.Operation.Name, methods))
            .ToDictionary(pair => pair.Name, pair => pair.methods);
        Assert.Equal(new RestMethodNames("CreateListRequest", "ListAsync", "ListWithResponseAsync", "ListAllAsync", "CreateListNextPageRequest"), names["Items_List"]);
        Assert.Equal(new RestMethodNames("CreateExistsRequest", "ExistsAsync", "ExistsWithResponseAsync", null, null), names["Items_Exists"]);
        // A stream has one method, returning the whole answer, under the plain name.
        Assert.Equal(new RestMethodNames("CreateDownloadRequest", null, "DownloadAsync", null, null), names["Items_Download"]);
    }

    private static ClientPlan PlanOf(string text, SpecKind kind = SpecKind.Edmx, string? conventions = null)
    {
        var path = kind == SpecKind.Edmx ? "shop.edmx" : "spec.openapi.yaml";
        var read = SpecReader.Read(new SpecFile(path, kind, text, new SpecOptions("Shop", "Contoso.Shop", null, Conventions: conventions)), CancellationToken.None);
        Assert.NotNull(read.Model);
        var plan = ClientPlanner.Plan(new SpecModel(read.FilePath, read.Model), UiPathClients.Generator.Input.SpecSelection.Everything, CancellationToken.None).Plan;
        Assert.NotNull(plan);
        return plan;
    }
}
