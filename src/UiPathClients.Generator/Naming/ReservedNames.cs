namespace UiPathClients.Generator.Naming;

/// <summary>
/// Names a generated member must not take because the class it is declared in already has them: from
/// <see cref="object"/>, from the runtime base class the generated class derives from, or from the generated class
/// itself. <c>ReservedNamesTests</c> keeps each runtime list equal to the runtime type's members by reflection.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members of <see cref="object"/> a generated member must not hide.</summary>
    public static readonly string[] ObjectMembers =
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>The property every root entity and complex class has for what the client does not know.</summary>
    public const string AdditionalData = "AdditionalData";

    /// <summary>Members of <c>FilterSurface</c> besides those of <see cref="object"/>.</summary>
    public static readonly string[] FilterSurfaceMembers = { "Prefix", "PathOf", "IsOf", "As", "CreateAt", "Rebase" };

    /// <summary>
    /// Members of the entity set clients' runtime bases (<c>EntitySetClient</c>, its base <c>ODataQuery</c>, and
    /// <c>UnqueryableEntitySetClient</c>) besides those of <see cref="object"/>.
    /// </summary>
    public static readonly string[] EntitySetBaseMembers =
    {
        "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Top", "Skip", "Select", "Expand", "WithCount", "Search",
        "PageSize", "ToUri", "ToPageAsync", "ToListAsync", "FirstOrDefaultAsync", "CountAsync", "GetAsyncEnumerator", "CreateEntityAsync",
        "WithCancellation", "ConfigureAwait", "AsAsyncEnumerable",
        // Members that exist only to refuse untranslatable LINQ habits with a clear message ([Obsolete(error: true)]).
        "Take", "Count", "LongCount", "FirstAsync", "AnyAsync", "ToArrayAsync",
        "Connection", "Path",
    };

    /// <summary>Members a generated entity set class declares itself.</summary>
    public static readonly string[] EntitySetOwnMembers = { "CreateAsync" };

    /// <summary>Members of the entity clients' runtime bases (<c>EntityClient</c> and <c>EntityClientBase</c>) besides those of <see cref="object"/>.</summary>
    public static readonly string[] EntityBaseMembers =
    {
        "GetAsync", "Select", "Expand", "Connection", "Path", "Surface", "ReplaceEntityAsync", "PatchEntityAsync", "DeleteEntityAsync",
    };

    /// <summary>Members a generated entity client declares itself.</summary>
    public static readonly string[] EntityOwnMembers = { "UpdateAsync", "PatchAsync", "DeleteAsync" };

    /// <summary>Members of the service client an accessor or operation must not hide.</summary>
    public static readonly string[] ServiceClientMembers = { "Connection", "WithFolder", "DefaultServicePath" };

    /// <summary>Members every union wrapper has from its base class <c>JsonUnion</c>.</summary>
    public static readonly string[] UnionMembers = { "Value", "UnknownJson" };

    /// <summary>Members of an extensible enum struct, which a known value's property must not take.</summary>
    public static readonly string[] ExtensibleEnumMembers = { "Equals", "GetHashCode", "ToString", "GetType", "Value" };

    /// <summary>The compiler's name for an enum's value field.</summary>
    public static readonly string[] EnumMembers = { "value__" };
}
