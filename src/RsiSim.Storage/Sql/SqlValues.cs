using System.Globalization;

namespace RsiSim.Storage.Sql;

/// <summary>How values the database has no exact type for are stored: 64-bit unsigned and decimals as text, wall time as seconds.</summary>
internal static class SqlValues
{
    public static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static ulong ULong(string text) => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static double Seconds(TimeSpan value) => value.Ticks / (double)TimeSpan.TicksPerSecond;

    // Ticks below 2^52 survive the trip through a double exactly once rounded back.
    public static TimeSpan Wall(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
