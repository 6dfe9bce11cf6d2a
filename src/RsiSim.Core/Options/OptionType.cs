namespace RsiSim.Core.Options;

/// <summary>The type of an arm option, as written in YAML.</summary>
public enum OptionType
{
    WholeNumber,
    Number,
    Text,
    Boolean,

    /// <summary>"90s", "5m", "2h", or a number of seconds.</summary>
    Duration,

    /// <summary>An absolute http or https URL.</summary>
    Url,

    /// <summary>One of the spec's choices.</summary>
    Choice,

    /// <summary>A list of texts.</summary>
    TextList,

    /// <summary>A mapping of names to numbers.</summary>
    NumberMap,
}
