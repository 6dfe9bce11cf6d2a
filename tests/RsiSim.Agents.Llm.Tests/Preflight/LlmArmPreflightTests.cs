using RsiSim.Agents.Llm.Preflight;
using RsiSim.Agents.Llm.Tests.Support;

namespace RsiSim.Agents.Llm.Tests.Preflight;

public sealed class LlmArmPreflightTests
{
    private static readonly Uri Local = new("http://127.0.0.1:11434/v1");

    [Fact]
    public void An_arm_with_an_endpoint_and_a_set_key_has_no_problem()
    {
        Assert.Empty(LlmArmPreflight.Check(LlmArms.Create(Local), Environment(set: true)));
    }

    [Fact]
    public void A_key_variable_that_is_not_set_is_reported_as_such_so_that_validate_can_warn_and_run_refuse()
    {
        var problem = Assert.Single(LlmArmPreflight.Check(LlmArms.Create(Local), Environment(set: false)));

        Assert.Equal(LlmArmProblemKind.KeyNotSet, problem.Kind);
        Assert.Equal("apiKeyEnv", problem.Option);
        Assert.Contains(LlmArms.KeyVariable, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai-compatible", "endpoint", "provider openai-compatible needs an endpoint")]
    [InlineData("azure-openai", "endpoint", "provider azure-openai needs an endpoint")]
    public void A_provider_that_needs_an_endpoint_without_one_is_invalid(string provider, string option, string message)
    {
        var problem = Assert.Single(LlmArmPreflight.Check(LlmArms.Create(null, ("provider", provider)), Environment(set: true)));

        Assert.Equal((LlmArmProblemKind.Invalid, option), (problem.Kind, problem.Option));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Openai_needs_no_endpoint_but_needs_a_key_variable()
    {
        var arm = LlmArms.Create(null, ("provider", "openai"));
        var withoutKey = new Core.Arms.ArmDefinition(arm.Name, arm.Agent, new Core.Options.OptionValues(arm.Options.Names.Where(n => n != "apiKeyEnv").Select(n => KeyValuePair.Create(n, arm.Options.Raw(n)!))));

        Assert.Empty(LlmArmPreflight.Check(arm, Environment(set: true)));
        Assert.Equal("apiKeyEnv", Assert.Single(LlmArmPreflight.Check(withoutKey, Environment(set: true))).Option);
    }

    [Fact]
    public void A_replay_needs_neither_endpoint_nor_key_but_its_folder_must_exist()
    {
        using var folder = new TempFolder();

        Assert.Empty(LlmArmPreflight.Check(LlmArms.Create(null, ("replay", folder.Path)), Environment(set: false)));
        var missing = Assert.Single(LlmArmPreflight.Check(LlmArms.Create(null, ("replay", folder.Combine("nope"))), Environment(set: false)));
        Assert.Equal(("replay", LlmArmProblemKind.Invalid), (missing.Option, missing.Kind));
    }

    [Fact]
    public void A_system_prompt_file_that_does_not_exist_is_invalid()
    {
        var problem = Assert.Single(LlmArmPreflight.Check(LlmArms.Create(Local, ("systemPromptFile", "/no/such/prompt.md")), Environment(set: true)));

        Assert.Equal("systemPromptFile", problem.Option);
    }

    private static Func<string, string?> Environment(bool set) => name => set && name == LlmArms.KeyVariable ? LlmArms.Key : null;
}
