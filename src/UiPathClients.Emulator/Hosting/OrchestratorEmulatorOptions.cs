using System;
using System.Collections.Generic;
using UiPathClients.Emulator.Identity;

namespace UiPathClients.Emulator;

/// <summary>How an <see cref="OrchestratorEmulator"/> listens, pages and runs jobs.</summary>
public sealed class OrchestratorEmulatorOptions
{
    /// <summary>The port the <c>uipath-emulator</c> tool listens on unless told otherwise.</summary>
    public const int DefaultPort = 5180;

    /// <summary>The on-premises Orchestrator versions the emulator can serve besides cloud, newest first.</summary>
    public static IReadOnlyList<string> OnPremisesOrchestratorVersions { get; } = ["2020.10", "2019.10"];

    /// <summary>
    /// The Orchestrator version served: <see langword="null"/> (the default) for cloud (UiPath.WebApi 20.0, the
    /// <c>UiPathClient Include="Orchestrator"</c> client), or one of <see cref="OnPremisesOrchestratorVersions"/> (the
    /// <c>Version="2020.10"</c> client). An on-premises version is served with its own <c>$metadata</c>, routes (a route
    /// it lacks answers 404; one only it has, such as <c>Environments</c>, 501) and entity shapes (a property it lacks is
    /// not written; one only it has, such as <c>ReleaseDto.EnvironmentId</c>, is never written and cannot be queried),
    /// over the same data and behaviour as cloud.
    /// </summary>
    public string? OrchestratorVersion { get; set; }

    /// <summary>The loopback port; 0 (the default) picks a free one, which tests want.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Server-driven paging: at most this many entities per response, with <c>@odata.nextLink</c> to the
    /// rest. <see langword="null"/> (the default) behaves like Orchestrator, which sends no next link; otherwise at least 1.
    /// </summary>
    public int? ServerPageSize { get; set; }

    /// <summary>The largest <c>$top</c> accepted (Orchestrator's limit is 1000); at least 1.</summary>
    public int MaxTop { get; set; } = 1000;

    /// <summary>The clock jobs run on; a fake one lets tests move time. The system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a started job stays Pending.</summary>
    public TimeSpan JobPendingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a job runs before it succeeds (or faults when its input arguments hold <c>"ShouldFail": true</c>).</summary>
    public TimeSpan JobRunTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a webhook gets no events after a failed delivery (non-2xx or no answer), by <see cref="TimeProvider"/>;
    /// events raised meanwhile are dropped. One hour by default, as Orchestrator documents.
    /// </summary>
    public TimeSpan WebhookCircuitBreakDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Queue items added to the seed on top of the fixed ones (paging tests ask for thousands); at most
    /// <see cref="EmulatorLimits.MaxGeneratedQueueItems"/>, and only with <see cref="EmulatorSeed.Default"/> (they go into its queues).
    /// </summary>
    public int GeneratedQueueItems { get; set; }

    /// <summary>What the tenant holds at start: the fixed seed (the default) or nothing.</summary>
    public EmulatorSeed Seed { get; set; } = EmulatorSeed.Default;

    /// <summary>
    /// Adds the test's own folders, releases, queues, users … after <see cref="Seed"/> and before the emulator accepts a
    /// connection; <see langword="null"/> (the default) adds nothing.
    /// </summary>
    /// <example>
    /// <code>
    /// var options = new OrchestratorEmulatorOptions
    /// {
    ///     Seed = EmulatorSeed.Empty,
    ///     AddData = seed =>
    ///     {
    ///         var folder = seed.AddFolder("Tests");
    ///         seed.Orchestrator.Releases.Add(new ReleaseDto { Name = "Nightly", Key = "…", ProcessKey = "Nightly", OrganizationUnitId = folder.Id }, folder.Id);
    ///     },
    /// };
    /// </code>
    /// </example>
    public Action<EmulatorSeedContext>? AddData { get; set; }

    /// <summary>The tokens, applications and users the emulator accepts, and how long the tokens it issues last.</summary>
    public EmulatorIdentityOptions Identity { get; } = new();

    /// <summary>
    /// The organization name of the cloud URL shape (<c>/{organization}/{tenant}/orchestrator_/…</c>); <see langword="null"/>
    /// (the default) accepts any name, and the emulator's addresses then use <see cref="DefaultOrganization"/>.
    /// </summary>
    public string? Organization { get; set; }

    /// <summary>The tenant name of the cloud URL shape; <see langword="null"/> (the default) accepts any name (addresses use <see cref="DefaultTenant"/>).</summary>
    public string? Tenant { get; set; }

    /// <summary>The organization name in the emulator's cloud addresses when <see cref="Organization"/> is not set.</summary>
    public const string DefaultOrganization = "emulator";

    /// <summary>The tenant name in the emulator's cloud addresses when <see cref="Tenant"/> is not set.</summary>
    public const string DefaultTenant = "DefaultTenant";

    /// <summary>Whether ASP.NET Core logs to the console (off by default: samples print their own lines).</summary>
    public bool ConsoleLogging { get; set; }

    /// <summary>
    /// How long an API trigger call in LongPolling mode (and each call of its status URI) is held before it answers 303 to
    /// the status URI; positive. Orchestrator's call-modes page names no value; one minute by default.
    /// </summary>
    public TimeSpan ApiTriggerLongPollingWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest a job started in LongPolling mode may run: past it the job is stopped and the held call answers its
    /// error. Orchestrator's call-modes page says 15 minutes, the default; positive.
    /// </summary>
    public TimeSpan ApiTriggerLongPollingLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Faults to inject from the first request on (more can be added while it runs, through
    /// <see cref="OrchestratorEmulator.Faults"/> or the control endpoint <c>/_emulator/faults</c>); none by default.
    /// </summary>
    public IList<EmulatorFault> Faults { get; } = new List<EmulatorFault>();
}
