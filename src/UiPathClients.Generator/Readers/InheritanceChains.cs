using System;
using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Readers;

/// <summary>Why a type's base type was dropped.</summary>
internal enum BrokenInheritance
{
    /// <summary>The type derives from itself through its base types (UIPC0009).</summary>
    Cycle,

    /// <summary>The type would have more than <see cref="SpecLimits.MaxInheritanceDepth"/> base types above it (UIPC0016).</summary>
    TooDeep,
}

/// <summary>
/// Makes every chain of base types in a model end, and end soon: a type that derives from itself loses its base type, and
/// so does a type with more than <see cref="SpecLimits.MaxInheritanceDepth"/> base types above it. Every later walk up a
/// hierarchy (naming, emit, the compiler's own) relies on this; both readers call it on the types they read.
/// </summary>
/// <remarks>Iterative and linear: each type's depth is computed once, by walking up only to the first type already known.</remarks>
internal static class InheritanceChains
{
    /// <param name="types">The model's types; those whose base type is dropped are replaced in place.</param>
    /// <param name="report">Told the index of each type whose base type is dropped, and why.</param>
    public static void Bound(List<TypeModel> types, Action<int, BrokenInheritance> report)
    {
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            if (!indexByName.ContainsKey(types[i].QualifiedName))
            {
                indexByName.Add(types[i].QualifiedName, i);
            }
        }

        // The number of base types above each type, once known; -1 while not.
        var depths = new int[types.Count];
        for (var i = 0; i < depths.Length; i++)
        {
            depths[i] = -1;
        }

        var onPath = new bool[types.Count];
        var path = new List<int>();
        for (var i = 0; i < types.Count; i++)
        {
            while (depths[i] < 0)
            {
                // Up from i to a root or a type of known depth; on meeting a type of this very walk, the chain is a cycle.
                path.Clear();
                var current = i;
                var closedCycle = false;
                while (depths[current] < 0)
                {
                    if (onPath[current])
                    {
                        // The type where the walk came round derives from itself: its base type goes, and the walk starts over.
                        types[current] = types[current] with { BaseType = null };
                        depths[current] = 0;
                        report(current, BrokenInheritance.Cycle);
                        closedCycle = true;
                        break;
                    }

                    onPath[current] = true;
                    path.Add(current);
                    if (BaseIndex(types[current], indexByName) is not { } baseIndex)
                    {
                        break;
                    }

                    current = baseIndex;
                }

                foreach (var index in path)
                {
                    onPath[index] = false;
                }

                if (closedCycle)
                {
                    continue;
                }

                // Down again from the top of the walk, each type one deeper than its base.
                for (var k = path.Count - 1; k >= 0; k--)
                {
                    var index = path[k];
                    var depth = BaseIndex(types[index], indexByName) is { } baseIndex ? depths[baseIndex] + 1 : 0;
                    if (depth > SpecLimits.MaxInheritanceDepth)
                    {
                        types[index] = types[index] with { BaseType = null };
                        report(index, BrokenInheritance.TooDeep);
                        depth = 0;
                    }

                    depths[index] = depth;
                }
            }
        }
    }

    private static int? BaseIndex(TypeModel type, Dictionary<string, int> indexByName) =>
        type.Kind is TypeKind.Entity or TypeKind.Complex && type.BaseType is not null && indexByName.TryGetValue(type.BaseType, out var index) ? index : null;
}
