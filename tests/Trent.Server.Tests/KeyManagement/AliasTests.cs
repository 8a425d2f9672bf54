using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Trent.Server.Tests.KeyManagement.Support;

namespace Trent.Server.Tests.KeyManagement;

/// <summary>
/// CreateAlias, UpdateAlias, DeleteAlias and ListAliases: naming rules, targets and AWS's messages. The tests here may
/// move the shared server's clock forward: none of them schedules a deletion.
/// </summary>
public sealed class AliasTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string PrefixMessage =
        "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html";

    private readonly AmazonKeyManagementServiceClient _kms = shared.Kms;

    private static string NewAlias() => $"alias/test-{Guid.NewGuid():N}";

    [Fact]
    public async Task CreateAlias_then_ListAliases_returns_the_entry_with_name_ARN_target_key_id_and_dates()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        var now = shared.Server.Clock.GetUtcNow().ToUnixTimeMilliseconds();

        await _kms.CreateAliasAsync(alias, key.KeyId);

        var entry = Assert.Single(await _kms.AliasesOfAsync(key.KeyId));
        Assert.Equal(alias, entry.AliasName);
        Assert.Equal($"arn:aws:kms:us-east-1:{shared.Account}:{alias}", entry.AliasArn);
        Assert.Equal(key.KeyId, entry.TargetKeyId);
        Assert.Equal(now, new DateTimeOffset(entry.CreationDate!.Value).ToUnixTimeMilliseconds());
        Assert.Equal(entry.CreationDate, entry.LastUpdatedDate);
    }

    [Fact]
    public async Task CreateAlias_with_a_key_ARN_as_target_points_the_alias_at_that_key()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();

        await _kms.CreateAliasAsync(alias, key.Arn);

        Assert.Equal(key.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task CreateAlias_lets_one_key_have_several_aliases_listed_in_name_order()
    {
        var key = await _kms.NewKeyAsync();
        var stem = NewAlias();

        foreach (var suffix in new[] { "-c", "-a", "-b" })
        {
            await _kms.CreateAliasAsync(stem + suffix, key.KeyId);
        }

        Assert.Equal([stem + "-a", stem + "-b", stem + "-c"], (await _kms.AliasesOfAsync(key.KeyId)).Select(a => a.AliasName));
    }

    [Fact]
    public async Task CreateAlias_accepts_every_character_the_alias_pattern_allows_after_the_prefix()
    {
        var key = await _kms.NewKeyAsync();
        var alias = $"alias/Mixed_Case-09/nested/{Guid.NewGuid():N}";

        await _kms.CreateAliasAsync(alias, key.KeyId);

        Assert.Equal(key.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task Alias_names_are_case_sensitive()
    {
        var lower = await _kms.NewKeyAsync();
        var upper = await _kms.NewKeyAsync();
        var alias = NewAlias();
        var upperAlias = alias.ToUpperInvariant().Replace("ALIAS/", "alias/", StringComparison.Ordinal);

        await _kms.CreateAliasAsync(alias, lower.KeyId);
        await _kms.CreateAliasAsync(upperAlias, upper.KeyId);

        Assert.Equal(lower.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
        Assert.Equal(upper.KeyId, (await _kms.DescribeAsync(upperAlias)).KeyId);
    }

    [Fact]
    public async Task CreateAlias_without_the_alias_prefix_returns_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Validation(() => _kms.CreateAliasAsync("my-key", key.KeyId), PrefixMessage);
    }

    [Fact]
    public async Task CreateAlias_under_the_reserved_alias_aws_prefix_returns_InvalidAliasNameException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Error<InvalidAliasNameException>(
            () => _kms.CreateAliasAsync("alias/aws/s3", key.KeyId),
            "Alias names that begin with alias/aws/ are reserved for AWS managed keys.");
    }

    [Fact]
    public async Task CreateAlias_with_a_colon_after_the_prefix_returns_InvalidAliasNameException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Error<InvalidAliasNameException>(
            () => _kms.CreateAliasAsync("alias/a:b", key.KeyId),
            "Alias name alias/a:b is not valid: after alias/ it may contain only letters, digits, '/', '_' and '-'.");
    }

    [Fact]
    public async Task CreateAlias_with_only_the_prefix_returns_InvalidAliasNameException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Error<InvalidAliasNameException>(
            () => _kms.CreateAliasAsync("alias/", key.KeyId),
            "Alias name alias/ is not valid: after alias/ it may contain only letters, digits, '/', '_' and '-'.");
    }

    [Fact]
    public async Task CreateAlias_with_a_character_outside_the_model_pattern_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Validation(
            () => _kms.CreateAliasAsync("alias/has space", key.KeyId),
            "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
    }

    [Fact]
    public async Task CreateAlias_with_a_name_longer_than_256_characters_returns_the_model_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        var alias = "alias/" + new string('n', 251);
        await Expect.Validation(
            () => _kms.CreateAliasAsync(alias, key.KeyId),
            $"1 validation error detected: Value '{alias}' at 'aliasName' failed to satisfy constraint: Member must have length less than or equal to 256");
    }

    [Fact]
    public async Task CreateAlias_with_a_name_of_256_characters_succeeds()
    {
        var key = await _kms.NewKeyAsync();
        var alias = "alias/" + Guid.NewGuid().ToString("N") + new string('n', 250 - 32);

        await _kms.CreateAliasAsync(alias, key.KeyId);

        Assert.Equal(256, alias.Length);
        Assert.Equal(key.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task CreateAlias_with_a_name_that_exists_returns_AlreadyExistsException_naming_the_alias_ARN()
    {
        var first = await _kms.NewKeyAsync();
        var second = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, first.KeyId);

        await Expect.Error<AlreadyExistsException>(
            () => _kms.CreateAliasAsync(alias, second.KeyId),
            $"An alias with the name arn:aws:kms:us-east-1:{shared.Account}:{alias} already exists");
        Assert.Equal(first.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task CreateAlias_for_an_unknown_key_returns_NotFoundException_and_creates_nothing()
    {
        var alias = NewAlias();

        await Expect.Error<NotFoundException>(
            () => _kms.CreateAliasAsync(alias, KmsCalls.UnknownKeyId),
            $"Key '{KmsCalls.KeyArn(shared.Account, KmsCalls.UnknownKeyId)}' does not exist");
        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync(alias), $"Alias {KmsCalls.AliasArn(shared.Account, alias)} is not found.");
    }

    [Fact]
    public async Task CreateAlias_beyond_50_aliases_on_one_key_returns_LimitExceededException()
    {
        var key = await _kms.NewKeyAsync();
        var stem = NewAlias();
        for (var i = 0; i < 50; i++)
        {
            await _kms.CreateAliasAsync($"{stem}-{i:D2}", key.KeyId);
        }

        await Expect.Error<LimitExceededException>(
            () => _kms.CreateAliasAsync(stem + "-50", key.KeyId),
            $"The number of aliases for {key.Arn} would exceed the limit of 50.");
        Assert.Equal(50, (await _kms.AllAliasesAsync(key.KeyId)).Count);
    }

    [Fact]
    public async Task UpdateAlias_points_the_alias_at_the_new_key_and_moves_only_LastUpdatedDate()
    {
        var first = await _kms.NewKeyAsync();
        var second = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, first.KeyId);
        // Resolve through the alias first so a cached alias target would show up as a stale answer.
        Assert.Equal(first.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
        var created = Assert.Single(await _kms.AliasesOfAsync(first.KeyId));
        shared.Server.Clock.Advance(TimeSpan.FromHours(1));
        var updateTime = shared.Server.Clock.GetUtcNow().ToUnixTimeMilliseconds();

        await _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = second.Arn });

        Assert.Equal(second.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
        Assert.Empty(await _kms.AliasesOfAsync(first.KeyId));
        var updated = Assert.Single(await _kms.AliasesOfAsync(second.KeyId));
        Assert.Equal(created.CreationDate, updated.CreationDate);
        Assert.Equal(second.KeyId, updated.TargetKeyId);
        Assert.Equal(updateTime, new DateTimeOffset(updated.LastUpdatedDate!.Value).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task UpdateAlias_to_a_key_that_already_has_50_aliases_returns_LimitExceededException()
    {
        var full = await _kms.NewKeyAsync();
        var other = await _kms.NewKeyAsync();
        var stem = NewAlias();
        for (var i = 0; i < 50; i++)
        {
            await _kms.CreateAliasAsync($"{stem}-{i:D2}", full.KeyId);
        }
        var moving = NewAlias();
        await _kms.CreateAliasAsync(moving, other.KeyId);

        await Expect.Error<LimitExceededException>(
            () => _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = moving, TargetKeyId = full.KeyId }),
            $"The number of aliases for {full.Arn} would exceed the limit of 50.");
        Assert.Equal(other.KeyId, (await _kms.DescribeAsync(moving)).KeyId);
        // An alias that already points at the full key may be "moved" to it: the count does not grow.
        await _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = stem + "-00", TargetKeyId = full.Arn });
    }

    [Fact]
    public async Task UpdateAlias_to_the_key_it_already_points_at_succeeds()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, key.KeyId);

        await _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId });

        Assert.Equal(key.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task UpdateAlias_of_an_unknown_alias_returns_NotFoundException_naming_the_alias_ARN()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await Expect.Error<NotFoundException>(
            () => _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId }),
            $"Alias {KmsCalls.AliasArn(shared.Account, alias)} is not found.");
    }

    [Fact]
    public async Task UpdateAlias_without_the_alias_prefix_returns_ValidationException()
    {
        var key = await _kms.NewKeyAsync();
        await Expect.Validation(
            () => _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = "my-key", TargetKeyId = key.KeyId }), PrefixMessage);
    }

    [Fact]
    public async Task UpdateAlias_to_an_unknown_key_returns_NotFoundException_and_keeps_the_old_target()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, key.KeyId);

        await Expect.Error<NotFoundException>(
            () => _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = KmsCalls.UnknownKeyId }),
            $"Key '{KmsCalls.KeyArn(shared.Account, KmsCalls.UnknownKeyId)}' does not exist");
        Assert.Equal(key.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task UpdateAlias_with_another_alias_as_target_returns_InvalidArnException()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        var other = NewAlias();
        await _kms.CreateAliasAsync(alias, key.KeyId);
        await _kms.CreateAliasAsync(other, (await _kms.NewKeyAsync()).KeyId);

        await Expect.Unmodeled(
            () => _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = other }),
            "InvalidArnException", "Key Aliases are not supported for this operation.");
    }

    [Fact]
    public async Task DeleteAlias_removes_the_alias_so_it_no_longer_resolves()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, key.KeyId);
        Assert.Equal(key.KeyId, (await _kms.DescribeAsync(alias)).KeyId);

        await _kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias });

        await Expect.Error<NotFoundException>(
            () => _kms.DescribeAsync(alias), $"Alias {KmsCalls.AliasArn(shared.Account, alias)} is not found.");
        Assert.Empty(await _kms.AliasesOfAsync(key.KeyId));
        Assert.Equal(KeyState.Enabled, (await _kms.DescribeAsync(key.KeyId)).KeyState);
    }

    [Fact]
    public async Task DeleteAlias_then_CreateAlias_of_the_same_name_may_target_another_key()
    {
        var first = await _kms.NewKeyAsync();
        var second = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, first.KeyId);
        await _kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias });

        await _kms.CreateAliasAsync(alias, second.KeyId);

        Assert.Equal(second.KeyId, (await _kms.DescribeAsync(alias)).KeyId);
    }

    [Fact]
    public async Task DeleteAlias_of_an_unknown_alias_returns_NotFoundException_naming_the_alias_ARN()
    {
        var alias = NewAlias();
        await Expect.Error<NotFoundException>(
            () => _kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias }),
            $"Alias {KmsCalls.AliasArn(shared.Account, alias)} is not found.");
    }

    [Theory]
    [InlineData("alias/")]
    [InlineData("alias/a:b")]
    [InlineData("alias/aws/never-created")]
    public async Task UpdateAlias_and_DeleteAlias_of_a_name_no_alias_can_have_return_NotFoundException(string alias)
    {
        var key = await _kms.NewKeyAsync();
        var message = $"Alias {KmsCalls.AliasArn(shared.Account, alias)} is not found.";

        await Expect.Error<NotFoundException>(
            () => _kms.UpdateAliasAsync(new UpdateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId }), message);
        await Expect.Error<NotFoundException>(() => _kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = alias }), message);
    }

    [Fact]
    public async Task DeleteAlias_without_the_alias_prefix_returns_ValidationException()
    {
        await Expect.Validation(() => _kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "my-key" }), PrefixMessage);
    }

    [Fact]
    public async Task An_alias_keeps_resolving_to_its_key_through_every_state_change()
    {
        var key = await _kms.NewKeyAsync();
        var alias = NewAlias();
        await _kms.CreateAliasAsync(alias, key.KeyId);

        await _kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        Assert.Equal(KeyState.Disabled, (await _kms.DescribeAsync(alias)).KeyState);
        await _kms.ScheduleDeletionAsync(key.KeyId);
        Assert.Equal(KeyState.PendingDeletion, (await _kms.DescribeAsync(alias)).KeyState);
        await _kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        Assert.Equal(KeyState.Disabled, (await _kms.DescribeAsync(alias)).KeyState);
        await _kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        Assert.Equal(KeyState.Enabled, (await _kms.DescribeAsync(alias)).KeyState);
        Assert.Equal(alias, Assert.Single(await _kms.AliasesOfAsync(key.KeyId)).AliasName);
    }

    [Fact]
    public async Task ListAliases_with_a_KeyId_filter_returns_only_that_keys_aliases()
    {
        var key = await _kms.NewKeyAsync();
        var other = await _kms.NewKeyAsync();
        var mine = NewAlias();
        await _kms.CreateAliasAsync(mine, key.KeyId);
        await _kms.CreateAliasAsync(NewAlias(), other.KeyId);

        var byId = await _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = key.KeyId });
        var byArn = await _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = key.Arn });

        Assert.Equal([mine], byId.Aliases.Select(a => a.AliasName));
        Assert.Equal([mine], byArn.Aliases.Select(a => a.AliasName));
        Assert.False(byId.Truncated);
        Assert.Null(byId.NextMarker);
    }

    [Fact]
    public async Task ListAliases_with_the_KeyId_of_a_key_without_aliases_returns_an_empty_list()
    {
        var key = await _kms.NewKeyAsync();

        var page = await _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = key.KeyId });

        Assert.Empty(page.Aliases);
        Assert.False(page.Truncated);
    }

    [Fact]
    public async Task ListAliases_with_an_unknown_KeyId_returns_NotFoundException()
    {
        await Expect.Error<NotFoundException>(
            () => _kms.ListAliasesAsync(new ListAliasesRequest { KeyId = KmsCalls.UnknownKeyId }),
            $"Key '{KmsCalls.KeyArn(shared.Account, KmsCalls.UnknownKeyId)}' does not exist");
    }

    [Fact]
    public async Task ListAliases_without_a_filter_includes_aliases_of_every_key()
    {
        var a = await _kms.NewKeyAsync();
        var b = await _kms.NewKeyAsync();
        var aliasA = NewAlias();
        var aliasB = NewAlias();
        await _kms.CreateAliasAsync(aliasA, a.KeyId);
        await _kms.CreateAliasAsync(aliasB, b.KeyId);

        var all = await _kms.AllAliasesAsync();

        Assert.Equal(a.KeyId, Assert.Single(all, x => x.AliasName == aliasA).TargetKeyId);
        Assert.Equal(b.KeyId, Assert.Single(all, x => x.AliasName == aliasB).TargetKeyId);
    }
}
