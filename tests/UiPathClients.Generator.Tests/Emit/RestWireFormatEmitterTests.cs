using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Generator.Tests.TestSupport;
using UiPathClients.Runtime.Rest;

namespace UiPathClients.Generator.Tests.Emit;

/// <summary>
/// Specs/OpenApi/WireFormats.swagger.yaml compiled, loaded and called against a recording handler: OpenAPI formats
/// whose text differs from the C# type's usual JSON are written and read in that text wherever they appear, format
/// decimal keeps values System.Decimal cannot, tsv query arrays are generated (no UIPC0011) and tab-joined, and a
/// Content-Type header parameter is a parameter that labels the body.
/// </summary>
public sealed class RestWireFormatEmitterTests
{
    private static readonly DateTimeOffset Instant = new(2010, 1, 1, 12, 34, 56, TimeSpan.Zero);

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Client = new(() =>
    {
        var run = GeneratorHarness.Run(new[] { Spec.FromFile(Path.Combine(TestPaths.OpenApiFeatureSpecsDirectory, "WireFormats.swagger.yaml")) });
        return (run, GeneratorHarness.LoadCompiled(run));
    });

    [Fact]
    public void The_tsv_operation_is_generated_without_a_warning()
    {
        Assert.DoesNotContain(Client.Value.Run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "UIPC0011");
        Assert.Contains(Stamps(out _).GetType().GetMethod("PutAsync")!.GetParameters(), parameter => parameter.Name == "ids");
    }

    [Fact]
    public async Task Formats_are_sent_in_their_own_text_in_path_tsv_query_header_and_body_and_Content_Type_is_a_parameter()
    {
        var stamps = Stamps(out var handler);
        var stamp = NewStamp();

        await Call(stamps, "PutAsync", new Dictionary<string, object?>
        {
            ["at"] = Instant,
            ["body"] = stamp,
            ["contentType"] = "application/vnd.stamp+json",
            ["ids"] = new List<byte[]> { new byte[] { 0xfb, 0xff }, Encoding.UTF8.GetBytes("lorem") },
            ["ifModifiedSince"] = (DateTimeOffset?)Instant,
        });

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.example.com/v1/stamps/1262349296?ids=-_8%09bG9yZW0", sent.Uri);
        Assert.Equal("Fri, 01 Jan 2010 12:34:56 GMT", sent.Headers["If-Modified-Since"]);
        Assert.Equal("application/vnd.stamp+json", sent.Headers["Content-Type"]);
        Assert.Equal(StampJson, sent.Body);
    }

    [Fact]
    public async Task Formats_are_read_from_answers_in_their_own_text()
    {
        var stamps = Stamps(new Recorder(_ => Json(StampJson)));

        var stamp = await Call(stamps, "PutAsync", new Dictionary<string, object?> { ["at"] = Instant, ["body"] = NewStamp(), ["contentType"] = "application/json" });

        Assert.Equal(Instant, Property(stamp!, "When"));
        Assert.Equal(new[] { Instant, Instant.AddDays(1) }, (IList<DateTimeOffset>)Property(stamp!, "Seen")!);
        Assert.Equal(Encoding.UTF8.GetBytes("lorem"), ((IDictionary<string, byte[]?>)Property(stamp!, "Keys")!)["k"]);
        Assert.Equal(new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero), Property(stamp!, "Epoch"));
        Assert.Equal(ExactDecimal.Parse("2.5976931e+101"), Property(stamp!, "Amount"));
    }

    [Fact]
    public async Task A_formatted_answer_body_is_read_with_its_converter()
    {
        var stamps = Stamps(new Recorder(_ => Json("[\"Fri, 01 Jan 2010 12:34:56 GMT\"]")));

        var times = await Call(stamps, "ListAsync", new Dictionary<string, object?>());

        Assert.Equal(Instant, Assert.Single((IList<DateTimeOffset>)times!));
    }

    [Fact]
    public async Task A_one_value_decimal_constant_is_sent_and_read_exactly()
    {
        var handler = new Recorder(_ => Json("2.5976931e-101"));
        var amounts = Group(handler, "Amounts");

        await Call(amounts, "PutBigAsync", new Dictionary<string, object?>());
        var read = await Call(amounts, "GetBigAsync", new Dictionary<string, object?>());

        Assert.Equal("2.5976931e+101", handler.Requests[0].Body);
        Assert.Equal(ExactDecimal.Parse("2.5976931e-101"), read);
    }

    private const string StampJson =
        "{\"when\":\"Fri, 01 Jan 2010 12:34:56 GMT\",\"seen\":[\"Fri, 01 Jan 2010 12:34:56 GMT\",\"Sat, 02 Jan 2010 12:34:56 GMT\"],\"keys\":{\"k\":\"bG9yZW0\"},\"epoch\":1460505600,\"amount\":2.5976931e+101}";

    private static object Stamps(out Recorder handler)
    {
        handler = new Recorder(_ => Json(StampJson));
        return Stamps(handler);
    }

    private static object Stamps(Recorder handler) => Group(handler, "Stamps");

    private static object Group(Recorder handler, string name)
    {
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.com/v1") };
        var client = Activator.CreateInstance(Client.Value.Assembly.GetType("Consumer.WireFormats.WireFormatsClient", throwOnError: true)!, http)!;
        return client.GetType().GetProperty(name)!.GetValue(client)!;
    }

    private static object NewStamp()
    {
        var stamp = Activator.CreateInstance(Client.Value.Assembly.GetType("Consumer.WireFormats.Stamp", throwOnError: true)!)!;
        stamp.GetType().GetProperty("When")!.SetValue(stamp, Instant);
        stamp.GetType().GetProperty("Seen")!.SetValue(stamp, new List<DateTimeOffset> { Instant, Instant.AddDays(1) });
        stamp.GetType().GetProperty("Keys")!.SetValue(stamp, new Dictionary<string, byte[]?> { ["k"] = Encoding.UTF8.GetBytes("lorem") });
        stamp.GetType().GetProperty("Epoch")!.SetValue(stamp, new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero));
        stamp.GetType().GetProperty("Amount")!.SetValue(stamp, ExactDecimal.Parse("2.5976931e+101"));
        return stamp;
    }

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Calls an operation by parameter name (unnamed optional parameters get their defaults) and returns its result.</summary>
    private static async Task<object?> Call(object target, string method, IDictionary<string, object?> arguments)
    {
        var info = target.GetType().GetMethod(method)!;
        var all = info.GetParameters()
            .Select(parameter => arguments.TryGetValue(parameter.Name!, out var value) ? value : parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None : Type.Missing)
            .ToArray();
        try
        {
            var task = (Task)info.Invoke(target, all)!;
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private sealed record Sent(string Uri, IReadOnlyDictionary<string, string> Headers, string? Body);

    private sealed class Recorder(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
            Requests.Add(new Sent(request.RequestUri!.AbsoluteUri, headers, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            return answer(request);
        }
    }
}
