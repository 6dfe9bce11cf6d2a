namespace RsiSim.Scenarios.Tests;

public sealed class DidYouMeanTests
{
    private static readonly string[] Agents = ["greedy", "random", "persona", "llm", "evolution", "best-of-n"];
    private static readonly string[] Profiles = ["sonnet-4", "opus-4", "opus-4.1", "mythos-preview"];

    [Theory]
    [InlineData("gredy", "greedy")]
    [InlineData("gerEdy", "greedy")]
    [InlineData("randon", "random")]
    [InlineData("evolutoin", "evolution")]
    [InlineData("bestofn", "best-of-n")]
    [InlineData("best_of_n", "best-of-n")]
    [InlineData("LLM", "llm")]
    [InlineData("persona ", "persona")]
    public void A_likely_typo_of_an_agent_name_is_suggested(string typed, string expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(typed, Agents));
    }

    [Theory]
    [InlineData("mythos", "mythos-preview")]
    [InlineData("sonnet4", "sonnet-4")]
    [InlineData("opus-4.2", "opus-4.1")]
    public void A_profile_written_short_or_without_its_dash_is_suggested(string typed, string expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(typed, Profiles));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("-")]
    public void Nothing_is_suggested_for_a_name_unlike_any_known_one(string typed)
    {
        Assert.Null(DidYouMean.Suggest(typed, Agents));
    }

    [Fact]
    public void The_closest_of_several_candidates_wins()
    {
        Assert.Equal("attempts", DidYouMean.Suggest("atempts", ["attempts", "tokens", "at"]));
    }

    [Fact]
    public void A_very_long_input_is_not_taken_for_a_typo()
    {
        Assert.Null(DidYouMean.Suggest(new string('g', 10_000) + "reedy", Agents));
    }

    [Fact]
    public void The_hint_reads_as_a_parenthesised_question_or_is_empty()
    {
        Assert.Equal(" (did you mean 'greedy'?)", DidYouMean.Hint("gredy", Agents));
        Assert.Equal("", DidYouMean.Hint("banana", Agents));
    }

    [Theory]
    [InlineData("", "abc", 3)]
    [InlineData("greedy", "greedy", 0)]
    [InlineData("gredy", "greedy", 1)]
    [InlineData("gerédy", "greedy", 2)]
    [InlineData("ca", "ac", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_insertions_deletions_substitutions_and_adjacent_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, DidYouMean.Distance(a, b));
        Assert.Equal(expected, DidYouMean.Distance(b, a));
    }
}
