using RsiSim.Scenarios.Values;

namespace RsiSim.Scenarios.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m15s", 5415)]
    [InlineData("2.5h", 9000)]
    [InlineData("500ms", 0.5)]
    [InlineData("1m500ms", 60.5)]
    [InlineData("1d", 86400)]
    [InlineData("75", 75)]
    [InlineData("0.25", 0.25)]
    [InlineData("-5s", -5)]
    [InlineData("-5", -5)]
    public void Durations_are_read_in_every_documented_form(string text, double seconds)
    {
        Assert.Equal(seconds, DurationParser.Seconds(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5 minutes")]
    [InlineData("30m1h")]
    [InlineData("5m5m")]
    [InlineData("1.h")]
    [InlineData("soon")]
    [InlineData("00:05:00")]
    [InlineData("Infinity")]
    public void Text_that_is_not_a_duration_is_refused(string text)
    {
        Assert.Null(DurationParser.Seconds(text));
    }

    [Theory]
    [InlineData(5400, "1h30m")]
    [InlineData(90, "1m30s")]
    [InlineData(0, "0s")]
    [InlineData(0.5, "0.5s")]
    [InlineData(2_592_000, "720h")]
    [InlineData(-5, "-5s")]
    public void A_duration_is_shown_in_the_form_it_can_be_written_in(double seconds, string shown)
    {
        Assert.Equal(shown, DurationParser.Format(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(seconds, DurationParser.Seconds(shown));
    }
}
