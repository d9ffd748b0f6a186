using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// What the OpenAPI client sends for the constructs AutoRest's test server checks (Specs/OpenApi/Conformance.openapi.yaml,
/// Swagger 2.0): the generated client is compiled, loaded and called against a recording handler, so each test proves
/// the wire, not only the emitted text.
/// </summary>
public sealed class RestConformanceEmitterTests
{
    private static readonly Lazy<Assembly> Client = new(() =>
    {
        var run = GeneratorHarness.Run(new[] { Spec.FromFile(Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, "Conformance.openapi.yaml")) });
        return GeneratorHarness.LoadCompiled(run);
    });

    private static string WidgetsSource =>
        GeneratorHarness.Run(new[] { Spec.FromFile(Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, "Conformance.openapi.yaml")) }).Sources["Conformance/Operations/WidgetsClient.g.cs"];

    [Fact]
    public async Task Swagger_csv_and_default_query_arrays_are_one_joined_value_and_multi_is_repeated()
    {
        var (handler, widgets) = Widgets(_ => Json("{\"label\":\"x\"}"));

        await Call(widgets, "PutAsync", "w1", NewWidget("x"), "me", "t-1", 3, List("a", "b"), List("c", "d"), List("e", "f"));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.example.com/v1/widgets/w1?owner=me&count=3&csvTags=a,b&defaultTags=c,d&multiTags=e&multiTags=f", sent.Uri);
    }

    [Fact]
    public async Task An_empty_csv_array_is_sent_as_an_empty_value_and_an_empty_multi_array_not_at_all()
    {
        var (handler, widgets) = Widgets(_ => Json("{\"label\":\"x\"}"));

        await Call(widgets, "PutAsync", "w1", NewWidget("x"), "me", "t-1", 3, List(), null, List());

        Assert.Equal("https://api.example.com/v1/widgets/w1?owner=me&count=3&csvTags=", Assert.Single(handler.Requests).Uri);
    }

    [Theory]
    [InlineData(0, "name")]
    [InlineData(1, "body")]
    [InlineData(2, "owner")]
    [InlineData(3, "xTrace")]
    public async Task A_required_argument_given_as_null_is_an_ArgumentNullException_naming_it_and_nothing_is_sent(int nullIndex, string expectedName)
    {
        var (handler, widgets) = Widgets(_ => Json("{\"label\":\"x\"}"));
        var arguments = new object?[] { "w1", NewWidget("x"), "me", "t-1", 3, null, null, null };
        arguments[nullIndex] = null;

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Call(widgets, "PutAsync", arguments));

        Assert.Equal(expectedName, error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Value_type_parameters_get_no_null_check()
    {
        Assert.DoesNotContain("if (count is null)", WidgetsSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task A_HEAD_declaring_404_answers_whether_the_resource_exists(HttpStatusCode status, bool expected)
    {
        var (_, widgets) = Widgets(_ => new HttpResponseMessage(status));

        Assert.Equal(expected, await Call<bool>(widgets, "ExistsAsync", "w1"));
    }

    [Fact]
    public async Task A_HEAD_still_throws_for_a_status_it_does_not_declare()
    {
        var (_, widgets) = Widgets(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Call<bool>(widgets, "ExistsAsync", "w1"));

        Assert.Equal("RestApiException", error.GetType().Name);
    }

    [Fact]
    public async Task A_declared_3xx_with_the_success_body_is_returned_and_a_declared_404_error_body_still_throws()
    {
        var (_, multiple) = Widgets(_ => Json("{\"label\":\"first\"}", HttpStatusCode.MultipleChoices));
        var (_, missing) = Widgets(_ => Json("{\"message\":\"no such widget\"}", HttpStatusCode.NotFound));

        var widget = await Call<object>(multiple, "GetAsync", "w1");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Call<object>(missing, "GetAsync", "w1"));

        Assert.Equal("first", widget.GetType().GetProperty("Label")!.GetValue(widget));
        Assert.StartsWith("RestApiException", error.GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnly_properties_are_read_from_answers_but_never_sent()
    {
        var (handler, widgets) = Widgets(_ => Json("{\"id\":\"w-7\",\"created\":\"2024-05-01t10:00:00z\",\"label\":\"x\"}"));

        var stored = await Call<object>(widgets, "PutAsync", "w1", NewWidget("x"), "me", "t-1", 3, null, null, null);
        await Call(widgets, "PutAsync", "w1", stored, "me", "t-1", 3, null, null, null);

        Assert.Equal("w-7", stored.GetType().GetProperty("Id")!.GetValue(stored));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), stored.GetType().GetProperty("Created")!.GetValue(stored));
        Assert.Equal("{\"label\":\"x\"}", handler.Requests[1].Body);
    }

    [Fact]
    public async Task An_empty_string_path_parameter_is_sent_as_an_empty_segment()
    {
        var (handler, widgets) = Widgets(_ => new HttpResponseMessage(HttpStatusCode.OK));

        Assert.True(await Call<bool>(widgets, "ExistsAsync", string.Empty));

        Assert.Equal("https://api.example.com/v1/widgets/", Assert.Single(handler.Requests).Uri);
    }

    private static (Recorder Handler, object Widgets) Widgets(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var handler = new Recorder(answer);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1") };
        var client = Activator.CreateInstance(Client.Value.GetType("Consumer.Conformance.ConformanceClient", throwOnError: true)!, http)!;
        return (handler, client.GetType().GetProperty("Widgets")!.GetValue(client)!);
    }

    private static object NewWidget(string label)
    {
        var widget = Activator.CreateInstance(Client.Value.GetType("Consumer.Conformance.Widget", throwOnError: true)!)!;
        widget.GetType().GetProperty("Label")!.SetValue(widget, label);
        return widget;
    }

    private static IList<string> List(params string[] items) => items.ToList();

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private static async Task Call(object target, string method, params object?[] arguments) => await Call<object>(target, method, arguments);

    private static async Task<T> Call<T>(object target, string method, params object?[] arguments)
    {
        var info = target.GetType().GetMethod(method)!;
        var all = arguments.Concat(Enumerable.Repeat(Type.Missing, info.GetParameters().Length - arguments.Length)).ToArray();
        all[^1] = CancellationToken.None;
        try
        {
            var task = (Task)info.Invoke(target, all)!;
            await task.ConfigureAwait(false);
            return (T)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private sealed record Sent(string Uri, string? Body);

    private sealed class Recorder(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new Sent(request.RequestUri!.AbsoluteUri, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            return answer(request);
        }
    }
}
