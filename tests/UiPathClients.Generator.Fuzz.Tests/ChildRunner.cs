using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace UiPathClients.Generator.Fuzz.Tests;

/// <summary>
/// Runs a range of cases in child processes of the runner. A child that dies (stack overflow, out of memory) or stops
/// answering (a case over its time budget) takes only the case it was running: that case is recorded with the cause and
/// a fresh child continues with the next one.
/// </summary>
internal sealed class ChildRunner(FuzzSettings settings, string stream, string repositoryRoot, string? corpusDirectory, string failuresDirectory, string? injectedFaults = null)
{
    private static readonly string RunnerPath = typeof(ChildRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FuzzRunner").Value!;

    /// <summary>How much longer than the processor-time limit a case may take in wall time before it counts as stuck.</summary>
    private const int WallTimeFactor = 10;

    private static TimeSpan ProcessorTime(Process process)
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited between two lines: the closed stdout tells the rest. Which exception says so depends on how far the
            // exit got: InvalidOperationException once the Process object knows, Win32Exception while /proc/<pid> is
            // already gone (Linux, seen in CI on a child that overflowed its stack).
            return TimeSpan.Zero;
        }
    }

    public IReadOnlyList<CaseRecord> Run(int first, int count)
    {
        var records = new List<CaseRecord>();
        var next = first;
        var end = first + count;
        while (next < end)
        {
            next = RunChild(next, end - next, records);
        }

        return records;
    }

    /// <summary>Runs one child from <paramref name="first"/>; returns where the next child must start.</summary>
    private int RunChild(int first, int count, List<CaseRecord> records)
    {
        var lines = new BlockingCollection<string?>();
        var errors = new ConcurrentQueue<string>();
        using var process = new Process { StartInfo = StartInfo("run", ("first", first), ("count", count), ("failures", failuresDirectory)) };
        process.OutputDataReceived += (_, e) => lines.Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && errors.Count < 400)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string[]? started = null;
        var caseClock = Stopwatch.StartNew();
        var cpuAtStart = TimeSpan.Zero;
        while (true)
        {
            if (!lines.TryTake(out var line, TimeSpan.FromMilliseconds(250)))
            {
                // Judged on the child's processor time, which a busy machine does not stretch; the wall-time cap catches
                // a child that waits instead of working.
                var cpu = ProcessorTime(process) - cpuAtStart;
                if (started is not null && (cpu > settings.CaseTimeout || caseClock.Elapsed > settings.CaseTimeout * WallTimeFactor))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    var index = int.Parse(started[1], CultureInfo.InvariantCulture);
                    var reason = cpu > settings.CaseTimeout ? $"over {settings.CaseTimeout.TotalSeconds:0} s processor time" : $"no answer for {caseClock.Elapsed.TotalSeconds:0} s";
                    records.Add(Died(started, $"hang: killed after {settings.CaseTimeout.TotalSeconds:0} s processor time or {(settings.CaseTimeout * WallTimeFactor).TotalSeconds:0} s wall time", (long)caseClock.Elapsed.TotalMilliseconds, reason));
                    return index + 1;
                }

                continue;
            }

            if (line is null)
            {
                // stdout closed: the child ended. With END it finished its range; otherwise it died in the started case.
                process.WaitForExit();
                if (started is null)
                {
                    return first + count;
                }

                var index = int.Parse(started[1], CultureInfo.InvariantCulture);
                records.Add(Died(started, CrashClass(process.ExitCode, errors), (long)caseClock.Elapsed.TotalMilliseconds, CrashDetail(errors)));
                return index + 1;
            }

            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "START":
                    started = fields;
                    caseClock.Restart();
                    cpuAtStart = ProcessorTime(process);
                    break;
                case "DONE" when started is not null:
                    records.Add(new CaseRecord(
                        stream,
                        int.Parse(fields[1], CultureInfo.InvariantCulture),
                        started[2],
                        started[3],
                        started[4],
                        fields[2],
                        fields[3] == "1",
                        long.Parse(fields[4], CultureInfo.InvariantCulture),
                        long.Parse(fields[5], CultureInfo.InvariantCulture),
                        long.Parse(fields[7], CultureInfo.InvariantCulture),
                        long.Parse(fields[8], CultureInfo.InvariantCulture),
                        fields[6]));
                    started = null;
                    break;
                case "END":
                    process.WaitForExit();
                    return first + count;
            }
        }
    }

    private CaseRecord Died(string[] started, string outcome, long elapsed, string detail)
    {
        var index = int.Parse(started[1], CultureInfo.InvariantCulture);
        Dump(index);
        return new CaseRecord(stream, index, started[2], started[3], started[4], outcome, true, elapsed, 0, 0, 0, detail);
    }

    /// <summary>Writes the document of a case that killed its child, so it can be opened without rerunning the suite.</summary>
    private void Dump(int index)
    {
        Directory.CreateDirectory(failuresDirectory);
        using var process = Process.Start(StartInfo("dump", ("case", index), ("out", Path.Combine(failuresDirectory, $"{stream}-case-{index:D5}.txt"))))!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }

    private static string CrashClass(int exitCode, IEnumerable<string> errors)
    {
        var text = string.Join('\n', errors);
        if (text.Contains("Stack overflow", StringComparison.Ordinal))
        {
            return "crash: stack overflow";
        }

        if (text.Contains("OutOfMemory", StringComparison.Ordinal) || exitCode == 137)
        {
            return "crash: out of memory";
        }

        return $"crash: exit code {exitCode}";
    }

    /// <summary>For a stack overflow, the generator frame that repeats (the recursion to make iterative); otherwise the first lines of stderr.</summary>
    private static string CrashDetail(IEnumerable<string> errors)
    {
        var frames = errors.Select(line => line.Trim()).Where(line => line.StartsWith("at ", StringComparison.Ordinal)).ToList();
        var repeated = frames.Where(frame => frame.Contains("UiPathClients.Generator.", StringComparison.Ordinal) || frame.Contains("YamlDotNet", StringComparison.Ordinal) || frame.Contains("Microsoft.OpenApi", StringComparison.Ordinal))
            .GroupBy(frame => frame).OrderByDescending(group => group.Count()).Select(group => $"{group.Key} (×{group.Count()} in the first {frames.Count} frames)").FirstOrDefault();
        return repeated ?? string.Join(" | ", errors.Take(3));
    }

    private ProcessStartInfo StartInfo(string mode, params (string Name, object Value)[] options)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        info.ArgumentList.Add(RunnerPath);
        info.ArgumentList.Add(mode);
        foreach (var (name, value) in options.Concat(new (string, object)[] { ("stream", stream), ("seed", settings.Seed), ("repo", repositoryRoot), ("corpus", corpusDirectory ?? string.Empty) }))
        {
            info.ArgumentList.Add("--" + name);
            info.ArgumentList.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }

        // The memory budget: past it the child's GC throws OutOfMemoryException instead of taking the machine.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)settings.HeapLimitMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        info.Environment["FUZZ_INJECT_FAULT"] = injectedFaults ?? string.Empty;
        return info;
    }
}
