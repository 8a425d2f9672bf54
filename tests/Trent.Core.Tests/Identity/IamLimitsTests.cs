using Trent.Core.Identity.Iam;

namespace Trent.Core.Tests.Identity;

public sealed class IamLimitsTests
{
    [Fact]
    public void A_policys_size_does_not_count_white_space() =>
        Assert.Equal(IamLimits.SizeOf("""{"a":"b"}"""), IamLimits.SizeOf("{\n  \"a\" :\t\"b\"\r\n}  "));

    [Fact]
    public void A_policys_size_counts_every_other_character() => Assert.Equal(9, IamLimits.SizeOf("""{"a":"b"}"""));
}
