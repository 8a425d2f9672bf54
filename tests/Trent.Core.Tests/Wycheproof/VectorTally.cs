using System.Security.Cryptography;
using System.Text.Json;
using Xunit.Abstractions;

namespace Trent.Core.Tests.Wycheproof;

/// <summary>
/// Runs the vectors of one file and judges them as Wycheproof says: valid must be accepted with the expected output,
/// invalid must be rejected, acceptable may go either way (the way taken is reported, and an accepted one must still
/// give the expected output). Skips need a reason. Finish reports the counts and fails on any wrong outcome, on a
/// count of vectors run that differs from the expected one, and on a file where nothing ran.
/// </summary>
internal sealed class VectorTally(VectorFile file, ITestOutputHelper output)
{
    private readonly Dictionary<string, int> _skipped = [];
    private readonly List<string> _acceptable = [];
    private readonly List<string> _failures = [];
    private int _ran;

    public void Skip(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    /// <summary>
    /// Runs one vector. The check returns whether the input was accepted and, if so, whether the output matched.
    /// A CryptographicException or a ValidationException counts as a rejection; any other exception is a failure.
    /// </summary>
    public void Run(JsonElement test, Func<(bool Accepted, bool Matches)> check)
    {
        _ran++;
        var id = $"tcId {test.Number("tcId")} ({test.Text("comment")}; {string.Join(",", test.GetProperty("flags").EnumerateArray())})";
        var result = test.Text("result");
        (bool Accepted, bool Matches) outcome;
        try
        {
            outcome = check();
        }
        catch (Exception e) when (e is CryptographicException or KmsException { Code: KmsErrorCode.ValidationException })
        {
            outcome = (false, false);
        }
        catch (Exception e)
        {
            _failures.Add($"{id}: threw {e.GetType().Name}: {e.Message}");
            return;
        }
        switch (result)
        {
            case "valid" when !outcome.Accepted || !outcome.Matches:
                _failures.Add($"{id}: valid vector {(outcome.Accepted ? "gave a different output" : "was rejected")}");
                break;
            case "invalid" when outcome.Accepted:
                _failures.Add($"{id}: invalid vector was accepted");
                break;
            case "acceptable" when outcome.Accepted && !outcome.Matches:
                _failures.Add($"{id}: acceptable vector was accepted with a different output");
                break;
            case "acceptable":
                _acceptable.Add($"{id}: {(outcome.Accepted ? "accepted" : "rejected")}");
                break;
        }
    }

    public void Finish(int expectedRan)
    {
        var skipped = _skipped.Values.Sum();
        output.WriteLine($"{file.Name}: {_ran} ran, {skipped} skipped, of {file.NumberOfTests} vectors.");
        foreach (var (reason, count) in _skipped)
        {
            output.WriteLine($"  skipped {count}: {reason}");
        }
        foreach (var line in _acceptable)
        {
            output.WriteLine($"  acceptable {line}");
        }
        foreach (var line in _failures)
        {
            output.WriteLine($"  FAILED {line}");
        }
        Assert.True(_ran > 0, $"{file.Name}: no vector ran.");
        Assert.Equal(file.NumberOfTests, _ran + skipped);
        Assert.Equal(expectedRan, _ran);
        Assert.True(_failures.Count == 0, $"{file.Name}: {_failures.Count} vectors failed:\n{string.Join("\n", _failures)}");
    }
}
