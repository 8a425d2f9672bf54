using Trent.Server.Audit;

namespace Trent.Server.Tests.Audit.Support;

/// <summary>
/// An audit directory whose writes this test process can make fail for real, in the first way open to it: on a tiny
/// tmpfs that is then filled to the last byte (ENOSPC on the open file) where mounting is allowed; else in a directory
/// whose write permission is then taken away (EACCES on the next file), which stops any process but root's; else (root
/// without the right to mount) in a directory that is then replaced by a file (ENOTDIR on the next file). The last two
/// fail only on new files, so the trail there starts a new file for every batch.
/// </summary>
public sealed class StarvableTrail : IAsyncDisposable
{
    private readonly string? _mount;
    private readonly bool _permissionsBind;

    private StarvableTrail(string directory, string? mount, bool permissionsBind)
    {
        Directory = directory;
        _mount = mount;
        _permissionsBind = permissionsBind;
    }

    public string Directory { get; }

    /// <summary>How writing fails, as it appears in the server's log.</summary>
    public string Failure => _mount is not null ? "No space left on device" : _permissionsBind ? "Access to the path" : "Could not find a part of the path";

    public AuditOptions Options => _mount is not null ? new AuditOptions { Directory = Directory } : new AuditOptions { Directory = Directory, MaxFileBytes = 1 };

    public static async Task<StarvableTrail> CreateAsync()
    {
        if (await BrokenTrail.MountTinyFilesystemAsync(kilobytes: 256) is { } mount)
        {
            return new StarvableTrail(Path.Combine(mount, "audit"), mount, permissionsBind: false);
        }
        var directory = Path.Combine(Path.GetTempPath(), "trent-audit-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        using var revoked = BrokenTrail.RevokeWrite(directory);
        return new StarvableTrail(directory, mount: null, permissionsBind: revoked is not null);
    }

    /// <summary>Makes writing fail; dispose to let it work again.</summary>
    public IDisposable Starve() =>
        _mount is { } mount ? BrokenTrail.Fill(mount)
        : _permissionsBind ? BrokenTrail.RevokeWrite(Directory)!
        : BrokenTrail.ReplaceWithFile(Directory);

    public async ValueTask DisposeAsync()
    {
        if (_mount is not null)
        {
            await BrokenTrail.UnmountAsync(_mount);
        }
        else
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
