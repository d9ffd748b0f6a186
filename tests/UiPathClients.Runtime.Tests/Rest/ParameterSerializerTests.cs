using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Rest;

/// <summary>
/// OpenAPI 3's style/explode table (https://spec.openapis.org/oas/v3.0.3#style-examples), through the public
/// surface generated code calls: <see cref="RestRequest.ToUri"/> for path and query, sent requests for headers
/// and cookies. The values are the table's: <c>5</c>, <c>[3, 4, 5]</c> and <c>{"role": "admin", "firstName": "Alex"}</c>.
/// </summary>
public sealed class ParameterSerializerTests
{
    private static readonly IList<int> Array345 = new List<int> { 3, 4, 5 };

    private static readonly Member Alex = new() { Role = "admin", FirstName = "Alex" };

    private static RestRequest Request(string template = "/users/{id}") => RestTest.Recording().Connection.CreateRequest("GET", template);

    private static string Relative(RestRequest request)
    {
        var uri = request.ToUri().AbsoluteUri;
        Assert.StartsWith(RestTest.BaseAddress + "/", uri, StringComparison.Ordinal);
        return uri.Substring(RestTest.BaseAddress.Length + 1);
    }

    private static RestRequest WithValue(RestRequest request, string kind, Func<RestRequest, object, RestRequest> primitive, Func<RestRequest, IList<int>, RestRequest> array, Func<RestRequest, Member, RestRequest> obj) => kind switch
    {
        "primitive" => primitive(request, 5),
        "array" => array(request, Array345),
        "object" => obj(request, Alex),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "primitive", "users/5")]
    [InlineData(ParameterStyle.Simple, false, "array", "users/3,4,5")]
    [InlineData(ParameterStyle.Simple, false, "object", "users/role,admin,firstName,Alex")]
    [InlineData(ParameterStyle.Simple, true, "primitive", "users/5")]
    [InlineData(ParameterStyle.Simple, true, "array", "users/3,4,5")]
    [InlineData(ParameterStyle.Simple, true, "object", "users/role=admin,firstName=Alex")]
    [InlineData(ParameterStyle.Label, false, "primitive", "users/.5")]
    [InlineData(ParameterStyle.Label, false, "array", "users/.3,4,5")]
    [InlineData(ParameterStyle.Label, false, "object", "users/.role,admin,firstName,Alex")]
    [InlineData(ParameterStyle.Label, true, "primitive", "users/.5")]
    [InlineData(ParameterStyle.Label, true, "array", "users/.3.4.5")]
    [InlineData(ParameterStyle.Label, true, "object", "users/.role=admin.firstName=Alex")]
    [InlineData(ParameterStyle.Matrix, false, "primitive", "users/;id=5")]
    [InlineData(ParameterStyle.Matrix, false, "array", "users/;id=3,4,5")]
    [InlineData(ParameterStyle.Matrix, false, "object", "users/;id=role,admin,firstName,Alex")]
    [InlineData(ParameterStyle.Matrix, true, "primitive", "users/;id=5")]
    [InlineData(ParameterStyle.Matrix, true, "array", "users/;id=3;id=4;id=5")]
    [InlineData(ParameterStyle.Matrix, true, "object", "users/;role=admin;firstName=Alex")]
    public void Path_parameters_follow_the_OpenAPI_style_table(ParameterStyle style, bool explode, string kind, string expected)
    {
        var request = WithValue(
            Request(),
            kind,
            (request, value) => request.WithPath("id", (int)value, style, explode),
            (request, value) => request.WithPath("id", value, style, explode),
            (request, value) => request.WithPath("id", value, style, explode));

        Assert.Equal(expected, Relative(request));
    }

    [Theory]
    [InlineData(ParameterStyle.Form, true, "primitive", "id=5")]
    [InlineData(ParameterStyle.Form, true, "array", "id=3&id=4&id=5")]
    [InlineData(ParameterStyle.Form, true, "object", "role=admin&firstName=Alex")]
    [InlineData(ParameterStyle.Form, false, "primitive", "id=5")]
    [InlineData(ParameterStyle.Form, false, "array", "id=3,4,5")]
    [InlineData(ParameterStyle.Form, false, "object", "id=role,admin,firstName,Alex")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "array", "id=3%204%205")]
    [InlineData(ParameterStyle.SpaceDelimited, true, "array", "id=3&id=4&id=5")]
    // '|' is not allowed in a URI (RFC 3986): System.Uri sends it as %7C, which is what OpenAPI 3.1.1's table shows.
    [InlineData(ParameterStyle.PipeDelimited, false, "array", "id=3%7C4%7C5")]
    [InlineData(ParameterStyle.PipeDelimited, true, "array", "id=3&id=4&id=5")]
    [InlineData(ParameterStyle.DeepObject, true, "object", "id[role]=admin&id[firstName]=Alex")]
    public void Query_parameters_follow_the_OpenAPI_style_table(ParameterStyle style, bool explode, string kind, string expected)
    {
        var request = WithValue(
            Request("/users"),
            kind,
            (request, value) => request.WithQuery("id", (int)value, style, explode),
            (request, value) => request.WithQuery("id", value, style, explode),
            (request, value) => request.WithQuery("id", value, style, explode));

        Assert.Equal("users?" + expected, Relative(request));
    }

    [Fact]
    public void Query_parameters_default_to_form_exploded_and_keep_their_order()
    {
        var request = Request("/users")
            .WithQuery("b", Array345)
            .WithQuery("a", "x");

        Assert.Equal("users?b=3&b=4&b=5&a=x", Relative(request));
    }

    [Fact]
    public void Path_parameters_default_to_simple_not_exploded()
    {
        Assert.Equal("users/role,admin,firstName,Alex", Relative(Request().WithPath("id", Alex)));
    }

    [Fact]
    public void Reserved_characters_in_path_values_are_escaped_so_the_value_stays_one_segment()
    {
        var request = Request("/files/{name}/content").WithPath("name", "a b/c?d&e#f%g+h é");

        Assert.Equal("files/a%20b%2Fc%3Fd%26e%23f%25g%2Bh%20%C3%A9/content", Relative(request));
    }

    [Fact]
    public void Reserved_characters_in_query_names_and_values_are_escaped()
    {
        var request = Request("/search")
            .WithQuery("q", "a b/c?d&e=f#g+h é")
            .WithQuery("odd name&", "1");

        Assert.Equal("search?q=a%20b%2Fc%3Fd%26e%3Df%23g%2Bh%20%C3%A9&odd%20name%26=1", Relative(request));
    }

    [Fact]
    public void Separators_inside_array_items_are_escaped_but_the_separators_between_them_are_not()
    {
        var request = Request("/users/{id}")
            .WithPath("id", (IList<string>)new List<string> { "a,b", "c.d" }, ParameterStyle.Label, explode: true)
            .WithQuery("tags", (IList<string>)new List<string> { "x,y", "z" }, ParameterStyle.Form, explode: false)
            .WithQuery("pipes", (IList<string>)new List<string> { "p|q", "r" }, ParameterStyle.PipeDelimited, explode: false);

        // '.' is unreserved (RFC 3986) and '|' is escaped anyway, so a label or pipe item containing its own delimiter
        // cannot be told apart from two items: that is the style's limit (OpenAPI says so), not the client's.
        Assert.Equal("users/.a%2Cb.c.d?tags=x%2Cy,z&pipes=p%7Cq%7Cr", Relative(request));
    }

    [Fact]
    public async Task The_URI_sent_is_the_URI_ToUri_shows()
    {
        var (handler, connection) = RestTest.Recording();
        var request = connection.CreateRequest("GET", "/files/{name}")
            .WithPath("name", "a/b c")
            .WithQuery("q", "x|y z", ParameterStyle.Form)
            .WithQuery("id", Array345, ParameterStyle.PipeDelimited, explode: false);
        var expected = request.ToUri().AbsoluteUri;

        await request.SendAsync();

        Assert.Equal(expected, Assert.Single(handler.Requests).Uri.AbsoluteUri);
        Assert.Equal(RestTest.BaseAddress + "/files/a%2Fb%20c?q=x%7Cy%20z&id=3%7C4%7C5", expected);
    }

    [Fact]
    public async Task A_real_server_receives_the_escaped_target_as_built()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet(
            "/{**rest}",
            (HttpContext context) => context.Features.Get<IHttpRequestFeature>()!.RawTarget));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "reinfer_") };
        var connection = new RestConnection(http, RestTestMetadata.Default);

        var response = await connection.CreateRequest("GET", "/files/{name}")
            .WithPath("name", "a/b c?")
            .WithQuery("q", "x&y=z é")
            .WithQuery("id", Array345, ParameterStyle.PipeDelimited, explode: false)
            .SendForTextAsync();

        Assert.Equal("/reinfer_/files/a%2Fb%20c%3F?q=x%26y%3Dz%20%C3%A9&id=3%7C4%7C5", response.Value);
    }

    [Fact]
    public void Null_query_values_are_left_out()
    {
        var request = Request("/users")
            .WithQuery<string?>("name", null)
            .WithQuery<int?>("limit", null)
            .WithQuery<Member?>("filter", null, ParameterStyle.DeepObject)
            .WithQuery("partial", new Member { Role = "admin" }, ParameterStyle.DeepObject);

        Assert.Equal("users?partial[role]=admin", Relative(request));
    }

    [Fact]
    public void Null_array_items_keep_their_place_as_empty_items()
    {
        IList<string?> items = new List<string?> { "a", null, "b" };
        var request = Request("/users/{id}")
            .WithPath("id", items)
            .WithQuery("repeated", items)
            .WithQuery("joined", items, ParameterStyle.Form, explode: false)
            .WithQuery("piped", items, ParameterStyle.PipeDelimited, explode: false);

        Assert.Equal("users/a,,b?repeated=a&repeated=&repeated=b&joined=a,,b&piped=a%7C%7Cb", Relative(request));
    }

    [Fact]
    public void Only_null_query_values_leave_no_question_mark()
    {
        Assert.Equal("users", Relative(Request("/users").WithQuery<string?>("name", null)));
    }

    [Fact]
    public void An_empty_array_is_an_empty_value_when_joined_and_nothing_when_repeated()
    {
        // Joined forms (Swagger 2.0 csv/ssv/pipes) join zero items to ""; repeated ones (multi, explode) have no pair to repeat.
        var request = Request("/users")
            .WithQuery("exploded", (IList<int>)new List<int>())
            .WithQuery("joined", (IList<int>)new List<int>(), ParameterStyle.Form, explode: false)
            .WithQuery("spaced", (IList<int>)new List<int>(), ParameterStyle.SpaceDelimited, explode: false)
            .WithQuery("piped", (IList<int>)new List<int>(), ParameterStyle.PipeDelimited, explode: false);

        Assert.Equal("users?joined=&spaced=&piped=", Relative(request));
    }

    [Fact]
    public void A_joined_query_array_is_one_comma_separated_value()
    {
        var request = Request("/users").WithQuery("ids", (IList<string>)new List<string> { "a", "b c", "d,e" }, ParameterStyle.Form, explode: false);

        Assert.Equal("users?ids=a,b%20c,d%2Ce", Relative(request));
    }

    [Fact]
    public void An_empty_string_query_value_is_sent_as_an_empty_value()
    {
        Assert.Equal("users?name=", Relative(Request("/users").WithQuery("name", string.Empty)));
    }

    [Fact]
    public void A_null_path_value_is_an_ArgumentNullException_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Request().WithPath<string?>("id", null));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void A_null_nullable_path_value_is_an_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Request().WithPath<int?>("id", null));
    }

    [Fact]
    public void An_empty_string_path_value_is_sent_as_an_empty_segment()
    {
        Assert.Equal("users/", Relative(Request().WithPath("id", string.Empty)));
        Assert.Equal("users//roles", Relative(Request("/users/{id}/roles").WithPath("id", string.Empty)));
    }

    [Fact]
    public void An_empty_array_path_value_is_an_empty_segment()
    {
        Assert.Equal("users/", Relative(Request().WithPath("id", (IList<int>)new List<int>())));
    }

    [Theory]
    [InlineData(".", ParameterStyle.Simple)]
    [InlineData("..", ParameterStyle.Simple)]
    [InlineData(".", ParameterStyle.Label)]
    [InlineData("", ParameterStyle.Label)]
    public void A_dot_segment_path_value_is_an_ArgumentException_since_the_URI_would_drop_or_climb_a_segment(string value, ParameterStyle style)
    {
        var error = Assert.Throws<ArgumentException>(() => Request("/users/{id}/delete").WithPath("id", value, style));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Dots_inside_a_path_value_are_kept()
    {
        Assert.Equal("users/...a..", Relative(Request().WithPath("id", "...a..")));
    }

    [Fact]
    public void An_empty_matrix_value_is_the_bare_name()
    {
        Assert.Equal("users/;id", Relative(Request().WithPath("id", string.Empty, ParameterStyle.Matrix)));
    }

    [Fact]
    public void A_path_parameter_without_a_value_fails_when_the_URI_is_built()
    {
        var request = Request("/users/{id}/roles/{role}").WithPath("id", 5);

        var error = Assert.Throws<InvalidOperationException>(() => request.ToUri());

        Assert.Contains("'role'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_parameter_in_two_places_of_the_template_is_filled_in_both()
    {
        Assert.Equal("a/7/b/7", Relative(Request("/a/{id}/b/{id}").WithPath("id", 7)));
    }

    [Fact]
    public void Enums_are_written_with_the_service_spelling_everywhere()
    {
        var request = Request("/shades/{shade}")
            .WithPath("shade", Shade.LightBlue)
            .WithQuery("one", (Shade?)Shade.Red)
            .WithQuery("many", (IList<Shade>)new List<Shade> { Shade.Red, Shade.LightBlue }, ParameterStyle.Form, explode: false);

        Assert.Equal("shades/light-blue?one=red&many=red,light-blue", Relative(request));
    }

    [Fact]
    public void Dates_are_written_in_ISO_8601_with_their_offset_escaped()
    {
        var request = Request("/events/{at}")
            .WithPath("at", new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)))
            .WithQuery("since", new DateTimeOffset(2024, 5, 1, 8, 30, 15, 250, TimeSpan.Zero))
            .WithQuery<DateTimeOffset?>("until", null);

        Assert.Equal("events/2024-05-01T10%3A00%3A00%2B02%3A00?since=2024-05-01T08%3A30%3A15.25Z", Relative(request));
    }

    [Fact]
    public void Booleans_and_numbers_are_written_as_JSON_writes_them()
    {
        var request = Request("/flags/{on}")
            .WithPath("on", true)
            .WithQuery("off", false)
            .WithQuery("ratio", 0.25)
            .WithQuery("big", long.MaxValue)
            .WithQuery("negative", -3);

        Assert.Equal("flags/true?off=false&ratio=0.25&big=9223372036854775807&negative=-3", Relative(request));
    }

    [Theory]
    [InlineData("https://api.test/reinfer_", "/api/v1/datasets", "https://api.test/reinfer_/api/v1/datasets")]
    [InlineData("https://api.test/reinfer_/", "/api/v1/datasets", "https://api.test/reinfer_/api/v1/datasets")]
    [InlineData("https://api.test/reinfer_", "api/v1/datasets", "https://api.test/reinfer_/api/v1/datasets")]
    [InlineData("https://api.test", "/api/v1/datasets", "https://api.test/api/v1/datasets")]
    [InlineData("https://api.test/", "/", "https://api.test/")]
    [InlineData("https://api.test/a/b", "/c", "https://api.test/a/b/c")]
    public void Operation_paths_are_appended_to_the_base_address_not_resolved_against_it(string baseAddress, string template, string expected)
    {
        var (_, connection) = RestTest.Recording(baseAddress);

        Assert.Equal(expected, connection.CreateRequest("GET", template).ToUri().AbsoluteUri);
    }

    [Theory]
    [InlineData(false, "3,4,5", "role,admin,firstName,Alex")]
    [InlineData(true, "3,4,5", "role=admin,firstName=Alex")]
    public async Task Headers_use_the_simple_style_unescaped(bool explode, string array, string obj)
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("GET", "/users")
            .WithHeader("X-Id", 5, explode)
            .WithHeader("X-Ids", Array345, explode)
            .WithHeader("X-Member", Alex, explode)
            .WithHeader("X-Shade", Shade.LightBlue, explode)
            .WithHeader("X-Flag", true, explode)
            .WithHeader("X-Text", "a b/c", explode)
            .WithHeader<string?>("X-Missing", null, explode)
            .SendAsync();

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("5", sent.Header("X-Id"));
        Assert.Equal(array, sent.Header("X-Ids"));
        Assert.Equal(obj, sent.Header("X-Member"));
        Assert.Equal("light-blue", sent.Header("X-Shade"));
        Assert.Equal("true", sent.Header("X-Flag"));
        Assert.Equal("a b/c", sent.Header("X-Text"));
        Assert.False(sent.Headers.ContainsKey("X-Missing"));
    }

    [Fact]
    public async Task Cookies_use_the_form_style_and_share_one_Cookie_header()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("GET", "/users")
            .WithCookie("id", 5)
            .WithCookie("ids", Array345, explode: false)
            .WithCookie("each", Array345)
            .WithCookie("member", Alex, explode: false)
            .WithCookie("session", "a b;c=d")
            .WithCookie<string?>("missing", null)
            .SendAsync();

        Assert.Equal(
            "id=5; ids=3,4,5; each=3; each=4; each=5; member=role,admin,firstName,Alex; session=a%20b%3Bc%3Dd",
            Assert.Single(handler.Requests).Header("Cookie"));
    }

    [Fact]
    public async Task Only_null_cookies_send_no_Cookie_header()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("GET", "/users").WithCookie<string?>("missing", null).SendAsync();

        Assert.Null(Assert.Single(handler.Requests).Header("Cookie"));
    }

    [Fact]
    public async Task Every_request_accepts_JSON_first_and_anything_else_second()
    {
        var (handler, connection) = RestTest.Recording();

        await connection.CreateRequest("GET", "/users").SendAsync();

        Assert.Equal("application/json,*/*; q=0.5", Assert.Single(handler.Requests).Header("Accept"));
    }

    [Fact]
    public void Parameter_order_follows_the_calls_not_the_names()
    {
        var request = Request("/users").WithQuery("z", 1).WithQuery("a", 2).WithQuery("m", Array345, ParameterStyle.Form, explode: false);

        Assert.Equal(new[] { "z=1", "a=2", "m=3,4,5" }, request.ToUri().Query.TrimStart('?').Split('&').ToArray());
    }
}
