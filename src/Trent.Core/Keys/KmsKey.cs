namespace Trent.Core.Keys;

/// <summary>A KMS key as stored; immutable, a change yields a new record with the same <see cref="Version"/> until committed.</summary>
public sealed record KmsKey
{
    public required KeyArn Arn { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public string Description { get; init; } = "";
    public KeySpec KeySpec { get; init; } = KeySpec.SYMMETRIC_DEFAULT;
    public KeyUsage KeyUsage { get; init; } = KeyUsage.ENCRYPT_DECRYPT;
    public KeyOrigin Origin { get; init; } = KeyOrigin.AWS_KMS;
    public KeyState State { get; init; } = KeyState.Enabled;

    /// <summary>Set only while <see cref="KeyState.PendingDeletion"/>.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    public bool MultiRegion { get; init; }
    public required string Policy { get; init; }
    public IReadOnlyList<KeyTag> Tags { get; init; } = [];
    public KeyRotationSettings Rotation { get; init; } = KeyRotationSettings.Off;

    /// <summary>The material that encrypts; null for keys without material (pending import).</summary>
    public string? CurrentMaterialId { get; init; }

    /// <summary>Optimistic-concurrency row version; the store bumps it on every committed update.</summary>
    public long Version { get; init; }

    public string KeyId => Arn.KeyId;

    public bool IsSymmetricEncryption => KeySpec == KeySpec.SYMMETRIC_DEFAULT;
}

/// <summary>One tag on a key.</summary>
public sealed record KeyTag(string TagKey, string TagValue);

/// <summary>Automatic rotation settings. The period is kept when rotation is disabled, as AWS does.</summary>
public sealed record KeyRotationSettings(bool Enabled, int PeriodInDays, DateTimeOffset? NextRotationDate)
{
    public const int DefaultPeriodInDays = 365;

    public static readonly KeyRotationSettings Off = new(false, DefaultPeriodInDays, null);
}

/// <summary>Metadata of one key material version (the material itself lives sealed in the store).</summary>
public sealed record KeyMaterialInfo(string MaterialId, DateTimeOffset CreatedAt, RotationType? RotationType);
