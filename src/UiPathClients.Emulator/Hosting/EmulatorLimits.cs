namespace UiPathClients.Emulator;

/// <summary>
/// The bounds the emulator enforces on what a request (or its options) may ask of it. A request over a bound is
/// refused with the status the limit implies and the service's error body, never with a bare status or a reset
/// connection; the README of the emulator lists them.
/// </summary>
public static class EmulatorLimits
{
    /// <summary>
    /// The longest request target (path and query) served, in characters: 32 KB, four times Kestrel's default request
    /// line, so a long generated <c>$filter</c> fits. Longer answers 414 with an error body.
    /// </summary>
    public const int MaxUrlLength = 32 * 1024;

    /// <summary>The most bytes of request header names and values together: 64 KB. More answers 431 with an error body.</summary>
    public const int MaxRequestHeadersSize = 64 * 1024;

    /// <summary>The most request headers: 100, Kestrel's own default. More answers 431 with an error body.</summary>
    public const int MaxRequestHeaderCount = 100;

    /// <summary>The largest request body: 10 MB. Larger answers 413 with an error body.</summary>
    public const int MaxRequestBodySize = 10 * 1024 * 1024;

    /// <summary>
    /// The most jobs one <c>StartJobs</c> creates (<c>JobsCount</c>, <c>NoOfRobots</c> or the number of <c>RobotIds</c>).
    /// The Orchestrator description documents no maximum; this is the emulator's, and a larger count answers 400.
    /// </summary>
    public const int MaxJobsPerStart = 10_000;

    /// <summary>The most queue items <see cref="OrchestratorEmulatorOptions.GeneratedQueueItems"/> may add to the seed.</summary>
    public const int MaxGeneratedQueueItems = 100_000;

    /// <summary>
    /// Kestrel's own request line and header limits, set above the emulator's so that the emulator, which can write an
    /// error body, sees an over-long request first. Only requests beyond these get Kestrel's bodiless 414/431.
    /// </summary>
    internal const int TransportLimit = 1024 * 1024;

    /// <summary>Kestrel's own header count limit, above <see cref="MaxRequestHeaderCount"/> for the same reason.</summary>
    internal const int TransportHeaderCount = 1000;
}
