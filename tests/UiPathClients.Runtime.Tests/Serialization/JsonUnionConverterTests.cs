using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Serialization;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>
/// A union nested in itself, level after level, is read with one converter call per level: the alternative is
/// chosen from one look at each level, not by reading the subtree as each alternative in turn (which doubled the work
/// per level: 2^depth calls). Counted, not timed.
/// </summary>
public sealed class JsonUnionConverterTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(20)]
    public void A_union_nested_N_levels_deep_is_read_with_one_converter_call_per_level(int depth)
    {
        var (options, converter) = Options();

        var chain = JsonSerializer.Deserialize(Payload(depth, _ => "\"n\""), options.GetTypeInfo(typeof(Chain)));

        Assert.Equal(depth + 1, converter.Reads);
        var link = Assert.IsType<Chain>(chain);
        for (var level = 0; level < depth; level++)
        {
            Assert.Equal("n", link.Named!.Tag);
            link = link.Named.Next!;
        }

        Assert.Equal("leaf", link.Named!.Tag);
        Assert.Null(link.Named.Next);
    }

    [Fact]
    public void Each_level_gets_the_alternative_its_own_values_fit()
    {
        var (options, converter) = Options();

        var link = (Chain)JsonSerializer.Deserialize(Payload(20, level => level % 2 == 0 ? level.ToString(System.Globalization.CultureInfo.InvariantCulture) : "\"odd\""), options.GetTypeInfo(typeof(Chain)))!;

        Assert.Equal(21, converter.Reads);
        for (var level = 0; level < 20; level++)
        {
            if (level % 2 == 0)
            {
                Assert.Equal(level, link.Numbered!.Tag);
                link = link.Numbered.Next!;
            }
            else
            {
                Assert.Equal("odd", link.Named!.Tag);
                link = link.Named.Next!;
            }
        }
    }

    [Fact]
    public void The_500_byte_16_level_payload_of_the_probe_takes_17_calls()
    {
        var (options, converter) = Options();
        var payload = Payload(16, _ => "\"" + new string('p', 18) + "\"");
        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 450, 600);

        JsonSerializer.Deserialize(payload, options.GetTypeInfo(typeof(Chain)));

        Assert.Equal(17, converter.Reads);
    }

    [Fact]
    public void An_object_no_alternative_fits_is_kept_as_unknown_json()
    {
        var (options, _) = Options();

        var chain = (Chain)JsonSerializer.Deserialize("{\"tag\":[1]}", options.GetTypeInfo(typeof(Chain)))!;

        Assert.Null(chain.Value);
        Assert.Equal("{\"tag\":[1]}", chain.UnknownJson!.Value.GetRawText());
    }

    /// <summary>
    /// <c>{"next": …, "tag": …}</c> nested <paramref name="depth"/> times around <c>{"tag":"leaf"}</c>. "next" comes first,
    /// so reading a level as the wrong alternative fails only after its whole subtree was read.
    /// </summary>
    private static string Payload(int depth, Func<int, string> tag)
    {
        var json = "{\"tag\":\"leaf\"}";
        for (var level = depth - 1; level >= 0; level--)
        {
            json = "{\"next\":" + json + ",\"tag\":" + tag(level) + "}";
        }

        return json;
    }

    private static (JsonSerializerOptions Options, CountingChainConverter Converter) Options()
    {
        var converter = new CountingChainConverter();
        return (new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(new Resolver(converter), ODataPrimitiveJsonResolver.Instance) }, converter);
    }

    public sealed class Chain : JsonUnion
    {
        public NumberedLink? Numbered { get; set; }

        public NamedLink? Named { get; set; }

        public override object? Value => (object?)Numbered ?? Named;
    }

    public sealed class NumberedLink : IODataObject
    {
        public Chain? Next { get; set; }

        public long Tag { get; set; }

        public IDictionary<string, JsonElement>? AdditionalData { get; set; }
    }

    public sealed class NamedLink : IODataObject
    {
        public Chain? Next { get; set; }

        public string? Tag { get; set; }

        public IDictionary<string, JsonElement>? AdditionalData { get; set; }
    }

    /// <summary>The converter a generator would emit for <c>oneOf: [NumberedLink, NamedLink]</c>, counting its calls.</summary>
    private sealed class CountingChainConverter : JsonUnionConverter<Chain>
    {
        public CountingChainConverter()
            : base(
                static () => new Chain(),
                null,
                new[]
                {
                    JsonUnionMember.Create<Chain, NumberedLink>(JsonUnionKinds.Objects, static union => union.Numbered, static (union, value) => union.Numbered = value, null, new[] { "next", "tag" }),
                    JsonUnionMember.Create<Chain, NamedLink>(JsonUnionKinds.Objects, static union => union.Named, static (union, value) => union.Named = value, null, new[] { "next", "tag" }),
                })
        {
        }

        public int Reads { get; private set; }

        public override Chain Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // A guard of the test's own, so that exponential reading fails at once instead of running for minutes.
            if (++Reads > 10_000)
            {
                throw new InvalidOperationException("The union converter was called more than 10,000 times for one payload.");
            }

            return base.Read(ref reader, typeToConvert, options);
        }
    }

    private sealed class Resolver(CountingChainConverter converter) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type == typeof(Chain))
            {
                return RestJsonMetadata.UnionInfo(options, converter);
            }

            if (type == typeof(NumberedLink))
            {
                return ODataJsonMetadata.ObjectInfo(options, static () => new NumberedLink(), static options => new[]
                {
                    ODataJsonMetadata.PropertyInfo<NumberedLink, Chain?>(options, "Next", "next", static link => link.Next, static (link, value) => link.Next = value),
                    ODataJsonMetadata.PropertyInfo<NumberedLink, long>(options, "Tag", "tag", static link => link.Tag, static (link, value) => link.Tag = value),
                    ODataJsonMetadata.AdditionalDataInfo<NumberedLink>(options),
                });
            }

            if (type == typeof(NamedLink))
            {
                return ODataJsonMetadata.ObjectInfo(options, static () => new NamedLink(), static options => new[]
                {
                    ODataJsonMetadata.PropertyInfo<NamedLink, Chain?>(options, "Next", "next", static link => link.Next, static (link, value) => link.Next = value),
                    ODataJsonMetadata.PropertyInfo<NamedLink, string?>(options, "Tag", "tag", static link => link.Tag, static (link, value) => link.Tag = value),
                    ODataJsonMetadata.AdditionalDataInfo<NamedLink>(options),
                });
            }

            return null;
        }
    }
}
