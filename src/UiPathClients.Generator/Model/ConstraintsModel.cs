namespace UiPathClients.Generator.Model;

/// <summary>
/// The value constraints a schema declares (JSON Schema validation keywords), checked by the generated client only
/// when its connection opts in. Numbers are kept as the document spells them.
/// </summary>
/// <param name="Minimum">The smallest number allowed.</param>
/// <param name="ExclusiveMinimum">Whether <paramref name="Minimum"/> itself is excluded.</param>
/// <param name="Maximum">The largest number allowed.</param>
/// <param name="ExclusiveMaximum">Whether <paramref name="Maximum"/> itself is excluded.</param>
/// <param name="MultipleOf">A number the value must be a multiple of.</param>
/// <param name="MinLength">The fewest characters of a string.</param>
/// <param name="MaxLength">The most characters of a string.</param>
/// <param name="Pattern">A regular expression a string must match.</param>
/// <param name="MinItems">The fewest items of an array.</param>
/// <param name="MaxItems">The most items of an array.</param>
/// <param name="UniqueItems">Whether an array's items must differ.</param>
/// <param name="Items">The constraints of an array's items.</param>
internal sealed record ConstraintsModel(
    string? Minimum,
    bool ExclusiveMinimum,
    string? Maximum,
    bool ExclusiveMaximum,
    string? MultipleOf,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    int? MinItems,
    int? MaxItems,
    bool UniqueItems,
    ConstraintsModel? Items);
