// The HTTP ceiling of this machine: Kestrel configured as Trent's host is (slim builder, no server header), answering
// every request with a constant 200 JSON body of an Encrypt response's size. Whatever Trent does beyond this is
// Trent's own cost. It runs as its own process so that its CPU time is measured apart from the load generator's.
using System.Buffers;
using System.Text;

var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:4598";
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls(urls);
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.Logging.ClearProviders();

// The shape and size of a real Encrypt response (a 64-byte plaintext's blob, a key ARN), so that the bytes on the
// wire match what the other targets send back.
var body = Encoding.UTF8.GetBytes(
    "{\"CiphertextBlob\":\"" + Convert.ToBase64String(new byte[170]) + "\"," +
    "\"KeyId\":\"arn:aws:kms:us-east-1:111122223333:key/00000000-0000-4000-8000-000000000000\"," +
    "\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}");

var app = builder.Build();
app.Run(async http =>
{
    // Read the request body as any real endpoint must, then answer.
    var buffer = ArrayPool<byte>.Shared.Rent(4096);
    while (await http.Request.Body.ReadAsync(buffer, http.RequestAborted) > 0)
    {
    }
    ArrayPool<byte>.Shared.Return(buffer);
    http.Response.StatusCode = 200;
    http.Response.ContentType = "application/x-amz-json-1.1";
    http.Response.ContentLength = body.Length;
    http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
    await http.Response.Body.WriteAsync(body, http.RequestAborted);
});
await app.RunAsync();
