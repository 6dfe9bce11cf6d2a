namespace RsiSim.Tasks;

/// <summary>Text files embedded in this assembly: reference sources and agent-facing rules.</summary>
internal static class TaskResources
{
    public static string Read(string name)
    {
        using var stream = typeof(TaskResources).Assembly.GetManifestResourceStream("RsiSim.Tasks." + name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
