using System;
using System.Threading.Tasks;
using UiPathClients.Emulator;

namespace UiPathClients.EndToEnd.Tests.Hosting;

/// <summary>
/// The options that size what the emulator seeds or serves are bounded: a value out of range fails
/// <see cref="OrchestratorEmulator.StartAsync"/> naming the option, instead of seeding without limit or paging by zero.
/// </summary>
public sealed class EmulatorOptionsTests
{
    public static TheoryData<string, OrchestratorEmulatorOptions> OutOfRange => new()
    {
        { nameof(OrchestratorEmulatorOptions.GeneratedQueueItems), new() { GeneratedQueueItems = EmulatorLimits.MaxGeneratedQueueItems + 1 } },
        { nameof(OrchestratorEmulatorOptions.GeneratedQueueItems), new() { GeneratedQueueItems = -1 } },
        { nameof(OrchestratorEmulatorOptions.ServerPageSize), new() { ServerPageSize = 0 } },
        { nameof(OrchestratorEmulatorOptions.MaxTop), new() { MaxTop = 0 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task An_option_out_of_range_fails_the_start_naming_it(string option, OrchestratorEmulatorOptions options)
    {
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OrchestratorEmulator.StartAsync(options));

        Assert.Contains(option, refused.Message, StringComparison.Ordinal);
    }
}
