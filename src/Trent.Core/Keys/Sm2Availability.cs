namespace Trent.Core.Keys;

/// <summary>AWS offers SM2 (keys and data key pairs) only in its China Regions; a setting lifts that for other deployments.</summary>
public static class Sm2Availability
{
    public static void Require(KmsRequestContext ctx, KmsLimits limits, string what)
    {
        if (!limits.Sm2Everywhere && !Partitions.IsChina(ctx.Region))
        {
            throw new KmsException(KmsErrorCode.UnsupportedOperationException,
                $"{what} SM2 is available only in the China Regions (cn-north-1, cn-northwest-1), not in {ctx.Region}.");
        }
    }
}
