using System;
using System.Collections.Generic;

namespace UiPathClients.Generator.Plan;

/// <summary>"Did you mean": the candidate closest to a mistyped name, by edit distance ignoring case.</summary>
internal static class NameDistance
{
    /// <summary>
    /// The candidate with the fewest single-character edits from <paramref name="name"/>, ignoring case, the first in
    /// ordinal order on a tie; <see langword="null"/> when even the closest shares too little with it to be a typo
    /// (more edits than a third of the longer name, at least 2).
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, Math.Max(name.Length, best.Length) / 3) ? best : null;
    }

    /// <summary>Levenshtein distance, two rows at a time.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
