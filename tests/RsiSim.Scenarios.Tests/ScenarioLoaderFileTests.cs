using System.Text;
using RsiSim.Scenarios.Tests.Fakes;

namespace RsiSim.Scenarios.Tests;

public sealed class ScenarioLoaderFileTests : IDisposable
{
    private const string Valid = "name: f\ntask: tinylm\nbudget: { attempts: 3 }\narms: [{ name: g, agent: greedy }]\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("rsisim-scenarios-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_over_one_megabyte_is_refused_before_it_is_read()
    {
        var path = Write("big.yaml", Encoding.UTF8.GetBytes(Valid + "# " + new string('x', ScenarioLoader.MaxFileBytes) + "\n"));

        var result = TestCatalogs.Loader.LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ScenarioError.FilePath, 0), (error.Path, error.Line));
        Assert.Contains("at most 1,048,576 bytes (1 MB)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_one_megabyte_is_refused_when_loaded_from_memory_too()
    {
        var result = TestCatalogs.Loader.Load(Valid + "# " + new string('é', ScenarioLoader.MaxFileBytes / 2) + "\n");

        Assert.Equal(ScenarioError.FilePath, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_folder_given_as_the_scenario_is_refused_by_name()
    {
        var result = TestCatalogs.Loader.LoadFile(_folder);

        Assert.Contains("folder", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(_folder, result.SourceName);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        var path = Write("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);

        var result = TestCatalogs.Loader.LoadFile(path);

        Assert.True(result.Succeeded, string.Join("\n", result.FormatMessages()));
        Assert.Equal(Valid, result.SourceText);
    }

    [Fact]
    public void Non_ascii_text_in_utf8_loads()
    {
        var path = Write("accents.yaml", Encoding.UTF8.GetBytes("# résumé: ünïcödé ✓\n" + Valid));

        Assert.True(TestCatalogs.Loader.LoadFile(path).Succeeded);
    }

    [Fact]
    public void An_invalid_byte_is_located_by_line_and_column()
    {
        var path = Write("latin1.yaml", [.. Encoding.ASCII.GetBytes("name: f\n# caf"), 0xE9, (byte)'\n']);

        var error = Assert.Single(TestCatalogs.Loader.LoadFile(path).Errors);

        Assert.Equal((2, 6), (error.Line, error.Column));
    }

    [Fact]
    public void Garbage_bytes_never_throw_and_are_always_refused()
    {
        var random = new Random(20260501);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            var path = Write($"garbage-{i}.yaml", bytes);

            var result = TestCatalogs.Loader.LoadFile(path);

            Assert.False(result.Succeeded);
            Assert.NotEmpty(result.Errors);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
