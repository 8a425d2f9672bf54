using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Trent.Core;

namespace Trent.Protocol.Dispatch;

/// <summary>What an operation produced: the response object and how to serialize it (null for no body).</summary>
public readonly record struct OperationResult(object? Response, JsonTypeInfo? TypeInfo);

/// <summary>One AWS KMS operation, invoked by the pipeline after authentication and model validation.</summary>
public interface IKmsOperation
{
    /// <summary>The AWS operation name, as in <c>X-Amz-Target: TrentService.&lt;Name&gt;</c>.</summary>
    string Name { get; }

    ValueTask<OperationResult> InvokeAsync(JsonElement body, KmsRequestContext ctx, CancellationToken ct);
}

/// <summary>A response that carries secret bytes (plaintext, data keys); cleared once written.</summary>
public interface ISensitiveResponse
{
    void Clear();
}

/// <summary>Typed base of an operation: deserializes the validated request and runs the operation's few lines.</summary>
public abstract class KmsOperation<TRequest, TResponse> : IKmsOperation
    where TRequest : class
    where TResponse : class
{
    public string Name => GetType().Name;

    protected abstract JsonTypeInfo<TRequest> RequestType { get; }

    /// <summary>Null for operations that AWS answers with an empty body.</summary>
    protected abstract JsonTypeInfo<TResponse>? ResponseType { get; }

    protected abstract ValueTask<TResponse?> ExecuteAsync(TRequest request, KmsRequestContext ctx, CancellationToken ct);

    public async ValueTask<OperationResult> InvokeAsync(JsonElement body, KmsRequestContext ctx, CancellationToken ct)
    {
        TRequest? request;
        try
        {
            request = body.Deserialize(RequestType);
        }
        catch (JsonException e)
        {
            // The serializer's own message names Trent's types; the client needs only where its body went wrong.
            throw new KmsException(KmsErrorCode.SerializationException, $"The {Name} request could not be read at {e.Path ?? "$"}.");
        }
        var response = await ExecuteAsync(request ?? throw new KmsException(KmsErrorCode.SerializationException, "Empty request."), ctx, ct);
        return new OperationResult(response, ResponseType);
    }
}

/// <summary>The response of operations with no output shape.</summary>
public sealed class NoOutput
{
    public static readonly NoOutput Instance = new();

    private NoOutput()
    {
    }
}
