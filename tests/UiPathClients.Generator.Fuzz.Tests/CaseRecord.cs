using System.Linq;

namespace UiPathClients.Generator.Fuzz.Tests;

/// <summary>One case as the parent saw it: what the runner said before it (START) and after it (DONE), or how the child died.</summary>
internal sealed record CaseRecord(
    string Stream,
    int Index,
    string Format,
    string Origin,
    string Mutation,
    string Outcome,
    bool IsFailure,
    long ElapsedMilliseconds,
    long AllocatedBytes,
    long WorkingSetBytes,
    long CpuMilliseconds,
    string Detail)
{
    /// <summary>What made the case: the grammar rule, or the mutation kinds applied to a seed (slicing and output format left out).</summary>
    public string Construct
    {
        get
        {
            if (Origin == "grammar")
            {
                return "grammar " + Mutation.Split(':')[0];
            }

            var kinds = Mutation.Split("; ")
                .Where(part => !part.StartsWith("slice", System.StringComparison.Ordinal) && !part.StartsWith("written as", System.StringComparison.Ordinal))
                .Select(part => part.StartsWith("truncated", System.StringComparison.Ordinal) ? "truncated" : part.Split(':')[0])
                .Distinct();
            return "mutation " + string.Join("+", kinds);
        }
    }

    /// <summary>The failure class: what went wrong and what construct did it.</summary>
    public string FailureClass => $"{Outcome} ← {Construct}";
}
