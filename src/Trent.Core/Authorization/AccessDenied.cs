namespace Trent.Core.Authorization;

/// <summary>AccessDeniedException messages, worded as AWS words them.</summary>
public static class AccessDenied
{
    public static KmsException NoResourcePolicyAllows(string callerArn, string action, string resourceArn) =>
        new(KmsErrorCode.AccessDeniedException,
            $"User: {callerArn} is not authorized to perform: {action} on resource: {resourceArn} because no resource-based policy allows the {action} action");

    public static KmsException NoIdentityPolicyAllows(string callerArn, string action, string resourceArn) =>
        new(KmsErrorCode.AccessDeniedException,
            $"User: {callerArn} is not authorized to perform: {action} on resource: {resourceArn} because no identity-based policy allows the {action} action");

    public static KmsException ExplicitDenyInResourcePolicy(string callerArn, string action, string resourceArn) =>
        new(KmsErrorCode.AccessDeniedException,
            $"User: {callerArn} is not authorized to perform: {action} on resource: {resourceArn} with an explicit deny in a resource-based policy");

    public static KmsException ExplicitDenyInIdentityPolicy(string callerArn, string action, string resourceArn) =>
        new(KmsErrorCode.AccessDeniedException,
            $"User: {callerArn} is not authorized to perform: {action} on resource: {resourceArn} with an explicit deny in an identity-based policy");
}
