using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using UiPathClients.Runtime.Metadata;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>
/// What the client does not know survives a read: unknown properties and instance annotations land in
/// <see cref="IODataObject.AdditionalData"/> (that is where <c>GetETag</c> reads <c>@odata.etag</c>). Sent back,
/// unknown properties go with the entity; control annotations (<c>@odata.etag</c>, <c>@odata.context</c> …) do not.
/// </summary>
public sealed class AdditionalDataTests
{
    private const string Item =
        "{\"@odata.context\":\"$metadata#WorkItems/$entity\",\"@odata.etag\":\"W/\\\"5\\\"\",\"@odata.id\":\"WorkItems(1)\",\"@odata.editLink\":\"WorkItems(1)\","
        + "\"Id\":1,\"Title\":\"t\",\"Title@odata.type\":\"#String\",\"Color\":\"blue\",\"Meta\":{\"a\":[1,2]},\"Score\":3.5,"
        + "\"Window\":{\"From\":\"2026-03-01T08:00:00Z\",\"Zone\":\"CET\"},"
        + "\"Owner\":{\"@odata.etag\":\"W/\\\"o\\\"\",\"UserName\":\"ann\",\"Phone\":\"123\"}}";

    [Fact]
    public async Task Unknown_properties_and_annotations_are_kept_in_AdditionalData()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(Item));
        using var http = handler.CreateClient();

        var item = await new TestServiceClient(http).WorkItems[1].GetAsync();

        var data = item.AdditionalData!;
        Assert.Equal(
            new[] { "@odata.context", "@odata.editLink", "@odata.etag", "@odata.id", "Color", "Meta", "Score", "Title@odata.type" },
            data.Keys.OrderBy(key => key, System.StringComparer.Ordinal));
        Assert.Equal("blue", data["Color"].GetString());
        Assert.Equal(2, data["Meta"].GetProperty("a")[1].GetInt32());
        Assert.Equal(3.5, data["Score"].GetDouble());
        Assert.Equal("W/\"5\"", item.GetETag());
        Assert.DoesNotContain("Id", data.Keys);
        Assert.DoesNotContain("Title", data.Keys);
        Assert.Equal("CET", item.Window!.AdditionalData!["Zone"].GetString());
        Assert.Equal("123", item.Owner!.AdditionalData!["Phone"].GetString());
        Assert.Equal("W/\"o\"", item.Owner.GetETag());
    }

    [Fact]
    public async Task An_entity_with_nothing_unknown_has_no_AdditionalData()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json("{\"Id\":1,\"Title\":\"t\"}"));
        using var http = handler.CreateClient();

        var item = await new TestServiceClient(http).WorkItems[1].GetAsync();

        Assert.Null(item.AdditionalData);
        Assert.Null(item.GetETag());
    }

    [Fact]
    public async Task Items_of_a_collection_keep_their_own_annotations()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(ODataQueryPagingTests.Page(new long[] { 1, 2 })));
        using var http = handler.CreateClient();

        var page = await new TestServiceClient(http).WorkItems.ToPageAsync();

        Assert.Equal(new[] { "W/\"1\"", "W/\"2\"" }, page.Items.Select(item => item.GetETag()));
    }

    [Fact]
    public async Task Sent_back_unknown_properties_go_along_and_control_annotations_stay_out()
    {
        var handler = RecordingHandler.Sequence(() => RecordingHandler.Json(Item), () => RecordingHandler.Json(Item));
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http).WorkItems[1];
        var item = await client.GetAsync();

        await client.UpdateAsync(item);

        var put = handler.Requests[1];
        using var body = JsonDocument.Parse(put.Body!);
        var names = body.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        Assert.DoesNotContain(names, name => name.StartsWith("@odata.", System.StringComparison.Ordinal) || name.StartsWith("odata.", System.StringComparison.Ordinal));
        Assert.Contains("Color", names);
        Assert.Contains("Meta", names);
        Assert.Contains("Score", names);
        Assert.Equal("CET", body.RootElement.GetProperty("Window").GetProperty("Zone").GetString());
        Assert.Equal("W/\"5\"", put.Header("If-Match"));
    }

    [Fact]
    public async Task The_type_annotation_of_a_derived_entity_is_sent_back_with_its_properties()
    {
        // Read through the base set, an entity of a derived type keeps its type and its own properties in
        // AdditionalData; replacing it must say which type those properties belong to.
        var handler = RecordingHandler.Sequence(
            () => RecordingHandler.Json("{\"@odata.type\":\"#Test.ReviewItem\",\"@odata.etag\":\"W/\\\"1\\\"\",\"Id\":1,\"Reviewer\":\"bob\"}"),
            () => RecordingHandler.Json("{\"@odata.type\":\"#Test.ReviewItem\",\"@odata.etag\":\"W/\\\"2\\\"\",\"Id\":1,\"Reviewer\":\"bob\"}"));
        using var http = handler.CreateClient();
        var client = new TestServiceClient(http).WorkItems[1];
        var item = await client.GetAsync();

        await client.UpdateAsync(item);

        // The type first (ODataLib reads it only there), then the properties; no other annotation.
        JsonAssert.Equal("{\"@odata.type\":\"#Test.ReviewItem\",\"Id\":1,\"Labels\":[],\"Reviewer\":\"bob\"}", handler.Requests[1].Body);
    }

    [Fact]
    public void Setting_AdditionalData_by_hand_works_for_etags()
    {
        var item = new WorkItem { AdditionalData = new Dictionary<string, JsonElement> { ["@odata.etag"] = JsonSerializer.SerializeToElement(42) } };

        // Only a string is an ETag.
        Assert.Null(item.GetETag());
    }
}
