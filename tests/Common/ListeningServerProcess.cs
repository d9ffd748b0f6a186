using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace UiPathClients.Tests.Common;

/// <summary>
/// A server the tests start as a child process, which says where it listens with one marker line (marker + base
/// address) on stdout or stderr. Its output is kept, so a server that exits or never listens fails with what it said.
/// </summary>
internal sealed class ListeningServerProcess : IDisposable
{
    private readonly Process _process;

    private ListeningServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the server said it listens.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts <paramref name="start"/> (its output redirected here) and waits up to <paramref name="timeout"/> for the
    /// line starting with <paramref name="listeningMarker"/>; <paramref name="name"/> names the server in failures.
    /// </summary>
    public static async Task<ListeningServerProcess> StartAsync(ProcessStartInfo start, string listeningMarker, string name, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var output = new StringBuilder();
        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith(listeningMarker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line.Substring(listeningMarker.Length).Trim()));
            }
        }

        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => OnLine(line.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The {name} exited:\n" + Output()));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return new ListeningServerProcess(process, await listening.Task.WaitAsync(wait.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw new TimeoutException($"The {name} did not start within {timeout.TotalSeconds:0} s:\n" + Output());
        }
        catch (InvalidOperationException)
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Whether the server is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Stops the server and its child processes.</summary>
    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
