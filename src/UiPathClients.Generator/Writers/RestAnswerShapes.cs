using System;
using System.Linq;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;
using static UiPathClients.Generator.Emit.EmitContext;
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

        var payload = ConventionProperty(_context.TypesByQualifiedName[operation.Success!.Type!.QualifiedName], envelope.PayloadJsonName);
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
        var items = ConventionProperty(answer, paging.ItemsJsonName);
        var next = ConventionProperty(answer, paging.NextTokenJsonName);
        var itemType = _context.TypeMapper.MapSingle(items.Model.Type.QualifiedName, items.Model.Type.IsNullable);
        if (paging.RequestTokenLocation == ContinuationTokenLocation.Query)
        {
            var tokenParameter = method.Parameters.First(parameter => parameter.Model.Location == ParameterLocation.Query && parameter.Model.Name == paging.RequestTokenName);
            return new PagingShape(items.Model.Name, items.CSharpName, next.CSharpName, itemType, tokenParameter, tokenParameter.CSharpName, paging.RequestTokenName);
        }

        var body = method.Body ?? throw new InvalidOperationException($"The continuation paging of '{operation.Name}' needs a JSON request body.");
        var requestToken = ConventionProperty(_context.TypesByQualifiedName[body.Model.Type.QualifiedName], paging.RequestTokenName);
        return new PagingShape(items.Model.Name, items.CSharpName, next.CSharpName, itemType, null, $"{body.CSharpName}{(body.IsRequired ? string.Empty : "?")}.{requestToken.CSharpName}", paging.RequestTokenName);
    }

    /// <summary>A property a convention named; the convention found it in the model, so it is there.</summary>
    public NamedProperty ConventionProperty(TypeModel type, string jsonName) =>
        _context.FindProperty(type, jsonName) ?? throw new InvalidOperationException($"'{type.QualifiedName}' has no property '{jsonName}' the service convention named.");

    /// <summary>
    /// <c>x-ms-pageable</c>: the success body is an object with the items (<c>itemName</c>) as a list and, unless
    /// <c>nextLinkName</c> is null, the next page's link as a string; otherwise there is no pager.
    /// </summary>
    public NextLinkShape? NextLinkPaging(RestOperationModel operation, RestPagingModel paging)
    {
        if (operation.Success?.Type is not { IsCollection: false, IsMap: false } type
            || !_context.TypesByQualifiedName.TryGetValue(type.QualifiedName, out var page)
            || _context.FindProperty(page, paging.ItemName) is not { Model.Type.IsCollection: true } items)
        {
            return null;
        }

        string? nextLinkProperty = null;
        if (paging.NextLinkName is { } nextLinkName)
        {
            if (_context.FindProperty(page, nextLinkName) is not { Model.Type: { QualifiedName: "Edm.String", IsCollection: false } } nextLink)
            {
                return null;
            }

            nextLinkProperty = nextLink.CSharpName;
        }

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
