namespace Trent.Core.Tests.Interop;

/// <summary>
/// The @noble packages in tests/interop (pinned by package-lock.json), run with node: ML-DSA from
/// @noble/post-quantum and Ed25519ph from @noble/curves. The first use installs them with npm ci.
/// </summary>
internal static class Noble
{
    private static readonly Lazy<string> Directory = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string MlDsa(params string[] arguments) => Node("verify-mldsa.mjs", arguments);

    public static string Ed25519ph(params string[] arguments) => Node("verify-ed25519ph.mjs", arguments);

    private static string Node(string script, string[] arguments)
    {
        var result = ExternalTool.Run("node", "Node.js 20.19 or later (apt-get install nodejs npm)", Directory.Value, [script, .. arguments]);
        Assert.True(result.ExitCode == 0, result.Describe($"node {script}"));
        return result.Stdout.Trim();
    }

    private static string Install()
    {
        var directory = FindInteropDirectory();
        if (!System.IO.Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var result = ExternalTool.Run("npm", "npm (apt-get install npm)", directory, "ci", "--no-audit", "--no-fund");
            Assert.True(result.ExitCode == 0, result.Describe("npm ci in tests/interop"));
        }
        return directory;
    }

    private static string FindInteropDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }
        Assert.Fail("tests/interop/package-lock.json was not found above " + AppContext.BaseDirectory);
        throw new InvalidOperationException();
    }
}
