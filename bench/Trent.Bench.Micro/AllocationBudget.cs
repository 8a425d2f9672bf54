using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trent.Bench.Micro;

/// <summary>
/// The checked-in allocation budget (<c>bench/allocation-budget.json</c>): bytes allocated per operation, per
/// benchmark. Allocation counts are deterministic where timings are not, so they can gate CI; a regression in
/// them is a regression in GC pressure on the hot path.
/// </summary>
internal sealed record AllocationBudget(bool Enforce, IReadOnlyDictionary<string, long> Budgets)
{
    public static AllocationBudget Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var budgets = root["budgets"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
        return new AllocationBudget(root["enforce"]?.GetValue<bool>() ?? false, budgets);
    }

    /// <summary>Writes the measured numbers as the new budget, with headroom, keeping the enforce flag.</summary>
    public static void Write(string path, bool enforce, IReadOnlyDictionary<string, long> measured, double headroom)
    {
        var budgets = new JsonObject();
        foreach (var (name, bytes) in measured.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            budgets[name] = (long)Math.Ceiling(bytes * (1 + headroom) / 8) * 8;
        }
        var root = new JsonObject
        {
            ["comment"] = "Bytes allocated per operation (BenchmarkDotNet MemoryDiagnoser), per benchmark. Checked by bench/Trent.Bench.Micro; set enforce to true to fail on overruns.",
            ["enforce"] = enforce,
            ["budgets"] = budgets,
        };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>One line per benchmark; returns the overruns.</summary>
    public List<string> Compare(IReadOnlyDictionary<string, long> measured, TextWriter output)
    {
        var overruns = new List<string>();
        output.WriteLine();
        output.WriteLine($"Allocation budget ({(Enforce ? "enforced" : "warn-only")}):");
        foreach (var (name, bytes) in measured.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!Budgets.TryGetValue(name, out var budget))
            {
                output.WriteLine($"  new   {name}: {bytes:N0} B/op (no budget yet)");
                continue;
            }
            var over = bytes > budget;
            output.WriteLine($"  {(over ? "OVER " : "ok   ")} {name}: {bytes:N0} B/op, budget {budget:N0} B/op");
            if (over)
            {
                overruns.Add($"{name} allocates {bytes:N0} B/op, budget {budget:N0}");
            }
        }
        foreach (var name in Budgets.Keys.Where(n => !measured.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            // A benchmark that failed or was filtered out: say so rather than pass silently.
            output.WriteLine($"  MISSING {name}: no measurement (failed, or not selected by --filter)");
        }
        return overruns;
    }
}
