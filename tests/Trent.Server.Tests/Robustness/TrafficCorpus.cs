using System.Text.Json.Nodes;
using Trent.Protocol.Validation;
using Trent.Server.Tests.Wire;

namespace Trent.Server.Tests.Robustness;

/// <summary>Valid-looking starting bodies for every implemented operation, some naming a real key and a real ciphertext.</summary>
public sealed class TrafficCorpus(string keyId, string keyArn, string ciphertext)
{
    public JsonObject Seed(Random rng, string operation)
    {
        var input = KmsModel.Input(operation);
        var body = ValidValues.Structure(input);
        foreach (var member in input.Members)
        {
            if (!member.Required && rng.Next(3) == 0)
            {
                body[member.Name] = ValidValues.For(member.Shape);
            }
            if (body.ContainsKey(member.Name) && rng.Next(2) == 0 && Real(member) is { } real)
            {
                body[member.Name] = real;
            }
        }
        return body;
    }

    private JsonNode? Real(Member member) => member.Name switch
    {
        "KeyId" or "TargetKeyId" or "DestinationKeyId" or "SourceKeyId" => keyId,
        "CiphertextBlob" => ciphertext,
        "AliasName" => "alias/fuzz-" + keyId[..8],
        "Policy" => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{keyArn.Split(':')[4]}}"},"Action":"kms:*","Resource":"*"}]}""",
        _ => null,
    };
}
