using System.CommandLine;
using System.Globalization;
using Trent.Bench.Servers;
using Trent.Bench.Workload;

namespace Trent.Bench.Run;

/// <summary>The command line: every option overrides the defaults, or the quick run's when --quick is given.</summary>
public static class BenchCommand
{
    public static void Configure(RootCommand root)
    {
        var duration = new Option<string>("--duration") { Description = "Measured time per target in each cell (default 10s; e.g. 500ms, 10s, 2m)." };
        var round = new Option<string>("--round") { Description = "Length of one alternation round (default 2s)." };
        var warmup = new Option<string>("--warmup") { Description = "Unrecorded warm-up per target before each cell (default 1s)." };
        var connections = new Option<string>("--connections") { Description = "Concurrent connections, comma-separated (default 1,8,64; 8 for --sustained)." };
        var ops = new Option<string>("--ops") { Description = $"Operations (default Encrypt,Decrypt,GenerateDataKey,DescribeKey,Sign,GenerateMac; also CreateKey)." };
        var targets = new Option<string>("--targets") { Description = "Targets: trent,moto,ceiling (default all three)." };
        var keys = new Option<string>("--keys") { Description = "Symmetric keys per store (default 10). Several counts (10,100000) run one Trent each, side by side." };
        var json = new Option<string>("--json") { Description = "Write the results as JSON to this file." };
        var check = new Option<bool>("--check") { Description = "Exit 1, naming each shortfall, when a target of issue 7 is missed." };
        var sustained = new Option<string>("--sustained") { Description = "Run the mixed symmetric workload against Trent for this long (e.g. 10m) instead of the matrix." };
        var interval = new Option<string>("--interval") { Description = "Reporting interval of --sustained (default 10s)." };
        var quick = new Option<bool>("--quick") { Description = "Smoke run of about a minute: every cell, a fraction of a second each." };
        var repo = new Option<string>("--repo") { Description = "The repository root (default: found from the current directory)." };
        foreach (var option in new Option[] { duration, round, warmup, connections, ops, targets, keys, json, check, sustained, interval, quick, repo })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (parse, ct) =>
        {
            var options = new BenchOptions { RepoRoot = parse.GetValue(repo) ?? FindRepoRoot() };
            if (parse.GetValue(quick))
            {
                options = options.AsQuick();
            }
            var sustainedFor = parse.GetValue(sustained) is { } s ? BenchOptions.ParseDuration(s) : (TimeSpan?)null;
            options = options with
            {
                Duration = Duration(parse.GetValue(duration)) ?? options.Duration,
                Round = Duration(parse.GetValue(round)) ?? options.Round,
                Warmup = Duration(parse.GetValue(warmup)) ?? options.Warmup,
                Interval = Duration(parse.GetValue(interval)) ?? options.Interval,
                Connections = Ints(parse.GetValue(connections)) ?? (sustainedFor is null ? options.Connections : [8]),
                Operations = Operations(parse.GetValue(ops)) ?? options.Operations,
                Targets = List(parse.GetValue(targets))?.Select(t => Enum.Parse<TargetKind>(t, ignoreCase: true)).ToList() ?? options.Targets,
                Keys = Ints(parse.GetValue(keys)) ?? options.Keys,
                JsonPath = parse.GetValue(json),
                Check = parse.GetValue(check),
                Sustained = sustainedFor,
            };
            return await BenchRunner.RunAsync(options, Console.Out);
        });
    }

    private static TimeSpan? Duration(string? text) => text is null ? null : BenchOptions.ParseDuration(text);

    private static List<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<int>? Ints(string? text) =>
        List(text)?.Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();

    /// <summary>The operations asked for; CreateKey goes last, as it adds keys to the store the other cells read.</summary>
    private static List<BenchOperation>? Operations(string? text) =>
        List(text)?.Select(BenchOperation.Parse).OrderBy(o => o == BenchOperation.CreateKey).ToList();

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Trent.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("Cannot find the repository (Trent.slnx); pass --repo.");
    }
}
