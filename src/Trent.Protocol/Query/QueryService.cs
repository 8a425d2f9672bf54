using Trent.Protocol.Validation;

namespace Trent.Protocol.Query;

/// <summary>An AWS service spoken over the Query protocol: its SigV4 signing name, API version, XML namespace and model.</summary>
public sealed class QueryService
{
    public static readonly QueryService Iam = new("iam", "2010-05-08", "iam-2010-05-08.json");

    public static readonly QueryService Sts = new("sts", "2011-06-15", "sts-2011-06-15.json");

    private readonly Lazy<ServiceModel> _model;

    private QueryService(string signingName, string version, string modelResource)
    {
        SigningName = signingName;
        Version = version;
        XmlNamespace = $"https://{signingName}.amazonaws.com/doc/{version}/";
        _model = new Lazy<ServiceModel>(() => ServiceModel.LoadEmbedded(modelResource));
    }

    public string SigningName { get; }

    public string Version { get; }

    public string XmlNamespace { get; }

    public ServiceModel Model => _model.Value;

    /// <summary>The service a credential scope names; null for one not spoken over Query.</summary>
    public static QueryService? BySigningName(string service) =>
        service == Iam.SigningName ? Iam : service == Sts.SigningName ? Sts : null;
}
