// Trent's micro-benchmarks (BenchmarkDotNet, in-process, no sockets), then the allocation check against
// bench/allocation-budget.json. Options of our own come first and are removed; the rest go to BenchmarkDotNet
// (e.g. --filter '*Encrypt*').
//   --enforce        exit 1 when a benchmark allocates more than its budget (default: warn only, unless the file says enforce)
//   --budget <path>  the budget file (default: bench/allocation-budget.json of the repository)
//   --write-budget   write the measured numbers (+10%) as the new budget instead of checking
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Trent.Bench.Micro;

var arguments = args.ToList();
var enforce = Take(arguments, "--enforce");
var writeBudget = Take(arguments, "--write-budget");
var budgetPath = TakeValue(arguments, "--budget") ?? Path.Combine(RepoRoot(), "bench", "allocation-budget.json");

if (!arguments.Contains("--filter"))
{
    // Without a filter BenchmarkDotNet asks on the console which benchmarks to run.
    arguments.AddRange(["--filter", "*"]);
}

// In-process: BenchmarkDotNet would otherwise generate and build a project per benchmark under this repository's
// warnings-as-errors settings; allocation counts do not need process isolation.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroHost).Assembly).Run([.. arguments], config).ToList();

var measured = new Dictionary<string, long>(StringComparer.Ordinal);
foreach (var report in summaries.SelectMany(s => s.Reports))
{
    var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    if (bytes is { } b)
    {
        measured[$"{report.BenchmarkCase.Descriptor.Type.Name}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}"] = b;
    }
}
var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
if (failed.Count > 0)
{
    // A benchmark that throws measures nothing; that is a failure whatever the budget mode.
    Console.Error.WriteLine("trent-micro: benchmarks failed: " + string.Join("; ", failed));
    return 1;
}
if (measured.Count == 0)
{
    Console.Error.WriteLine("trent-micro: no benchmark produced allocation numbers.");
    return 1;
}

var budget = File.Exists(budgetPath) ? AllocationBudget.Load(budgetPath) : new AllocationBudget(false, new Dictionary<string, long>());
var enforced = enforce || budget.Enforce;
if (writeBudget)
{
    AllocationBudget.Write(budgetPath, budget.Enforce, measured, headroom: 0.10);
    Console.WriteLine($"Wrote {budgetPath}");
    return 0;
}
var overruns = (budget with { Enforce = enforced }).Compare(measured, Console.Out);
if (overruns.Count > 0 && enforced)
{
    Console.Error.WriteLine("trent-micro: over the allocation budget: " + string.Join("; ", overruns));
    return 1;
}
return 0;

static bool Take(List<string> arguments, string flag) => arguments.Remove(flag);

static string? TakeValue(List<string> arguments, string name)
{
    var at = arguments.IndexOf(name);
    if (at < 0 || at + 1 >= arguments.Count)
    {
        return null;
    }
    var value = arguments[at + 1];
    arguments.RemoveRange(at, 2);
    return value;
}

static string RepoRoot()
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
    return Environment.CurrentDirectory;
}
