using System;
using System.Linq;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// The C# shapes of what a REST operation's answer is: the envelope and continuation paging the service convention
/// names (in the plan), and <c>x-ms-pageable</c> next-link paging, resolved to the properties' C# names and types.
/// </summary>
internal sealed class RestAnswerShapes
{
    private readonly EmitContext _context;

    public RestAnswerShapes(EmitContext context) => _context = context;

    /// <summary>The C# shape of the envelope the convention says the answer comes in, if it says one.</summary>
    public EnvelopeShape? EnvelopeShapeFor(RestOperationPlan plan)
    {
        var operation = plan.Operation;
        if (plan.Envelope is not { } envelope)
        {
            return null;
        }

        if (envelope.PayloadJsonName is null)
        {
            return new EnvelopeShape(null, null);
        }

        var payload = PlannedProperty(_context.TypesByQualifiedName[operation.Success!.Type!.QualifiedName], envelope.PayloadJsonName);
        return new EnvelopeShape(payload.CSharpName, _context.TypeMapper.Map(payload.Model.Type));
    }

    /// <summary>The C# shape of the continuation paging the convention says the operation has, if it says so.</summary>
    public PagingShape? ContinuationPagingShapeFor(RestOperationPlan plan, RestMethod method)
    {
        var operation = plan.Operation;
        if (plan.ContinuationPaging is not { } paging)
        {
            return null;
        }

        var answer = _context.TypesByQualifiedName[operation.Success!.Type!.QualifiedName];
        var items = PlannedProperty(answer, paging.ItemsJsonName);
        var next = PlannedProperty(answer, paging.NextTokenJsonName);
        var itemType = _context.TypeMapper.MapSingle(items.Model.Type.QualifiedName, items.Model.Type.IsNullable);
        if (paging.RequestTokenLocation == ContinuationTokenLocation.Query)
        {
            var tokenParameter = method.Parameters.First(parameter => parameter.Model.Location == ParameterLocation.Query && parameter.Model.Name == paging.RequestTokenName);
            return new PagingShape(items.Model.Name, items.CSharpName, next.CSharpName, itemType, tokenParameter, tokenParameter.CSharpName, paging.RequestTokenName);
        }

        var body = method.Body ?? throw new InvalidOperationException($"The continuation paging of '{operation.Name}' needs a JSON request body.");
        var requestToken = PlannedProperty(_context.TypesByQualifiedName[body.Model.Type.QualifiedName], paging.RequestTokenName);
        return new PagingShape(items.Model.Name, items.CSharpName, next.CSharpName, itemType, null, $"{body.CSharpName}{(body.IsRequired ? string.Empty : "?")}.{requestToken.CSharpName}", paging.RequestTokenName);
    }

    /// <summary>A property the plan names (a convention's, or paging's); the planner found it in the model, so it is there.</summary>
    public NamedProperty PlannedProperty(TypeModel type, string jsonName) =>
        _context.FindProperty(type, jsonName) ?? throw new InvalidOperationException($"'{type.QualifiedName}' has no property '{jsonName}' the plan names.");

    /// <summary>
    /// The C# shape of <c>x-ms-pageable</c> paging where the plan says the operation pages by next link (it checked that
    /// the answer holds the items as a list and, unless <c>nextLinkName</c> is null, the link as a string).
    /// </summary>
    public NextLinkShape? NextLinkShapeFor(RestOperationPlan plan)
    {
        if (plan.Paging != RestPagingKind.NextLink)
        {
            return null;
        }

        var paging = plan.Operation.Paging!;
        var page = _context.TypesByQualifiedName[plan.Operation.Success!.Type!.QualifiedName];
        var items = PlannedProperty(page, paging.ItemName);
        var nextLinkProperty = paging.NextLinkName is { } nextLinkName ? PlannedProperty(page, nextLinkName).CSharpName : null;
        var itemType = _context.TypeMapper.MapSingle(items.Model.Type.QualifiedName, items.Model.Type.IsNullable);
        return new NextLinkShape(items.Model.Name, items.CSharpName, nextLinkProperty, itemType, nextLinkProperty is null ? null : paging.NextOperationName);
    }
}

internal sealed record EnvelopeShape(string? PropertyName, string? Type);

/// <summary>What an operation's methods return and how.</summary>
/// <param name="ResponseType">The whole answer's type (<c>RestResponse&lt;T&gt;</c>), awaited.</param>
/// <param name="Send">The send call up to its cancellation token (<c>SendAsync&lt;T&gt;(</c>, or with a converter argument first), which callers close with <c>token)</c>.</param>
/// <param name="ValueType">The body method's awaited type; <see langword="null"/> for a plain <c>Task</c>.</param>
/// <param name="ValueExpression">The body method's expression.</param>
/// <param name="ValueAwaits">Whether that expression awaits the whole answer (the method is <c>async</c>).</param>
internal sealed record AnswerShape(string ResponseType, string Send, string? ValueType, string ValueExpression, bool ValueAwaits);

internal sealed record NextLinkShape(string ItemsJsonName, string ItemsProperty, string? NextLinkProperty, string ItemType, string? NextOperationName);

internal sealed record PagingShape(string ItemsJsonName, string ItemsProperty, string NextTokenProperty, string ItemType, RestParameter? TokenParameter, string FirstToken, string RequestTokenJsonName);
