namespace UiPathClients.Generator.Model;

/// <summary>
/// The qualified name a collection or map takes when it is itself the item of a collection or the value of a map (an
/// array of arrays, a map of arrays, an array of maps …). CSDL has no such types, so <see cref="TypeReference"/> nests
/// them through its name: <c>Collection(Edm.String)</c>, <c>Collection(Edm.String?)</c> when the inner items may be
/// null, <c>Map(NS.Pet)</c>, and so on to any depth. Only strings, so the model stays equatable.
/// </summary>
internal static class NestedTypeName
{
    private const string CollectionPrefix = "Collection(";
    private const string MapPrefix = "Map(";

    /// <summary>The name <paramref name="reference"/> has as an item or value: its own name unless it is a collection or map.</summary>
    public static string Of(TypeReference reference) =>
        reference.IsCollection
            ? CollectionPrefix + reference.QualifiedName + (reference.IsNullable ? "?" : string.Empty) + ")"
            : reference.IsMap
                ? MapPrefix + reference.QualifiedName + ")"
                : reference.QualifiedName;

    /// <summary>
    /// The collection or map a name made by <see cref="Of"/> stands for (not nullable itself: whether an item or value
    /// may be null is its container's business); <see langword="null"/> for the name of a type.
    /// </summary>
    public static TypeReference? Inner(string qualifiedName)
    {
        var isCollection = qualifiedName.StartsWith(CollectionPrefix, System.StringComparison.Ordinal);
        if ((!isCollection && !qualifiedName.StartsWith(MapPrefix, System.StringComparison.Ordinal)) || !qualifiedName.EndsWith(")", System.StringComparison.Ordinal))
        {
            return null;
        }

        var prefixLength = isCollection ? CollectionPrefix.Length : MapPrefix.Length;
        var inner = qualifiedName.Substring(prefixLength, qualifiedName.Length - prefixLength - 1);
        if (!isCollection)
        {
            return new TypeReference(inner, IsCollection: false, IsNullable: false, IsMap: true);
        }

        var itemsNullable = inner.EndsWith("?", System.StringComparison.Ordinal);
        return new TypeReference(itemsNullable ? inner.Substring(0, inner.Length - 1) : inner, IsCollection: true, IsNullable: itemsNullable);
    }
}
