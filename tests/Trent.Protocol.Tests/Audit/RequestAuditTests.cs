using Microsoft.AspNetCore.Http;
using Trent.Core.Audit;
using Trent.Protocol.Audit;

namespace Trent.Protocol.Tests.Audit;

/// <summary>Whatever way recording fails, the request is not answered unless the trail is set to fail open.</summary>
public sealed class RequestAuditTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_sink_that_fails_in_an_unforeseen_way_counts_as_a_trail_that_cannot_record(bool failsOpen)
    {
        var audit = new RequestAudit(new FaultySink(failsOpen), usage: null, TimeProvider.System);
        var call = new AuditedCall(new DefaultHttpContext(), Guid.NewGuid().ToString()) { Operation = "ListKeys" };

        Assert.Equal(failsOpen, await audit.RecordAsync(call));
    }

    private sealed class FaultySink(bool failsOpen) : IAuditSink
    {
        public bool Refusing => false;

        public bool FailsOpen => failsOpen;

        public ValueTask RecordAsync(AuditEvent auditEvent) => throw new InvalidOperationException("not a trail failure the sink foresaw");
    }
}
