using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Conventions;

/// <summary>
/// What a particular service does that its description cannot say (Communications Mining wraps every answer in a
/// <c>status</c> envelope, pages with a continuation token, streams in fetch/advance batches). A convention reads the
/// model and answers in the spec's own terms (JSON property names, operations); the emitter gives those their C#
/// names and writes the code, so no writer ever recognises a service by a JSON name or a path.
/// </summary>
internal interface IServiceConvention
{
    /// <summary>How the client checks each answer before reading its body.</summary>
    ResponseCheck ResponseCheck { get; }

    /// <summary>The envelope <paramref name="operation"/>'s answer comes in, or <see langword="null"/> for a plain body.</summary>
    EnvelopeConvention? Envelope(RestOperationModel operation);

    /// <summary>How <paramref name="operation"/>'s answers page by a continuation token, or <see langword="null"/> when they do not.</summary>
    ContinuationPagingConvention? ContinuationPaging(RestOperationModel operation);

    /// <summary>The fetch/advance pairs among <paramref name="operations"/> (one sub-client's) that form a stream to process in a loop.</summary>
    IEnumerable<StreamLoopConvention> StreamLoops(IReadOnlyList<RestOperationModel> operations);
}

/// <summary>How every answer of a service is checked before its body is read.</summary>
internal enum ResponseCheck
{
    /// <summary>By status code only.</summary>
    StatusCode,

    /// <summary>
    /// Communications Mining: an answer whose JSON says <c>"status": "error"</c> is an error whatever its status code,
    /// and one that is not the service's JSON at all (a proxy's page) is a transport failure.
    /// </summary>
    CommunicationsMiningEnvelope,
}

/// <summary>An answer wrapped in an envelope: the methods return its one payload property, or nothing.</summary>
/// <param name="PayloadJsonName">The payload property's JSON name; <see langword="null"/> when the envelope carries nothing else.</param>
internal sealed record EnvelopeConvention(string? PayloadJsonName);

/// <summary>Where a request carries the continuation token of the page it asks for.</summary>
internal enum ContinuationTokenLocation
{
    /// <summary>An optional query parameter (<see cref="ContinuationPagingConvention.RequestTokenName"/> names it).</summary>
    Query,

    /// <summary>A property of the JSON request body (<see cref="ContinuationPagingConvention.RequestTokenName"/> is its JSON name).</summary>
    BodyProperty,
}

/// <summary>An answer that is one page of a list, the next page asked for with the token the answer gives.</summary>
/// <param name="ItemsJsonName">The answer's list property.</param>
/// <param name="NextTokenJsonName">The answer's property holding the next page's token (absent or null on the last page).</param>
/// <param name="RequestTokenLocation">Where the request carries the token.</param>
/// <param name="RequestTokenName">The query parameter's name or the body property's JSON name.</param>
internal sealed record ContinuationPagingConvention(string ItemsJsonName, string NextTokenJsonName, ContinuationTokenLocation RequestTokenLocation, string RequestTokenName);

/// <summary>
/// A stream read in batches: <paramref name="Fetch"/> answers a batch, <paramref name="Advance"/> moves past it once every
/// result was processed, so a failure mid-batch fetches the same batch again and nothing is skipped.
/// </summary>
/// <param name="Fetch">The operation answering a batch.</param>
/// <param name="Advance">The operation moving the stream past a batch; it takes the same path parameters.</param>
/// <param name="BatchType">The qualified name of the batch (the fetch's answer).</param>
/// <param name="ResultsJsonName">The batch's list of results.</param>
/// <param name="SequenceIdJsonName">The batch's position in the stream.</param>
/// <param name="IsEndJsonName">The batch's flag saying it is the last one for now.</param>
/// <param name="AdvanceBodyType">The qualified name of the advance request's body.</param>
/// <param name="AdvanceSequenceIdJsonName">The advance body's property taking the position to move past.</param>
internal sealed record StreamLoopConvention(
    RestOperationModel Fetch,
    RestOperationModel Advance,
    string BatchType,
    string ResultsJsonName,
    string SequenceIdJsonName,
    string IsEndJsonName,
    string AdvanceBodyType,
    string AdvanceSequenceIdJsonName);
