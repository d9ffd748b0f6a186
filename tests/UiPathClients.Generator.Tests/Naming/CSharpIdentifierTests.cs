using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Tests.Naming;

public sealed class CSharpIdentifierTests
{
    [Theory]
    [InlineData("JobDto", "JobDto")]
    [InlineData("displayName", "DisplayName")]
    [InlineData("display_name", "DisplayName")]
    [InlineData("odata-trippin", "OdataTrippin")]
    [InlineData("ODataType", "ODataType")]
    [InlineData("2fa", "_2fa")]
    [InlineData("x-ms-enum", "XMsEnum")]
    [InlineData("", "_")]
    [InlineData("---", "_")]
    [InlineData("café", "Café")]
    [InlineData("\u0301accent", "_\u0301accent")] // a combining mark continues an identifier but cannot start one
    [InlineData("\u203Ftie", "_\u203Ftie")] // nor a connector other than '_'
    [InlineData("\u0660digit", "_\u0660digit")] // nor a digit of any script
    [InlineData("rlo\u202Ename", "RloName")] // bidi and other format characters separate words; they never reach code
    [InlineData("\u2167roman", "\u2167roman")] // letter numbers start identifiers
    public void ToPascalCase_makes_valid_idiomatic_identifiers(string name, string expected) =>
        Assert.Equal(expected, CSharpIdentifier.ToPascalCase(name));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("Class", "Class")]
    [InlineData("value", "value")]
    public void EscapeKeyword_escapes_only_reserved_keywords(string name, string expected) =>
        Assert.Equal(expected, CSharpIdentifier.EscapeKeyword(name));

    [Theory]
    [InlineData("Microsoft.OData.SampleService.Models.TripPin", "Microsoft.OData.SampleService.Models.TripPin")]
    [InlineData("UiPath.Server.Configuration.OData", "UiPath.Server.Configuration.OData")]
    [InlineData("my-app.2024.class", "my_app._2024.@class")]
    [InlineData("..", "_")]
    public void ToNamespace_keeps_segments_and_makes_each_valid(string name, string expected) =>
        Assert.Equal(expected, CSharpIdentifier.ToNamespace(name));

    [Theory]
    [InlineData("ID", "id")]
    [InlineData("Id", "id")]
    [InlineData("id", "id")]
    [InlineData("URL", "url")]
    [InlineData("IPAddress", "ipAddress")]
    [InlineData("ODataType", "oDataType")] // a capital before a lower-case letter starts the next word
    [InlineData("display_name", "displayName")]
    [InlineData("X", "x")]
    [InlineData("2fa", "_2fa")]
    [InlineData("class", "class")] // escaping is the caller's, after the name is claimed
    public void ToCamelCase_lowers_a_leading_acronym_as_one_word(string name, string expected) =>
        Assert.Equal(expected, CSharpIdentifier.ToCamelCase(name));

    [Theory]
    [InlineData("microsoft.graph.partners.billing", "Microsoft.Graph.Partners.Billing")]
    [InlineData("Contoso.Common", "Contoso.Common")]
    [InlineData("collide.billing.v1", "Collide.Billing.V1")]
    [InlineData("my-app.2024", "MyApp._2024")]
    [InlineData("..", "_")]
    public void ToPascalNamespaceSegments_makes_each_segment_PascalCase(string name, string expected) =>
        Assert.Equal(expected, string.Join(".", CSharpIdentifier.ToPascalNamespaceSegments(name)));

    [Fact]
    public void NameScope_suffixes_collisions_in_claim_order()
    {
        var scope = new NameScope(new[] { "ToString" });

        Assert.Equal("Id", scope.Claim("Id"));
        Assert.Equal("Id2", scope.Claim("Id"));
        Assert.Equal("Id3", scope.Claim("Id"));
        Assert.Equal("ToString2", scope.Claim("ToString"));
    }

    [Fact]
    public void Case_insensitive_scope_separates_names_that_differ_only_in_case()
    {
        var scope = new NameScope(comparer: System.StringComparer.OrdinalIgnoreCase);

        Assert.Equal("Widget", scope.Claim("Widget"));
        Assert.Equal("WIDGET2", scope.Claim("WIDGET"));
    }

    [Fact]
    public void An_inner_scope_sees_the_inherited_names_and_keeps_its_own_to_itself()
    {
        var baseScope = new NameScope(new[] { "Prefix" });
        Assert.Equal("Name", baseScope.Claim("Name"));
        var derived = new NameScope(baseScope);
        var sibling = new NameScope(baseScope);

        // The base's names are taken in the derived scope, without being copied into it.
        Assert.Equal("Name2", derived.Claim("Name"));
        Assert.Equal("Prefix2", derived.Claim("Prefix"));
        Assert.True(derived.IsTaken("Name"));
        // What the derived scope claims stays there: the base and a sibling do not see it.
        Assert.False(baseScope.IsTaken("Name2"));
        Assert.Equal("Name2", sibling.Claim("Name"));
    }
}
