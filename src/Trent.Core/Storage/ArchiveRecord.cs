using Trent.Core.Authorization.Grants;
using Trent.Core.Identity;
using Trent.Core.Identity.Iam;
using Trent.Core.Keys;

namespace Trent.Core.Storage;

/// <summary>
/// One stored row as a backup holds it: secrets stay sealed under the root key, exactly as stored. Records come in an
/// order that satisfies every reference (accounts, access keys, users, roles, policies, keys, aliases, grants, key
/// usage, meta).
/// </summary>
public abstract record ArchiveRecord
{
    private ArchiveRecord()
    {
    }

    public sealed record AccountRow(Account Account) : ArchiveRecord;

    public sealed record AccessKeyRow(AccessKeyRecord AccessKey) : ArchiveRecord;

    public sealed record UserRow(IamUser User) : ArchiveRecord;

    public sealed record RoleRow(IamRole Role) : ArchiveRecord;

    /// <summary>An inline policy of a user or role, by the owner's id.</summary>
    public sealed record PolicyRow(PolicyOwnerKind Kind, string OwnerId, InlinePolicy Policy) : ArchiveRecord;

    /// <summary>A key with its sealed material versions, oldest first.</summary>
    public sealed record KeyRow(StoredKey Key) : ArchiveRecord;

    public sealed record AliasRow(KeyAlias Alias) : ArchiveRecord;

    public sealed record GrantRow(Grant Grant) : ArchiveRecord;

    /// <summary>A key's last cryptographic use (GetKeyLastUsage).</summary>
    public sealed record KeyUsageRow(KeyUsageRecord Usage) : ArchiveRecord;

    /// <summary>A value about the store itself, such as the root key's check value.</summary>
    public sealed record MetaRow(string Name, string Value) : ArchiveRecord;
}
