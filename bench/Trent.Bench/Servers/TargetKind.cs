namespace Trent.Bench.Servers;

/// <summary>What is measured: Trent itself, moto_server (the common emulator), and bare Kestrel (the HTTP ceiling).</summary>
public enum TargetKind
{
    Trent,
    Moto,
    Ceiling,
}
