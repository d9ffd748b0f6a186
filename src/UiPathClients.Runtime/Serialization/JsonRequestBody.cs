using System;
using System.IO;
using System.Text.Json;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Writes a request body with a writer and buffer kept per thread, and hands out an exact copy. A fresh
/// <see cref="MemoryStream"/> and <see cref="Utf8JsonWriter"/> per body cost a few kilobytes of growing buffers for a
/// body of a few hundred bytes (the writer's own starts at 4 KB); kept, they cost one copy.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>Buffers that grew beyond this for one body are let go rather than kept for the thread's life.</summary>
    private const int LargestKeptBuffer = 64 * 1024;

    [ThreadStatic]
    private static Buffers? t_buffers;

    /// <summary>The bytes <paramref name="write"/> writes.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        // Taken, not shared: a body written while this one is (a converter that calls back in) gets buffers of its own.
        var buffers = t_buffers ?? new Buffers();
        t_buffers = null;
        buffers.Stream.SetLength(0);
        buffers.Writer.Reset(buffers.Stream);
        write(buffers.Writer, state);
        buffers.Writer.Flush();
        var body = buffers.Stream.ToArray();
        if (buffers.Stream.Capacity <= LargestKeptBuffer)
        {
            t_buffers = buffers;
        }

        return body;
    }

    private sealed class Buffers
    {
        public Buffers() => Writer = new Utf8JsonWriter(Stream);

        public MemoryStream Stream { get; } = new();

        public Utf8JsonWriter Writer { get; }
    }
}
