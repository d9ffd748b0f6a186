using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using UiPathClients.Generator.Tests.TestSupport;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// AutoRest's extensions on a Swagger 2.0 document: <c>x-ms-pageable</c> (a pager over next-page links, or over the
/// <c>operationName</c> operation), <c>x-ms-paths</c>, <c>x-ms-skip-url-encoding</c> and <c>x-ms-client-request-id</c>.
/// The generated client is compiled, loaded and called against a recording handler, so each test proves the wire.
/// </summary>
public sealed class AzureExtensionsEmitterTests
{
    private const string Document = """
        {
          "swagger": "2.0",
          "info": { "title": "Items", "version": "1" },
          "host": "api.example.com",
          "basePath": "/v1",
          "schemes": ["https"],
          "produces": ["application/json"],
          "paths": {
            "/items": {
              "get": {
                "operationId": "Items_List",
                "tags": ["Items"],
                "x-ms-pageable": { "nextLinkName": "nextLink", "itemName": "values" },
                "parameters": [
                  { "name": "api-version", "in": "query", "required": true, "type": "string" },
                  { "name": "x-ms-client-request-id", "in": "header", "required": false, "type": "string", "x-ms-client-request-id": true }
                ],
                "responses": { "200": { "description": "A page.", "schema": { "$ref": "#/definitions/ItemPage" } } }
              }
            },
            "/items/single": {
              "get": {
                "operationId": "Items_ListSingle",
                "tags": ["Items"],
                "x-ms-pageable": { "nextLinkName": null, "itemName": "values" },
                "responses": { "200": { "description": "The only page.", "schema": { "$ref": "#/definitions/ItemPage" } } }
              }
            },
            "/tenants/{tenant}/items": {
              "get": {
                "operationId": "Items_ListByTenant",
                "tags": ["Items"],
                "x-ms-pageable": { "nextLinkName": "odata.nextLink", "itemName": "values", "operationName": "Items_ListNext" },
                "parameters": [
                  { "name": "tenant", "in": "path", "required": true, "type": "string" },
                  { "name": "api_version", "in": "query", "required": true, "type": "string" }
                ],
                "responses": { "200": { "description": "A page.", "schema": { "$ref": "#/definitions/ODataItemPage" } } }
              }
            },
            "/broken/items": {
              "get": {
                "operationId": "Items_ListBroken",
                "tags": ["Items"],
                "x-ms-pageable": { "nextLinkName": "nextLink", "itemName": "entries" },
                "responses": { "200": { "description": "A page.", "schema": { "$ref": "#/definitions/ItemPage" } } }
              }
            },
            "/broken/next": {
              "get": {
                "operationId": "Items_ListBrokenNext",
                "tags": ["Items"],
                "x-ms-pageable": { "nextLinkName": "nextLink", "itemName": "values", "operationName": "Items_Nowhere" },
                "responses": { "200": { "description": "A page.", "schema": { "$ref": "#/definitions/ItemPage" } } }
              }
            },
            "/jobs": {
              "post": {
                "operationId": "Items_StartJob",
                "tags": ["Items"],
                "x-ms-long-running-operation": true,
                "x-ms-pageable": { "nextLinkName": "nextLink", "itemName": "values" },
                "responses": { "202": { "description": "Accepted.", "schema": { "$ref": "#/definitions/ItemPage" } } }
              }
            }
          },
          "x-ms-paths": {
            "/tenants/{tenant}/items/{nextLink}": {
              "get": {
                "operationId": "Items_ListNext",
                "tags": ["Items"],
                "parameters": [
                  { "name": "tenant", "in": "path", "required": true, "type": "string" },
                  { "name": "nextLink", "in": "path", "required": true, "type": "string", "x-ms-skip-url-encoding": true },
                  { "name": "api_version", "in": "query", "required": true, "type": "string" }
                ],
                "responses": { "200": { "description": "A page.", "schema": { "$ref": "#/definitions/ODataItemPage" } } }
              }
            },
            "/items?op=purge": {
              "post": {
                "operationId": "Items_Purge",
                "tags": ["Items"],
                "responses": { "204": { "description": "Purged." } }
              }
            }
          },
          "definitions": {
            "Item": { "type": "object", "properties": { "id": { "type": "integer", "format": "int32" } } },
            "ItemPage": {
              "type": "object",
              "properties": { "values": { "type": "array", "items": { "$ref": "#/definitions/Item" } }, "nextLink": { "type": "string" } }
            },
            "ODataItemPage": {
              "type": "object",
              "properties": { "values": { "type": "array", "items": { "$ref": "#/definitions/Item" } }, "odata.nextLink": { "type": "string" } }
            }
          }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(new[] { new Spec("/specs/Items.json", Document) }));

    private static readonly Lazy<Assembly> Client = new(() => GeneratorHarness.LoadCompiled(Run.Value));

    [Fact]
    public async Task A_pageable_operation_follows_next_links_resolved_against_the_page_and_sends_the_callers_api_version_on_each()
    {
        var (handler, items) = Items(request => request.RequestUri!.Query.Contains("page=2", StringComparison.Ordinal)
            ? Json("""{"values":[{"id":2}]}""")
            : Json("""{"values":[{"id":1}],"nextLink":"items?page=2&Api-Version=theirs"}"""));

        var ids = await Ids(items, "ListAllAsync", "2024-01-01");

        Assert.Equal(new[] { 1, 2 }, ids);
        Assert.Equal(
            new[] { "https://api.example.com/v1/items?api-version=2024-01-01", "https://api.example.com/v1/items?page=2&api-version=2024-01-01" },
            handler.Requests.Select(request => request.RequestUri!.AbsoluteUri));
    }

    [Fact]
    public async Task A_null_nextLinkName_is_one_page_whatever_the_answer_links_to()
    {
        var (handler, items) = Items(_ => Json("""{"values":[{"id":7}],"nextLink":"https://api.example.com/v1/never"}"""));

        Assert.Equal(new[] { 7 }, await Ids(items, "ListSingleAllAsync"));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task With_operationName_next_pages_come_from_that_operation_given_the_link_unescaped_and_the_callers_arguments()
    {
        var (handler, items) = Items(request => request.RequestUri!.AbsolutePath.EndsWith("/next", StringComparison.Ordinal)
            ? Json("""{"values":[{"id":2}]}""")
            : Json("""{"values":[{"id":1}],"odata.nextLink":"next?page=2"}"""));

        Assert.Equal(new[] { 1, 2 }, await Ids(items, "ListByTenantAllAsync", "acme", "1.6"));
        Assert.Equal(
            new[] { "https://api.example.com/v1/tenants/acme/items?api_version=1.6", "https://api.example.com/v1/tenants/acme/items/next?page=2&api_version=1.6" },
            handler.Requests.Select(request => request.RequestUri!.AbsoluteUri));
    }

    [Fact]
    public async Task An_optional_x_ms_client_request_id_header_is_a_fresh_id_on_every_call_unless_the_caller_gives_one()
    {
        var (handler, items) = Items(_ => Json("""{"values":[]}"""));

        await Ids(items, "ListAllAsync", "1");
        await Ids(items, "ListAllAsync", "1");
        await Ids(items, "ListAllAsync", "1", "mine");

        var ids = handler.Requests.Select(request => Assert.Single(request.Headers.GetValues("x-ms-client-request-id"))).ToList();
        Assert.True(Guid.TryParse(ids[0], out _), ids[0]);
        Assert.True(Guid.TryParse(ids[1], out _), ids[1]);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal("mine", ids[2]);
    }

    [Fact]
    public void The_group_named_like_the_document_is_ItemsOperations_not_a_numbered_clash()
    {
        Assert.Contains("Items/Operations/ItemsOperations.g.cs", Run.Value.Sources.Keys);
        Assert.Contains("public global::Consumer.Items.ItemsOperations Items { get; }", Run.Value.Sources["Items/ItemsClient.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(Run.Value.Sources.Keys, name => name.Contains("Client2", StringComparison.Ordinal));
    }

    [Fact]
    public void An_x_ms_paths_entry_with_a_query_part_costs_only_its_operation_with_a_located_warning()
    {
        var warning = Assert.Single(Run.Value.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains("/items?op=purge", StringComparison.Ordinal));
        Assert.Equal("UIPC0011", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(Document.Split('\n').ToList().FindIndex(line => line.Contains("\"/items?op=purge\"", StringComparison.Ordinal)), warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("Purge", Run.Value.Sources["Items/Operations/ItemsOperations.g.cs"], StringComparison.Ordinal);
        Assert.Contains("ListNextAsync(", Run.Value.Sources["Items/Operations/ItemsOperations.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_pageable_long_running_operation_gets_no_pager_and_a_located_warning()
    {
        var warning = Assert.Single(Run.Value.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains("Items_StartJob", StringComparison.Ordinal));
        Assert.Equal("UIPC0011", warning.Id);
        Assert.Contains("polling is not supported", warning.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("StartJobAllAsync", Run.Value.Sources["Items/Operations/ItemsOperations.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Items_ListBroken", "its answer has no list 'entries' (itemName)", "\"/broken/items\"")]
    [InlineData("Items_ListBrokenNext", "the document has no operation 'Items_Nowhere' (operationName)", "\"/broken/next\"")]
    public void A_pageable_operation_that_cannot_be_followed_gets_no_pager_and_a_located_warning_saying_why(string operation, string why, string pathKey)
    {
        var warning = Assert.Single(Run.Value.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains($"'{operation}'", StringComparison.Ordinal));
        Assert.Equal("UIPC0011", warning.Id);
        Assert.Contains(why, warning.GetMessage(), StringComparison.Ordinal);
        var lines = Document.Split('\n').ToList();
        var pathLine = lines.FindIndex(line => line.Contains(pathKey, StringComparison.Ordinal));
        Assert.Equal(lines.FindIndex(pathLine, line => line.Contains("x-ms-pageable", StringComparison.Ordinal)), warning.Location.GetLineSpan().StartLinePosition.Line);
        var name = operation.Substring("Items_".Length);
        Assert.Contains(name + "Async(", Run.Value.Sources["Items/Operations/ItemsOperations.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(name + "AllAsync(", Run.Value.Sources["Items/Operations/ItemsOperations.g.cs"], StringComparison.Ordinal);
    }

    private static (Recorder Handler, object Items) Items(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var handler = new Recorder(answer);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1") };
        var client = Activator.CreateInstance(Client.Value.GetType("Consumer.Items.ItemsClient", throwOnError: true)!, http)!;
        return (handler, client.GetType().GetProperty("Items")!.GetValue(client)!);
    }

    private static async Task<List<int>> Ids(object items, string pager, params object?[] arguments)
    {
        var info = items.GetType().GetMethod(pager)!;
        var all = arguments.Concat(Enumerable.Repeat(Type.Missing, info.GetParameters().Length - arguments.Length)).ToArray();
        all[^1] = CancellationToken.None;
        // Through reflection: this project sees IAsyncEnumerable<T> twice (System.Runtime and Microsoft.Bcl.AsyncInterfaces).
        var pages = info.Invoke(items, all)!;
        var enumerableType = pages.GetType().GetInterfaces().Single(type => type.IsGenericType && type.Name.StartsWith("IAsyncEnumerable", StringComparison.Ordinal));
        var enumerator = enumerableType.GetMethod("GetAsyncEnumerator")!.Invoke(pages, new object[] { CancellationToken.None })!;
        var enumeratorType = enumerator.GetType().GetInterfaces().Single(type => type.IsGenericType && type.Name.StartsWith("IAsyncEnumerator", StringComparison.Ordinal));
        var ids = new List<int>();
        while (await (ValueTask<bool>)enumeratorType.GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!)
        {
            var item = enumeratorType.GetProperty("Current")!.GetValue(enumerator)!;
            ids.Add((int)item.GetType().GetProperty("Id")!.GetValue(item)!);
        }

        return ids;
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private sealed class Recorder(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
