using System;
using System.IO;
using System.Linq;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// The collision stress specs (<c>Specs/Features/Collisions.edmx</c>, <c>Specs/OpenApi/Collisions.openapi.yaml</c>): names
/// that meet each other, C# keywords, common type names, generated helper names and runtime base-class members. The
/// snapshot and compilation suites cover them with every other feature spec; these tests pin the resolutions that
/// were once wrong, so a regression names its class.
/// </summary>
public sealed class CollisionStressSpecTests
{
    private static GeneratorRun RunEdmx() =>
        GeneratorHarness.Run(new[] { Spec.FromFile(Path.Combine(TestPaths.FeatureSpecsDirectory, "Collisions.edmx")) });

    private static GeneratorRun RunOpenApi() =>
        GeneratorHarness.Run(new[] { Spec.FromFile(Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, "Collisions.openapi.yaml")) });

    [Fact]
    public void The_EDMX_stress_spec_compiles_without_warnings()
    {
        var run = RunEdmx();

        Assert.Empty(run.GeneratorDiagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void The_OpenAPI_stress_spec_compiles_without_warnings()
    {
        var run = RunOpenApi();

        Assert.Empty(run.GeneratorDiagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Two_derived_types_sharing_a_simple_name_get_one_cast_each_on_the_base_surface()
    {
        var surface = RunEdmx().Sources["Collisions/Filters/ItemFilter2.g.cs"];

        // Each cast names its type's sub-namespace; the spec's own AsOperation/IsOperation properties keep their names.
        Assert.Contains(" AsCollide2OpsOperation() => As(\"Collide.Ops.Operation\"", surface, StringComparison.Ordinal);
        Assert.Contains(" IsCollide2OpsOperation() => IsOf(\"Collide.Ops.Operation\")", surface, StringComparison.Ordinal);
        Assert.Contains(" AsCollide2Billing2V1Operation() => As(\"collide.billing.v1.Operation\"", surface, StringComparison.Ordinal);
        Assert.Contains(" AsOperation => ", surface, StringComparison.Ordinal);
        Assert.Contains(" IsOperation => ", surface, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_namespaces_are_PascalCase_and_yield_their_first_segment_to_a_type_of_that_name()
    {
        var sources = RunEdmx().Sources;

        // The schema collide.billing.v1 becomes Collide.Billing.V1, and each segment yields to a type of its parent namespace:
        // the type Collide keeps its name (root segment Collide2), the schema Collide's type Billing too (segment Billing2).
        Assert.Contains("namespace Consumer.Collisions.Collide2.Billing2.V1", sources["Collisions/Entities/Collide2.Billing2.V1.Operation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public partial class Collide ", sources["Collisions/ComplexTypes/Collide.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public partial class Billing ", sources["Collisions/ComplexTypes/Collide2.Billing.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void All_caps_and_acronym_names_become_whole_lower_case_words_as_parameters()
    {
        var edmx = RunEdmx().Sources;
        var openApi = RunOpenApi().Sources;

        Assert.Contains("this[int id]", edmx["Collisions/EntitySets/ItemsCollection2.g.cs"], StringComparison.Ordinal);
        Assert.Contains("RunAsync(int id, string? url, string? ipAddress,", edmx["Collisions/EntityClients/ItemClient2.g.cs"], StringComparison.Ordinal);
        Assert.Contains("GetItemAsync(string id, long? id2 = default, string? id3 = default, string? url = default, string? ipAddress = default,", openApi["Collisions/Operations/ItemsOperations.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void OperationIds_that_are_one_name_after_PascalCase_number_the_name_not_each_method()
    {
        var operations = RunOpenApi().Sources["Collisions/Operations/ItemsOperations.g.cs"];

        Assert.Contains(" GetItem2Async(", operations, StringComparison.Ordinal);
        Assert.Contains(" GetItem2WithResponseAsync(", operations, StringComparison.Ordinal);
        Assert.Contains(" CreateGetItem2Request(", operations, StringComparison.Ordinal);
        Assert.DoesNotContain("Async2(", operations, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_members_spelled_as_CSharp_keep_their_name_against_members_differing_only_in_case()
    {
        var edmxEnum = RunEdmx().Sources["Collisions/Enums/Status.g.cs"];
        var openApiEnum = RunOpenApi().Sources["Collisions/Enums/Status.g.cs"];

        Assert.Contains("Active = 1,", edmxEnum, StringComparison.Ordinal);
        Assert.Contains("Active2 = 0,", edmxEnum, StringComparison.Ordinal);
        Assert.Contains("Unknown = 4,", openApiEnum, StringComparison.Ordinal);
        Assert.Contains("Unknown3 = -1,", openApiEnum, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensible_enum_values_named_like_the_struct_members_are_named_once_for_every_use()
    {
        var sources = RunOpenApi().Sources;

        // The struct and the discriminator constructor agree (before, the constructor named ShapeKind.Value: CS0120).
        Assert.Contains(" ValueValue { get; } = new global::Consumer.Collisions.ShapeKind(\"Value\");", sources["Collisions/Enums/ShapeKind.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Kind = global::Consumer.Collisions.ShapeKind.ValueValue;", sources["Collisions/ComplexTypes/ValueShape.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_bound_to_a_derived_type_names_its_cast_when_the_base_has_the_same_operation()
    {
        var entityClient = RunEdmx().Sources["Collisions/EntityClients/ItemClient2.g.cs"];

        Assert.Contains(" RunAsync(int id, string? url, string? ipAddress, string? ifMatch = null,", entityClient, StringComparison.Ordinal);
        Assert.Contains(" RunAsCollide2OpsOperationAsync(int id, string? url, string? ipAddress, string? ifMatch = null,", entityClient, StringComparison.Ordinal);
        Assert.Contains("var path = Path + \"/Collide.Ops.Operation/Collide.Core.Run\";", entityClient, StringComparison.Ordinal);
    }
}
