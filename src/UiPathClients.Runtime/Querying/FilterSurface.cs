using System;
using System.Globalization;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// Base of the generated filter surfaces (<c>JobDtoFilter</c> …): one typed operand per property, each
/// with its full path, so <c>j.Robot.Name</c> writes <c>Robot/Name</c> and lambda items write <c>x1/Name</c>.
/// </summary>
public abstract class FilterSurface : IPropertyPath
{
    /// <summary>Creates the surface for the entity reached by <paramref name="prefix"/> (empty for the queried entity, else ending with '/').</summary>
    protected FilterSurface(string prefix) => Prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));

    /// <summary>The path prefix of this surface's properties: empty, <c>Robot/</c>, <c>x1/</c> …</summary>
    protected string Prefix { get; }

    /// <summary>The path of the entity or complex value this surface stands for (<c>Robot</c>); empty for the queried entity.</summary>
    string IPropertyPath.Path => Prefix.TrimEnd('/');

    /// <summary>
    /// The same surface at another path; generated surfaces override it so <c>$expand</c> options can
    /// filter and select relative to the expanded entity.
    /// </summary>
    /// <param name="prefix">The new prefix: empty, or ending with '/'.</param>
    protected virtual FilterSurface CreateAt(string prefix) =>
        throw new NotSupportedException($"{GetType().Name} cannot be used in nested $expand options.");

    internal FilterSurface Rebase(string prefix) => CreateAt(prefix);

    /// <summary>The full path of one of this surface's properties.</summary>
    protected string PathOf(string property) => Prefix + property;

    /// <summary><c>Path eq null</c>: the complex value or related entity is absent (<c>j.Robot == null</c>).</summary>
    /// <exception cref="InvalidOperationException">The surface is the queried entity itself, which is never null.</exception>
    public static Filter operator ==(FilterSurface surface, NullLiteral? value) => new(NullablePath(surface) + " eq null");

    /// <summary><c>Path ne null</c>: the complex value or related entity is present (<c>j.Robot != null</c>).</summary>
    /// <exception cref="InvalidOperationException">The surface is the queried entity itself, which is never null.</exception>
    public static Filter operator !=(FilterSurface surface, NullLiteral? value) => new(NullablePath(surface) + " ne null");

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private static string NullablePath(FilterSurface surface)
    {
        if (surface is null)
        {
            throw new ArgumentNullException(nameof(surface));
        }

        return surface.Prefix.Length == 0
            ? throw new InvalidOperationException("The queried entity itself is never null; compare one of its properties.")
            : surface.Prefix.TrimEnd('/');
    }

    /// <summary><c>isof(NS.Type)</c>, or <c>isof(Path,NS.Type)</c> for a related entity: whether it is of a derived type.</summary>
    public Filter IsOf(string qualifiedTypeName) =>
        new(Prefix.Length == 0 ? "isof(" + qualifiedTypeName + ")" : "isof(" + Prefix.TrimEnd('/') + "," + qualifiedTypeName + ")");

    /// <summary>The surface of a derived type, for its own properties: paths become <c>{prefix}NS.Derived/Property</c>.</summary>
    protected TDerived As<TDerived>(string qualifiedTypeName, Func<string, TDerived> create)
        where TDerived : FilterSurface =>
        (create ?? throw new ArgumentNullException(nameof(create)))(Prefix + qualifiedTypeName + "/");
}

/// <summary>A collection-valued property, with the lambda operators <c>any</c> and <c>all</c>.</summary>
/// <typeparam name="TItem">What the lambda sees of one item: a filter surface, or an operand for primitive items.</typeparam>
public sealed class CollectionOperand<TItem> : Operand
{
    private readonly Func<string, TItem> _item;

    /// <summary>Creates the operand.</summary>
    /// <param name="expression">The collection's path.</param>
    /// <param name="item">Builds the item view from the lambda variable name (e.g. <c>x1</c>).</param>
    public CollectionOperand(string expression, Func<string, TItem> item)
        : base(expression) => _item = item ?? throw new ArgumentNullException(nameof(item));

    internal TItem ItemAt(string variable) => _item(variable);

    /// <summary><c>path/any()</c>: the collection is not empty.</summary>
    public Filter Any() => new(Expression + "/any()");

    /// <summary><c>path/any(x: …)</c>: some item matches.</summary>
    public Filter Any(Func<TItem, Filter> predicate) => Lambda("any", predicate);

    /// <summary><c>path/all(x: …)</c>: every item matches.</summary>
    public Filter All(Func<TItem, Filter> predicate) => Lambda("all", predicate);

    private Filter Lambda(string op, Func<TItem, Filter> predicate)
    {
        if (predicate is null)
        {
            throw new ArgumentNullException(nameof(predicate));
        }

        // Nested lambdas need distinct variables: x1 at the top, x2 inside an x1 lambda, and so on.
        var variable = "x" + (LambdaDepth(Expression) + 1).ToString(CultureInfo.InvariantCulture);
        return new Filter(Expression + "/" + op + "(" + variable + ":" + predicate(_item(variable)).Text + ")");
    }

    private static int LambdaDepth(string expression)
    {
        if (expression.Length < 3 || expression[0] != 'x')
        {
            return 0;
        }

        var depth = 0;
        for (var i = 1; i < expression.Length && expression[i] != '/'; i++)
        {
            if (expression[i] is < '0' or > '9')
            {
                return 0;
            }

            depth = (depth * 10) + (expression[i] - '0');
        }

        return depth;
    }
}

/// <summary>
/// The type only the <see langword="null"/> literal converts to: it lets <c>j.Robot == null</c> build
/// <c>Robot eq null</c>, while comparing a complex value or related entity with anything else does not compile.
/// </summary>
public sealed class NullLiteral
{
    private NullLiteral()
    {
    }
}
