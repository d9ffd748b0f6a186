using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.Runtime.Tests.Rest;

public sealed class RestConstraintsTests
{
    [Theory]
    [InlineData("\"ab\"", "fewer than the 3")]
    [InlineData("\"abcdefghijk\"", "more than the 10")]
    [InlineData("\"a b\"", "does not match the pattern")]
    public void A_string_is_checked_for_length_and_pattern(string json, string reason)
    {
        var constraints = new RestConstraints { MinLength = 3, MaxLength = 10, Pattern = "^[a-z]+$" };

        var error = Assert.Throws<ArgumentException>(() => constraints.Check("name", Json(json)));

        Assert.Equal("name", error.ParamName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_counts_code_points_so_an_emoji_is_one_character()
    {
        new RestConstraints { MaxLength = 1 }.Check("name", Json("\"\\uD83D\\uDE00\""));
    }

    [Fact]
    public void A_pattern_is_not_anchored_as_in_json_schema()
    {
        new RestConstraints { Pattern = "[0-9]+" }.Check("name", Json("\"ab12cd\""));
    }

    [Theory]
    [InlineData("100", true)]
    [InlineData("0", true)]
    [InlineData("99.5", false)]
    [InlineData("0.5", false)]
    public void Exclusive_bounds_exclude_the_bound_itself(string json, bool refused)
    {
        var constraints = new RestConstraints { Minimum = 0, ExclusiveMinimum = true, Maximum = 100, ExclusiveMaximum = true };

        var error = Record.Exception(() => constraints.Check("capacity", Json(json)));

        Assert.Equal(refused, error is ArgumentException);
    }

    [Theory]
    [InlineData("0.3", 0.1, false)]
    [InlineData("0.35", 0.1, true)]
    [InlineData("150", 10, false)]
    [InlineData("155", 10, true)]
    public void MultipleOf_is_exact_for_decimal_steps(string json, double step, bool refused)
    {
        var constraints = new RestConstraints { MultipleOf = (decimal)step };

        var error = Record.Exception(() => constraints.Check("id", Json(json)));

        Assert.Equal(refused, error is ArgumentException);
    }

    [Theory]
    [InlineData("[1,2]", "fewer than the 3")]
    [InlineData("[1,2,3,4,5]", "more than the 4")]
    [InlineData("[1,2,1.0]", "unique items")]
    [InlineData("[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},3]", "unique items")]
    public void An_array_is_checked_for_its_count_and_unique_items(string json, string reason)
    {
        var constraints = new RestConstraints { MinItems = 3, MaxItems = 4, UniqueItems = true };

        var error = Assert.Throws<ArgumentException>(() => constraints.Check("tags", Json(json)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_members_and_items_are_checked_and_named_by_their_path()
    {
        RestConstraints? node = null;
        node = new RestConstraints
        {
            Properties = new Dictionary<string, Func<RestConstraints>>
            {
                ["count"] = static () => new RestConstraints { Maximum = 5 },
                ["children"] = () => new RestConstraints { Items = () => node! },
            },
        };

        var error = Assert.Throws<ArgumentException>(() => node.Check("body", Json("{\"count\":1,\"children\":[{\"count\":2},{\"count\":9}]}")));

        Assert.Equal("body", error.ParamName);
        Assert.StartsWith("'body.children[1].count' (9) is above the maximum 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_members_without_constraints_pass()
    {
        var constraints = new RestConstraints { MinLength = 1, Properties = new Dictionary<string, Func<RestConstraints>>() };

        constraints.Check("name", Json("null"));
        constraints.Check("name", Json("{\"other\":\"\"}"));
    }

    [Fact]
    public void The_connection_validates_only_when_asked_and_checks_the_json_form()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://api.test/") };
        var connection = new RestConnection(http, RestTestMetadata.Default);

        Assert.False(connection.ValidatesConstraints);
        var error = Assert.Throws<ArgumentException>(() => connection.Validate("id", 155L, new RestConstraints { MultipleOf = 10 }));
        connection.Validate<string?>("name", null, new RestConstraints { MinLength = 3 });

        Assert.Equal("id", error.ParamName);
        Assert.Equal("constraints", Assert.Throws<ArgumentNullException>(() => connection.Validate("id", 1L, null!)).ParamName);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
