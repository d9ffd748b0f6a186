using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using UiPathClients.Emulator;
using UiPathClients.Emulator.Identity;
using UiPathClients.Emulator.Tool.Metadata;

namespace UiPathClients.EndToEnd.Tests.Tool;

/// <summary>
/// <c>uipath-emulator download-metadata</c> against the emulator as the live tenant: each sign-in the runtime offers,
/// the file it writes (valid, stable, with the MSBuild line printed), and each way it fails without writing anything.
/// </summary>
public sealed class MetadataDownloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uipath-metadata-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_personal_access_token_downloads_a_valid_stable_document_and_prints_the_MSBuild_line()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        var file = Path.Combine(_folder, "specs", "tenant.edmx");

        var (exitCode, output, error) = await RunAsync(emulator.CloudBaseAddress.AbsoluteUri, "--token", EmulatorIdentityOptions.DefaultPersonalAccessToken, "--out", file);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.DoesNotContain("rule violations", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file);
        var model = Parse(text);
        Assert.NotNull(model.EntityContainer.FindEntitySet("Jobs"));
        Assert.Equal(text, EdmxNormalizer.Normalize(text)); // Already in the stable form: downloading again changes nothing.
        Assert.Equal(emulator.CloudBaseAddress.AbsolutePath + "odata/$metadata", Assert.Single(emulator.Requests).PathAndQuery);
        Assert.Contains($"<AdditionalFiles Include=\"{file.Replace('\\', '/')}\" ClientName=\"Orchestrator\" ServicePath=\"odata/\" EnumLiterals=\"Plain\" />", output, StringComparison.Ordinal);
        Assert.Matches(@"Wrote .*: 52 entity sets, 18\d actions and functions", output);
    }

    [Fact]
    public async Task Client_credentials_sign_in_at_the_organization_s_identity_service()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        var file = Path.Combine(_folder, "cc.edmx");

        var (exitCode, _, error) = await RunAsync(
            emulator.CloudBaseAddress.AbsoluteUri,
            ["--client-id", EmulatorIdentityOptions.DefaultClientApplication.ClientId, "--out", file],
            new Dictionary<string, string> { ["UIPATH_CLIENT_SECRET"] = EmulatorIdentityOptions.DefaultClientApplication.ClientSecret });

        Assert.True(exitCode == 0, error);
        Assert.Equal(1, emulator.IssuedTokenCount);
        Assert.Contains(emulator.Requests, request => request.PathAndQuery == $"/{emulator.Organization}/identity_/connect/token");
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task A_refresh_token_and_the_on_premises_login_sign_in_too()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        var refreshed = Path.Combine(_folder, "refresh.edmx");
        var onPremises = Path.Combine(_folder, "onprem.edmx");
        var user = EmulatorIdentityOptions.DefaultUser;

        var refresh = await RunAsync(
            emulator.CloudBaseAddress.AbsoluteUri,
            "--client-id", EmulatorIdentityOptions.DefaultRefreshToken.ClientId, "--refresh-token", EmulatorIdentityOptions.DefaultRefreshToken.RefreshToken,
            "--token-url", new Uri(emulator.BaseAddress, "oauth/token").AbsoluteUri, "--out", refreshed);
        var login = await RunAsync(
            emulator.BaseAddress.AbsoluteUri,
            ["--tenancy", user.TenancyName, "--user", user.UserNameOrEmailAddress, "--out", onPremises],
            new Dictionary<string, string> { ["UIPATH_PASSWORD"] = user.Password });

        Assert.True(refresh.ExitCode == 0, refresh.Error);
        Assert.True(login.ExitCode == 0, login.Error);
        Assert.Equal(await File.ReadAllTextAsync(refreshed), await File.ReadAllTextAsync(onPremises));
        Assert.Equal(2, emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task A_refused_token_is_reported_with_the_status_and_nothing_is_written()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();
        var file = Path.Combine(_folder, "refused.edmx");

        var (exitCode, output, error) = await RunAsync(emulator.CloudBaseAddress.AbsoluteUri, "--token", "not-a-token", "--out", file);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("answered 401 Unauthorized: the credentials were not accepted", error, StringComparison.Ordinal);
        Assert.Contains("You are not authenticated!", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_a_sign_in_failure()
    {
        await using var emulator = await OrchestratorEmulator.StartAsync();

        var (exitCode, _, error) = await RunAsync(emulator.CloudBaseAddress.AbsoluteUri, "--client-id", "emulator-client", "--client-secret", "s3cr3t-value", "--out", Path.Combine(_folder, "x.edmx"));

        Assert.Equal(1, exitCode);
        Assert.Contains("signing in failed", error, StringComparison.Ordinal);
        Assert.Contains("invalid_client", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html", "<!DOCTYPE html><html><body>Sign in to UiPath</body></html>", "answered an HTML page, not an EDMX document")]
    [InlineData("application/xml", "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices><Schema Namespace=\"A\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\"><EntityType Name=\"T\"><Property Name=\"P\" Type=\"A.Missing\" /></EntityType></Schema></edmx:DataServices></edmx:Edmx>", "is not a valid EDMX document")]
    [InlineData("application/xml", "<edmx:Edmx", "is not XML (line 1")]
    [InlineData("application/json", "{\"value\": []}", "is not XML")]
    public async Task An_answer_that_is_not_an_EDMX_document_is_refused_with_what_it_was(string mediaType, string body, string expected)
    {
        var file = Path.Combine(_folder, "bad.edmx");
        var command = MetadataCommandLine.Parse(["https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/", "--token", "t", "--out", file], _ => null);
        using var transport = new AnswerWith(mediaType, body);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await MetadataDownload.RunAsync(command, output, error, transport);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/odata/$metadata", transport.Requested?.AbsoluteUri);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void The_stable_form_does_not_depend_on_the_order_the_service_wrote()
    {
        const string Ordered = """
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
            <Schema Namespace="S" xmlns="http://docs.oasis-open.org/odata/ns/edm">
            <EnumType Name="Color"><Member Name="Red" Value="0" /><Member Name="Blue" Value="1" /></EnumType>
            <EntityType Name="B"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><Property Name="Z" Type="Edm.String" /><Property Name="A" Type="Edm.String" /></EntityType>
            <EntityType Name="A"><Key><PropertyRef Name="Id" /></Key><Property Name="Id" Type="Edm.Int32" Nullable="false" /><NavigationProperty Name="B" Type="S.B" /></EntityType>
            <Function Name="F" IsBound="true"><Parameter Name="x" Type="Collection(S.B)" /><Parameter Name="b" Type="Edm.String" /><Parameter Name="a" Type="Edm.String" /><ReturnType Type="Edm.Int32" /></Function>
            <Function Name="F" IsBound="true"><Parameter Name="x" Type="Collection(S.A)" /><ReturnType Type="Edm.Int32" /></Function>
            <EntityContainer Name="C"><EntitySet Name="Bs" EntityType="S.B" /><EntitySet Name="As" EntityType="S.A"><NavigationPropertyBinding Path="B" Target="Bs" /></EntitySet></EntityContainer>
            </Schema></edmx:DataServices></edmx:Edmx>
            """;
        // The same declarations in another order: the container first, A before B, the overloads swapped.
        var document = System.Xml.Linq.XDocument.Parse(Ordered);
        var schema = document.Descendants().Single(element => element.Name.LocalName == "Schema");
        var children = schema.Elements().Reverse().ToList();
        schema.ReplaceNodes(children);
        var container = schema.Elements().Single(element => element.Name.LocalName == "EntityContainer");
        container.ReplaceNodes(container.Elements().Reverse().ToList());

        var first = EdmxNormalizer.Normalize(Ordered);
        var second = EdmxNormalizer.Normalize(document.ToString());

        Assert.Equal(first, second);
        // Sorted by kind then name; what the order means is kept: properties, members, parameters.
        Assert.True(first.IndexOf("EnumType Name=\"Color\"", StringComparison.Ordinal) < first.IndexOf("EntityType Name=\"A\"", StringComparison.Ordinal));
        Assert.True(first.IndexOf("EntityType Name=\"A\"", StringComparison.Ordinal) < first.IndexOf("EntityType Name=\"B\"", StringComparison.Ordinal));
        Assert.True(first.IndexOf("Collection(S.A)", StringComparison.Ordinal) < first.IndexOf("Collection(S.B)", StringComparison.Ordinal));
        Assert.True(first.IndexOf("Name=\"Z\"", StringComparison.Ordinal) < first.IndexOf("Property Name=\"A\"", StringComparison.Ordinal));
        Assert.True(first.IndexOf("Name=\"Red\"", StringComparison.Ordinal) < first.IndexOf("Name=\"Blue\"", StringComparison.Ordinal));
        Assert.True(first.IndexOf("Name=\"b\"", StringComparison.Ordinal) < first.IndexOf("Name=\"a\"", StringComparison.Ordinal));
        Assert.True(first.IndexOf("EntitySet Name=\"As\"", StringComparison.Ordinal) < first.IndexOf("EntitySet Name=\"Bs\"", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', first);
        Parse(first);
    }

    [Theory]
    [InlineData(new string[0], "the Orchestrator URL is required")]
    [InlineData(new[] { "https://x/acme/t/orchestrator_/" }, "a sign-in is required")]
    [InlineData(new[] { "https://x/acme/t/orchestrator_/", "--token", "a", "--client-id", "c", "--client-secret", "s" }, "give one sign-in only")]
    [InlineData(new[] { "https://x/acme/t/orchestrator_/", "--tenancy", "Default", "--user", "admin" }, "--tenancy needs --user and --password")]
    [InlineData(new[] { "ftp://x/", "--token", "a" }, "is not an http(s) URL")]
    [InlineData(new[] { "https://x/", "--token", "a", "--token", "b" }, "--token is given twice")]
    [InlineData(new[] { "https://x/", "--colour", "red" }, "unknown option '--colour'")]
    public void Arguments_it_cannot_use_are_named(string[] args, string expected)
    {
        var command = MetadataCommandLine.Parse(args, _ => null);

        Assert.Contains(expected, command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_identity_service_and_the_document_follow_from_the_URL()
    {
        Assert.Equal(new Uri("https://cloud.uipath.com/acme/"), MetadataCommandLine.IdentityBaseOf(new Uri("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/")));
        Assert.Equal(new Uri("https://orchestrator.contoso.com/"), MetadataCommandLine.IdentityBaseOf(new Uri("https://orchestrator.contoso.com/")));

        var anyService = MetadataCommandLine.Parse(["https://services.example.com/v4/Trips/$metadata", "--token", "t"], _ => null);
        Assert.Equal("https://services.example.com/v4/Trips/$metadata", anyService.MetadataUri.AbsoluteUri);
        Assert.Equal(string.Empty, anyService.ServicePath);
        var fromEnvironment = MetadataCommandLine.Parse(["https://x/acme/t/orchestrator_"], name => name == "UIPATH_TOKEN" ? "pat" : null);
        Assert.Equal(("pat", "https://x/acme/t/orchestrator_/odata/$metadata"), (fromEnvironment.AccessToken, fromEnvironment.MetadataUri.AbsoluteUri));
    }

    [Theory]
    [InlineData("--token", "secret-pat")]
    [InlineData("--client-id", "app", "--client-secret", "secret-client")]
    [InlineData("--client-id", "app", "--refresh-token", "secret-refresh", "--token-url", "https://account.example.com/oauth/token")]
    [InlineData("--tenancy", "Default", "--user", "admin", "--password", "secret-password")]
    public void The_command_lines_text_names_the_sign_in_but_no_secret(params string[] signIn)
    {
        var command = MetadataCommandLine.Parse(["https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/", .. signIn], _ => null);

        Assert.Null(command.Error);
        var text = command.ToString();
        Assert.Contains("Authentication = ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-", text, StringComparison.Ordinal);
    }

    private static IEdmModel Parse(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text));
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors ?? []));
        return model;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string url, params string[] options) =>
        RunAsync(url, options, new Dictionary<string, string>());

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string url, string[] options, Dictionary<string, string> environment)
    {
        var command = MetadataCommandLine.Parse([url, .. options], name => environment.GetValueOrDefault(name));
        Assert.Null(command.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MetadataDownload.RunAsync(command, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A server that answers every request with one body: an HTML portal, a broken document.</summary>
    private sealed class AnswerWith(string mediaType, string body) : HttpMessageHandler
    {
        public Uri? Requested { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request });
        }
    }
}
