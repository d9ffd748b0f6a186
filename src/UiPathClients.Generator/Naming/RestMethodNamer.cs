using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Plan;

namespace UiPathClients.Generator.Naming;

/// <summary>
/// Names a REST group's methods in its class's scope: per operation a base name without the group's noun
/// (<c>Jobs_GetById</c> in <c>Jobs</c> → <c>GetById</c>), then the builder, body, whole-answer and pager methods its
/// answer and paging kinds call for, then each stream loop's <c>ProcessAsync</c>.
/// </summary>
internal static class RestMethodNamer
{
    /// <summary>The method names of one group whose class is <paramref name="className"/>.</summary>
    public static RestGroupNames Name(RestGroupPlan group, string className)
    {
        var scope = new NameScope(new[] { "Connection", className }.Concat(ReservedNames.ObjectMembers), StringComparer.Ordinal);
        var baseNames = OperationBaseNames(group.Key, group.Operations);
        var methods = new List<RestMethodNames>();
        for (var index = 0; index < group.Operations.Count; index++)
        {
            var operation = group.Operations[index];
            var baseName = baseNames[index];
            var build = scope.Claim("Create" + baseName + "Request");
            string? value = null;
            string withResponse;
            if (operation.Answer == RestAnswerKind.Stream)
            {
                withResponse = scope.Claim(baseName + "Async");
            }
            else
            {
                value = scope.Claim(baseName + "Async");
                withResponse = scope.Claim(baseName + "WithResponseAsync");
            }

            var all = operation.Paging == RestPagingKind.None ? null : scope.Claim(baseName + "AllAsync");
            var nextPageRequest = operation.Paging == RestPagingKind.NextLink && operation.Operation.Paging is { NextOperationName: null, NextLinkName: not null }
                ? scope.Claim("Create" + baseName + "NextPageRequest")
                : null;
            methods.Add(new RestMethodNames(build, value, withResponse, all, nextPageRequest));
        }

        var loops = group.StreamLoops.Select(_ => scope.Claim("ProcessAsync")).ToEquatableArray();
        return new RestGroupNames(methods.ToEquatableArray(), loops);
    }

    /// <summary>Words after which the group's noun is part of the meaning (<c>GetThreadsBySource</c>), so it stays.</summary>
    private static readonly string[] Prepositions = { "By", "From", "In", "Of", "For", "To", "With", "On", "At", "Into", "Per" };

    /// <summary>
    /// Method names without the group: <c>Jobs_GetById</c> in <c>Jobs</c> → <c>GetById</c>, <c>getDataset</c> in
    /// <c>Datasets</c> → <c>Get</c>. A name that would then clash with another operation's keeps its full form.
    /// </summary>
    private static List<string> OperationBaseNames(string group, EquatableArray<RestOperationPlan> operations)
    {
        var candidates = operations.Select(operation =>
        {
            var full = CSharpIdentifier.ToPascalCase(operation.Operation.Name);
            return (Operation: operation, Full: full, Short: WithoutGroupNoun(WithoutGroupPrefix(full, group), group));
        }).ToList();
        var shortCounts = candidates.GroupBy(candidate => candidate.Short, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // operationIds that are one name after PascalCase (get_item, getItem, GetItem) are numbered on the base name, so each
        // operation's methods share one number: GetItem2Async, GetItem2WithResponseAsync, CreateGetItem2Request.
        var unique = new NameScope();
        return candidates.Select(candidate => unique.Claim(shortCounts[candidate.Short] == 1 ? candidate.Short : candidate.Full)).ToList();
    }

    private static string WithoutGroupPrefix(string name, string group) =>
        name.Length > group.Length && name.StartsWith(group, StringComparison.OrdinalIgnoreCase) && char.IsUpper(name[group.Length])
            ? name.Substring(group.Length)
            : name;

    private static string WithoutGroupNoun(string name, string group)
    {
        var nouns = new List<string> { group };
        if (group.EndsWith("ies", StringComparison.Ordinal) && group.Length > 3)
        {
            nouns.Add(group.Substring(0, group.Length - 3) + "y");
        }
        else if (group.EndsWith("s", StringComparison.Ordinal) && group.Length > 1)
        {
            nouns.Add(group.Substring(0, group.Length - 1));
        }

        foreach (var noun in nouns)
        {
            for (var index = name.IndexOf(noun, 1, StringComparison.Ordinal); index > 0; index = name.IndexOf(noun, index + 1, StringComparison.Ordinal))
            {
                var end = index + noun.Length;
                var atWordEnd = end == name.Length || char.IsUpper(name[end]) || char.IsDigit(name[end]);
                var before = name.Substring(0, index);
                if (atWordEnd && char.IsLower(before[before.Length - 1]) && !Prepositions.Any(word => before.EndsWith(word, StringComparison.Ordinal)))
                {
                    return before + name.Substring(end);
                }
            }
        }

        return name;
    }
}
