using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// The properties a <c>PATCH</c> changes, named through the entity's typed surface (so a property the
/// model lacks cannot compile) and typed by it: <c>d.Set(w =&gt; w.Enabled, false)</c>. Only these are sent;
/// setting <see langword="null"/> sends <c>null</c>.
/// </summary>
/// <typeparam name="TSurface">The entity type's filter surface.</typeparam>
public sealed class ODataDelta<TSurface>
    where TSurface : FilterSurface
{
    private readonly TSurface _surface;
    private readonly ODataConnection _connection;
    private readonly List<KeyValuePair<string, Action<Utf8JsonWriter>>> _changes = new();

    internal ODataDelta(TSurface surface, ODataConnection connection)
    {
        _surface = surface;
        _connection = connection;
    }

    /// <summary>Sets a string property.</summary>
    public ODataDelta<TSurface> Set(Func<TSurface, StringOperand> property, string? value) =>
        Add(Name(property), writer => writer.WriteStringValue(value));

    /// <summary>Sets a number, date, Boolean, GUID or enum property.</summary>
    public ODataDelta<TSurface> Set<T>(Func<TSurface, ComparableOperand<T>> property, T? value)
        where T : struct =>
        Add(Name(property), writer => JsonSerializer.Serialize(writer, value, _connection.TypeInfo<T?>()));

    /// <summary>Sets a complex or collection property to a whole new value.</summary>
    public ODataDelta<TSurface> SetValue<TValue>(Func<TSurface, IPropertyPath> property, TValue value) =>
        Add(Name(property), writer => JsonSerializer.Serialize(writer, value, _connection.TypeInfo<TValue>()));

    /// <summary>The names of the changed properties, in the order they were set.</summary>
    public IReadOnlyList<string> ChangedProperties => _changes.ConvertAll(change => change.Key);

    internal byte[] ToJson()
    {
        if (_changes.Count == 0)
        {
            throw new InvalidOperationException("The patch changes nothing; set at least one property.");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var change in _changes)
            {
                writer.WritePropertyName(change.Key);
                change.Value(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private string Name<TPath>(Func<TSurface, TPath> property)
        where TPath : IPropertyPath
    {
        var path = (property ?? throw new ArgumentNullException(nameof(property)))(_surface).Path;
        return path.Length == 0 || path.IndexOf('/') >= 0 || path.IndexOf('(') >= 0
            ? throw new ArgumentException($"'{path}' is not a property of the entity itself; a patch sets the entity's own properties.", nameof(property))
            : path;
    }

    private ODataDelta<TSurface> Add(string name, Action<Utf8JsonWriter> write)
    {
        _changes.RemoveAll(change => change.Key == name);
        _changes.Add(new KeyValuePair<string, Action<Utf8JsonWriter>>(name, write));
        return this;
    }
}
