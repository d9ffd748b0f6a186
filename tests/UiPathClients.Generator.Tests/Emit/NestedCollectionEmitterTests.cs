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
/// Collections of collections (AutoRest's body-array and body-dictionary: arrays of arrays, arrays of maps, maps of
/// arrays, maps of maps) are typed to any depth, read and written item by item with nulls kept where the schema allows
/// them; only a collection that contains itself stays raw JSON (UIPC0012). The client is compiled, loaded and called.
/// </summary>
public sealed class NestedCollectionEmitterTests
{
    private const string Yaml = """
        openapi: 3.0.3
        info: { title: Grid, version: '1' }
        servers: [ { url: 'https://api.example.com/v1' } ]
        paths:
          /grid:
            put:
              operationId: Grid_Put
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Grid' }
              responses:
                '200':
                  description: the grid as stored
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Grid' }
        components:
          schemas:
            Grid:
              type: object
              properties:
                cells:
                  type: array
                  items: { type: array, items: { type: integer, format: int64 } }
                rows:
                  type: array
                  items: { type: array, nullable: true, items: { type: string, nullable: true } }
                labelSets:
                  type: array
                  items: { type: object, additionalProperties: { type: string } }
                groups:
                  type: object
                  additionalProperties: { type: array, items: { type: string } }
                counts:
                  type: object
                  additionalProperties: { type: object, additionalProperties: { type: integer, format: int32 } }
                forest: { $ref: '#/components/schemas/Tree' }
            Tree:
              type: array
              items: { $ref: '#/components/schemas/Tree' }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(new[] { new Spec("grid.openapi.yaml", Yaml) }));

    private static readonly Lazy<Assembly> Client = new(() => GeneratorHarness.LoadCompiled(Run.Value));

    [Fact]
    public void Collections_of_collections_are_typed_to_any_depth()
    {
        var grid = Run.Value.Sources.Single(source => source.Key.EndsWith("/Grid.g.cs", StringComparison.Ordinal)).Value;

        Assert.Contains("global::System.Collections.Generic.IList<global::System.Collections.Generic.IList<long>>? Cells", grid, StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.IList<global::System.Collections.Generic.IList<string?>?>? Rows", grid, StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.IList<global::System.Collections.Generic.IDictionary<string, string?>>? LabelSets", grid, StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.IDictionary<string, global::System.Collections.Generic.IList<string>?>? Groups", grid, StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.IDictionary<string, global::System.Collections.Generic.IDictionary<string, int>?>? Counts", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void UIPC0012_only_a_collection_that_contains_itself_stays_json_and_is_located()
    {
        var diagnostic = Assert.Single(Run.Value.GeneratorDiagnostics);

        Assert.Equal("UIPC0012", diagnostic.Id);
        Assert.StartsWith("A recursive array at '#/components/schemas/Grid/properties/forest", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line > 0);
        Assert.Contains("JsonElement", Run.Value.Sources.Single(source => source.Key.EndsWith("/Grid.g.cs", StringComparison.Ordinal)).Value.Split('\n').Single(line => line.Contains(" Forest ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_items_and_values_are_read_with_their_nulls_in_place_and_written_back_unchanged()
    {
        const string Stored = "{\"cells\":[[1,2],[],[3]],\"rows\":[[\"a\",null],null],\"labelSets\":[{\"k\":\"v\"},{}],\"groups\":{\"g\":[\"x\",\"y\"],\"none\":null},\"counts\":{\"o\":{\"i\":1},\"none\":null}}";
        var (handler, grids) = Grids(_ => Json(Stored));

        var grid = await Put(grids, Activator.CreateInstance(GridType)!);
        await Put(grids, grid);

        var cells = (IList<IList<long>>)GridType.GetProperty("Cells")!.GetValue(grid)!;
        Assert.Equal([1L, 2L], cells[0]);
        Assert.Empty(cells[1]);
        var rows = (IList<IList<string?>?>)GridType.GetProperty("Rows")!.GetValue(grid)!;
        Assert.Equal(["a", null], rows[0]!);
        Assert.Null(rows[1]);
        Assert.Equal("v", ((IList<IDictionary<string, string?>>)GridType.GetProperty("LabelSets")!.GetValue(grid)!)[0]["k"]);
        var groups = (IDictionary<string, IList<string>?>)GridType.GetProperty("Groups")!.GetValue(grid)!;
        Assert.Equal(["x", "y"], groups["g"]!);
        Assert.Null(groups["none"]);
        var counts = (IDictionary<string, IDictionary<string, int>?>)GridType.GetProperty("Counts")!.GetValue(grid)!;
        Assert.Equal(1, counts["o"]!["i"]);
        Assert.Null(counts["none"]);
        Assert.Equal(Stored, handler.Bodies[1]);
    }

    [Fact]
    public async Task A_nested_item_of_the_wrong_type_is_refused_with_its_path_not_read_as_a_default()
    {
        var (_, grids) = Grids(_ => Json("{\"cells\":[[1],[2,\"three\"]]}"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Put(grids, Activator.CreateInstance(GridType)!));

        Assert.Equal("RestApiException", error.GetType().Name);
        Assert.EndsWith(" Path: $.cells[1][1].", error.Message, StringComparison.Ordinal);
    }

    private static Type GridType => Client.Value.GetType("Consumer.Grid.Grid", throwOnError: true)!;

    private static (Recorder Handler, object Grids) Grids(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var handler = new Recorder(answer);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1") };
        var client = Activator.CreateInstance(Client.Value.GetType("Consumer.Grid.GridClient", throwOnError: true)!, http)!;
        return (handler, client.GetType().GetProperty("Grid")!.GetValue(client)!);
    }

    private static async Task<object> Put(object grids, object grid)
    {
        try
        {
            var task = (Task)grids.GetType().GetMethod("PutAsync")!.Invoke(grids, new[] { grid, CancellationToken.None })!;
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private sealed class Recorder(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<string?> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
            return answer(request);
        }
    }
}
