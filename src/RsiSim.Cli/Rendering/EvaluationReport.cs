using System.Globalization;
using System.Text.Json;
using RsiSim.Core.Attempts;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Timing;
using Spectre.Console;

namespace RsiSim.Cli.Rendering;

/// <summary>One evaluation as the terminal shows it, or as the JSON object <c>--json</c> prints.</summary>
/// <param name="timingOptions">How the evaluation was timed: an interval it does not call precise
/// (<see cref="TimingOptions.IsPrecise"/>) is pointed out.</param>
internal sealed class EvaluationReport(ITask task, string size, string file, Candidate candidate, EvaluationResult evaluation, Roofline? roofline, TimingOptions timingOptions)
{
    public void Write(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLineInterpolated($"[bold]{task.Id}/{size}[/]  {file}  (candidate {candidate.Hash})");
        var color = evaluation.Status == EvaluationStatus.Passed ? "green" : "red";
        console.MarkupLineInterpolated($"status: [{color}]{evaluation.Status.ToName()}[/]");
        if (evaluation.Status != EvaluationStatus.Passed)
        {
            console.WriteLine(evaluation.Summary);
        }
        foreach (var diagnostic in evaluation.Diagnostics)
        {
            console.MarkupLineInterpolated($"  [yellow]{Path.GetFileName(file)}({diagnostic.Line},{diagnostic.Column})[/]: {diagnostic.Id}: {diagnostic.Message}");
        }
        if (evaluation.Checks.Length > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("check").AddColumn("result").AddColumn("detail");
            foreach (var check in evaluation.Checks)
            {
                table.AddRow(Markup.Escape(check.Name), check.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(check.Detail));
            }
            console.Write(table);
        }
        if (evaluation.Timing is { } timing)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"speedup: [bold]{timing.Speedup:0.00}x[/] (95% CI {timing.Low:0.00}-{timing.High:0.00}x; median of {timing.CandidateSeconds.Length} interleaved runs: candidate {timing.CandidateMedian * 1000:0.0} ms, reference {timing.BaselineMedian * 1000:0.0} ms, candidate spread ±{timing.CandidateSpread * 100:0.0}%)"));
            if (!timingOptions.IsPrecise(timing.Speedup, timing.Low, timing.High))
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"[yellow]the 95% interval is wider than ±{timingOptions.Precision:0.#%} of the speedup: the runs' times spread, on a busy machine or one whose own speed swings (docs/evaluation.md); evaluate again when it is quiet[/]"));
            }
        }
        if (roofline is not null)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"roofline: {roofline.FlopsPerRun / 1e9:0.000} GFLOP per run, achieved [bold]{roofline.Gflops:0.0} GFLOP/s[/] = {roofline.PeakPercent:0.0}% of this machine's FP32 peak ({roofline.PeakGflops:0} GFLOP/s on {roofline.Threads} threads, Vector512 FMA)"));
        }
        if (!string.IsNullOrEmpty(evaluation.Output))
        {
            console.WriteLine("candidate output:");
            console.WriteLine(evaluation.Output);
        }
    }

    public string ToJson()
    {
        var timing = evaluation.Timing;
        var document = new
        {
            task = task.Id,
            size,
            file,
            candidate = candidate.Hash,
            status = evaluation.Status.ToName(),
            summary = evaluation.Summary,
            checks = evaluation.Checks.Select(c => new { name = c.Name, passed = c.Passed, value = c.Value, limit = c.Limit, detail = c.Detail }),
            diagnostics = evaluation.Diagnostics.Select(d => new { line = d.Line, column = d.Column, id = d.Id, message = d.Message }),
            speedup = timing is null ? null : new
            {
                median = timing.Speedup,
                low = timing.Low,
                high = timing.High,
                pairs = timing.CandidateSeconds.Length,
                precise = timingOptions.IsPrecise(timing.Speedup, timing.Low, timing.High),
                candidateMedianSeconds = timing.CandidateMedian,
                referenceMedianSeconds = timing.BaselineMedian,
                candidateSeconds = timing.CandidateSeconds,
                referenceSeconds = timing.BaselineSeconds,
            },
            roofline = roofline is null ? null : new
            {
                flopsPerRun = roofline.FlopsPerRun,
                gflops = roofline.Gflops,
                peakGflops = roofline.PeakGflops,
                peakPercent = roofline.PeakPercent,
                threads = roofline.Threads,
            },
            output = evaluation.Output,
        };
        return JsonSerializer.Serialize(document, CliJson.Options);
    }
}
