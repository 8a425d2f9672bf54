using Trent.Core.Keys;

namespace Trent.Core.Tests.Keys;

public sealed class DefaultKeyPolicyTests
{
    [Fact]
    public void Default_policy_is_byte_for_byte_what_AWS_returns()
    {
        const string expected = """
            {
              "Version" : "2012-10-17",
              "Id" : "key-default-1",
              "Statement" : [ {
                "Sid" : "Enable IAM User Permissions",
                "Effect" : "Allow",
                "Principal" : {
                  "AWS" : "arn:aws:iam::111122223333:root"
                },
                "Action" : "kms:*",
                "Resource" : "*"
              } ]
            }
            """;
        Assert.Equal(expected, DefaultKeyPolicy.For("aws", "111122223333"));
    }
}
