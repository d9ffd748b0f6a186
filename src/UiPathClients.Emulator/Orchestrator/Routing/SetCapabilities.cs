using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Vocabularies;

namespace UiPathClients.Emulator.Orchestrator.Routing;

/// <summary>
/// What the description lets a client do with one entity set, read from its Capabilities vocabulary
/// annotations as the generator reads them: an absent annotation or property means allowed, and an
/// <c>UpdateRestrictions</c> without <c>UpdateMethod</c> allows both PUT and PATCH.
/// </summary>
/// <param name="Queryable">GET on the collection (<c>ReadRestrictions/Readable</c>).</param>
/// <param name="ReadableByKey">GET on one entity (<c>ReadByKeyRestrictions/Readable</c>).</param>
/// <param name="IndexableByKey">The set has <c>Set(key)</c> paths at all.</param>
/// <param name="Insertable">POST on the collection.</param>
/// <param name="Replaceable">PUT on one entity.</param>
/// <param name="Patchable">PATCH on one entity.</param>
/// <param name="Deletable">DELETE on one entity.</param>
internal sealed record SetCapabilities(
    bool Queryable,
    bool ReadableByKey,
    bool IndexableByKey,
    bool Insertable,
    bool Replaceable,
    bool Patchable,
    bool Deletable)
{
    private const string Vocabulary = "Org.OData.Capabilities.V1.";

    /// <summary>The methods the description has on the collection (<c>Set</c>, or <c>Set/$count</c> when <paramref name="count"/>).</summary>
    public IReadOnlyList<string> CollectionMethods(bool count)
    {
        var methods = new List<string>(2);
        if (Queryable)
        {
            methods.Add("GET");
        }

        if (Insertable && !count)
        {
            methods.Add("POST");
        }

        return methods;
    }

    /// <summary>The methods the description has on one entity (<c>Set(key)</c>).</summary>
    public IReadOnlyList<string> EntityMethods()
    {
        var methods = new List<string>(4);
        if (!IndexableByKey)
        {
            return methods;
        }

        if (ReadableByKey)
        {
            methods.Add("GET");
        }

        if (Replaceable)
        {
            methods.Add("PUT");
        }

        if (Patchable)
        {
            methods.Add("PATCH");
        }

        if (Deletable)
        {
            methods.Add("DELETE");
        }

        return methods;
    }

    /// <summary>Reads the restrictions of <paramref name="set"/> from <paramref name="model"/>.</summary>
    public static SetCapabilities Of(IEdmModel model, IEdmEntitySet set)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        var annotations = model.FindVocabularyAnnotations(set).ToList();
        IEdmExpression? Term(string name) =>
            annotations.FirstOrDefault(annotation => annotation.Term.FullName() == Vocabulary + name)?.Value;

        var read = Term("ReadRestrictions") as IEdmRecordExpression;
        var update = Term("UpdateRestrictions") as IEdmRecordExpression;
        var updatable = Bool(update, "Updatable") ?? true;
        var updateMethods = EnumMembers(Property(update, "UpdateMethod"));
        var queryable = Bool(read, "Readable") ?? true;
        return new SetCapabilities(
            Queryable: queryable,
            ReadableByKey: Bool(Property(read, "ReadByKeyRestrictions") as IEdmRecordExpression, "Readable") ?? queryable,
            IndexableByKey: Term("IndexableByKey") is not IEdmBooleanConstantExpression { Value: false },
            Insertable: Bool(Term("InsertRestrictions") as IEdmRecordExpression, "Insertable") ?? true,
            Replaceable: updatable && (updateMethods is null || updateMethods.Contains("PUT")),
            Patchable: updatable && (updateMethods is null || updateMethods.Contains("PATCH")),
            Deletable: Bool(Term("DeleteRestrictions") as IEdmRecordExpression, "Deletable") ?? true);
    }

    private static IEdmExpression? Property(IEdmRecordExpression? record, string name) =>
        record?.Properties.FirstOrDefault(property => property.Name == name)?.Value;

    private static bool? Bool(IEdmRecordExpression? record, string name) =>
        Property(record, name) is IEdmBooleanConstantExpression constant ? constant.Value : null;

    private static HashSet<string>? EnumMembers(IEdmExpression? expression) => expression switch
    {
        IEdmEnumMemberExpression members => new HashSet<string>(members.EnumMembers.Select(member => member.Name), StringComparer.Ordinal),
        null => null,
        _ => throw new InvalidOperationException($"UpdateMethod is a {expression.ExpressionKind}, not an enum member."),
    };
}
