using System;
using System.Net.Http;
using UiPathClients.Runtime.Client;
using UiPathClients.Runtime.Tests.TestSupport;

namespace UiPathClients.Runtime.Tests.Client;

/// <summary>Creating a connection: options, base address, metadata.</summary>
public sealed class ODataConnectionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_page_size_below_one_is_refused(int pageSize)
    {
        using var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TestServiceClient(http, new ODataClientOptions { PageSize = pageSize }));
    }

    [Theory]
    [InlineData("odata")]
    [InlineData("/odata/")]
    public void A_service_path_must_be_relative_and_end_with_a_slash(string servicePath)
    {
        using var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };

        var failure = Assert.Throws<ArgumentException>(() => new TestServiceClient(http, new ODataClientOptions { ServicePath = servicePath }));

        Assert.Contains(servicePath, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_override_the_defaults()
    {
        using var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };

        var defaults = new TestServiceClient(http).Connection;
        var custom = new TestServiceClient(http, new ODataClientOptions { ServicePath = "v2/", PageSize = 10 }).Connection;

        Assert.Equal("odata/", defaults.ServicePath);
        Assert.Equal(1000, defaults.PageSize);
        Assert.Equal("v2/", custom.ServicePath);
        Assert.Equal(10, custom.PageSize);
        Assert.Same(http, custom.HttpClient);
    }

    [Fact]
    public void WithFolder_keeps_everything_but_the_folder()
    {
        using var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };
        var connection = new TestServiceClient(http, new ODataClientOptions { ServicePath = "v2/", PageSize = 10 }).Connection;

        var inFolder = connection.WithFolder(Runtime.Http.FolderContext.ById(3));

        Assert.NotSame(connection, inFolder);
        Assert.Same(connection.HttpClient, inFolder.HttpClient);
        Assert.Same(connection.JsonOptions, inFolder.JsonOptions);
        Assert.Equal("v2/", inFolder.ServicePath);
        Assert.Equal(10, inFolder.PageSize);
        Assert.Throws<ArgumentNullException>(() => connection.WithFolder(null!));
    }

    [Fact]
    public void The_client_needs_a_base_address_and_metadata()
    {
        using var http = new HttpClient();
        using var withBase = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };

        Assert.Throws<ArgumentException>(() => new ODataConnection(http, TestJsonMetadata.Default, "odata/", null));
        Assert.Throws<ArgumentNullException>(() => new ODataConnection(withBase, null!, "odata/", null));
        Assert.Throws<ArgumentNullException>(() => new ODataConnection(null!, TestJsonMetadata.Default, "odata/", null));
    }

    [Fact]
    public void Json_options_are_frozen_and_know_the_service_and_primitive_types_only()
    {
        using var http = new HttpClient { BaseAddress = RecordingHandler.BaseAddress };
        var connection = new TestServiceClient(http).Connection;

        Assert.True(connection.JsonOptions.IsReadOnly);
        Assert.NotNull(connection.TypeInfo<WorkItem>());
        Assert.NotNull(connection.TypeInfo<DateOnly?>());
        Assert.Throws<NotSupportedException>(() => connection.TypeInfo<Uri>());
        Assert.Equal("{\"Id\":0,\"Labels\":[]}", connection.ToJson(new WorkItem()));
    }
}
