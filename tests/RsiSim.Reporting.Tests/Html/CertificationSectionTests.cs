using RsiSim.Reporting.Comparing;
using RsiSim.Reporting.Html;
using RsiSim.Reporting.Tests.Support;
using RsiSim.Storage.Certifications;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Tests.Html;

/// <summary>A certified run: the report shows the certified figure beside RsiSim's and warns when they disagree.</summary>
public sealed class CertificationSectionTests : KnownRunTest
{
    // The known run's bests: greedy 4.5 (trial 0), random 1.3 (trial 1).
    private static readonly CertifiedArm Greedy = new("greedy", 0, "aaaaaaaaaaaaaaaa", CertifiedArm.CertifiedStatus, 4.5, 4.0, 5.0, 0.9, 0.2, 4.5, "medians of 9 runs each");
    private static readonly CertifiedArm Random = new("random", 1, "bbbbbbbbbbbbbbbb", CertifiedArm.CertifiedStatus, 1.3, 1.1, 1.5, 0.9, 0.9, 1.0, "medians of 9 runs each");

    private async Task<(string Directory, StoredRun Run)> CertifiedAsync(params CertifiedArm[] arms)
    {
        var (directory, _) = await KnownAsync();
        using (var store = SqliteCertificationStore.Open(directory))
        {
            await store.SaveAsync(new RunCertification(DateTimeOffset.UnixEpoch, 7, "ShortRun", "0.0.0-test", 1.25, arms), TestContext.Current.CancellationToken);
        }
        return (directory, await TestRuns.LoadAsync(directory));
    }

    [Fact]
    public async Task A_certified_speedup_more_than_five_percent_from_rsisims_is_a_warning_and_one_within_it_is_not()
    {
        var (_, run) = await CertifiedAsync(Greedy, Random);

        var comparison = ComparisonBuilder.Build([run], Options);

        string warning = Assert.Single(comparison.Warnings, w => w.Contains("certified", StringComparison.Ordinal));
        Assert.StartsWith("random: the certified speedup 1.00x and RsiSim's 1.30x differ by -23.1%, more than 5%", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_best_candidate_that_could_not_be_certified_is_a_warning_with_the_reason()
    {
        var refused = Random with { Status = "policy-violation", CertifiedSpeedup = null, CandidateMedianSeconds = null, Detail = "RSP001 at line 3" };
        var (_, run) = await CertifiedAsync(Greedy, refused);

        var comparison = ComparisonBuilder.Build([run], Options);

        Assert.Contains("random: its best candidate bbbbbbbbbbbbbbbb was not certified (policy-violation: RSP001 at line 3).", comparison.Warnings);
    }

    [Fact]
    public async Task The_report_shows_each_arms_certified_speedup_beside_rsisims_and_whether_they_agree()
    {
        var (_, run) = await CertifiedAsync(Greedy, Random);

        var files = HtmlReportWriter.Write(ComparisonBuilder.Build([run], Options), Temp.Combine("report.html"), SampleReport.Options);
        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);

        Assert.Contains("<h2 id=\"certified-heading\">Certified speedups</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-arm=\"greedy\" data-agrees=\"yes\"><td class=\"arm text\">greedy</td><td class=\"trial\">0</td>"
            + "<td class=\"candidate text\">aaaaaaaaaaaaaaaa</td><td class=\"rsisim\">4.50x [4.00x, 5.00x]</td><td class=\"certified\">4.50x</td>"
            + "<td class=\"difference\">+0.0%</td><td class=\"agreement text\">agrees (within 5%)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-arm=\"random\" data-agrees=\"no\">", html, StringComparison.Ordinal);
        Assert.Contains("DISAGREES (more than 5% apart)", html, StringComparison.Ordinal);
        Assert.Contains("load average 1.25", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_was_never_certified_has_no_certification_section()
    {
        var files = HtmlReportWriter.Write(await CompareKnownAsync(), Temp.Combine("report.html"), SampleReport.Options);
        string html = await File.ReadAllTextAsync(files.HtmlPath, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("certified-heading", html, StringComparison.Ordinal);
    }
}
