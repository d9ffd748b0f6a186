using System;

namespace UiPathClients.Emulator.Faults;

/// <summary>A path pattern where <c>*</c> stands for any run of characters (slashes included), compared ignoring case.</summary>
internal sealed class PathPattern(string pattern)
{
    private readonly string[] _parts = pattern.Split('*');

    /// <summary>Whether <paramref name="path"/> matches: the literal parts appear in order, the first at the start and the last at the end.</summary>
    public bool IsMatch(string path)
    {
        var first = _parts[0];
        if (!path.StartsWith(first, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_parts.Length == 1)
        {
            return path.Length == first.Length;
        }

        var last = _parts[^1];
        if (path.Length - first.Length < last.Length || !path.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The middle parts, leftmost first, between the first and the last: leftmost matching never misses a match.
        var position = first.Length;
        var end = path.Length - last.Length;
        for (var index = 1; index < _parts.Length - 1; index++)
        {
            var found = path.IndexOf(_parts[index], position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + _parts[index].Length;
        }

        return true;
    }
}
