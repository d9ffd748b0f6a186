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
                                       "name": {"type": "string"}}}
          }
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Client = new(() =>
    {
        var run = GeneratorHarness.Run(new[] { new Spec("aquarium.json", Document, ClientName: "Aquarium") });
        GeneratorHarness.AssertCompilesCleanly(run);
        using var image = new MemoryStream();
        var result = run.OutputCompilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (run, Assembly.Load(image.ToArray()));
    });

    [Fact]
    public async Task X_ms_discriminator_value_names_the_subtype_when_reading_and_writing()
    {
        var (handler, client) = NewClient(_ => Json("{\"fishtype\":\"goblin\",\"color\":\"pink\",\"siblings\":[{\"fishtype\":\"goblin\"}]}"));

        var fish = await Call<object>(client, "FishGetAsync");
        await Call(client, "FishPutAsync", Activator.CreateInstance(Type("Goblinshark")));

        Assert.Equal("Goblinshark", fish.GetType().Name);
        Assert.Equal("Goblinshark", ((System.Collections.IList)fish.GetType().GetProperty("Siblings")!.GetValue(fish)!)[0]!.GetType().Name);
        Assert.Equal("{\"fishtype\":\"goblin\"}", handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_type_between_the_discriminated_base_and_a_subtype_still_reads_the_subtype()
    {
        var (_, client) = NewClient(_ => Json("{\"fishtype\":\"smart_salmon\",\"location\":\"alaska\",\"college_degree\":\"MBA\"}"));

        var salmon = await Call<object>(client, "SalmonGetAsync");

        Assert.Equal("SmartSalmon", salmon.GetType().Name);
        Assert.Equal("MBA", salmon.GetType().GetProperty("CollegeDegree")!.GetValue(salmon));
    }

    [Fact]
    public async Task One_value_enum_parameters_and_bodies_are_constants_the_client_sends_without_asking()
    {
        var (handler, client) = NewClient(_ => Json("\"only value\""));
        var method = ((Groups)client).GetMethodOf("ConstantsPutAsync")!;

        var answer = await Call<string>(client, "ConstantsPutAsync", Enum.Parse(method.GetParameters()[0].ParameterType, "On"));

        // Only the two-value enum is asked for; the path, api-version and body constants are filled in.
        Assert.Equal(new[] { "mode", "cancellationToken" }, method.GetParameters().Select(parameter => parameter.Name));
        Assert.Equal("https://api.example.com/constants/fixed?api-version=2016-02-29&mode=on", handler.Requests[0].Uri);
        Assert.Equal("\"only value\"", handler.Requests[0].Body);
        Assert.Equal("only value", answer);
        Assert.DoesNotContain(Client.Value.Run.Sources.Keys, name => name.Contains("ConstantsPutKind", StringComparison.Ordinal) || name.Contains("ConstantsPutRequest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_required_one_value_property_starts_with_its_value_is_sent_and_is_not_a_required_member()
    {
        var (handler, client) = NewClient(_ => Json("{\"name\":\"echo\"}"));
        var product = Activator.CreateInstance(Type("Product"))!;

        var answer = await Call<object>(client, "ProductsPostAsync", product);

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

        var fish = await Call<object>(client, "FishGetAsync");
        await Call(client, "FishPutAsync", fish);

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

        var method = ((Groups)client).GetMethodOf("MaybeGetAsync")!;
        Assert.Equal(typeof(Task<long?>), method.ReturnType);
        Assert.Null(await Call<long?>(client, "MaybeGetAsync"));
    }

    private static Type Type(string name) => Client.Value.Assembly.GetType("Consumer.Aquarium." + name, throwOnError: true)!;

    private static (Recorder Handler, object Operations) NewClient(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var handler = new Recorder(answer);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com") };
        var client = Activator.CreateInstance(Type("AquariumClient"), http)!;

        // One group client per first path segment; the tests call through whichever holds the operation.
        var groups = client.GetType().GetProperties().Where(property => property.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal)).Select(property => property.GetValue(client)!).ToList();
        return (handler, new Groups(groups));
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private static async Task Call(object target, string method, params object?[] arguments) => await Call<object?>(target, method, arguments);

    private static async Task<T> Call<T>(object target, string method, params object?[] arguments)
    {
        var owner = target is Groups groups ? groups.Owner(method) : target;
        var info = owner.GetType().GetMethod(method)!;
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

    /// <summary>The group clients, standing in for one object whose methods are theirs.</summary>
    private sealed class Groups(List<object> clients)
    {
        public object Owner(string method) => clients.Single(client => client.GetType().GetMethod(method) is not null);

        public MethodInfo? GetMethodOf(string method) => Owner(method).GetType().GetMethod(method);
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
