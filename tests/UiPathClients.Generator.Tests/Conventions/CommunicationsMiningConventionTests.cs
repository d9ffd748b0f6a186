using System.Linq;
using System.Threading;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Readers;

namespace UiPathClients.Generator.Tests.Conventions;

/// <summary>
/// The Communications Mining convention reads the model and answers in the spec's terms; these tests pin what it
/// recognises and, as importantly, what it leaves alone, on a description small enough to read in one go.
/// </summary>
public sealed class CommunicationsMiningConventionTests
{
    private const string Description = """
        openapi: 3.0.3
        info: { title: Mining, version: '1' }
        paths:
          /api/v1/datasets:
            get:
              operationId: listDatasets
              parameters:
                - { name: after, in: query, schema: { type: string } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/DatasetPage' } } } }
          /api/v1/datasets/{owner}/export:
            post:
              operationId: exportDataset
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/ExportRequest' } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/DatasetPage' } } } }
          /api/v1/datasets/{owner}:
            get:
              operationId: getDataset
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/DatasetAnswer' } } } }
            delete:
              operationId: deleteDataset
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Ok' } } } }
          /api/v1/stats:
            get:
              operationId: getStats
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/TwoPayloads' } } } }
          /api/v1/streams/{owner}/{stream}/fetch:
            post:
              operationId: fetchStream
              parameters:
                - { name: stream, in: path, required: true, schema: { type: string } }
                - { name: owner, in: path, required: true, schema: { type: string } }
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/FetchRequest' } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Batch' } } } }
          /api/v1/streams/{owner}/{stream}/advance:
            post:
              operationId: advanceStream
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
                - { name: stream, in: path, required: true, schema: { type: string } }
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/AdvanceRequest' } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Ok' } } } }
          /api/v1/orphans/fetch:
            post:
              operationId: fetchOrphan
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/FetchRequest' } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Batch' } } } }
        components:
          schemas:
            Ok:
              type: object
              properties: { status: { type: string } }
            Dataset:
              type: object
              properties: { name: { type: string } }
            DatasetPage:
              type: object
              properties:
                status: { type: string }
                datasets: { type: array, items: { $ref: '#/components/schemas/Dataset' } }
                continuation: { type: string }
            DatasetAnswer:
              type: object
              properties: { status: { type: string }, dataset: { $ref: '#/components/schemas/Dataset' } }
            TwoPayloads:
              type: object
              properties: { status: { type: string }, a: { type: integer }, b: { type: integer } }
            ExportRequest:
              type: object
              properties: { limit: { type: integer }, continuation: { type: string } }
            FetchRequest:
              type: object
              properties: { size: { type: integer } }
            Batch:
              type: object
              properties:
                status: { type: string }
                sequence_id: { type: string }
                is_end_sequence: { type: boolean }
                results: { type: array, items: { $ref: '#/components/schemas/Dataset' } }
            AdvanceRequest:
              type: object
              properties: { sequence_id: { type: string } }
        """;

    [Fact]
    public void An_answer_with_status_and_one_other_property_is_an_envelope_of_that_property()
    {
        var (convention, operations) = Read(conventions: "CommunicationsMining");

        Assert.Equal(new EnvelopeConvention("dataset"), convention.Envelope(operations["getDataset"]));
        Assert.Equal(new EnvelopeConvention(null), convention.Envelope(operations["deleteDataset"]));
        // Two payloads (a page's list and its continuation too): none of them alone is the answer, so the whole body is.
        Assert.Null(convention.Envelope(operations["getStats"]));
        Assert.Null(convention.Envelope(operations["listDatasets"]));
        Assert.Equal(ResponseCheck.CommunicationsMiningEnvelope, convention.ResponseCheck);
    }

    [Fact]
    public void A_continuation_beside_one_list_pages_by_the_query_parameter_else_by_the_body()
    {
        var (convention, operations) = Read(conventions: "CommunicationsMining");

        Assert.Equal(
            new ContinuationPagingConvention("datasets", "continuation", ContinuationTokenLocation.Query, "after"),
            convention.ContinuationPaging(operations["listDatasets"]));
        Assert.Equal(
            new ContinuationPagingConvention("datasets", "continuation", ContinuationTokenLocation.BodyProperty, "continuation"),
            convention.ContinuationPaging(operations["exportDataset"]));
        Assert.Null(convention.ContinuationPaging(operations["deleteDataset"]));
    }

    [Fact]
    public void A_fetch_with_an_advance_on_the_same_stream_is_a_loop_and_a_fetch_alone_is_not()
    {
        var (convention, operations) = Read(conventions: "CommunicationsMining");

        // The path parameters are declared in different orders; the path orders them the same way.
        var loop = Assert.Single(convention.StreamLoops(operations.Values.ToList()));
        Assert.Equal("fetchStream", loop.Fetch.Name);
        Assert.Equal("advanceStream", loop.Advance.Name);
        Assert.Equal(("results", "sequence_id", "is_end_sequence", "sequence_id"), (loop.ResultsJsonName, loop.SequenceIdJsonName, loop.IsEndJsonName, loop.AdvanceSequenceIdJsonName));
        Assert.EndsWith("Batch", loop.BatchType, System.StringComparison.Ordinal);
        Assert.EndsWith("AdvanceRequest", loop.AdvanceBodyType, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_convention_the_same_description_is_taken_as_it_says()
    {
        var (convention, operations) = Read(conventions: null);

        Assert.Equal(ResponseCheck.StatusCode, convention.ResponseCheck);
        Assert.All(operations.Values, operation =>
        {
            Assert.Null(convention.Envelope(operation));
            Assert.Null(convention.ContinuationPaging(operation));
        });
        Assert.Empty(convention.StreamLoops(operations.Values.ToList()));
    }

    private static (IServiceConvention Convention, System.Collections.Generic.Dictionary<string, RestOperationModel> Operations) Read(string? conventions)
    {
        var file = new SpecFile("mining.openapi.yaml", SpecKind.OpenApiYaml, Description, new SpecOptions(null, null, null, Conventions: conventions));
        var result = SpecReader.Read(file, CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        return (ServiceConvention.For(model, new ModelTypes(model)), model.RestOperations.ToDictionary(operation => operation.Name));
    }
}
