using System;
using System.Collections.Generic;
using System.Linq;

namespace UiPathClients.Emulator.Orchestrator.Data;

/// <summary>
/// One in-memory entity set: rows in insertion order, indexed by key, each remembering the folder it lives
/// in (Orchestrator scopes most sets by folder; some DTOs, such as assets, do not carry the folder id).
/// </summary>
/// <remarks>
/// Thread-safe: every read returns a snapshot list, so a query enumerates a stable set of rows while
/// other requests add or remove. Entities are the generated DTO classes and are mutated only under the
/// table's lock (the job clock, PUT/PATCH).
/// </remarks>
/// <typeparam name="TEntity">The generated entity class.</typeparam>
/// <typeparam name="TKey">The key type (<see cref="long"/> for most Orchestrator sets).</typeparam>
public sealed class EntityTable<TEntity, TKey>
    where TEntity : class
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly List<Row> _rows = new();
    private readonly Dictionary<TKey, Row> _byKey = new();
    private readonly Func<TEntity, TKey> _keyOf;
    private readonly Action<TEntity, TKey> _setKey;
    private readonly Func<TEntity, long, TKey>? _assignKey;
    private long _lastId;

    internal EntityTable(string name, bool folderScoped, Func<TEntity, TKey> keyOf, Action<TEntity, TKey> setKey, Func<TEntity, long, TKey>? assignKey)
    {
        Name = name;
        IsFolderScoped = folderScoped;
        _keyOf = keyOf;
        _setKey = setKey;
        _assignKey = assignKey;
    }

    /// <summary>The entity set name (<c>Jobs</c>, <c>Releases</c> …).</summary>
    public string Name { get; }

    /// <summary>Whether requests must name a folder (Orchestrator error 1101 otherwise) and see only its rows.</summary>
    public bool IsFolderScoped { get; }

    /// <summary>The number of rows in all folders.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="entity"/> to <paramref name="folderId"/> (ignored for sets that are not folder
    /// scoped); a set with numeric keys assigns the next id.
    /// </summary>
    /// <returns>The stored entity (with its key).</returns>
    /// <exception cref="InvalidOperationException">A row with the same key exists.</exception>
    public TEntity Add(TEntity entity, long? folderId = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            var key = _assignKey is null ? _keyOf(entity) : _assignKey(entity, _lastId + 1);
            var id = key switch { long value => value, int value => value, _ => 0L };
            if (id > _lastId)
            {
                _lastId = id;
            }

            var row = new Row(entity, IsFolderScoped ? folderId : null);
            if (!_byKey.TryAdd(key, row))
            {
                throw new InvalidOperationException($"{Name} already holds an entity with key {key}.");
            }

            _rows.Add(row);
            return entity;
        }
    }

    /// <summary>The rows of <paramref name="folderId"/> (all rows when the set is not folder scoped or the id is null).</summary>
    public IReadOnlyList<TEntity> InFolder(long? folderId)
    {
        lock (_gate)
        {
            return _rows.Where(row => Visible(row, folderId)).Select(row => row.Entity).ToList();
        }
    }

    /// <summary>The entity with <paramref name="key"/> if it is visible in <paramref name="folderId"/>.</summary>
    public TEntity? Find(TKey key, long? folderId)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var row) && Visible(row, folderId) ? row.Entity : null;
        }
    }

    /// <summary>The folder a stored entity lives in.</summary>
    public long? FolderOf(TKey key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var row) ? row.FolderId : null;
        }
    }

    /// <summary>Replaces the entity with <paramref name="key"/>, keeping its folder; false when none is visible.</summary>
    public bool Replace(TKey key, long? folderId, TEntity replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var row) || !Visible(row, folderId))
            {
                return false;
            }

            var updated = new Row(replacement, row.FolderId);
            _rows[_rows.IndexOf(row)] = updated;
            _byKey[key] = updated;
            return true;
        }
    }

    /// <summary>Runs <paramref name="change"/> on the entity with <paramref name="key"/> under the table's lock.</summary>
    /// <returns>The changed entity, or null when none is visible.</returns>
    public TEntity? Update(TKey key, long? folderId, Action<TEntity> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var row) || !Visible(row, folderId))
            {
                return null;
            }

            change(row.Entity);
            return row.Entity;
        }
    }

    /// <summary>Runs <paramref name="change"/> on every row under the table's lock (the job clock).</summary>
    public void UpdateAll(Action<TEntity> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            foreach (var row in _rows)
            {
                change(row.Entity);
            }
        }
    }

    /// <summary>Removes the entity with <paramref name="key"/>; false when none is visible.</summary>
    public bool Remove(TKey key, long? folderId)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var row) || !Visible(row, folderId))
            {
                return false;
            }

            _byKey.Remove(key);
            _rows.Remove(row);
            return true;
        }
    }

    /// <summary>The key of <paramref name="entity"/>.</summary>
    public TKey KeyOf(TEntity entity) => _keyOf(entity);

    /// <summary>Writes <paramref name="key"/> into <paramref name="entity"/> (a PUT body may omit it).</summary>
    public void SetKey(TEntity entity, TKey key) => _setKey(entity, key);

    private bool Visible(Row row, long? folderId) => !IsFolderScoped || folderId is null || row.FolderId == folderId;

    private sealed record Row(TEntity Entity, long? FolderId);
}
