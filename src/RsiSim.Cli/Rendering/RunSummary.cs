using System.Globalization;
using System.Text.Json;
using RsiSim.Core.Attempts;
using Spectre.Console;

namespace RsiSim.Cli.Rendering;

/// <summary>The end-of-run table per arm: best speedup over trials and attempts by status.</summary>
internal static class RunSummary
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ArmProgress> arms)
    {
        ArgumentNullException.ThrowIfNull(console);
        var statuses = AttemptStatusNames.All.Where(s => arms.Any(a => a.ByStatus.ContainsKey(s))).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("arm").AddColumn("agent").AddColumn("trials").AddColumn("attempts")
            .AddColumn(new TableColumn("best median").RightAligned()).AddColumn(new TableColumn("best max").RightAligned());
        foreach (var status in statuses)
        {
            table.AddColumn(new TableColumn(status.ToName()).RightAligned());
        }
        foreach (var arm in arms)
        {
            var cells = new List<string>
            {
                Markup.Escape(arm.Name),
                Markup.Escape(arm.Agent),
                arm.Trials.ToString(CultureInfo.InvariantCulture),
                arm.Attempts.ToString(CultureInfo.InvariantCulture),
                arm.MedianBest.ToString("0.00x", CultureInfo.InvariantCulture),
                arm.MaxBest.ToString("0.00x", CultureInfo.InvariantCulture),
            };
            cells.AddRange(statuses.Select(s => arm.ByStatus.GetValueOrDefault(s).ToString(CultureInfo.InvariantCulture)));
            table.AddRow([.. cells]);
        }
        console.Write(table);
    }

    public static string ToJson(string runDirectory, IReadOnlyList<ArmProgress> arms) => JsonSerializer.Serialize(new
    {
        run = runDirectory,
        arms = arms.Select(a => new
        {
            name = a.Name,
            agent = a.Agent,
            trials = a.Trials,
            attempts = a.Attempts,
            bestMedian = a.MedianBest,
            bestMax = a.MaxBest,
            trialBests = a.TrialBests,
            tokens = a.Tokens,
            cost = a.Cost,
            byStatus = a.ByStatus.ToDictionary(p => p.Key.ToName(), p => p.Value),
        }),
        published = PublishedComparison.Rows(arms).Select(r => new
        {
            arm = r.Arm,
            profile = r.Profile,
            published = r.Published,
            measuredMeanBest = r.Measured,
            ratio = r.Ratio,
            within = r.Within,
        }),
        notComparedCompounding = PublishedComparison.Compounding(arms).Select(a => a.Name),
        humanHoursTo4x = PublishedComparison.Humans(arms).Select(h => new
        {
            arm = h.Name,
            medianHours = PublishedComparison.MedianHoursToTarget(h),
            trials = h.HoursToTarget,
        }),
    }, CliJson.Options);
}
