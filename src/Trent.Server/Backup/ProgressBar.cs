using System.Globalization;

namespace Trent.Server.Backup;

/// <summary>
/// A one-line progress bar on standard error, redrawn at most ten times a second, for backups and restores of large
/// stores. When standard error is not a terminal only the final line is written, so logs stay readable.
/// </summary>
internal sealed class ProgressBar(string verb, long total, TextWriter output, bool interactive)
{
    private const int Width = 30;
    private const long RedrawEveryMs = 100;

    private long _done;
    private long _drawnAt = long.MinValue / 2;

    public static ProgressBar ForConsole(string verb, long total) => new(verb, total, Console.Error, !Console.IsErrorRedirected);

    public long Done => _done;

    public void Advance()
    {
        _done++;
        var now = Environment.TickCount64;
        if (interactive && now - _drawnAt >= RedrawEveryMs)
        {
            _drawnAt = now;
            output.Write("\r" + Render(verb, _done, total));
        }
    }

    public void Finish()
    {
        output.Write((interactive ? "\r" : "") + Render(verb, _done, total) + Environment.NewLine);
    }

    /// <summary>For example <c>backup [###############---------------]  50% 1,000/2,000 records</c>.</summary>
    public static string Render(string verb, long done, long total)
    {
        var fraction = total <= 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture,
            $"{verb} [{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}% {done:N0}/{total:N0} records");
    }
}
