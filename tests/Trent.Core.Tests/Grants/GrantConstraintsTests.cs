using Trent.Core.Authorization.Grants;

namespace Trent.Core.Tests.Grants;

public sealed class GrantConstraintsTests
{
    private static Dictionary<string, string> Pairs(params string[] keysAndValues) =>
        keysAndValues.Chunk(2).ToDictionary(p => p[0], p => p[1]);

    private static GrantConstraints Subset(params string[] keysAndValues) => new(GrantConstraintType.EncryptionContextSubset, Pairs(keysAndValues));

    private static GrantConstraints Equal(params string[] keysAndValues) => new(GrantConstraintType.EncryptionContextEquals, Pairs(keysAndValues));

    [Fact]
    public void A_subset_constraint_is_met_by_a_context_holding_its_pairs_and_more() =>
        Assert.True(Subset("Dept", "IT").IsSatisfiedBy(Pairs("Dept", "IT", "Project", "Trent")));

    [Theory]
    [InlineData("Project", "Trent")]
    [InlineData("Dept", "HR")]
    public void A_subset_constraint_is_not_met_when_a_pair_is_missing_or_differs(string key, string value) =>
        Assert.False(Subset("Dept", "IT", "Project", "Trent").IsSatisfiedBy(Pairs(key, value)));

    [Fact]
    public void A_constraint_is_not_met_by_a_request_without_context()
    {
        Assert.False(Subset("Dept", "IT").IsSatisfiedBy(null));
        Assert.False(Equal("Dept", "IT").IsSatisfiedBy(null));
    }

    [Fact]
    public void Context_keys_compare_without_regard_to_case()
    {
        Assert.True(Subset("Dept", "IT").IsSatisfiedBy(Pairs("dEPT", "IT")));
        Assert.True(Equal("Dept", "IT").IsSatisfiedBy(Pairs("DEPT", "IT")));
    }

    [Fact]
    public void Context_values_compare_with_regard_to_case()
    {
        Assert.False(Subset("Dept", "IT").IsSatisfiedBy(Pairs("Dept", "it")));
        Assert.False(Equal("Dept", "IT").IsSatisfiedBy(Pairs("Dept", "iT")));
    }

    [Fact]
    public void An_equals_constraint_is_met_only_by_exactly_its_pairs()
    {
        var constraint = Equal("Dept", "IT", "Project", "Trent");

        Assert.True(constraint.IsSatisfiedBy(Pairs("Project", "Trent", "Dept", "IT")));
        Assert.False(constraint.IsSatisfiedBy(Pairs("Dept", "IT")));
        Assert.False(constraint.IsSatisfiedBy(Pairs("Dept", "IT", "Project", "Trent", "Extra", "x")));
        Assert.False(constraint.IsSatisfiedBy(Pairs("Dept", "IT", "dept", "IT", "Project", "Trent")));
    }

    [Fact]
    public void Both_constraint_kinds_at_once_are_refused_with_AWS_text()
    {
        var error = Assert.Throws<KmsException>(() => GrantConstraints.From(Pairs("a", "1"), Pairs("b", "2")));

        Assert.Equal((KmsErrorCode.ValidationException, "More than one constraint supplied"), (error.Code, error.Message));
    }

    [Fact]
    public void Empty_maps_are_no_constraint_so_one_kind_may_come_with_the_other_empty()
    {
        Assert.Null(GrantConstraints.From(null, null));
        Assert.Null(GrantConstraints.From(Pairs(), Pairs()));
        Assert.Equal(GrantConstraintType.EncryptionContextEquals, GrantConstraints.From(Pairs(), Pairs("a", "1"))!.Type);
        Assert.Equal(GrantConstraintType.EncryptionContextSubset, GrantConstraints.From(Pairs("a", "1"), Pairs())!.Type);
    }

    [Fact]
    public void At_most_eight_pairs_are_accepted()
    {
        var eight = Enumerable.Range(1, 8).SelectMany(i => new[] { $"k{i}", "v" }).ToArray();
        var nine = Enumerable.Range(1, 9).SelectMany(i => new[] { $"k{i}", "v" }).ToArray();

        Assert.NotNull(GrantConstraints.From(Pairs(eight), null));
        Assert.Equal(KmsErrorCode.ValidationException, Assert.Throws<KmsException>(() => GrantConstraints.From(null, Pairs(nine))).Code);
    }

    [Fact]
    public void Values_of_at_most_384_characters_are_accepted()
    {
        Assert.NotNull(GrantConstraints.From(Pairs("k", new string('v', 384)), null));
        Assert.Equal(KmsErrorCode.ValidationException,
            Assert.Throws<KmsException>(() => GrantConstraints.From(Pairs("k", new string('v', 385)), null)).Code);
    }

    public static TheoryData<GrantConstraints?, GrantConstraints?, bool> Strictness => new()
    {
        { null, null, true },
        { Subset("a", "1"), null, true },
        { null, Subset("a", "1"), false },
        { Subset("a", "1"), Subset("a", "1"), true },
        { Subset("a", "1", "b", "2"), Subset("a", "1"), true },
        { Subset("A", "1"), Subset("a", "1"), true },
        { Subset("b", "2"), Subset("a", "1"), false },
        { Subset("a", "2"), Subset("a", "1"), false },
        { Equal("a", "1", "b", "2"), Subset("a", "1"), true },
        { Equal("a", "1"), Equal("a", "1"), true },
        { Subset("a", "1"), Equal("a", "1"), false },
        { Equal("a", "1", "b", "2"), Equal("a", "1"), false },
        { null, Equal("a", "1"), false },
    };

    [Theory]
    [MemberData(nameof(Strictness))]
    public void A_child_constraint_must_be_equal_or_stricter_than_its_parents(GrantConstraints? child, GrantConstraints? parent, bool allowed) =>
        Assert.Equal(allowed, GrantConstraints.IsAtLeastAsStrict(child, parent));

    [Fact]
    public void Equality_for_idempotency_is_exact_in_kind_keys_and_values()
    {
        Assert.True(GrantConstraints.AreEqual(Subset("a", "1", "b", "2"), Subset("b", "2", "a", "1")));
        Assert.True(GrantConstraints.AreEqual(null, null));
        Assert.False(GrantConstraints.AreEqual(Subset("a", "1"), Equal("a", "1")));
        Assert.False(GrantConstraints.AreEqual(Subset("a", "1"), Subset("A", "1")));
        Assert.False(GrantConstraints.AreEqual(Subset("a", "1"), null));
    }
}
