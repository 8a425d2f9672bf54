using Trent.Protocol.Query;

namespace Trent.Protocol.Tests.Query;

public sealed class QueryModelTests
{
    [Theory]
    [InlineData("iam", 176)]
    [InlineData("sts", 11)]
    public void The_embedded_botocore_models_load_with_every_operation(string service, int operations) =>
        Assert.Equal(operations, QueryService.BySigningName(service)!.Model.Inputs.Count);

    [Fact]
    public void Every_implemented_operation_is_in_its_services_model()
    {
        var table = QueryOperationTable.Create(new IamServices(null!, null!, null!, null!, null!));

        Assert.Equal(22, table.All.Count());
        Assert.All(table.All, op => Assert.True(op.Service.Model.Inputs.ContainsKey(op.Name), $"{op.Service.SigningName} has no {op.Name}"));
    }

    [Fact]
    public void The_services_have_AWSs_XML_namespaces()
    {
        Assert.Equal("https://iam.amazonaws.com/doc/2010-05-08/", QueryService.Iam.XmlNamespace);
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", QueryService.Sts.XmlNamespace);
    }
}
