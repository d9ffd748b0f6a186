namespace UiPathClients.Generator.Emit;

/// <summary>One emitted source file: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>Facts about the consuming compilation that change what is emitted, reduced to plain values.</summary>
/// <param name="HasDateOnly">Whether <c>System.DateOnly</c>/<c>System.TimeOnly</c> exist (.NET 6+); otherwise Edm.Date maps to DateTime and Edm.TimeOfDay to TimeSpan.</param>
/// <param name="HasRequiredMembers">Whether the consumer's C# (11+) and framework (<c>RequiredMemberAttribute</c>) allow <c>required</c> members.</param>
/// <param name="TooOldLanguageVersion">
/// The consumer's C# version when it is older than <see cref="MinimumLanguageVersion"/> (as the compiler displays it, e.g. <c>7.3</c>), else null:
/// then nothing is emitted and UIPC0013 says which LangVersion to set, instead of thousands of compiler errors in generated code.
/// </param>
internal sealed record EmitEnvironment(bool HasDateOnly, bool HasRequiredMembers = false, string? TooOldLanguageVersion = null)
{
    /// <summary>
    /// The oldest C# generated code compiles under: it uses nullable annotations (C# 8), static lambdas and
    /// <c>is not</c> patterns (C# 9). netstandard2.0 and .NET Framework projects default to C# 7.3.
    /// </summary>
    public const string MinimumLanguageVersion = "9.0";
}
