using RsiSim.Agents.Llm.Recording;

namespace RsiSim.Agents.Llm.Tests.Recording;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("the key is my-own-secret-key-42 here", "the key is [redacted] here")]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstu", "Authorization: Bearer [redacted]")]
    [InlineData("oops sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX leaked", "oops [redacted] leaked")]
    [InlineData("""{"api_key": "hunter2hunter2", "model": "m"}""", """{"api_key": "[redacted]", "model": "m"}""")]
    [InlineData("""{"Authorization":"Basic dXNlcjpwYXNz"}""", """{"Authorization":"[redacted]"}""")]
    [InlineData("nothing secret in 1200 tokens of sk-ip text", "nothing secret in 1200 tokens of sk-ip text")]
    public void Keys_and_key_shaped_values_are_masked_and_other_text_is_left_alone(string text, string expected)
    {
        var redactor = new SecretRedactor("my-own-secret-key-42");

        Assert.Equal(expected, redactor.Redact(text));
    }

    [Fact]
    public void A_short_key_is_not_masked_by_value_so_that_ordinary_words_survive()
    {
        Assert.Equal("the model said abc", new SecretRedactor("abc").Redact("the model said abc"));
    }
}
