using System;
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

    [Fact]
    public void Every_underlying_type_round_trips_its_extreme_values()
    {
        AssertRoundTrip(new SignedByteConverter(), SignedByte.Lowest, "lowest", -128);
        AssertRoundTrip(new SignedByteConverter(), SignedByte.Highest, "highest", 127);
        AssertRoundTrip(new OneByteConverter(), OneByte.Highest, "highest", 255);
        AssertRoundTrip(new ShortConverter(), Short.Lowest, "lowest", short.MinValue);
        AssertRoundTrip(new UnsignedShortConverter(), UnsignedShort.Highest, "highest", ushort.MaxValue);
        AssertRoundTrip(new UnsignedIntConverter(), UnsignedInt.Highest, "highest", uint.MaxValue);
        AssertRoundTrip(new LongConverter(), Long.Lowest, "lowest", long.MinValue);
        AssertRoundTrip(new UnsignedLongConverter(), UnsignedLong.Highest, "highest", -1);
    }

    [Fact]
    public void Names_and_values_of_different_lengths_are_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new MismatchedConverter());

        Assert.Contains("2 names for 1 values of State", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes <paramref name="value"/> (the name must come out), reads the name and the number back (both must give
    /// the value): the runtime's conversion of each underlying type to and from <see cref="long"/> is what is tested.
    /// </summary>
    private static void AssertRoundTrip<TEnum>(ODataEnumJsonConverter<TEnum> converter, TEnum value, string name, long number)
        where TEnum : struct, Enum
    {
        var options = new JsonSerializerOptions { Converters = { converter } };

        Assert.Equal(name, converter.ToServiceName(value));
        Assert.Equal(value, JsonSerializer.Deserialize<TEnum>("\"" + name + "\"", options));
        Assert.Equal(value, JsonSerializer.Deserialize<TEnum>(number.ToString(System.Globalization.CultureInfo.InvariantCulture), options));
    }

    private sealed class StateConverter : ODataEnumJsonConverter<State>
    {
        public StateConverter()
            : base(new[] { "pending", "faulted" }, new long[] { 0, 4 }, isFlags: false)
        {
        }
    }

    private sealed class AccessConverter : ODataEnumJsonConverter<Access>
    {
        public AccessConverter()
            : base(new[] { "none", "read", "write" }, new long[] { 0, 1, 2 }, isFlags: true)
        {
        }
    }

    private enum SignedByte : sbyte
    {
        Lowest = sbyte.MinValue,
        Highest = sbyte.MaxValue,
    }

    private enum OneByte : byte
    {
        Lowest = 0,
        Highest = byte.MaxValue,
    }

    private enum Short : short
    {
        Lowest = short.MinValue,
        Highest = short.MaxValue,
    }

    private enum UnsignedShort : ushort
    {
        Lowest = 0,
        Highest = ushort.MaxValue,
    }

    private enum UnsignedInt : uint
    {
        Lowest = 0,
        Highest = uint.MaxValue,
    }

    private enum Long : long
    {
        Lowest = long.MinValue,
        Highest = long.MaxValue,
    }

    private enum UnsignedLong : ulong
    {
        Lowest = 0,
        Highest = ulong.MaxValue,
    }

    private sealed class SignedByteConverter() : ODataEnumJsonConverter<SignedByte>(new[] { "lowest", "highest" }, new long[] { sbyte.MinValue, sbyte.MaxValue }, isFlags: false);

    private sealed class OneByteConverter() : ODataEnumJsonConverter<OneByte>(new[] { "lowest", "highest" }, new long[] { 0, byte.MaxValue }, isFlags: false);

    private sealed class ShortConverter() : ODataEnumJsonConverter<Short>(new[] { "lowest", "highest" }, new long[] { short.MinValue, short.MaxValue }, isFlags: false);

    private sealed class UnsignedShortConverter() : ODataEnumJsonConverter<UnsignedShort>(new[] { "lowest", "highest" }, new long[] { 0, ushort.MaxValue }, isFlags: false);

    private sealed class UnsignedIntConverter() : ODataEnumJsonConverter<UnsignedInt>(new[] { "lowest", "highest" }, new long[] { 0, uint.MaxValue }, isFlags: false);

    private sealed class LongConverter() : ODataEnumJsonConverter<Long>(new[] { "lowest", "highest" }, new long[] { long.MinValue, long.MaxValue }, isFlags: false);

    /// <summary>A <see cref="ulong"/> value is carried as the <see cref="long"/> with the same bits, as <c>(long)value</c> gives it.</summary>
    private sealed class UnsignedLongConverter() : ODataEnumJsonConverter<UnsignedLong>(new[] { "lowest", "highest" }, new long[] { 0, -1 }, isFlags: false);

    private sealed class MismatchedConverter() : ODataEnumJsonConverter<State>(new[] { "pending", "faulted" }, new long[] { 0 }, isFlags: false);
}
