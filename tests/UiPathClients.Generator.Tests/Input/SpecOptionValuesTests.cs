using UiPathClients.Generator.Input;

namespace UiPathClients.Generator.Tests.Input;

public sealed class SpecOptionValuesTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("/", "")]
    [InlineData("odata", "odata/")]
    [InlineData("/odata/", "odata/")]
    [InlineData(" api/v2 ", "api/v2/")]
    public void A_service_path_is_relative_and_ends_in_a_slash(string? value, string expected) =>
        Assert.Equal(expected, SpecOptionValues.ServicePath(value));

    [Theory]
    [InlineData(null, true, 1)]
    [InlineData("  ", true, 1)]
    [InlineData("Plain", true, 2)]
    [InlineData(" plain ", true, 2)]
    [InlineData("QUALIFIED", true, 1)]
    [InlineData("Short", false, 1)]
    public void A_choice_is_named_case_insensitively_and_an_unknown_one_keeps_the_default(string? value, bool known, int expected)
    {
        var found = SpecOptionValues.TryChoose(value, 1, out var chosen, ("Qualified", 1), ("Plain", 2));

        Assert.Equal(known, found);
        Assert.Equal(expected, chosen);
    }
}
