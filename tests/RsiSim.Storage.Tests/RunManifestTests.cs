using System.Text.Json;
using RsiSim.Core.Arms;
using RsiSim.Core.Budgets;
using RsiSim.Core.Options;
using RsiSim.Core.Runs;

namespace RsiSim.Storage.Tests;

public sealed class RunManifestTests
{
    private static Scenario Scenario(params ArmDefinition[] arms) => new()
    {
        Name = "quickstart",
        TaskId = "tinylm",
        Size = "small",
        Seed = 42,
        Trials = 3,
        Budget = new Budget(Attempts: 40),
        Arms = [.. arms],
    };

    [Fact]
    public void A_manifest_from_a_scenario_keeps_the_arms_in_scenario_order()
    {
        var scenario = Scenario(new ArmDefinition("random", "random", OptionValues.Empty), new ArmDefinition("greedy", "greedy", OptionValues.Empty));

        var manifest = RunManifest.From(scenario, "name: quickstart\n", "linux-x64", "m-1", "0.1.0");

        Assert.Equal(["random", "greedy"], manifest.Arms.Select(a => a.Name));
        Assert.Equal(("quickstart", "tinylm", "small", 42UL, 3), (manifest.Name, manifest.TaskId, manifest.Size, manifest.Seed, manifest.Trials));
        Assert.Equal(("name: quickstart\n", "linux-x64", "m-1", "0.1.0"), (manifest.ScenarioYaml, manifest.Machine, manifest.MachineId, manifest.ToolVersion));
    }

    [Fact]
    public void Arm_options_become_one_json_object_with_sorted_keys_and_every_value_kind()
    {
        var options = new OptionValues(new Dictionary<string, object>
        {
            ["temperature"] = 0.25,
            ["apiKeyEnv"] = "OPENAI_API_KEY",
            ["wall"] = TimeSpan.FromMinutes(5),
            ["samples"] = 4,
            ["stream"] = true,
            ["moves"] = new List<string> { "simd", "flat-arrays" },
            ["weights"] = new Dictionary<string, double> { ["b"] = 2, ["a"] = 0.5 },
        });

        var arm = RunArm.From(new ArmDefinition("gpt", "llm", options));

        Assert.Equal(
            """{"apiKeyEnv":"OPENAI_API_KEY","moves":["simd","flat-arrays"],"samples":4,"stream":true,"temperature":0.25,"wall":"00:05:00","weights":{"a":0.5,"b":2}}""",
            arm.OptionsJson);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(arm.OptionsJson).RootElement.ValueKind);
    }
}
