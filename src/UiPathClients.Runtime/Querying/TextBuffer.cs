using System;
using System.Buffers;

namespace UiPathClients.Runtime.Querying;

/// <summary>
/// A growable character buffer on the stack or on pooled arrays, for writing a query (filter nodes, literals,
/// percent-encoding) once into the final string instead of concatenating a string per node.
/// <see cref="Dispose"/> returns the pooled array; the buffer is a <see langword="ref"/> struct, so pass it by <see langword="ref"/>.
/// </summary>
internal ref struct TextBuffer
{
    private char[]? _pooled;
    private Span<char> _chars;
    private int _length;

    /// <summary>Starts in <paramref name="initial"/> (usually stack memory), moving to pooled arrays when it fills up.</summary>
    public TextBuffer(Span<char> initial)
    {
        _pooled = null;
        _chars = initial;
        _length = 0;
    }

    public readonly int Length => _length;

    /// <summary>The text written from <paramref name="start"/> on; valid until the next write.</summary>
    public readonly ReadOnlySpan<char> Slice(int start) => _chars.Slice(start, _length - start);

    public void Append(char value)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = value;
    }

    public void Append(string? value)
    {
        if (value is not null)
        {
            Append(value.AsSpan());
        }
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (value.Length > _chars.Length - _length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_chars.Slice(_length));
        _length += value.Length;
    }

    /// <summary>Reserves <paramref name="count"/> characters for the caller to fill; <see cref="Commit"/> says how many it wrote.</summary>
    public Span<char> Reserve(int count)
    {
        if (count > _chars.Length - _length)
        {
            Grow(count);
        }

        return _chars.Slice(_length, count);
    }

    /// <summary>Keeps <paramref name="count"/> of the characters written into the span <see cref="Reserve"/> returned.</summary>
    public void Commit(int count) => _length += count;

    /// <summary>Forgets everything after <paramref name="length"/> (a scratch region at the end, once copied elsewhere).</summary>
    public void Truncate(int length) => _length = length;

    /// <summary>The text written so far as a new string.</summary>
    public override readonly string ToString() => _chars.Slice(0, _length).ToString();

    public void Dispose()
    {
        var pooled = _pooled;
        this = default;
        if (pooled is not null)
        {
            ArrayPool<char>.Shared.Return(pooled);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_length + needed, _chars.Length * 2));
        _chars.Slice(0, _length).CopyTo(larger);
        var previous = _pooled;
        _chars = _pooled = larger;
        if (previous is not null)
        {
            ArrayPool<char>.Shared.Return(previous);
        }
    }
}
