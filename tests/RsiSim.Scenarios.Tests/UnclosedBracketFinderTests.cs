using RsiSim.Scenarios.Reading;

namespace RsiSim.Scenarios.Tests;

public sealed class UnclosedBracketFinderTests
{
    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 1, 4, '[')]
    [InlineData("a: [1, 2]\nb: { c: [x], d: 1\n", 2, 4, '{')]
    [InlineData("a:\n  - [x\n", 2, 5, '[')]
    [InlineData("[x\n", 1, 1, '[')]
    public void The_first_bracket_never_closed_is_found(string text, int line, int column, char bracket)
    {
        Assert.Equal((line, column, bracket), UnclosedBracketFinder.Find(text));
    }

    [Theory]
    [InlineData("a: [1, 2]\n")]
    [InlineData("a: \"[not a list\"\n")]
    [InlineData("a: '{not a map'\n")]
    [InlineData("a: x[1]\n")]
    [InlineData("a: 1 # [comment\n")]
    public void Brackets_in_quotes_comments_and_plain_text_are_not_counted(string text)
    {
        Assert.Null(UnclosedBracketFinder.Find(text));
    }
}
