using System.Text;
using Trent.Core;
using Trent.Protocol.Query;

namespace Trent.Protocol.Tests.Query;

public sealed class FormParametersTests
{
    [Fact]
    public void Form_pairs_are_decoded_with_plus_as_space_and_percent_escapes()
    {
        var parameters = FormParameters.Parse("", "Action=CreateUser&UserName=a%2Bb&Description=two+words%20%E2%9C%93&Empty="u8);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "CreateUser",
            ["UserName"] = "a+b",
            ["Description"] = "two words \u2713",
            ["Empty"] = "",
        }, parameters);
    }

    [Fact]
    public void Query_string_and_body_parameters_are_both_read()
    {
        var parameters = FormParameters.Parse("Action=GetCallerIdentity", "Version=2011-06-15"u8);

        Assert.Equal(("GetCallerIdentity", "2011-06-15"), (parameters["Action"], parameters["Version"]));
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        var parameters = FormParameters.Parse("", "UserName=a&username=b"u8);

        Assert.Equal(("a", "b"), (parameters["UserName"], parameters["username"]));
    }

    [Fact]
    public void A_parameter_given_twice_is_refused()
    {
        var e = Assert.Throws<KmsException>(() => FormParameters.Parse("UserName=a", "UserName=b"u8));

        Assert.Equal(KmsErrorCode.SerializationException, e.Code);
    }

    [Fact]
    public void A_body_that_is_not_UTF8_is_refused()
    {
        var e = Assert.Throws<KmsException>(() => FormParameters.Parse("", new byte[] { 0x41, 0x3D, 0xFF }));

        Assert.Equal(KmsErrorCode.SerializationException, e.Code);
    }

    [Fact]
    public void An_empty_body_has_no_parameters() => Assert.Empty(FormParameters.Parse("", Encoding.UTF8.GetBytes("")));
}
