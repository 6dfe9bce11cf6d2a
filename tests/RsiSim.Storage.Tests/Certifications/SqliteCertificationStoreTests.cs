using RsiSim.Core.Trials;
using RsiSim.Storage.Certifications;
using RsiSim.Storage.Reading;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Certifications;

public sealed class SqliteCertificationStoreTests : RunFolderTest
{
    private static readonly CertifiedArm Greedy = new("greedy", 1, "5e0cc84d7c5900b8", CertifiedArm.CertifiedStatus, 2.325, 2.1, 2.6, 0.512, 0.231, 2.216, "11 runs each");
    private static readonly CertifiedArm Random = new("random", 0, "da93bf40dca6b3cd", "policy-violation", 1.0, null, null, null, null, null, "RSP001 at line 3");

    private async Task<string> FinishedRunAsync()
    {
        var folder = NewFolder();
        await using (var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct))
        {
            await SampleManifest.PlayAsync(store, new TrialKey("greedy", 0), attempts: 3, finish: true);
        }
        return folder.Directory;
    }

    private static RunCertification Sample(DateTimeOffset at, params CertifiedArm[] arms) => new(at, 1234567890123456789UL, "ShortRun(InProcessNoEmitToolchain)", "0.1.0", 3.5, arms);

    [Fact]
    public async Task A_run_that_was_never_certified_reads_back_with_no_certification()
    {
        string run = await FinishedRunAsync();

        var stored = await RunStoreReader.LoadAsync(run, Ct);

        Assert.Empty(stored.Certifications);
        Assert.Null(stored.LatestCertification);
    }

    [Fact]
    public async Task A_certification_is_stored_in_the_run_database_and_read_back_with_every_arm_in_scenario_order()
    {
        string run = await FinishedRunAsync();
        var certification = Sample(Time.GetUtcNow(), Random, Greedy);

        using (var store = SqliteCertificationStore.Open(run))
        {
            await store.SaveAsync(certification, Ct);
        }
        var stored = await RunStoreReader.LoadAsync(run, Ct);

        var read = Assert.Single(stored.Certifications);
        Assert.Equal(certification with { Arms = [] }, read with { Arms = [] });
        Assert.Equal([Greedy, Random], read.Arms);
    }

    [Fact]
    public async Task Every_certification_is_kept_and_the_latest_is_the_last()
    {
        string run = await FinishedRunAsync();
        using var store = SqliteCertificationStore.Open(run);

        await store.SaveAsync(Sample(Time.GetUtcNow(), Greedy), Ct);
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.SaveAsync(Sample(Time.GetUtcNow(), Greedy with { CertifiedSpeedup = 2.3 }), Ct);
        var stored = await RunStoreReader.LoadAsync(run, Ct);

        Assert.Equal(2, stored.Certifications.Count);
        Assert.Equal(2.3, stored.LatestCertification!.Arms[0].CertifiedSpeedup);
    }

    [Fact]
    public async Task A_run_that_is_still_being_written_cannot_be_certified()
    {
        var folder = NewFolder();
        await using var live = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct);

        var error = Assert.Throws<RunStoreException>(() => SqliteCertificationStore.Open(folder.Directory));

        Assert.Equal(RunStoreErrorKind.Locked, error.Kind);
    }

    [Fact]
    public async Task A_certified_run_can_still_be_resumed()
    {
        string run = await FinishedRunAsync();
        using (var store = SqliteCertificationStore.Open(run))
        {
            await store.SaveAsync(Sample(Time.GetUtcNow(), Greedy), Ct);
        }

        await using var resumed = await SqliteRunStore.OpenAsync(run, Time, Ct);

        Assert.Single((await RunStoreReader.LoadAsync(run, Ct)).Resumes);
    }

    [Theory]
    [InlineData(2.0, 2.0, true)]
    [InlineData(2.0, 2.09, true)]
    [InlineData(2.0, 1.91, true)]
    [InlineData(2.0, 2.11, false)]
    [InlineData(2.0, 1.89, false)]
    public void Two_speedups_agree_when_they_are_within_five_percent_of_rsisims(double rsisim, double certified, bool agrees)
    {
        var arm = Greedy with { RsiSimSpeedup = rsisim, CertifiedSpeedup = certified };

        Assert.Equal(agrees, arm.Agrees);
    }

    [Fact]
    public void An_arm_that_was_not_measured_neither_agrees_nor_disagrees()
    {
        Assert.Null(Random.Agrees);
        Assert.Null(Random.Difference);
    }
}
