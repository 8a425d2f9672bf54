namespace Trent.Core.Identity.Iam;

/// <summary>Told when an access key's status changes or the key is deleted, so that authentication stops trusting a cached copy.</summary>
public interface IAccessKeyInvalidation
{
    void AccessKeyChanged(string accessKeyId);
}
