using System;
using System.Collections.Generic;
using System.Net.Http;
using UiPathClients.EndToEnd.Tests.Orchestrator;

namespace UiPathClients.EndToEnd.Tests.Client;

/// <summary>
/// One bundled Orchestrator version as <see cref="RouteConformanceTests"/> checks it: the description its EDMX comes
/// from, its generated client (this project's UiPathClient items), and the routes that differ on purpose, each with the
/// reason specs/README.md gives.
/// </summary>
internal sealed record BundledOrchestratorVersion(
    string SourceFile,
    int SourceRoutes,
    Func<HttpClient, object> CreateClient,
    IReadOnlyDictionary<string, string> SupplementedRoutes,
    IReadOnlyDictionary<string, string> LeftOutRoutes)
{
    /// <summary>The default version: cloud Orchestrator (UiPath.WebApi 20.0).</summary>
    public const string Cloud = "cloud";

    private const string Ns = "UiPath.Server.Configuration.OData";
    private const string DeleteOrPut = "an OData operation called with DELETE or PUT: OData invokes functions with GET and actions with POST";
    private const string Multipart = "a multipart/form-data body, not OData JSON";
    private const string BareDictionary = "its body is a bare dictionary, so the action's parameter names are unknown";
    private const string MemberlessBody = "its body is an object that declares no members, so the action's parameter names are unknown";
    private const string KeyAnswersCollection = "GET by key answers a collection (one user's attempts), which an OData key lookup cannot; not an entity set";

    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    public static BundledOrchestratorVersion Of(string version) => version switch
    {
        Cloud => new(
            "orchestrator-cloud-v20.0.uipathcli.openapi3.yaml",
            346,
            http => new OrchestratorClient(http),
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [$"GET /odata/Jobs/{Ns}.GetByKey(identifier={{identifier}})"] = "supplement: UiPath's Python and TypeScript SDKs call it",
                [$"GET /odata/Buckets/{Ns}.GetByKey(identifier={{identifier}})"] = "supplement: UiPath's Python SDK calls it",
            },
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [$"DELETE /odata/Buckets({{key}})/{Ns}.DeleteFile"] = DeleteOrPut,
                [$"PUT /odata/Folders({{folderId}})/{Ns}.MoveFolder"] = DeleteOrPut,
                [$"POST /odata/Libraries/{Ns}.UploadPackage"] = Multipart,
                [$"POST /odata/Processes/{Ns}.UploadPackage"] = Multipart,
                [$"POST /odata/Webhooks/{Ns}.TriggerCustom"] = BareDictionary,
            }),
        "2020.10" => new(
            "orchestrator-onprem-2020.10.swagger2.json",
            297,
            http => new Generated.Orchestrator2020.Orchestrator2020Client(http),
            None,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [$"DELETE /odata/Buckets({{key}})/{Ns}.DeleteFile"] = DeleteOrPut,
                [$"PUT /odata/Folders({{folderId}})/{Ns}.MoveFolder"] = DeleteOrPut,
                [$"POST /odata/HostLicenses/{Ns}.ActivateLicenseOffline"] = Multipart,
                [$"POST /odata/Settings/{Ns}.ActivateLicenseOffline"] = Multipart,
                [$"POST /odata/HostLicenses/{Ns}.UploadLicense"] = Multipart,
                [$"POST /odata/Settings/{Ns}.UploadLicense"] = Multipart,
                [$"POST /odata/Libraries/{Ns}.UploadPackage"] = Multipart,
                [$"POST /odata/Processes/{Ns}.UploadPackage"] = Multipart,
                [$"POST /odata/HostLicenses/{Ns}.DeactivateLicenseOnline"] = MemberlessBody,
                [$"POST /odata/HostLicenses/{Ns}.GetDeactivateLicenseOffline"] = MemberlessBody,
                [$"POST /odata/Webhooks/{Ns}.TriggerCustom"] = BareDictionary,
                ["GET /odata/UserLoginAttempts({key})"] = KeyAnswersCollection,
            }),
        "2019.10" => new(
            "orchestrator-onprem-2019.10.swagger2.json",
            250,
            http => new Generated.Orchestrator2019.Orchestrator2019Client(http),
            None,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [$"POST /odata/HostLicenses/{Ns}.ActivateLicenseOffline"] = Multipart,
                [$"POST /odata/Settings/{Ns}.ActivateLicenseOffline"] = Multipart,
                [$"POST /odata/HostLicenses/{Ns}.UploadLicense"] = Multipart,
                [$"POST /odata/Settings/{Ns}.UploadLicense"] = Multipart,
                [$"POST /odata/Libraries/{Ns}.UploadPackage"] = Multipart,
                [$"POST /odata/Processes/{Ns}.UploadPackage"] = Multipart,
                [$"POST /odata/Webhooks/{Ns}.TriggerCustom"] = "its body is AnyObjectDto, which declares no members, so the action's parameter names are unknown",
                ["GET /odata/UserLoginAttempts({Id})"] = KeyAnswersCollection,
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "not a bundled Orchestrator version"),
    };
}
