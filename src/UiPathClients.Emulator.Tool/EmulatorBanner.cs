using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace UiPathClients.Emulator.Tool;

/// <summary>What uipath-emulator prints once it listens: where each service is, and who may call it.</summary>
internal static class EmulatorBanner
{
    /// <summary>
    /// The addresses of a started <paramref name="emulator"/> and the credentials it accepts. It is a local test server,
    /// so the secrets are printed in full: a client needs them to sign in.
    /// </summary>
    public static string Describe(OrchestratorEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var identity = emulator.Options.Identity;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"UiPathClients emulator listening on {emulator.BaseAddress} (Orchestrator and Communications Mining). Ctrl+C stops it.");
        text.AppendLine();
        text.AppendLine(emulator.Options.OrchestratorVersion is { } version
            ? $"Orchestrator {version}, on-premises (OData under odata/; the UiPathClient Version=\"{version}\" client)"
            : "Orchestrator (OData under odata/)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  on-premises form       {emulator.BaseAddress}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Automation Cloud form  {emulator.CloudBaseAddress}");
        text.AppendLine("Communications Mining");
        text.AppendLine(CultureInfo.InvariantCulture, $"  on-premises form       {emulator.CommunicationsMiningAddress}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Automation Cloud form  {emulator.CloudCommunicationsMiningAddress}");
        text.AppendLine("Sign-in");
        text.AppendLine(CultureInfo.InvariantCulture, $"  token endpoint (client credentials)  {emulator.IdentityAddress}identity_/connect/token");
        text.AppendLine(CultureInfo.InvariantCulture, $"  on-premises login                    {emulator.BaseAddress}api/Account/Authenticate");
        text.AppendLine("Fault injection (no token; see the emulator package's README)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  GET / POST / DELETE    {emulator.FaultsAddress}   e.g. {{\"path\": \"t/*\", \"statusCode\": 502, \"afterHandling\": true}}");
        text.AppendLine("Credentials accepted (a local test server: none of these is a secret)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  personal access tokens (Authorization: Bearer <token>)  {List(identity.PersonalAccessTokens)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  client applications (client_id / client_secret)         {List(identity.ClientApplications.Select(application => $"{application.ClientId} / {application.ClientSecret}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  users (tenancy \\ user / password)                       {List(identity.Users.Select(user => $"{user.TenancyName} \\ {user.UserNameOrEmailAddress} / {user.Password}"))}");
        text.Append(emulator.Options.Seed == EmulatorSeed.Default
            ? $"Seeded folders: {List(emulator.Data.Folders.InFolder(null).Select(folder => folder.FullyQualifiedName ?? string.Empty))} (send X-UIPATH-FolderPath: {emulator.DefaultFolderPath})."
            : "Empty tenant: no folders or data.");
        return text.ToString();
    }

    private static string List(System.Collections.Generic.IEnumerable<string> values)
    {
        var joined = string.Join(", ", values);
        return joined.Length == 0 ? "(none)" : joined;
    }
}
