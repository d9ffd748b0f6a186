using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Emulator.Faults;

namespace UiPathClients.Emulator;

/// <summary>
/// The faults an emulator injects now (<see cref="OrchestratorEmulator.Faults"/>): those of
/// <see cref="OrchestratorEmulatorOptions.Faults"/> and those added since, in code or through the control endpoint
/// <c>/_emulator/faults</c>. Every fault counts the requests it matches; of the faults due on a request, the one added
/// first is injected.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private int _nextId = 1;

    internal EmulatorFaults(IEnumerable<EmulatorFault> initial)
    {
        foreach (var fault in initial)
        {
            Add(fault);
        }
    }

    /// <summary>The faults with their counts, in the order they were added.</summary>
    public IReadOnlyList<EmulatorFaultStatus> Current
    {
        get
        {
            lock (_gate)
            {
                return _entries.Select(entry => entry.Status).ToArray();
            }
        }
    }

    /// <summary>Adds a fault; it applies from the next request on.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>Its id, for <see cref="Remove"/> and the control endpoint.</returns>
    /// <exception cref="ArgumentException">The fault cannot be injected as described (no effect, a status outside 400–599 …).</exception>
    public int Add(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        fault.Validate();
        lock (_gate)
        {
            var id = _nextId++;
            _entries.Add(new Entry(id, fault));
            return id;
        }
    }

    /// <summary>Removes the fault with <paramref name="id"/>; false when there is none.</summary>
    /// <param name="id">What <see cref="Add"/> returned.</param>
    public bool Remove(int id)
    {
        lock (_gate)
        {
            return _entries.RemoveAll(entry => entry.Id == id) > 0;
        }
    }

    /// <summary>Removes every fault: from now on each request is served normally.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>
    /// Counts the request against every fault it matches and returns the first that is due on it, or null.
    /// Counting and choosing happen under one lock, so concurrent requests never share one call number.
    /// </summary>
    internal EmulatorFaultStatus? Take(string method, string path)
    {
        lock (_gate)
        {
            Entry? chosen = null;
            foreach (var entry in _entries)
            {
                if (!entry.Matches(method, path))
                {
                    continue;
                }

                entry.Matched++;
                if (chosen is null && entry.IsDue)
                {
                    entry.Injected++;
                    chosen = entry;
                }
            }

            return chosen?.Status;
        }
    }

    private sealed class Entry(int id, EmulatorFault fault)
    {
        private readonly PathPattern _pattern = new(fault.Path);

        public int Id { get; } = id;

        public int Matched { get; set; }

        public int Injected { get; set; }

        /// <summary>Whether the call just counted is one the fault takes: past <see cref="EmulatorFault.Skip"/>, within <see cref="EmulatorFault.Times"/>.</summary>
        public bool IsDue => Matched > fault.Skip && (fault.Times is not { } times || Matched <= fault.Skip + times);

        public EmulatorFaultStatus Status => new(Id, fault, Matched, Injected);

        public bool Matches(string method, string path) =>
            (fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase)) && _pattern.IsMatch(path);
    }
}

/// <summary>A fault and what it has done so far.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Fault">The fault.</param>
/// <param name="MatchedCalls">The requests that matched it, faulted or not.</param>
/// <param name="InjectedCount">The requests it faulted.</param>
public sealed record EmulatorFaultStatus(int Id, EmulatorFault Fault, int MatchedCalls, int InjectedCount);
