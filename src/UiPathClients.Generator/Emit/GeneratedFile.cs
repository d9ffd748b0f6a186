namespace UiPathClients.Generator.Emit;

/// <summary>One emitted source file: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>Facts about the consuming compilation that change what is emitted, reduced to plain values.</summary>
/// <param name="HasDateOnly">Whether <c>System.DateOnly</c>/<c>System.TimeOnly</c> exist (.NET 6+); otherwise Edm.Date maps to DateTime and Edm.TimeOfDay to TimeSpan.</param>
/// <param name="HasRequiredMembers">Whether the consumer's C# (11+) and framework (<c>RequiredMemberAttribute</c>) allow <c>required</c> members.</param>
internal sealed record EmitEnvironment(bool HasDateOnly, bool HasRequiredMembers = false);
