using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Tests.Serialization;

public sealed class ODataEnumJsonConverterTests
{
    [JsonConverter(typeof(StateConverter))]
    private enum State
    {
        Pending = 0,
        Faulted = 4,
    }

    [Flags]
    [JsonConverter(typeof(AccessConverter))]
    private enum Access : long
    {
        None = 0,
        Read = 1,
        Write = 2,
    }

    private sealed class Holder
    {
        public State? State { get; set; }

        public Access Access { get; set; }
    }

    [Fact]
    public void Writes_the_service_spelling()
    {
        var json = JsonSerializer.Serialize(new Holder { State = State.Faulted, Access = Access.Read | Access.Write });

        Assert.Equal("{\"State\":\"faulted\",\"Access\":\"read,write\"}", json);
    }

    [Fact]
    public void Reads_names_flag_lists_and_numbers()
    {
        var holder = JsonSerializer.Deserialize<Holder>("{\"State\":\"faulted\",\"Access\":\"read, write\"}")!;
        Assert.Equal(State.Faulted, holder.State);
        Assert.Equal(Access.Read | Access.Write, holder.Access);

        Assert.Equal(State.Faulted, JsonSerializer.Deserialize<Holder>("{\"State\":4}")!.State);
        Assert.Null(JsonSerializer.Deserialize<Holder>("{\"State\":null}")!.State);
    }

    [Fact]
    public void Unknown_member_names_fail_with_a_message_that_names_them()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"State\":\"Exploded\"}"));

        Assert.Contains("'Exploded' is not a member of State", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_the_service_cannot_read_are_not_written()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Holder { State = (State)3 }));

        Assert.Contains("3 is not a value of State", exception.Message, StringComparison.Ordinal);
    }

    private sealed class StateConverter : ODataEnumJsonConverter<State>
    {
        public StateConverter()
            : base(new[] { new KeyValuePair<string, long>("pending", 0), new KeyValuePair<string, long>("faulted", 4) }, isFlags: false)
        {
        }

        protected override long ToInt64(State value) => (long)value;

        protected override State FromInt64(long value) => (State)value;
    }

    private sealed class AccessConverter : ODataEnumJsonConverter<Access>
    {
        public AccessConverter()
            : base(new[] { new KeyValuePair<string, long>("none", 0), new KeyValuePair<string, long>("read", 1), new KeyValuePair<string, long>("write", 2) }, isFlags: true)
        {
        }

        protected override long ToInt64(Access value) => (long)value;

        protected override Access FromInt64(long value) => (Access)value;
    }
}
