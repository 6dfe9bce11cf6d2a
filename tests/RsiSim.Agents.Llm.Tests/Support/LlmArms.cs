using RsiSim.Core.Arms;
using RsiSim.Core.Options;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>llm arms for tests, with the descriptor's defaults and short timeouts so that faults end in seconds.</summary>
internal static class LlmArms
{
    public const string KeyVariable = "RSISIM_TEST_LLM_KEY";
    public const string Key = "sk-test-0123456789abcdefghijklmnop";

    public static ArmDefinition Create(Uri? endpoint, params (string Name, object Value)[] options)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["model"] = ScriptedReply.Model,
            ["apiKeyEnv"] = KeyVariable,
            ["requestTimeout"] = TimeSpan.FromSeconds(2),
            ["totalTimeout"] = TimeSpan.FromSeconds(20),
            ["retries"] = 2,
            ["retryDelay"] = TimeSpan.FromMilliseconds(20),
            ["breakDuration"] = TimeSpan.FromSeconds(1),
            ["inputPricePerMillion"] = 2.0,
            ["outputPricePerMillion"] = 8.0,
        };
        if (endpoint is not null)
        {
            values["endpoint"] = endpoint.ToString();
        }
        foreach (var (name, value) in options)
        {
            values[name] = value;
        }
        return new ArmDefinition("llm", "llm", OptionValues.WithDefaults(Factory().Descriptor.Options, values));
    }

    /// <summary>A factory whose environment has the test key, and nothing else.</summary>
    public static LlmAgentFactory Factory(Microsoft.Extensions.Logging.ILoggerFactory? loggers = null, TimeProvider? time = null) =>
        new(loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, time ?? TimeProvider.System, name => name == KeyVariable ? Key : null);
}
