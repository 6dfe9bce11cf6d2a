using RsiSim.Core.Arms;

namespace RsiSim.Storage;

/// <summary>One arm as stored: its name, agent kind and options as a JSON object.</summary>
public sealed record RunArm(string Name, string Agent, string OptionsJson)
{
    public static RunArm From(ArmDefinition arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return new RunArm(arm.Name, arm.Agent, Writing.OptionsJson.Write(arm.Options));
    }
}
