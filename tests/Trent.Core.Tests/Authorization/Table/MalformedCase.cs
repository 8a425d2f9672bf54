using Trent.Core.Authorization.Policies;

namespace Trent.Core.Tests.Authorization.Table;

/// <summary>A row about parsing: the document is refused with exactly <see cref="Message"/>, or accepted when it is null.</summary>
public sealed record MalformedCase(string Id, string Rule, PolicyKind Kind, string Json, string? Message) : ICase
{
    public override string ToString() => $"{Id}: {Rule}";

    public Task RunAsync()
    {
        if (Message is null)
        {
            var parsed = PolicyDocument.Parse(Json, Kind);
            Assert.NotEmpty(parsed.Statements);
            return Task.CompletedTask;
        }
        var e = Assert.Throws<MalformedPolicyException>(() => PolicyDocument.Parse(Json, Kind));
        Assert.Equal(Message, e.Message);
        return Task.CompletedTask;
    }
}
