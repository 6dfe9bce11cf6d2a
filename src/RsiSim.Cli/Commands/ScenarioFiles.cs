using RsiSim.Cli.Infrastructure;
using RsiSim.Scenarios;

namespace RsiSim.Cli.Commands;

/// <summary>Loads a scenario file and prints every error and warning on stderr, one line each with its YAML path and line.</summary>
internal static class ScenarioFiles
{
    public static ScenarioLoadResult Load(Composition composition, string path)
    {
        var result = new ScenarioLoader(composition.Tasks, composition.Agents).LoadFile(path);
        // Plain lines, never wrapped: one message per line, for people and for tools that parse them.
        foreach (var line in result.FormatMessages())
        {
            Console.Error.WriteLine(line);
        }
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"{result.Errors.Count} error(s) in {path}; nothing was run.");
        }
        return result;
    }
}
