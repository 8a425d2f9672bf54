using System.Globalization;

namespace Trent.Server.Audit;

/// <summary>
/// The layout of the audit directory: <c>trail-&lt;first sequence, 16 digits&gt;-&lt;opened, UTC&gt;.jsonl</c> files, which sort
/// by name in chain order, and <c>digests.jsonl</c>.
/// </summary>
public static class TrailFiles
{
    public const string DigestsFileName = "digests.jsonl";
    private const string Prefix = "trail-";
    private const string Extension = ".jsonl";

    public static string NameFor(long firstSequence, DateTimeOffset opened) =>
        $"{Prefix}{firstSequence:D16}-{opened.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}{Extension}";

    /// <summary>The trail files in a directory, in chain order (by their first sequence number).</summary>
    public static IReadOnlyList<string> List(string directory) =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, $"{Prefix}*{Extension}")
                .Where(path => FirstSequence(Path.GetFileName(path)) is not null)
                .OrderBy(path => FirstSequence(Path.GetFileName(path)))
                .ToList()
            : [];

    /// <summary>The first sequence number a trail file's name declares; null for another file.</summary>
    public static long? FirstSequence(string fileName) =>
        fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.Length > Prefix.Length + 16
            && long.TryParse(fileName.AsSpan(Prefix.Length, 16), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;

    /// <summary>
    /// A read-write handle for positioned writes. A file it creates gets mode 0600 from the start: trail records name
    /// principals and encryption contexts, which are for the owner only.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle OpenHandle(string path, bool createNew)
    {
        if (createNew || !File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = createNew ? FileMode.CreateNew : FileMode.OpenOrCreate, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            new FileStream(path, options).Dispose();
        }
        return File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
    }
}
