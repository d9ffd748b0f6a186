using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace UiPathClients.Generator.Fuzz;

/// <summary>
/// The fuzz suite's child process.
/// <c>run --stream local|corpus --seed S --first N --count K --repo R [--corpus C] [--failures F]</c> runs cases N..N+K-1
/// and writes, per case, a <c>START</c> line before it and a <c>DONE</c> line after it (tab-separated; see
/// <see cref="Protocol"/>), so the parent knows which case was running when this process died.
/// <c>dump … --case N --out F</c> writes case N's document to F.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        string Option(string name, string? fallback = null)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }

        var mode = args.FirstOrDefault() ?? "run";
        if (mode == "check")
        {
            // check <file>...: judges spec files as the suite judges a case (a fixer's reproducer, a dumped failure).
            foreach (var file in args.Skip(1))
            {
                var format = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? SpecFormat.OpenApiJson
                    : file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? SpecFormat.OpenApiYaml
                    : SpecFormat.Edmx;
                var outcome = CaseExecutor.Run(new FuzzCase(0, format, file, "check", File.ReadAllText(file)));
                Console.WriteLine($"{file}: {(outcome.IsFailure ? "FAIL " : string.Empty)}{outcome.Outcome} ({outcome.CpuMilliseconds} ms): {Protocol.Clean(outcome.Detail)}");
            }

            return 0;
        }

        var seed = int.Parse(Option("seed"), CultureInfo.InvariantCulture);
        var catalog = new CaseCatalog(seed, Option("stream"), Option("repo"), Option("corpus", string.Empty) is { Length: > 0 } corpus ? corpus : null);
        if (mode == "dump")
        {
            var fuzzCase = catalog.Build(int.Parse(Option("case"), CultureInfo.InvariantCulture));
            File.WriteAllText(Option("out"), fuzzCase.Text, new UTF8Encoding(false));
            Console.WriteLine(Protocol.Start(fuzzCase));
            return 0;
        }

        var first = int.Parse(Option("first"), CultureInfo.InvariantCulture);
        var count = int.Parse(Option("count"), CultureInfo.InvariantCulture);
        var failures = Option("failures", string.Empty);
        var stdout = Console.Out;
        for (var index = first; index < first + count; index++)
        {
            FuzzCase fuzzCase;
            try
            {
                fuzzCase = catalog.Build(index);
            }
            catch (Exception exception)
            {
                // A bug of the fuzzer, not of the generator: reported as its own class so it is seen and fixed.
                stdout.WriteLine(Protocol.Start(new FuzzCase(index, SpecFormat.OpenApiJson, "?", "case construction", string.Empty)));
                stdout.WriteLine(Protocol.Done(index, new CaseOutcome("fuzzer could not build the case", true, 0, 0, exception.GetType().Name + ": " + exception.Message)));
                stdout.Flush();
                continue;
            }

            stdout.WriteLine(Protocol.Start(fuzzCase));
            stdout.Flush();
            InjectedFault.Raise(index);
            var outcome = CaseExecutor.Run(fuzzCase);
            if (outcome.IsFailure && failures.Length > 0)
            {
                Directory.CreateDirectory(failures);
                File.WriteAllText(Path.Combine(failures, $"{Option("stream")}-{fuzzCase.FileName}"), fuzzCase.Text, new UTF8Encoding(false));
            }

            stdout.WriteLine(Protocol.Done(index, outcome));

            // A case that filled the heap (up to the limit the parent set) must not leave the next case short of it.
            if (GC.GetTotalMemory(forceFullCollection: false) > 256L * 1024 * 1024)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            stdout.Flush();
        }

        stdout.WriteLine("END");
        return 0;
    }
}

/// <summary>The child's stdout lines: one field per tab, tabs and line ends inside fields escaped.</summary>
internal static class Protocol
{
    public static string Start(FuzzCase fuzzCase) =>
        string.Join('\t', "START", fuzzCase.Index.ToString(CultureInfo.InvariantCulture), fuzzCase.Format.ToString(), Clean(fuzzCase.Origin), Clean(fuzzCase.Mutation));

    public static string Done(int index, CaseOutcome outcome) =>
        string.Join(
            '\t',
            "DONE",
            index.ToString(CultureInfo.InvariantCulture),
            Clean(outcome.Outcome),
            outcome.IsFailure ? "1" : "0",
            outcome.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture),
            outcome.AllocatedBytes.ToString(CultureInfo.InvariantCulture),
            Clean(outcome.Detail),
            Environment.WorkingSet.ToString(CultureInfo.InvariantCulture),
            outcome.CpuMilliseconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>Makes text one protocol field: control characters, line and paragraph separators and bidi controls become visible escapes.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 400));
        foreach (var character in text.Length > 400 ? text.Substring(0, 400) + "…" : text)
        {
            if (char.IsControl(character) || character is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || char.IsSurrogate(character))
            {
                builder.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}

/// <summary>
/// Deliberate faults for the harness's own test (<c>FUZZ_INJECT_FAULT=stack-overflow@3,hang@5</c>): the parent must
/// record such a case as a crash or a hang and carry on with the next one.
/// </summary>
internal static class InjectedFault
{
    public static void Raise(int index)
    {
        var spec = Environment.GetEnvironmentVariable("FUZZ_INJECT_FAULT");
        if (string.IsNullOrEmpty(spec))
        {
            return;
        }

        foreach (var fault in spec.Split(','))
        {
            var parts = fault.Split('@');
            if (parts.Length != 2 || int.Parse(parts[1], CultureInfo.InvariantCulture) != index)
            {
                continue;
            }

            switch (parts[0])
            {
                case "stack-overflow":
                    Recurse(0);
                    break;
                case "hang":
                    // Busy, as a generator stuck in a loop is: the parent judges processor time.
                    while (Environment.TickCount64 != 0)
                    {
                    }

                    break;
                case "exit":
                    Environment.Exit(3);
                    break;
            }
        }
    }

    private static int Recurse(int depth) => depth == int.MaxValue ? depth : Recurse(depth + 1) + 1;
}
