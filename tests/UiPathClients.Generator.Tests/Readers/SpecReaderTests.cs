using System.Threading;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Readers;

namespace UiPathClients.Generator.Tests.Readers;

public sealed class SpecReaderTests
{
    [Theory]
    [InlineData(nameof(SpecKind.Edmx))]
    [InlineData(nameof(SpecKind.OpenApiJson))]
    [InlineData(nameof(SpecKind.OpenApiYaml))]
    public void A_spec_longer_than_the_limit_is_refused_unread(string kindName)
    {
        var kind = (SpecKind)System.Enum.Parse(typeof(SpecKind), kindName);
        // Not valid in any format: had a parser run, the diagnostic would be a syntax error, not the limit.
        var file = new SpecFile("big.spec", kind, "<{[" + new string('x', 98), new SpecOptions(null, null, null));

        var result = SpecReader.Read(file, maxTextLength: 100, CancellationToken.None);

        Assert.Null(result.Model);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("UIPC0014", diagnostic.DescriptorId);
        Assert.Equal(0, diagnostic.StartLine);
        Assert.Equal("it is 101 characters long, more than the 100 the generator reads", diagnostic.Arguments[1]);
    }

    [Fact]
    public void A_spec_at_the_limit_is_read()
    {
        var text = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}}";
        var file = new SpecFile("fits.json", SpecKind.OpenApiJson, text, new SpecOptions(null, null, null));

        var result = SpecReader.Read(file, maxTextLength: text.Length, CancellationToken.None);

        Assert.NotNull(result.Model);
        Assert.Empty(result.Diagnostics);
    }
}
