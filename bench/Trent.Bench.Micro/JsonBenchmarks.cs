using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Trent.Protocol.Operations;
using Trent.Protocol.Wire;

namespace Trent.Bench.Micro;

/// <summary>
/// The JSON work of one Encrypt as the pipeline does it: parse the body into a document, deserialize the typed
/// request from it (source-generated <c>KmsJson</c>), and serialize the response into a fresh buffer.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-4000-8000-000000000000";
    private readonly byte[] _request = Encoding.UTF8.GetBytes(Payloads.EncryptRequest("00000000-0000-4000-8000-000000000000"));
    private readonly byte[] _ciphertext = new byte[206];

    [Benchmark]
    public int EncryptRoundTrip()
    {
        using var document = JsonDocument.Parse(_request);
        var request = document.RootElement.Deserialize(KmsJson.Default.EncryptRequest)!;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, new EncryptResponse(_ciphertext, KeyArn, request.EncryptionAlgorithm ?? "SYMMETRIC_DEFAULT"), KmsJson.Default.EncryptResponse);
        }
        return buffer.WrittenCount + request.Plaintext.Length;
    }
}
