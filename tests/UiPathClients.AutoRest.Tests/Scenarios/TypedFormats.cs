using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace UiPathClients.AutoRest.Tests.Scenarios;

/// <summary>
/// Reads and builds values of the formats helper C types (date-time-rfc1123, base64url) whatever item type the generator
/// gives them, so the scenarios compile before and after those converters: an item still typed <see cref="string"/>
/// fails the test with the reason instead of passing on the raw text.
/// </summary>
internal static class TypedFormats
{
    public static DateTimeOffset Instant(DateTimeOffset value) => value;

    public static DateTimeOffset Instant(DateTimeOffset? value) => value ?? throw new Xunit.Sdk.XunitException("a null date-time-rfc1123 item");

    public static DateTimeOffset Instant(string? value) =>
        throw new Xunit.Sdk.XunitException($"date-time-rfc1123 is still typed as string ('{value}'): its converter is missing.");

    public static string DecodedText(byte[]? value) => Encoding.UTF8.GetString(value ?? throw new Xunit.Sdk.XunitException("a null base64url item"));

    public static string DecodedText(string? value) =>
        throw new Xunit.Sdk.XunitException($"base64url is still typed as string ('{value}'): its converter is missing.");

    /// <summary>The default of <typeparamref name="T"/>, named by a call that is never made.</summary>
    public static T Shape<T>(Func<Task<T>> call) => default!;

    public static IList<DateTimeOffset> Rfc1123List(IList<DateTimeOffset>? shape, IEnumerable<DateTimeOffset> instants) => instants.ToList();

    public static IList<string> Rfc1123List(IList<string>? shape, IEnumerable<DateTimeOffset> instants) =>
        throw new Xunit.Sdk.XunitException("date-time-rfc1123 is still typed as string: its converter is missing.");

    public static IDictionary<string, DateTimeOffset> Rfc1123Map(IDictionary<string, DateTimeOffset>? shape, IEnumerable<DateTimeOffset> instants) =>
        instants.Select((instant, index) => (instant, index)).ToDictionary(entry => entry.index.ToString(CultureInfo.InvariantCulture), entry => entry.instant);

    public static IDictionary<string, DateTimeOffset?> Rfc1123Map(IDictionary<string, DateTimeOffset?>? shape, IEnumerable<DateTimeOffset> instants) =>
        instants.Select((instant, index) => (instant, index)).ToDictionary(entry => entry.index.ToString(CultureInfo.InvariantCulture), entry => (DateTimeOffset?)entry.instant);

    public static IDictionary<string, string?> Rfc1123Map(IDictionary<string, string?>? shape, IEnumerable<DateTimeOffset> instants) =>
        throw new Xunit.Sdk.XunitException("date-time-rfc1123 is still typed as string: its converter is missing.");
}
