using Trent.Core.Identity;

namespace Trent.Protocol.Tests.Auth;

/// <summary>An access key the tests sign with, and the IAM user it belongs to.</summary>
internal sealed record TestKey(string AccessKeyId, string Secret, string AccountId, string UserName)
{
    public CallerIdentity Identity => new(
        AccountId, $"arn:aws:iam::{AccountId}:user/{UserName}", PrincipalType.IAMUser, $"AIDA{UserName.ToUpperInvariant()}", AccessKeyId);
}

internal static class TestKeys
{
    /// <summary>The example key of AWS's SigV4 documentation and test suite.</summary>
    public static readonly TestKey AwsExample = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "123456789012", "example");

    public static readonly TestKey Alice = new("AKIAALICE0000EXAMPLE", "alice/Secret+0123456789abcdefghijklmnopq", "111111111111", "alice");

    public static readonly TestKey Bob = new("AKIABOB00000EXAMPLE1", "bob+Secret/9876543210zyxwvutsrqponmlkji", "222222222222", "bob");

    public static readonly TestKey Retired = new("AKIARETIRED0EXAMPLE1", "retired/Secret+0000000000000000000000000", "111111111111", "retired");
}
