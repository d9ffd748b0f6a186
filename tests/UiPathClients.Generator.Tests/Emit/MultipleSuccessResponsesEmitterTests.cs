using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// An operation declaring different bodies per 2xx status (200 → A, 201 → B derived from A, 202 → C unrelated):
/// each answer is read as its own declared type; one the method cannot return is refused, typed, never misread.
/// </summary>
public sealed class MultipleSuccessResponsesEmitterTests
{
    private const string Document = """
        {
          "swagger": "2.0",
          "info": { "title": "Answers", "version": "1" },
          "host": "api.example.com",
          "schemes": ["https"],
          "produces": ["application/json"],
          "paths": {
            "/answer": {
              "get": {
                "operationId": "Answers_Get",
                "tags": ["Answers"],
                "responses": {
                  "200": { "description": "An A.", "schema": { "$ref": "#/definitions/A" } },
                  "201": { "description": "A B, which is an A.", "schema": { "$ref": "#/definitions/B" } },
                  "202": { "description": "A C, which is not.", "schema": { "$ref": "#/definitions/C" } },
                  "204": { "description": "Nothing." }
                }
              }
            }
          },
          "definitions": {
            "A": { "type": "object", "properties": { "code": { "type": "string" } } },
            "B": { "allOf": [{ "$ref": "#/definitions/A" }], "type": "object", "properties": { "text": { "type": "string" } } },
            "C": { "type": "object", "properties": { "other": { "type": "string" } } }
          }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(new[] { new Spec("/specs/Answers.json", Document) }));

    private static readonly Lazy<Assembly> Client = new(() => GeneratorHarness.LoadCompiled(Run.Value));

    [Fact]
    public async Task The_declared_200_is_read_as_the_methods_type()
    {
        var answer = await Get(HttpStatusCode.OK, """{"code":"200","text":"ignored"}""");

        Assert.Equal("Consumer.Answers.A", answer!.GetType().FullName);
        Assert.Equal("200", answer.GetType().GetProperty("Code")!.GetValue(answer));
    }

    [Fact]
    public async Task A_201_declaring_a_derived_model_is_read_as_that_model()
    {
        var answer = await Get(HttpStatusCode.Created, """{"code":"201","text":"Created"}""");

        Assert.Equal("Consumer.Answers.B", answer!.GetType().FullName);
        Assert.Equal("Created", answer.GetType().GetProperty("Text")!.GetValue(answer));
    }

    [Fact]
    public async Task A_202_declaring_an_unrelated_model_throws_it_typed_instead_of_misreading_it_as_the_methods_type()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => Get(HttpStatusCode.Accepted, """{"other":"x"}"""));

        Assert.Equal("RestApiException`1", exception.GetType().Name);
        var error = exception.GetType().GetProperty("Error")!.GetValue(exception)!;
        Assert.Equal("Consumer.Answers.C", error.GetType().FullName);
        Assert.Equal("x", error.GetType().GetProperty("Other")!.GetValue(error));
    }

    [Fact]
    public async Task A_204_without_a_body_is_null() => Assert.Null(await Get(HttpStatusCode.NoContent, null));

    [Fact]
    public void The_unreturnable_202_is_a_located_warning_and_the_derived_201_is_not()
    {
        var warning = Assert.Single(Run.Value.GeneratorDiagnostics);
        Assert.Equal("UIPC0011", warning.Id);
        Assert.Contains("the 202 answer of 'Answers_Get' declares C, which is not the A the method returns", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Document.Split('\n').ToList().FindIndex(line => line.Contains("\"202\":", StringComparison.Ordinal)), warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    private static async Task<object?> Get(HttpStatusCode status, string? json)
    {
        var http = new HttpClient(new Answer(status, json)) { BaseAddress = new Uri("https://api.example.com/") };
        var client = Activator.CreateInstance(Client.Value.GetType("Consumer.Answers.AnswersClient", throwOnError: true)!, http)!;
        var answers = client.GetType().GetProperty("Answers")!.GetValue(client)!;
        try
        {
            var task = (Task)answers.GetType().GetMethod("GetAsync")!.Invoke(answers, new object[] { CancellationToken.None })!;
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")!.GetValue(task);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private sealed class Answer(HttpStatusCode status, string? json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }
}
