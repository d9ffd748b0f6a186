using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Benchmarks.Support;

/// <summary>
/// Jobs sized so the whole suite runs in 15 minutes on 2 cores. Only ratios within one run mean anything on a shared
/// machine; these jobs keep enough iterations for the error column to say how far to trust them.
/// </summary>
public static class Jobs
{
    /// <summary>
    /// Operations of 0.1–10 s (a whole generator run): one warm-up, three measured iterations of one invocation each.
    /// </summary>
    public sealed class WarmLongOperation : ManualConfig
    {
        public WarmLongOperation() =>
            AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).WithId("Warm"));
    }

    /// <summary>
    /// The first run in a fresh process (assembly load, JIT, first-use caches), three processes: BenchmarkDotNet's
    /// cold-start strategy measures one invocation per launch with no warm-up.
    /// </summary>
    public sealed class ColdStart : ManualConfig
    {
        public ColdStart() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(3).WithWarmupCount(0).WithIterationCount(1).WithId("Cold"));
    }
}
