namespace UiPathClients.Generator;

/// <summary>
/// Names of the incremental pipeline steps. Tests look steps up by these names to prove that
/// each one is cached when its inputs did not change.
/// </summary>
internal static class TrackingNames
{
    /// <summary>Additional files whose extension may hold a spec; nothing read yet.</summary>
    public const string CandidateFiles = nameof(CandidateFiles);

    /// <summary>A candidate file with its text and per-file options (<see cref="Input.SpecFile"/>).</summary>
    public const string SpecFiles = nameof(SpecFiles);

    /// <summary>The result of reading one spec: model and diagnostics.</summary>
    public const string ReadResults = nameof(ReadResults);

    /// <summary>Reader diagnostics, reported separately from source.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The model of one spec without its diagnostics: what emitting depends on.</summary>
    public const string Models = nameof(Models);

    /// <summary>The plan of one spec: what is generated and every cross-file C# name (<see cref="Plan.ClientPlan"/>).</summary>
    public const string Selections = nameof(Selections);
    public const string Plans = nameof(Plans);

    /// <summary>Facts about the compilation the emitter needs, reduced to plain values.</summary>
    public const string EmitEnvironment = nameof(EmitEnvironment);

    /// <summary>The files emitted for one spec.</summary>
    public const string GeneratedFiles = nameof(GeneratedFiles);
}
