using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Conventions;

/// <summary>
/// Communications Mining (the Reinfer API): answers are <c>{"status": "ok", …}</c> envelopes, errors
/// <c>{"status": "error", "message": …}</c>; lists page with a <c>continuation</c> token; streams are read with
/// <c>…/fetch</c> and acknowledged with <c>…/advance</c>.
/// </summary>
internal sealed class CommunicationsMiningConvention : IServiceConvention
{
    private const string StatusProperty = "status";
    private const string ContinuationProperty = "continuation";
    private static readonly string[] ContinuationQueryParameters = { "after", ContinuationProperty };
    private const string FetchSuffix = "/fetch";
    private const string AdvanceSuffix = "/advance";

    private readonly ModelTypes _types;

    public CommunicationsMiningConvention(ModelTypes types) => _types = types;

    public ResponseCheck ResponseCheck => ResponseCheck.CommunicationsMiningEnvelope;

    /// <summary>An object answer with a <c>status</c> property is an envelope when at most one other property is its payload.</summary>
    public EnvelopeConvention? Envelope(RestOperationModel operation)
    {
        if (_types.ObjectType(operation.Success?.Type) is not { Kind: TypeKind.Complex } answer)
        {
            return null;
        }

        var properties = _types.AllProperties(answer).ToList();
        if (!properties.Any(property => property.Name == StatusProperty))
        {
            return null;
        }

        var payload = properties.Where(property => property.Name != StatusProperty).ToList();
        return payload.Count switch
        {
            0 => new EnvelopeConvention(null),
            1 => new EnvelopeConvention(payload[0].Name),
            _ => null,
        };
    }

    /// <summary>
    /// An answer with a string <c>continuation</c> beside exactly one list pages; the request takes the token back as the
    /// optional <c>after</c>/<c>continuation</c> query parameter, else as the JSON body's <c>continuation</c>.
    /// </summary>
    public ContinuationPagingConvention? ContinuationPaging(RestOperationModel operation)
    {
        if (_types.ObjectType(operation.Success?.Type) is not { } answer
            || _types.FindProperty(answer, ContinuationProperty) is not { Type.QualifiedName: "Edm.String" })
        {
            return null;
        }

        var lists = _types.AllProperties(answer).Where(property => property.Type.IsCollection).ToList();
        if (lists.Count != 1)
        {
            return null;
        }

        var items = lists[0].Name;
        var query = operation.Parameters.FirstOrDefault(parameter =>
            parameter is { Location: ParameterLocation.Query, IsRequired: false, Constant: null } && ContinuationQueryParameters.Contains(parameter.Name, StringComparer.Ordinal));
        if (query is not null)
        {
            return new ContinuationPagingConvention(items, ContinuationProperty, ContinuationTokenLocation.Query, query.Name);
        }

        if (operation.Body is { Encoding: not (BodyEncoding.Form or BodyEncoding.Multipart) } body
            && _types.ObjectType(body.Type) is { } request
            && _types.FindProperty(request, ContinuationProperty) is not null)
        {
            return new ContinuationPagingConvention(items, ContinuationProperty, ContinuationTokenLocation.BodyProperty, ContinuationProperty);
        }

        return null;
    }

    /// <summary>
    /// A <c>POST …/fetch</c> answering <c>sequence_id</c>, <c>results</c> and <c>is_end_sequence</c>, beside a
    /// <c>POST …/advance</c> with the same path parameters whose body takes <c>sequence_id</c>.
    /// </summary>
    public IEnumerable<StreamLoopConvention> StreamLoops(IReadOnlyList<RestOperationModel> operations)
    {
        foreach (var fetch in operations.Where(operation => operation.Method == "POST" && operation.Path.EndsWith(FetchSuffix, StringComparison.Ordinal)))
        {
            var stream = fetch.Path.Substring(0, fetch.Path.Length - FetchSuffix.Length);
            var advance = operations.FirstOrDefault(operation => operation.Method == "POST" && operation.Path == stream + AdvanceSuffix);
            if (advance is null
                || fetch.Body is not { Encoding: not (BodyEncoding.Form or BodyEncoding.Multipart) }
                || _types.ObjectType(fetch.Success?.Type) is not { } batch
                || _types.ObjectType(advance.Body?.Type) is not { } advanceBody
                || _types.FindProperty(batch, "results") is not { Type.IsCollection: true }
                || _types.FindProperty(batch, "sequence_id") is null
                || _types.FindProperty(batch, "is_end_sequence") is null
                || _types.FindProperty(advanceBody, "sequence_id") is null
                || !PathParameterNames(fetch).SequenceEqual(PathParameterNames(advance), StringComparer.Ordinal))
            {
                continue;
            }

            yield return new StreamLoopConvention(fetch, advance, batch.QualifiedName, "results", "sequence_id", "is_end_sequence", advanceBody.QualifiedName, "sequence_id");
        }
    }

    /// <summary>The path parameters in the order the path names them (the order the methods take them).</summary>
    private static IEnumerable<string> PathParameterNames(RestOperationModel operation) =>
        operation.Parameters
            .Where(parameter => parameter.Location == ParameterLocation.Path)
            .Select(parameter => parameter.Name)
            .OrderBy(operation.PathPosition);
}
