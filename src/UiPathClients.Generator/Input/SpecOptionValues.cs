using System;

namespace UiPathClients.Generator.Input;

/// <summary>
/// The values of per-file options (<c>AdditionalFiles</c> item metadata) as the readers use them. A reader reports a
/// value it cannot use (UIPC0004, at the start of the spec) and goes on with the default.
/// </summary>
internal static class SpecOptionValues
{
    /// <summary>The OData service root relative to the base address: relative, ending in '/', or empty ("odata" and "/odata/" both become "odata/").</summary>
    public static string ServicePath(string? value)
    {
        var trimmed = (value ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : trimmed + "/";
    }

    /// <summary>
    /// The choice <paramref name="value"/> names, case-insensitively; <paramref name="defaultValue"/> when it is unset
    /// or blank. <see langword="false"/> when it names none of <paramref name="choices"/> (then <paramref name="chosen"/>
    /// is the default).
    /// </summary>
    public static bool TryChoose<T>(string? value, T defaultValue, out T chosen, params (string Name, T Value)[] choices)
    {
        chosen = defaultValue;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        foreach (var (name, choice) in choices)
        {
            if (string.Equals(value!.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                chosen = choice;
                return true;
            }
        }

        return false;
    }
}
