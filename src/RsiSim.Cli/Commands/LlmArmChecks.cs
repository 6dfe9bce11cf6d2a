using RsiSim.Agents.Llm;
using RsiSim.Agents.Llm.Preflight;
using RsiSim.Core.Runs;

namespace RsiSim.Cli.Commands;

/// <summary>What the option types cannot check about llm arms: the endpoint, the key's variable, the files they name; printed like scenario errors.</summary>
internal static class LlmArmChecks
{
    /// <summary>Prints each problem on stderr; false when one of them stops this command.</summary>
    /// <param name="scenario">The loaded scenario.</param>
    /// <param name="source">The scenario file, as the user named it.</param>
    /// <param name="starting">True for run: a key that is not set stops it; validate only warns.</param>
    public static bool Report(Scenario scenario, string source, bool starting)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stopped = new List<string>();
        for (int i = 0; i < scenario.Arms.Length; i++)
        {
            var arm = scenario.Arms[i];
            if (arm.Agent != LlmAgentFactory.Name)
            {
                continue;
            }
            foreach (var problem in LlmArmPreflight.Check(arm, Environment.GetEnvironmentVariable))
            {
                bool fatal = starting || problem.Kind == LlmArmProblemKind.Invalid;
                string label = fatal ? "" : "warning: ";
                Console.Error.WriteLine($"{source}: {label}arms[{i}].{problem.Option}: {problem.Message}");
                if (fatal && !stopped.Contains(arm.Name))
                {
                    stopped.Add(arm.Name);
                }
            }
        }
        if (stopped.Count > 0)
        {
            Console.Error.WriteLine($"llm arm(s) {string.Join(", ", stopped)} cannot {(starting ? "start" : "run")}; nothing was run.");
        }
        return stopped.Count == 0;
    }
}
