using System.Text;

namespace Trent.Server.Tests.Wire;

/// <summary>
/// Every constraint the AWS model declares on the input of every implemented operation, violated on the wire,
/// answers AWS's ValidationException text. Cases are generated from the model, so a new operation is covered
/// as soon as it is in the operation table.
/// </summary>
public sealed class ModelConstraintTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    public static TheoryData<string> Implemented => KmsModel.Theory(KmsModel.Implemented);

    [Theory]
    [MemberData(nameof(Implemented))]
    public async Task Every_model_constraint_of_the_operation_answers_AWS_validation_text(string operation)
    {
        var cases = ConstraintCases.For(operation);
        Assert.NotEmpty(cases);
        var failures = new StringBuilder();
        foreach (var c in cases)
        {
            var response = await fx.Wire.SendAsync(operation, c.Body.ToJsonString());
            if (Mismatch(c, response) is { } problem)
            {
                failures.Append(c).Append(": ").AppendLine(problem);
            }
        }
        Assert.True(failures.Length == 0, $"{cases.Count} cases, failures:\n{failures}");
    }

    [Fact]
    public void Every_implemented_operation_has_generated_constraint_cases() =>
        Assert.All(KmsModel.Implemented, op => Assert.NotEmpty(ConstraintCases.For(op)));

    private static string? Mismatch(ConstraintCase c, WireResponse response)
    {
        if (response.Status != 400 || response.Type != "ValidationException")
        {
            return $"expected ValidationException, got {response}";
        }
        var message = response.Message ?? "";
        if (c.Errors.Count == 1)
        {
            return message == c.Message ? null : $"expected\n  {c.Message}\ngot\n  {message}";
        }
        // Several errors: the count and the set of lines must match; AWS's order among them is not meaningful.
        var prefix = $"{c.Errors.Count} validation errors detected: ";
        var lines = message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..].Split("; ") : [];
        return lines.Order(StringComparer.Ordinal).SequenceEqual(c.Errors.Order(StringComparer.Ordinal))
            ? null
            : $"expected (any order)\n  {c.Message}\ngot\n  {message}";
    }
}
