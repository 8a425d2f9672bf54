using Trent.Core.Authorization.Policies;
using Trent.Core.Tests.Authorization.Table;
using static Trent.Core.Tests.Authorization.Table.Fixture;
using static Trent.Core.Tests.Authorization.Table.PolicyCase;

namespace Trent.Core.Tests.Authorization.Cases;

/// <summary>The numeric, date and Bool operators.</summary>
public static class NumericDateBoolCases
{
    private const string Days = "kms:ScheduleKeyDeletionPendingWindowInDays";
    private const string Time = "aws:CurrentTime";

    private static ConditionValues Window(string days) => Ctx().Set(Days, days);

    private static ConditionValues At(string time) => Ctx().Set(Time, time);

    private static string N(string op, string values) => $$$"""{"{{{op}}}":{"{{{Days}}}":{{{J(values)}}}}}""";

    private static string D(string op, string values) => $$$"""{"{{{op}}}":{"{{{Time}}}":{{{J(values)}}}}}""";

    public static IReadOnlyList<ICase> All { get; } =
    [
        Cond("ND-01", "NumericEquals matches an equal number.", N("NumericEquals", "10"), Window("10"), true),
        Cond("ND-02", "NumericEquals compares numbers, not text: 10 equals 10.0.", N("NumericEquals", "10"), Window("10.0"), true),
        Cond("ND-03", "NumericEquals does not match a different number.", N("NumericEquals", "10"), Window("11"), false),
        Cond("ND-04", "NumericEquals with several values matches any of them.", N("NumericEquals", """["7","30"]"""), Window("30"), true),
        Cond("ND-05", "NumericNotEquals is true for a different number.", N("NumericNotEquals", "10"), Window("11"), true),
        Cond("ND-06", "NumericNotEquals is false for an equal number.", N("NumericNotEquals", "10"), Window("10"), false),
        Cond("ND-07", "NumericLessThan is true for a smaller number.", N("NumericLessThan", "30"), Window("7"), true),
        Cond("ND-08", "NumericLessThan is false for an equal number.", N("NumericLessThan", "30"), Window("30"), false),
        Cond("ND-09", "NumericLessThanEquals is true for an equal number.", N("NumericLessThanEquals", "30"), Window("30"), true),
        Cond("ND-10", "NumericLessThanEquals is false for a larger number.", N("NumericLessThanEquals", "30"), Window("31"), false),
        Cond("ND-11", "NumericGreaterThan is true for a larger number.", N("NumericGreaterThan", "7"), Window("8"), true),
        Cond("ND-12", "NumericGreaterThan is false for an equal number.", N("NumericGreaterThan", "7"), Window("7"), false),
        Cond("ND-13", "NumericGreaterThanEquals is true for an equal number.", N("NumericGreaterThanEquals", "7"), Window("7"), true),
        Cond("ND-14", "NumericGreaterThanEquals is false for a smaller number.", N("NumericGreaterThanEquals", "7"), Window("6"), false),
        Cond("ND-15", "Numeric operators compare numerically, not lexically: 9 is less than 100.", N("NumericLessThan", "100"), Window("9"), true),
        Cond("ND-16", "Numeric operators handle negative and fractional numbers.", N("NumericGreaterThan", "-1"), Window("0.5"), true),
        Cond("ND-17", "A JSON number as a numeric operator's value works like its text.", $$$"""{"NumericLessThanEquals":{"{{{Days}}}":30}}""", Window("7"), true),
        Cond("ND-18", "A request value that is not a number satisfies no numeric comparison.", N("NumericEquals", "10"), Window("ten"), false),
        Cond("ND-19", "DateLessThan is true when the request time is before the policy date.", D("DateLessThan", "2025-01-01T00:00:00Z"),
            At("2024-06-15T12:00:00Z"), true),
        Cond("ND-20", "DateLessThan is false when the request time is after the policy date.", D("DateLessThan", "2024-01-01T00:00:00Z"),
            At("2024-06-15T12:00:00Z"), false),
        Cond("ND-21", "DateGreaterThan is true when the request time is after the policy date.", D("DateGreaterThan", "2024-01-01T00:00:00Z"),
            At("2024-06-15T12:00:00Z"), true),
        Cond("ND-22", "DateGreaterThan is false for the same instant.", D("DateGreaterThan", "2024-06-15T12:00:00Z"), At("2024-06-15T12:00:00Z"), false),
        Cond("ND-23", "DateEquals compares instants: Z and +00:00 are the same time.", D("DateEquals", "2024-06-15T12:00:00+00:00"),
            At("2024-06-15T12:00:00Z"), true),
        Cond("ND-24", "DateEquals compares instants across offsets: 14:00+02:00 is 12:00Z.", D("DateEquals", "2024-06-15T14:00:00+02:00"),
            At("2024-06-15T12:00:00Z"), true),
        Cond("ND-25", "A date may be given as epoch seconds: DateEquals matches the same instant in ISO 8601.", D("DateEquals", "1718452800"),
            At("2024-06-15T12:00:00Z"), true),
        Cond("ND-26", "DateNotEquals is true for a different instant.", D("DateNotEquals", "2024-06-15T12:00:01Z"), At("2024-06-15T12:00:00Z"), true),
        Cond("ND-27", "DateNotEquals is false for the same instant.", D("DateNotEquals", "2024-06-15T12:00:00Z"), At("2024-06-15T12:00:00Z"), false),
        Cond("ND-28", "DateLessThanEquals is true for the same instant.", D("DateLessThanEquals", "2024-06-15T12:00:00Z"), At("2024-06-15T12:00:00Z"), true),
        Cond("ND-29", "DateGreaterThanEquals is true for the same instant.", D("DateGreaterThanEquals", "2024-06-15T12:00:00Z"),
            At("2024-06-15T12:00:00Z"), true),
        Cond("ND-30", "A date without a time means midnight UTC.", D("DateGreaterThan", "2024-06-15"), At("2024-06-15T12:00:00Z"), true),
        Cond("ND-31", "aws:EpochTime compares as a date with an ISO 8601 policy value.",
            """{"DateGreaterThan":{"aws:EpochTime":"2024-01-01T00:00:00Z"}}""", Ctx().Set("aws:EpochTime", "1718452800"), true),
        Cond("ND-32", "A request value that is not a date satisfies no date comparison.", D("DateLessThan", "2025-01-01T00:00:00Z"), At("yesterday"), false),
        Cond("ND-33", "Bool \"true\" matches a true request value.", """{"Bool":{"aws:SecureTransport":"true"}}""", Ctx().Set("aws:SecureTransport", true), true),
        Cond("ND-34", "Bool \"false\" does not match a true request value.", """{"Bool":{"aws:SecureTransport":"false"}}""", Ctx().Set("aws:SecureTransport", true), false),
        Cond("ND-35", "Bool accepts a JSON boolean as its value.", """{"Bool":{"aws:SecureTransport":false}}""", Ctx().Set("aws:SecureTransport", false), true),
        Cond("ND-36", "Bool compares true and false case-insensitively [U].", """{"Bool":{"aws:SecureTransport":"True"}}""", Ctx().Set("aws:SecureTransport", true), true),
        Cond("ND-37", "Bool with both values matches any present boolean.", """{"Bool":{"aws:SecureTransport":["true","false"]}}""",
            Ctx().Set("aws:SecureTransport", false), true),
    ];
}
