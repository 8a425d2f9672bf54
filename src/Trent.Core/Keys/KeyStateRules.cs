namespace Trent.Core.Keys;

/// <summary>The key-state table of AWS KMS (which operation may run in which state), with AWS's errors.</summary>
public static class KeyStateRules
{
    /// <summary>Cryptographic operations and CreateGrant: only Enabled (and Updating) keys.</summary>
    public static void RequireUsable(KmsKey key)
    {
        if (key.State is KeyState.Enabled or KeyState.Updating)
        {
            return;
        }
        throw StateError(key);
    }

    /// <summary>Tags, description and alias creation: anything but pending deletion.</summary>
    public static void RequireNotPendingDeletion(KmsKey key)
    {
        if (key.State is KeyState.PendingDeletion or KeyState.PendingReplicaDeletion)
        {
            throw StateError(key);
        }
    }

    /// <summary>EnableKey and DisableKey.</summary>
    public static void RequireEnableDisableAllowed(KmsKey key)
    {
        if (key.State is KeyState.PendingDeletion or KeyState.PendingReplicaDeletion or KeyState.PendingImport
            or KeyState.Creating or KeyState.Updating)
        {
            throw StateError(key);
        }
    }

    /// <summary>ScheduleKeyDeletion: not twice, and not while a multi-Region change is running.</summary>
    public static void RequireSchedulable(KmsKey key)
    {
        if (key.State is KeyState.PendingDeletion or KeyState.PendingReplicaDeletion or KeyState.Updating)
        {
            throw StateError(key);
        }
    }

    public static void RequirePendingDeletion(KmsKey key)
    {
        if (key.State is not (KeyState.PendingDeletion or KeyState.PendingReplicaDeletion))
        {
            throw KmsException.InvalidState($"{key.Arn} is not pending deletion.");
        }
    }

    /// <summary>The error AWS returns for a key in a state the operation does not allow.</summary>
    public static KmsException StateError(KmsKey key) => key.State switch
    {
        KeyState.Disabled => new KmsException(KmsErrorCode.DisabledException, $"{key.Arn} is disabled."),
        KeyState.PendingDeletion or KeyState.PendingReplicaDeletion => KmsException.InvalidState($"{key.Arn} is pending deletion."),
        KeyState.PendingImport => KmsException.InvalidState($"{key.Arn} is pending import."),
        KeyState.Unavailable => KmsException.InvalidState($"{key.Arn} is unavailable."),
        KeyState.Creating => KmsException.InvalidState($"{key.Arn} is creating."),
        KeyState.Updating => KmsException.InvalidState($"{key.Arn} is updating."),
        _ => KmsException.InvalidState($"{key.Arn} is {key.State}."),
    };
}
