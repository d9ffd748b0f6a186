using System.Collections.Generic;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>Swagger 2.0 <c>collectionFormat: tsv</c>: one query value, items joined by a tab (<c>%09</c>).</summary>
public sealed class TabDelimitedQueryTests
{
    [Fact]
    public void Items_are_joined_by_an_escaped_tab_and_a_null_item_keeps_its_place()
    {
        var request = RestTest.Recording().Connection.CreateRequest("GET", "/queries")
            .WithQuery("arrayQuery", (IList<string?>)new List<string?> { "ArrayQuery1", "a b&c", null, string.Empty }, ParameterStyle.TabDelimited, explode: false);

        Assert.Equal(RestTest.BaseAddress + "/queries?arrayQuery=ArrayQuery1%09a%20b%26c%09%09", request.ToUri().AbsoluteUri);
    }

    [Fact]
    public void An_empty_array_is_an_empty_value()
    {
        var request = RestTest.Recording().Connection.CreateRequest("GET", "/queries")
            .WithQuery("arrayQuery", (IList<string>)new List<string>(), ParameterStyle.TabDelimited, explode: false);

        Assert.Equal(RestTest.BaseAddress + "/queries?arrayQuery=", request.ToUri().AbsoluteUri);
    }
}
