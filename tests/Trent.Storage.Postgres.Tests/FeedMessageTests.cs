using Trent.Core.Identity.Iam;
using Trent.Core.Keys;
using Trent.Core.Storage;

namespace Trent.Storage.Postgres.Tests;

/// <summary>The notification payloads nodes exchange.</summary>
public sealed class FeedMessageTests
{
    [Fact]
    public void Every_kind_of_change_survives_the_payload_even_with_separators_in_its_identifiers()
    {
        StoreChange[] changes =
        [
            new StoreChange.Key(new KeyArn("111122223333", "us-east-1", "k|;,%1")),
            new StoreChange.Aliases("111122223333", "eu|west"),
            new StoreChange.Grants(new KeyArn("111122223333", "us-east-1", "mrk-1")),
            new StoreChange.AccessKey("AKIA,;|"),
            new StoreChange.IdentityPolicies(PolicyOwnerKind.User, "AIDA1"),
            new StoreChange.IdentityPolicies(PolicyOwnerKind.Role, "AROA1"),
        ];

        var message = FeedMessage.Parse(FeedMessage.ForChanges("node-a", 42, changes));

        Assert.NotNull(message);
        Assert.Equal(FeedMessageKind.Changes, message.Kind);
        Assert.Equal("node-a", message.Node);
        Assert.Equal(42, message.Sequence);
        Assert.Equal(changes, message.Changes);
    }

    [Fact]
    public void Acknowledgements_and_probes_name_their_node_origin_and_sequence()
    {
        var ack = FeedMessage.Parse(FeedMessage.ForAck("b", "a", 7));
        Assert.Equal((FeedMessageKind.Ack, "b", "a", 7L), (ack!.Kind, ack.Node, ack.Origin, ack.Sequence));
        var probe = FeedMessage.Parse(FeedMessage.ForProbe("b", 9));
        Assert.Equal((FeedMessageKind.Probe, "b", 9L), (probe!.Kind, probe.Node, probe.Sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("x|node|1")]
    [InlineData("c|node|not-a-number|")]
    [InlineData("p|node")]
    public void A_payload_this_version_does_not_know_is_ignored(string payload)
    {
        Assert.Null(FeedMessage.Parse(payload));
    }
}
