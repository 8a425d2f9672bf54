using Trent.Core.Identity;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Contract;

/// <summary>Field-by-field equality for records whose collections compare by reference.</summary>
public static class StoreAssert
{
    private static readonly KeyTag[] NoTags = [];

    private static readonly byte[] NoBytes = [];

    public static void SameKey(KmsKey expected, KmsKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected with { Tags = NoTags }, actual with { Tags = NoTags });
    }

    public static void SameMaterials(IEnumerable<StoredMaterial> expected, IEnumerable<StoredMaterial> actual)
    {
        Assert.Equal(expected.Select(m => m.Info), actual.Select(m => m.Info));
        Assert.Equal(expected.Select(m => Convert.ToHexString(m.SealedMaterial)), actual.Select(m => Convert.ToHexString(m.SealedMaterial)));
    }

    public static void SameAccessKey(AccessKeyRecord expected, AccessKeyRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.SealedSecret, actual.SealedSecret);
        Assert.Equal(expected with { SealedSecret = NoBytes }, actual with { SealedSecret = NoBytes });
    }
}
