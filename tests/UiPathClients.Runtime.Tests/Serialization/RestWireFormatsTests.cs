using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using UiPathClients.Runtime.Rest;
using UiPathClients.Runtime.Serialization;
using UiPathClients.Runtime.Tests.Rest;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Serialization;

/// <summary>
/// OpenAPI's <c>date-time-rfc1123</c>, <c>unixtime</c> and <c>base64url</c>: the C# types are ordinary
/// (<see cref="DateTimeOffset"/>, <see cref="byte"/>[]), the text on the wire is the format's, in values, arrays, maps,
/// optional values, parameters and bodies.
/// </summary>
public sealed class RestWireFormatsTests
{
    private static readonly DateTimeOffset Instant = new(2010, 1, 1, 12, 34, 56, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Options = new();

    [Fact]
    public void Rfc1123_writes_the_IMF_fixdate_in_GMT_whatever_the_offset()
    {
        Assert.Equal("\"Fri, 01 Jan 2010 12:34:56 GMT\"", Write(Instant.ToOffset(TimeSpan.FromHours(2)), RestWireFormats.Rfc1123DateTime));
        Assert.Equal("\"Mon, 01 Jan 0001 00:00:00 GMT\"", Write(DateTimeOffset.MinValue, RestWireFormats.Rfc1123DateTime));
    }

    [Fact]
    public void Rfc1123_reads_back_the_same_instant_and_refuses_other_text()
    {
        Assert.Equal(Instant, Read("\"Fri, 01 Jan 2010 12:34:56 GMT\"", RestWireFormats.Rfc1123DateTime));
        Assert.Throws<JsonException>(() => Read("\"2010-01-01T12:34:56Z\"", RestWireFormats.Rfc1123DateTime));
    }

    [Fact]
    public void Unix_time_is_whole_seconds_as_a_number()
    {
        var instant = new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("1460505600", Write(instant, RestWireFormats.UnixTimeSeconds));
        Assert.Equal(instant, Read("1460505600", RestWireFormats.UnixTimeSeconds));
        Assert.Throws<JsonException>(() => Read("\"1460505600\"", RestWireFormats.UnixTimeSeconds));
    }

    [Fact]
    public void Unix_time_refuses_a_fraction_of_a_second_rather_than_dropping_it()
    {
        var error = Assert.Throws<JsonException>(() => Write(new DateTimeOffset(2016, 4, 13, 0, 0, 0, 500, TimeSpan.Zero), RestWireFormats.UnixTimeSeconds));

        Assert.Contains("whole seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64url_uses_the_url_alphabet_without_padding_and_reads_it_back()
    {
        var bytes = new byte[] { 0xfb, 0xff, 0xbf, 0x6c };

        Assert.Equal("\"-_-_bA\"", Write(bytes, RestWireFormats.Base64Url));
        Assert.Equal(bytes, Read("\"-_-_bA\"", RestWireFormats.Base64Url));
        Assert.Equal(Encoding.UTF8.GetBytes("lorem"), Read("\"bG9yZW0\"", RestWireFormats.Base64Url));
        Assert.Throws<JsonException>(() => Read("\"*not base64*\"", RestWireFormats.Base64Url));
    }

    [Fact]
    public void Lists_maps_and_optional_values_carry_the_format_and_keep_nulls()
    {
        var list = RestWireFormats.List(RestWireFormats.Nullable(RestWireFormats.Rfc1123DateTime));
        var map = RestWireFormats.Dictionary(RestWireFormats.Base64Url);

        Assert.Equal("[\"Fri, 01 Jan 2010 12:34:56 GMT\",null]", Write(new List<DateTimeOffset?> { Instant, null }, list));
        Assert.Equal(new DateTimeOffset?[] { Instant, null }, Read("[\"Fri, 01 Jan 2010 12:34:56 GMT\",null]", list));
        Assert.Equal("{\"a\":\"bG9yZW0\",\"b\":null}", Write(new Dictionary<string, byte[]> { ["a"] = Encoding.UTF8.GetBytes("lorem"), ["b"] = null! }, map));
        var read = Read("{\"a\":\"bG9yZW0\",\"b\":null}", map);
        Assert.Equal(Encoding.UTF8.GetBytes("lorem"), read["a"]);
        Assert.Null(read["b"]);
    }

    [Fact]
    public void ToJson_is_null_for_null_so_an_absent_optional_parameter_stays_absent()
    {
        Assert.Null(RestWireFormats.ToJson<DateTimeOffset?>(null, RestWireFormats.Nullable(RestWireFormats.Rfc1123DateTime), Options));
        Assert.Equal("Fri, 01 Jan 2010 12:34:56 GMT", RestWireFormats.ToJson(Instant, RestWireFormats.Rfc1123DateTime, Options)!.Value.GetString());
    }

    [Fact]
    public async Task Formatted_parameters_and_bodies_are_sent_as_the_format_writes_them()
    {
        var (handler, connection) = RestTest.Recording();
        var request = connection.CreateRequest("POST", "/stamps/{at}")
            .WithPath("at", RestWireFormats.ToJson(Instant, RestWireFormats.UnixTimeSeconds, connection.JsonOptions))
            .WithQuery("ids", RestWireFormats.ToJson((IList<byte[]>)new List<byte[]> { new byte[] { 0xfb, 0xff }, Encoding.UTF8.GetBytes("lorem") }, RestWireFormats.List(RestWireFormats.Base64Url), connection.JsonOptions), ParameterStyle.Form, explode: false)
            .WithHeader("If-Modified-Since", RestWireFormats.ToJson(Instant, RestWireFormats.Rfc1123DateTime, connection.JsonOptions))
            .WithJsonBody(RestWireFormats.ToJson(Instant, RestWireFormats.Rfc1123DateTime, connection.JsonOptions));

        await request.SendAsync();

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("stamps/1262349296?ids=-_8,bG9yZW0", sent.Uri.PathAndQuery.Substring("/reinfer_/".Length));
        Assert.Equal("Fri, 01 Jan 2010 12:34:56 GMT", sent.Header("If-Modified-Since"));
        Assert.Equal("\"Fri, 01 Jan 2010 12:34:56 GMT\"", sent.Body);
    }

    [Fact]
    public async Task A_formatted_answer_is_read_with_its_converter()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("[\"Fri, 01 Jan 2010 12:34:56 GMT\"]"));
        var connection = RestTest.Connection(handler);

        var response = await connection.CreateRequest("GET", "/stamps").SendWithConverterAsync(RestWireFormats.List(RestWireFormats.Rfc1123DateTime));

        Assert.Equal(Instant, Assert.Single(response.Value));
    }

    [Fact]
    public void A_property_gets_its_format_through_its_metadata()
    {
        var property = RestWireFormats.WithConverter(
            JsonMetadataServices.CreatePropertyInfo(Options, new JsonPropertyInfoValues<DateTimeOffset> { IsProperty = true, IsPublic = true, DeclaringType = typeof(Stamp), PropertyName = "At", Getter = _ => Instant }),
            RestWireFormats.Rfc1123DateTime);

        Assert.Same(RestWireFormats.Rfc1123DateTime, property.CustomConverter);
    }

    private static string Write<T>(T value, System.Text.Json.Serialization.JsonConverter<T> converter) =>
        RestWireFormats.ToJson(value, converter, Options)!.Value.GetRawText();

    private static T Read<T>(string json, System.Text.Json.Serialization.JsonConverter<T> converter)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(T), Options)!;
    }

    private sealed class Stamp
    {
    }
}
