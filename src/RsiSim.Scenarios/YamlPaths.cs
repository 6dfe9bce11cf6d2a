namespace RsiSim.Scenarios;

/// <summary>Builds YAML paths as messages show them: <c>budget.wall</c>, <c>arms[2].agent</c>.</summary>
internal static class YamlPaths
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
