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
/// allocates nothing until the first property is set. While the object is being read from a response the names read
/// are only listed, in one array sized for the type, and put in the lookup the first time anything asks about them:
/// most objects read are never asked (they are never sent back), and hashing every name of every object of a
/// 1,000-item page costs more than reading it.
/// </remarks>
public sealed class ODataPropertyTracker
{
    private const byte Assigned = 1;
    private const byte Read = 2;

    private Dictionary<string, byte>? _states;

    // Names read since the last lookup, not yet in _states; see the remarks.
    private string[]? _readNames;
    private int _readCount;

    // Set between BeginRead and EndRead: the serializer assigns through the same setters the caller uses, and what it
    // assigns is read, not set (MarkRead records it).
    private bool _reading;

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

        States()?.Remove(jsonName);
    }

    /// <summary>Notes that the caller assigned the property; generated setters call it.</summary>
    /// <param name="jsonName">The property's name in JSON.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MarkSet(string jsonName)
    {
        if (_reading)
        {
            return;
        }

        var states = States() ?? (_states = new Dictionary<string, byte>(StringComparer.Ordinal));
        states[jsonName] = states.TryGetValue(jsonName, out var current) ? (byte)(current | Assigned) : Assigned;
    }

    /// <summary>
    /// The object is about to be read from a response with up to <paramref name="properties"/> properties; until
    /// <see cref="EndRead"/>, <see cref="MarkSet"/> records nothing.
    /// </summary>
    internal void BeginRead(int properties)
    {
        _reading = true;
        if (_readNames is null && _states is null && properties > 0)
        {
            _readNames = new string[properties];
        }
    }

    /// <summary>The object has been read.</summary>
    internal void EndRead() => _reading = false;

    /// <summary>Notes that the property was read from the service rather than set by the caller.</summary>
    internal void MarkRead(string jsonName)
    {
        if (_states is null)
        {
            if (_readNames is null || _readCount == _readNames.Length)
            {
                Array.Resize(ref _readNames, Math.Max(4, _readCount * 2));
            }

            _readNames[_readCount++] = jsonName;
        }
        else
        {
            _states[jsonName] = Read;
        }
    }

    /// <summary>The lookup, with the names listed while reading moved into it; <see langword="null"/> while nothing is tracked.</summary>
    private Dictionary<string, byte>? States()
    {
        if (_readNames is not null)
        {
            var states = _states ??= new Dictionary<string, byte>(_readCount, StringComparer.Ordinal);
            for (var i = 0; i < _readCount; i++)
            {
                states[_readNames[i]] = Read;
            }

            _readNames = null;
            _readCount = 0;
        }

        return _states;
    }

    /// <summary>
    /// Whether a request body carries the property: set by the caller, or read and not <paramref name="computed"/>, or
    /// neither but a collection the caller filled. One lookup where <see cref="IsSet"/> then <see cref="WasRead"/> take two.
    /// </summary>
    internal bool ShouldWrite(string jsonName, bool computed, object? value)
    {
        var state = States() is { } states && states.TryGetValue(jsonName, out var current) ? current : (byte)0;
        return (state & Assigned) != 0
            || ((state & Read) != 0 ? !computed : value is System.Collections.ICollection { Count: > 0 });
    }

    private bool Has(string jsonName, byte state) =>
        States() is { } states && states.TryGetValue(jsonName ?? throw new ArgumentNullException(nameof(jsonName)), out var current) && (current & state) != 0;
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
