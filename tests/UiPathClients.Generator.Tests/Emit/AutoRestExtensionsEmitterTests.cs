using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// AutoRest's Swagger 2.0 conventions (issue 19): <c>x-ms-discriminator-value</c>, one-value enums as constants,
/// <c>x-ms-enum</c> <c>modelAsString</c>, <c>x-nullable</c> answers. The client is generated from a small document,
/// compiled, loaded and called against a recording handler, so each test proves the wire.
/// </summary>
public sealed class AutoRestExtensionsEmitterTests
{
    private const string Document = """
        {
          "swagger": "2.0",
          "info": {"title": "Aquarium", "version": "1"},
          "host": "api.example.com",
          "schemes": ["https"],
          "consumes": ["application/json"],
          "produces": ["application/json"],
          "paths": {
            "/fish": {
              "get": {"operationId": "fish_get", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Fish"}}}},
              "put": {"operationId": "fish_put", "parameters": [{"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Fish"}}],
                      "responses": {"200": {"description": "ok"}}}
            },
            "/salmon": {
              "get": {"operationId": "salmon_get", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/salmon"}}}}
            },
            "/constants/{kind}": {
              "put": {"operationId": "constants_put", "parameters": [
                {"name": "kind", "in": "path", "required": true, "type": "string", "enum": ["fixed"], "x-ms-enum": {"modelAsString": false}},
                {"name": "api-version", "in": "query", "required": true, "type": "string", "enum": ["2016-02-29"]},
                {"name": "mode", "in": "query", "required": true, "type": "string", "enum": ["on", "off"]},
                {"name": "body", "in": "body", "required": true, "schema": {"type": "string", "enum": ["only value"], "x-ms-enum": {"modelAsString": false}}}],
                "responses": {"200": {"description": "ok", "schema": {"type": "string", "enum": ["only value"], "x-ms-enum": {"modelAsString": false}}}}}
            },
            "/products": {
              "post": {"operationId": "products_post", "parameters": [{"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Product"}}],
                       "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Product"}}}}
            },
            "/constrained/{name}": {
              "get": {"operationId": "constrained_get", "parameters": [
                {"name": "name", "in": "path", "required": true, "type": "string", "minLength": 3},
                {"name": "count", "in": "query", "required": true, "type": "integer", "multipleOf": 5, "maximum": 100}],
                "responses": {"200": {"description": "ok"}}}
            },
            "/maybe": {
              "get": {"operationId": "maybe_get", "responses": {"200": {"description": "ok", "schema": {"type": "integer", "x-nullable": true}}}}
            }
          },
          "definitions": {
            "Fish": {"type": "object", "discriminator": "fishtype", "required": ["fishtype"],
                     "properties": {"fishtype": {"type": "string"}, "siblings": {"type": "array", "items": {"$ref": "#/definitions/Fish"}}}},
            "salmon": {"allOf": [{"$ref": "#/definitions/Fish"}], "type": "object", "properties": {"location": {"type": "string"}}},
            "smart_salmon": {"allOf": [{"$ref": "#/definitions/salmon"}], "type": "object", "properties": {"college_degree": {"type": "string"}}},
            "goblinshark": {"x-ms-discriminator-value": "goblin", "allOf": [{"$ref": "#/definitions/Fish"}], "type": "object",
                            "properties": {"color": {"type": "string", "enum": ["pink", "gray", "RED", "red"],
                                                     "x-ms-enum": {"name": "GoblinSharkColor", "modelAsString": true}}}},
            "Product": {"type": "object", "required": ["constString", "constInt"],
                        "properties": {"constString": {"type": "string", "enum": ["constant"], "x-ms-enum": {"modelAsString": false}},
                                       "constInt": {"type": "integer", "enum": [0]},
                                       "optionalConst": {"type": "string", "enum": ["maybe"]},
                                       "name": {"type": "string", "maxLength": 5}}}
          }
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Client = new(() =>
    {
        var run = GeneratorHarness.Run(new[] { new Spec("aquarium.json", Document, ClientName: "Aquarium") });
        return (run, GeneratorHarness.LoadCompiled(run));
    });

    [Fact]
    public async Task X_ms_discriminator_value_names_the_subtype_when_reading_and_writing()
    {
        var (handler, client) = NewClient(_ => Json("{\"fishtype\":\"goblin\",\"color\":\"pink\",\"siblings\":[{\"fishtype\":\"goblin\"}]}"));

        var fish = await Call<object>(client, "Fish.GetAsync");
        await Call(client, "Fish.PutAsync", Activator.CreateInstance(Type("Goblinshark")));

        Assert.Equal("Goblinshark", fish.GetType().Name);
        Assert.Equal("Goblinshark", ((System.Collections.IList)fish.GetType().GetProperty("Siblings")!.GetValue(fish)!)[0]!.GetType().Name);
        Assert.Equal("{\"fishtype\":\"goblin\"}", handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_type_between_the_discriminated_base_and_a_subtype_still_reads_the_subtype()
    {
        var (_, client) = NewClient(_ => Json("{\"fishtype\":\"smart_salmon\",\"location\":\"alaska\",\"college_degree\":\"MBA\"}"));

        var salmon = await Call<object>(client, "Salmon.GetAsync");

        Assert.Equal("SmartSalmon", salmon.GetType().Name);
        Assert.Equal("MBA", salmon.GetType().GetProperty("CollegeDegree")!.GetValue(salmon));
    }

    [Fact]
    public async Task One_value_enum_parameters_and_bodies_are_constants_the_client_sends_without_asking()
    {
        var (handler, client) = NewClient(_ => Json("\"only value\""));
        var method = ((Groups)client).GetMethodOf("Constants.PutAsync")!;

        var answer = await Call<string>(client, "Constants.PutAsync", Enum.Parse(method.GetParameters()[0].ParameterType, "On"));

        // Only the two-value enum is asked for; the path, api-version and body constants are filled in.
        Assert.Equal(new[] { "mode", "cancellationToken" }, method.GetParameters().Select(parameter => parameter.Name));
        Assert.Equal("https://api.example.com/constants/fixed?mode=on&api-version=2016-02-29", handler.Requests[0].Uri);
        Assert.Equal("\"only value\"", handler.Requests[0].Body);
        Assert.Equal("only value", answer);
        Assert.DoesNotContain(Client.Value.Run.Sources.Keys, name => name.Contains("ConstantsPutKind", StringComparison.Ordinal) || name.Contains("ConstantsPutRequest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_required_one_value_property_starts_with_its_value_is_sent_and_is_not_a_required_member()
    {
        var (handler, client) = NewClient(_ => Json("{\"name\":\"echo\"}"));
        var product = Activator.CreateInstance(Type("Product"))!;

        var answer = await Call<object>(client, "Products.PostAsync", product);

        Assert.Equal("{\"constString\":\"constant\",\"constInt\":0}", handler.Requests[0].Body);
        // Absent from the answer, the constant keeps its one value.
        Assert.Equal("constant", answer.GetType().GetProperty("ConstString")!.GetValue(answer));
        Assert.Equal(0L, answer.GetType().GetProperty("ConstInt")!.GetValue(answer));
        Assert.Null(answer.GetType().GetProperty("OptionalConst")!.GetValue(answer));
        Assert.DoesNotContain(product.GetType().GetProperties(), property => property.GetCustomAttributes().Any(attribute => attribute.GetType().Name == "RequiredMemberAttribute"));
    }

    [Fact]
    public async Task A_model_as_string_enum_keeps_a_value_it_does_not_list_and_writes_it_back_unchanged()
    {
        var (handler, client) = NewClient(_ => Json("{\"fishtype\":\"goblin\",\"color\":\"pinkish-gray\"}"));

        var fish = await Call<object>(client, "Fish.GetAsync");
        await Call(client, "Fish.PutAsync", fish);

        var color = fish.GetType().GetProperty("Color")!.GetValue(fish)!;
        Assert.Equal("pinkish-gray", color.ToString());
        Assert.True(Type("GoblinSharkColor").IsValueType);
        Assert.Equal("{\"fishtype\":\"goblin\",\"color\":\"pinkish-gray\"}", handler.Requests[1].Body);

        // Known values compare by their exact spelling: RED and red are two values.
        var red = Type("GoblinSharkColor").GetProperty("Red")!.GetValue(null)!;
        var upperRed = Type("GoblinSharkColor").GetProperty("UpperRed")?.GetValue(null) ?? Type("GoblinSharkColor").GetProperties().Where(property => property.PropertyType == Type("GoblinSharkColor")).Select(property => property.GetValue(null)).Single(value => value!.ToString() == "RED");
        Assert.Equal("red", red.ToString());
        Assert.NotEqual(red, upperRed);
        Assert.Equal(red, Activator.CreateInstance(Type("GoblinSharkColor"), "red"));
    }

    [Fact]
    public async Task An_x_nullable_answer_is_declared_nullable_and_an_empty_body_is_null()
    {
        var (_, client) = NewClient(_ => new HttpResponseMessage(HttpStatusCode.OK));

        var method = ((Groups)client).GetMethodOf("Maybe.GetAsync")!;
        Assert.Equal(typeof(Task<long?>), method.ReturnType);
        Assert.Null(await Call<long?>(client, "Maybe.GetAsync"));
    }

    [Fact]
    public async Task Constraints_are_not_checked_unless_the_connection_opts_in()
    {
        var (handler, client) = NewClient(_ => new HttpResponseMessage(HttpStatusCode.OK));

        await Call(client, "Constrained.GetAsync", "ab", 7L);

        Assert.Equal("https://api.example.com/constrained/ab?count=7", Assert.Single(handler.Requests).Uri);
    }

    [Theory]
    [InlineData("ab", 5L, "name", "fewer than the 3")]
    [InlineData("abc", 7L, "count", "not a multiple of 5")]
    [InlineData("abc", 105L, "count", "above the maximum 100")]
    public async Task When_the_connection_opts_in_a_broken_parameter_constraint_throws_before_sending(string name, long count, string parameter, string reason)
    {
        var (handler, client) = NewClient(_ => new HttpResponseMessage(HttpStatusCode.OK), validatesConstraints: true);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, "Constrained.GetAsync", name, count));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task When_the_connection_opts_in_a_body_member_breaking_its_constraint_throws_naming_the_member()
    {
        var (handler, client) = NewClient(_ => Json("{}"), validatesConstraints: true);
        var product = Activator.CreateInstance(Type("Product"))!;
        product.GetType().GetProperty("Name")!.SetValue(product, "too long");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, "Products.PostAsync", product));

        Assert.Equal("body", error.ParamName);
        Assert.StartsWith("'body.name' has 8 characters", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
        Assert.Contains("Aquarium/AquariumConstraints.g.cs", Client.Value.Run.Sources.Keys);
    }

    private static Type Type(string name) => Client.Value.Assembly.GetType("Consumer.Aquarium." + name, throwOnError: true)!;

    private static (Recorder Handler, object Operations) NewClient(Func<HttpRequestMessage, HttpResponseMessage> answer, bool validatesConstraints = false)
    {
        var handler = new Recorder(answer);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com") };
        var client = Activator.CreateInstance(Type("AquariumClient"), http)!;
        var connection = client.GetType().GetProperty("Connection")!.GetValue(client)!;
        connection.GetType().GetProperty("ValidatesConstraints")!.SetValue(connection, validatesConstraints);

        // One group client per first path segment; the tests call through whichever holds the operation.
        var groups = client.GetType().GetProperties().Where(property => property.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal)).ToDictionary(property => property.Name, property => property.GetValue(client)!);
        return (handler, new Groups(groups));
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private static async Task Call(object target, string method, params object?[] arguments) => await Call<object?>(target, method, arguments);

    private static async Task<T> Call<T>(object target, string method, params object?[] arguments)
    {
        var owner = target is Groups groups ? groups.Owner(method) : target;
        var info = ((Groups)target).GetMethodOf(method)!;
        var all = arguments.Concat(Enumerable.Repeat(System.Type.Missing, info.GetParameters().Length - arguments.Length)).ToArray();
        all[^1] = CancellationToken.None;
        try
        {
            var task = (Task)info.Invoke(owner, all)!;
            await task.ConfigureAwait(false);
            return (T)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    /// <summary>The group clients by property name; methods are named <c>Group.MethodAsync</c>.</summary>
    private sealed class Groups(Dictionary<string, object> clients)
    {
        public object Owner(string method) => clients[method.Substring(0, method.IndexOf('.', StringComparison.Ordinal))];

        public MethodInfo? GetMethodOf(string method) => Owner(method).GetType().GetMethod(method.Substring(method.IndexOf('.', StringComparison.Ordinal) + 1));
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
