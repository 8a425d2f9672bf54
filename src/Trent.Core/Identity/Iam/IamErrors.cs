namespace Trent.Core.Identity.Iam;

/// <summary>IAM's and STS's error messages, worded as AWS words them.</summary>
public static class IamErrors
{
    public static IamException NoSuchUser(string userName) => new(IamErrorCode.NoSuchEntity, $"The user with name {userName} cannot be found.");

    public static IamException NoSuchRole(string roleName) => new(IamErrorCode.NoSuchEntity, $"The role with name {roleName} cannot be found.");

    public static IamException NoSuchPolicy(PolicyOwnerKind kind, string policyName) =>
        new(IamErrorCode.NoSuchEntity, $"The {Noun(kind)} policy with name {policyName} cannot be found.");

    public static IamException NoSuchAccessKey(string accessKeyId) =>
        new(IamErrorCode.NoSuchEntity, $"The Access Key with id {accessKeyId} cannot be found.");

    public static IamException UserExists(string userName) => new(IamErrorCode.EntityAlreadyExists, $"User with name {userName} already exists.");

    public static IamException RoleExists(string roleName) => new(IamErrorCode.EntityAlreadyExists, $"Role with name {roleName} already exists.");

    public static IamException MustDeleteAccessKeys() => new(IamErrorCode.DeleteConflict, "Cannot delete entity, must delete access keys first.");

    public static IamException MustDeletePolicies() => new(IamErrorCode.DeleteConflict, "Cannot delete entity, must delete policies first.");

    public static IamException AccessKeyQuota(int max) => new(IamErrorCode.LimitExceeded, $"Cannot exceed quota for AccessKeysPerUser: {max}");

    public static IamException PolicySize(PolicyOwnerKind kind, string ownerName, int max) =>
        new(IamErrorCode.LimitExceeded, $"Maximum policy size of {max} bytes exceeded for {Noun(kind)} {ownerName}");

    public static IamException TrustPolicySize(int max) => new(IamErrorCode.LimitExceeded, $"Cannot exceed quota for ACLSizePerRole: {max}");

    public static IamException Malformed(string message) => new(IamErrorCode.MalformedPolicyDocument, message);

    public static IamException UserNameRequired() =>
        new(IamErrorCode.ValidationError, "Must specify userName when calling with non-User credentials");

    public static IamException DuplicateTagKeys() =>
        new(IamErrorCode.InvalidInput, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");

    public static IamException Unsupported(string what) => new(IamErrorCode.InvalidInput, $"Trent does not support {what}.");

    private static string Noun(PolicyOwnerKind kind) => kind == PolicyOwnerKind.User ? "user" : "role";
}
