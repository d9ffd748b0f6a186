using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace UiPathClients.Emulator.Orchestrator.Triggers;

/// <summary>The call modes of an API trigger (see Orchestrator's "call modes" page); a set of them for the modes a trigger allows.</summary>
[Flags]
public enum TriggerCallModes
{
    /// <summary>No mode.</summary>
    None = 0,

    /// <summary>202 with a status URI in <c>Location</c>; the status URI answers 200 while the job runs, then 303 to the output URI.</summary>
    AsyncRequestReply = 1,

    /// <summary>200 once the job is created, with nothing more about it.</summary>
    FireAndForget = 2,

    /// <summary>The call is held until the job ends (its output or error) or a wait runs out (303 to the status URI, which holds again).</summary>
    LongPolling = 4,

    /// <summary>Every mode.</summary>
    All = AsyncRequestReply | FireAndForget | LongPolling,
}

/// <summary>
/// An API trigger: <c>{method} {orchestrator}/t/{slug}</c> starts a job of the release <see cref="ReleaseKey"/> with
/// the call's arguments (JSON body, or query string for GET and DELETE) as input arguments.
/// </summary>
public sealed class ApiTrigger
{
    /// <summary>Creates a trigger.</summary>
    /// <param name="slug">The invoke URL after <c>/t/</c>, e.g. <c>invoices/process</c>; segments may not start with <c>_</c>, which the emulator's status URIs use.</param>
    /// <param name="method">The HTTP method the trigger answers (GET, POST, PUT or DELETE).</param>
    /// <param name="releaseKey">The key of the release (process) whose job it starts.</param>
    /// <param name="defaultCallMode">The mode used when the call sends no <c>$callMode</c> argument: exactly one mode.</param>
    /// <param name="allowedCallModes">The modes a <c>$callMode</c> argument may ask for; <see cref="TriggerCallModes.All"/> by default.</param>
    public ApiTrigger(string slug, string method, string releaseKey, TriggerCallModes defaultCallMode = TriggerCallModes.AsyncRequestReply, TriggerCallModes allowedCallModes = TriggerCallModes.All)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(releaseKey);
        var trimmed = slug.Trim('/');
        if (trimmed.Split('/').Any(segment => segment.Length == 0 || segment.StartsWith('_')))
        {
            throw new ArgumentException($"The slug '{slug}' has an empty segment or one starting with '_' (reserved for the emulator's status and output URIs).", nameof(slug));
        }

        if (defaultCallMode is not (TriggerCallModes.AsyncRequestReply or TriggerCallModes.FireAndForget or TriggerCallModes.LongPolling))
        {
            throw new ArgumentException("The default call mode must be exactly one mode.", nameof(defaultCallMode));
        }

        if ((allowedCallModes & defaultCallMode) == 0)
        {
            throw new ArgumentException($"The default call mode {defaultCallMode} is not among the allowed ones ({allowedCallModes}).", nameof(allowedCallModes));
        }

        Slug = trimmed;
        Method = method.ToUpperInvariant();
        ReleaseKey = releaseKey;
        DefaultCallMode = defaultCallMode;
        AllowedCallModes = allowedCallModes;
    }

    /// <summary>The invoke URL after <c>/t/</c>, without leading or trailing slash.</summary>
    public string Slug { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The key of the release whose job the trigger starts.</summary>
    public string ReleaseKey { get; }

    /// <summary>The mode used when the call does not name one.</summary>
    public TriggerCallModes DefaultCallMode { get; }

    /// <summary>The modes the call may name with <c>$callMode</c>.</summary>
    public TriggerCallModes AllowedCallModes { get; }
}

/// <summary>The tenant's API triggers, by slug (case-insensitive), and the jobs they started.</summary>
public sealed class ApiTriggerTable
{
    private readonly ConcurrentDictionary<string, ApiTrigger> _bySlug = new(StringComparer.OrdinalIgnoreCase);

    internal ApiTriggerTable()
    {
    }

    /// <summary>The triggers, in no particular order.</summary>
    public IReadOnlyList<ApiTrigger> All => _bySlug.Values.ToArray();

    /// <summary>Jobs started through a trigger, by job key: what their status URI answers depends on the mode they were started in.</summary>
    internal ConcurrentDictionary<Guid, TriggeredJob> Started { get; } = new();

    /// <summary>Adds a trigger; its release is looked up when it is called (a missing one answers 404 then).</summary>
    /// <exception cref="ArgumentException">Another trigger has the slug.</exception>
    public ApiTrigger Add(ApiTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (!_bySlug.TryAdd(trigger.Slug, trigger))
        {
            throw new ArgumentException($"An API trigger with the slug '{trigger.Slug}' exists already.", nameof(trigger));
        }

        return trigger;
    }

    /// <summary>The trigger with the slug, if any.</summary>
    public ApiTrigger? Find(string slug) => _bySlug.TryGetValue(slug.Trim('/'), out var trigger) ? trigger : null;
}

/// <summary>A job an API trigger started, and the mode it was started in.</summary>
/// <param name="JobId">The job's id in the Jobs set.</param>
/// <param name="CallMode">The call mode (one mode).</param>
internal sealed record TriggeredJob(long JobId, TriggerCallModes CallMode);
