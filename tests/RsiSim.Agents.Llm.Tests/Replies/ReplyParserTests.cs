using RsiSim.Agents.Llm.Options;
using RsiSim.Agents.Llm.Replies;

namespace RsiSim.Agents.Llm.Tests.Replies;

public sealed class ReplyParserTests
{
    private const string Base = "class A\n{\n    int X() => 1;\n\n    int Y() => 2;\n}\n";

    [Fact]
    public void The_whole_file_is_taken_from_the_csharp_block_and_the_words_before_it_describe_the_change()
    {
        var outcome = ReplyParser.Apply("Inline X.\n\n```csharp\nclass A { }\n```\nThat is all.", Base, EditFormat.Full, "stop", 100);

        Assert.Equal("class A { }\n", outcome.Source);
        Assert.Equal("Inline X.", outcome.Description);
    }

    [Fact]
    public void Of_several_code_blocks_the_longest_csharp_one_is_the_file()
    {
        var outcome = ReplyParser.Apply("```csharp\nX();\n```\n\n```cs\nclass A { int Z; }\n```\n```python\nprint('a much longer block that is not C# at all')\n```", Base, EditFormat.Full, null, 100);

        Assert.Equal("class A { int Z; }\n", outcome.Source);
    }

    [Theory]
    [InlineData("Sorry, I cannot help.", "stop", "the reply has no ```csharp block with the whole file")]
    [InlineData("```csharp\nclass A {", "length", "is never closed: the file is cut off (the reply stopped at the output limit of 100 tokens)")]
    [InlineData("  \n", "stop", "the reply is empty")]
    [InlineData("```csharp\nclass A\n{\n    int X() => 1;\n\n    int Y() => 2;\n}\n```", "stop", "the edit leaves the file unchanged")]
    public void A_reply_without_a_usable_file_is_an_edit_failure_with_its_reason(string reply, string finish, string reason)
    {
        var outcome = ReplyParser.Apply(reply, Base, EditFormat.Full, finish, 100);

        Assert.False(outcome.Succeeded);
        Assert.Contains(reason, outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_replace_blocks_apply_in_order_each_to_what_the_one_before_left()
    {
        string reply = "Two edits.\n<<<<<<< SEARCH\n    int X() => 1;\n=======\n    int X() => 10;\n>>>>>>> REPLACE\n<<<<<<< SEARCH\n    int X() => 10;\n\n    int Y() => 2;\n=======\n    int X() => 10;\n    int Y() => 20;\n>>>>>>> REPLACE\n";

        var outcome = ReplyParser.Apply(reply, Base, EditFormat.SearchReplace, "stop", 100);

        Assert.Equal("class A\n{\n    int X() => 10;\n    int Y() => 20;\n}\n", outcome.Source);
        Assert.Equal("Two edits.", outcome.Description);
    }

    [Fact]
    public void A_search_that_differs_only_in_whitespace_still_matches_and_the_replacement_keeps_the_file_indentation()
    {
        string reply = "```\n<<<<<<< SEARCH\nint   X() =>  1;\n=======\nint X() => 3;\n>>>>>>> REPLACE\n```";

        var outcome = ReplyParser.Apply(reply, Base, EditFormat.SearchReplace, "stop", 100);

        Assert.Equal("class A\n{\n    int X() => 3;\n\n    int Y() => 2;\n}\n", outcome.Source);
    }

    [Theory]
    [InlineData("<<<<<<< SEARCH\nint Q() => 0;\n=======\nint Q() => 1;\n>>>>>>> REPLACE", "block 1 of 1 cannot be applied: its SEARCH part matches nothing in the current best source, even ignoring whitespace (its first line: `int Q() => 0;`)")]
    [InlineData("<<<<<<< SEARCH\n    int\n=======\nx\n>>>>>>> REPLACE", "matches nothing")]
    [InlineData("<<<<<<< SEARCH\n    int X() => 1;\n=======\n    int X() => 2;\n", "block 1 is not closed: >>>>>>> REPLACE never came")]
    [InlineData("<<<<<<< SEARCH\n\n=======\nx\n>>>>>>> REPLACE", "its SEARCH part is empty")]
    [InlineData("Just words.", "the reply has no SEARCH/REPLACE block")]
    public void A_search_replace_reply_that_cannot_be_applied_says_why(string reply, string reason)
    {
        var outcome = ReplyParser.Apply(reply, Base, EditFormat.SearchReplace, "stop", 100);

        Assert.False(outcome.Succeeded);
        Assert.Contains(reason, outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_that_matches_several_places_is_refused_with_their_lines()
    {
        const string Twice = "a();\nb();\na();\n";

        var outcome = ReplyParser.Apply("<<<<<<< SEARCH\na();\n=======\nc();\n>>>>>>> REPLACE", Twice, EditFormat.SearchReplace, "stop", 100);

        Assert.Contains("matches 2 places (lines 1, 3); quote more lines", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void In_search_replace_mode_a_whole_file_in_a_csharp_block_is_accepted()
    {
        var outcome = ReplyParser.Apply("Rewrote it.\n```csharp\nclass B { }\n```", Base, EditFormat.SearchReplace, "stop", 100);

        Assert.Equal("class B { }\n", outcome.Source);
    }
}
