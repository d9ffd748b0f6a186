using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace UiPathClients.Runtime.Metadata;

/// <summary>
/// Which properties of one generated OData object hold a value meant for the service: those the caller
/// assigned (to <see langword="null"/> too) and those read from the service. A request body carries exactly
/// these, so a default the caller never chose (<c>"Id":0</c>, an empty key <see cref="Guid"/>, an untouched
/// empty list) is never sent, and a property set to <see langword="null"/> is sent as <c>null</c> and clears it.
/// </summary>
/// <remarks>
/// Keyed by the property's JSON name (the service's spelling). One tracker per object, created with it; it
/// allocates nothing until the first property is set.
/// </remarks>
public sealed class ODataPropertyTracker
{
    private const byte Assigned = 1;
    private const byte Read = 2;

    private Dictionary<string, byte>? _states;

    /// <summary>Whether the caller assigned the property (after the object was created or read), even to <see langword="null"/>.</summary>
    /// <param name="jsonName">The property's name in JSON.</param>
    public bool IsSet(string jsonName) => Has(jsonName, Assigned);

    /// <summary>Whether the property's value came from the service (the object was read from a response).</summary>
    /// <param name="jsonName">The property's name in JSON.</param>
    public bool WasRead(string jsonName) => Has(jsonName, Read);

    /// <summary>
    /// Leaves the property out of the next request body, as if neither set nor read (e.g. a read object sent back
    /// with PUT, minus a property the caller wants the service to keep). Assigning it again brings it back.
    /// </summary>
    /// <param name="jsonName">The property's name in JSON.</param>
    public void Forget(string jsonName)
    {
        if (jsonName is null)
        {
            throw new ArgumentNullException(nameof(jsonName));
        }

        _states?.Remove(jsonName);
    }

    /// <summary>Notes that the caller assigned the property; generated setters call it.</summary>
    /// <param name="jsonName">The property's name in JSON.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MarkSet(string jsonName) => Add(jsonName, Assigned);

    /// <summary>Notes that the property was read from the service rather than set by the caller.</summary>
    internal void MarkRead(string jsonName)
    {
        _states ??= new Dictionary<string, byte>(StringComparer.Ordinal);
        _states[jsonName] = Read;
    }

    private void Add(string jsonName, byte state)
    {
        _states ??= new Dictionary<string, byte>(StringComparer.Ordinal);
        _states[jsonName] = _states.TryGetValue(jsonName, out var current) ? (byte)(current | state) : state;
    }

    private bool Has(string jsonName, byte state) =>
        _states is not null && _states.TryGetValue(jsonName ?? throw new ArgumentNullException(nameof(jsonName)), out var current) && (current & state) != 0;
}

/// <summary>
/// A generated OData entity or complex type that knows which of its properties the caller set, so request
/// bodies carry exactly those (see <see cref="ODataPropertyTracker"/>).
/// </summary>
public interface IODataTrackedObject : IODataObject
{
    /// <summary>Which properties were set by the caller or read from the service.</summary>
    ODataPropertyTracker PropertyTracker { get; }
}

/// <summary>What a property is to the service, for deciding whether a value read from it is sent back.</summary>
[Flags]
public enum ODataPropertyRole
{
    /// <summary>An ordinary property: a value read from the service is sent back (PUT of a read object).</summary>
    None = 0,

    /// <summary>
    /// The service computes the value (<c>Core.Computed</c>): sent only when the caller assigned it, never because it was read.
    /// </summary>
    Computed = 1,
}
