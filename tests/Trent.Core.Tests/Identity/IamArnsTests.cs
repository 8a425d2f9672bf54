using Trent.Core.Identity.Iam;

namespace Trent.Core.Tests.Identity;

public sealed class IamArnsTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/deployer", "aws", "/", "deployer")]
    [InlineData("arn:aws:iam::111122223333:role/ci/team/deployer", "aws", "/ci/team/", "deployer")]
    [InlineData("arn:aws-cn:iam::111122223333:role/a.b@c=d,e+f-g_h", "aws-cn", "/", "a.b@c=d,e+f-g_h")]
    public void A_role_ARN_splits_into_partition_account_path_and_name(string arn, string partition, string path, string name)
    {
        Assert.True(IamArns.TryParseRole(arn, out var p, out var account, out var rolePath, out var roleName));

        Assert.Equal((partition, "111122223333", path, name), (p, account, rolePath, roleName));
        Assert.Equal(arn, IamArns.Role(p, account, rolePath, roleName));
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/deployer")]
    [InlineData("arn:aws:iam::11112222333:role/deployer")]
    [InlineData("arn:aws:sts::111122223333:role/deployer")]
    [InlineData("arn:aws:iam::111122223333:role/")]
    [InlineData("arn:aws:iam::111122223333:role/has space")]
    [InlineData("arn:aws:iam::111122223333:role/deployer\n")]
    [InlineData("arn:other:iam::111122223333:role/deployer")]
    public void Anything_else_is_not_a_role_ARN(string arn) =>
        Assert.False(IamArns.TryParseRole(arn, out _, out _, out _, out _));

    [Fact]
    public void Principal_ARNs_are_formed_as_IAM_and_STS_form_them()
    {
        Assert.Equal("arn:aws:iam::111122223333:user/division/app", IamArns.User("aws", "111122223333", "/division/", "app"));
        Assert.Equal("arn:aws:iam::111122223333:user/app", IamArns.User("aws", "111122223333", "/", "app"));
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/deployer/s1", IamArns.AssumedRole("aws", "111122223333", "deployer", "s1"));
    }
}
