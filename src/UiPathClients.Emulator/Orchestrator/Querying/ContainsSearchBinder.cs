using System;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.UriParser;

namespace UiPathClients.Emulator.Orchestrator.Querying;

/// <summary>
/// <c>$search</c> for every set: a term matches an entity when one of its string properties contains it
/// (case-insensitive); <c>AND</c>, <c>OR</c> and <c>NOT</c> combine terms. Orchestrator itself does not
/// document <c>$search</c>; the emulator supports it so the client's <c>Search</c> can be checked end to end.
/// </summary>
internal sealed class ContainsSearchBinder : ISearchBinder
{
    private static readonly MethodInfo ContainsMethod =
        typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;

    public Expression BindSearch(SearchClause searchClause, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(searchClause);
        ArgumentNullException.ThrowIfNull(context);
        var entity = Expression.Parameter(context.ElementClrType, "entity");
        return Expression.Lambda(Bind(searchClause.Expression, entity), entity);
    }

    private static Expression Bind(SingleValueNode node, ParameterExpression entity) => node switch
    {
        SearchTermNode term => AnyStringPropertyContains(entity, term.Text),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.AndAlso(Bind(and.Left, entity), Bind(and.Right, entity)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.OrElse(Bind(or.Left, entity), Bind(or.Right, entity)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Bind(not.Operand, entity)),
        _ => throw new NotSupportedException($"$search does not support {node.Kind}."),
    };

    private static Expression AnyStringPropertyContains(ParameterExpression entity, string text)
    {
        var term = Expression.Constant(text);
        var comparison = Expression.Constant(StringComparison.OrdinalIgnoreCase);
        Expression result = Expression.Constant(false);
        foreach (var property in entity.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.CanRead))
        {
            var value = Expression.Property(entity, property);
            var contains = Expression.AndAlso(
                Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
                Expression.Call(value, ContainsMethod, term, comparison));
            result = Expression.OrElse(result, contains);
        }

        return result;
    }
}
