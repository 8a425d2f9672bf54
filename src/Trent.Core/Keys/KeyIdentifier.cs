namespace Trent.Core.Keys;

/// <summary>The four ways a request names a key.</summary>
public enum KeyIdentifierKind
{
    KeyId,
    KeyArn,
    AliasName,
    AliasArn,
}

/// <summary>Which identifier forms an operation accepts.</summary>
public enum KeyIdForms
{
    /// <summary>Key id, key ARN, alias name or alias ARN.</summary>
    Any,

    /// <summary>Key id or key ARN only.</summary>
    KeyIdOrArn,
}

/// <summary>A parsed key identifier. Account and region are set only for ARNs.</summary>
public readonly record struct KeyIdentifier(KeyIdentifierKind Kind, string Raw, string Value, string? AccountId, string? Region)
{
    /// <summary>Parses an identifier; malformed input raises NotFoundException with AWS's wording.</summary>
    public static KeyIdentifier Parse(string raw)
    {
        if (raw.StartsWith("arn:", StringComparison.Ordinal))
        {
            return ParseArn(raw);
        }
        if (raw.StartsWith("alias/", StringComparison.Ordinal))
        {
            return new(KeyIdentifierKind.AliasName, raw, raw, null, null);
        }
        return new(KeyIdentifierKind.KeyId, raw, raw, null, null);
    }

    private static KeyIdentifier ParseArn(string raw)
    {
        // arn:<partition>:kms:<region>:<account>:key/<id> | alias/<name>
        var parts = raw.Split(':', 6);
        if (parts.Length != 6 || parts[1].Length == 0 || parts[2] != "kms" || parts[3].Length == 0 || !IsAccountId(parts[4]))
        {
            throw KmsException.NotFound("Invalid arn");
        }
        var (partition, region, account, resource) = (parts[1], parts[3], parts[4], parts[5]);
        if (partition != Partitions.ForRegion(region))
        {
            throw KmsException.NotFound("Invalid arn");
        }
        if (resource.StartsWith("key/", StringComparison.Ordinal) && resource.Length > 4)
        {
            return new(KeyIdentifierKind.KeyArn, raw, resource[4..], account, region);
        }
        if (resource.StartsWith("alias/", StringComparison.Ordinal) && resource.Length > 6)
        {
            return new(KeyIdentifierKind.AliasArn, raw, resource, account, region);
        }
        throw KmsException.NotFound("Invalid arn");
    }

    public static bool IsAccountId(string s) => s.Length == 12 && s.All(char.IsAsciiDigit);
}
