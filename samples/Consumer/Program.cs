using System.Text.Json;
using Consumer.Orchestrator;

// Uses generated types directly: without the generator in the package this does not compile.
var job = new JobDto
{
    Id = 1001,
    State = JobState.Faulted,
    Info = "Robot lost connection",
    Key = Guid.Parse("8a3f2c1e-0000-4000-8000-000000000001"),
};

var json = JsonSerializer.Serialize(job, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
Console.WriteLine($"JobDto as the service spells it: {json}");
Console.WriteLine($"JobState members: {string.Join(", ", Enum.GetNames<JobState>())}");
